import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { CONFIG_FILE } from '../config/config.js';
import { UserError } from '../errors.js';
import { proposeMapping } from '../init.js';
import { delimiterName } from '../load/delimiter.js';
import type { Lang } from '../engine/types.js';
import { fill } from '../i18n/catalog.js';
import { cliText } from '../i18n/cli-text.js';
import { quote, quoteLines } from '../privacy/quote.js';
import { cliLang } from './help.js';
import { writeOutput } from './output.js';

/** Lines for the person running init: what was placed where, and what is theirs to decide. */
function summary(p: Awaited<ReturnType<typeof proposeMapping>>, target: string, lang: Lang): string[] {
  const t = (key: Parameters<typeof cliText>[0], data: Record<string, string | number> = {}) => fill(cliText(key, lang), data);
  // Each piece from the export is quoted on its own: a line break in a value or column would
  // otherwise split the line, and quoting line by line would leave each half of a number whole.
  const lines = p.files.map((f) => {
    const file = quote(f.file);
    const how = f.encoding ? ` (${f.encoding}, ${delimiterName(f.delimiter ?? ',')})` : '';
    const table = f.table ?? t('initNotPlaced');
    const left = f.unplaced.length > 0 ? t('initUnplaced', { columns: f.unplaced.map((c) => quote(c)).join(', ') }) : '';
    if (f.firstRowData !== undefined) return t('initFirstRowData', { file, columns: f.firstRowData });
    return `${file} → ${table}${how}${left}`;
  });
  for (const [field, values] of Object.entries(p.unknownValues)) {
    lines.push(t('initUnknownValues', { field: quote(field), values: `${values.slice(0, 10).map((v) => quote(v)).join(', ')}${values.length > 10 ? ', …' : ''}` }));
  }
  if (p.mapping.dateFormats) lines.push(t('initDates', { formats: p.mapping.dateFormats.join(', ') }));
  if (target !== '-') lines.push(t('initWrote', { file: target }));
  return lines;
}

export function initCommand(): Command {
  return new Command('init')
    .description("read an export's files and headers and write a starting config with a proposed mapping")
    .argument('<path...>', 'export directories or files')
    .option('-o, --output <file>', `config file to write, or - for stdout (default: ${CONFIG_FILE})`)
    .option('--force', 'overwrite the config file if it exists')
    .addOption(new Option('--lang <lang>', 'language').choices(['sv', 'en']))
    .action(async (paths: string[], flags: { output?: string; force?: boolean; lang?: Lang }) => {
      const target = flags.output ?? CONFIG_FILE;
      if (target !== '-' && existsSync(target) && !flags.force) {
        throw new UserError('init-exists', { file: target });
      }
      const proposal = await proposeMapping(paths);
      if (proposal.files.length === 0) {
        throw new UserError('init-nothing', { paths: paths.join(', ') });
      }
      // The proposal is a working file: its file names and column names must match the export's
      // own, so it is not masked (README, Personal data). A data row is never proposed as a header.
      const text = `${JSON.stringify({ mapping: proposal.mapping }, null, 2)}\n`;
      await writeOutput(target === '-' ? undefined : target, text, proposal.files.map((f) => f.file));
      process.stderr.write(`${quoteLines(summary(proposal, target, flags.lang ?? cliLang()).join('\n'))}\n`);
    });
}
