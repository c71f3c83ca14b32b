import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { CONFIG_FILE } from '../config/config.js';
import { UserError } from '../errors.js';
import { proposeMapping } from '../init.js';
import { delimiterName } from '../load/delimiter.js';
import { firstRowIsData } from '../model/header.js';
import { quoteLines } from '../privacy/quote.js';
import { writeOutput } from './output.js';

/** Lines for the person running init: what was placed where, and what is theirs to decide. */
function summary(p: Awaited<ReturnType<typeof proposeMapping>>, target: string): string[] {
  const lines = p.files.map((f) => {
    const how = f.encoding ? ` (${f.encoding}, ${delimiterName(f.delimiter ?? ',')})` : '';
    const table = f.table ?? 'not placed: set its table under mapping.files, or leave null to skip it';
    const left = f.unplaced.length > 0 ? `; columns not placed (null, not read): ${f.unplaced.join(', ')}` : '';
    if (f.firstRowData !== undefined) return `${f.file}: ${firstRowIsData(f.firstRowData)}; add a row of column names, then run init again`;
    return `${f.file} → ${table}${how}${left}`;
  });
  for (const [field, values] of Object.entries(p.unknownValues)) {
    lines.push(`${field}: values ${values.slice(0, 10).join(', ')}${values.length > 10 ? ', …' : ''} are not known; map them under mapping.values.${field}`);
  }
  if (p.mapping.dateFormats) lines.push(`dates read as ${p.mapping.dateFormats.join(', ')} (mapping.dateFormats)`);
  if (target !== '-') lines.push(`wrote ${target}; review it, then run: aktgranskning validate <export>`);
  return lines;
}

export function initCommand(): Command {
  return new Command('init')
    .description("read an export's files and headers and write a starting config with a proposed mapping")
    .argument('<path...>', 'export directories or files')
    .option('-o, --output <file>', `config file to write, or - for stdout (default: ${CONFIG_FILE})`)
    .option('--force', 'overwrite the config file if it exists')
    .action(async (paths: string[], flags: { output?: string; force?: boolean }) => {
      const target = flags.output ?? CONFIG_FILE;
      if (target !== '-' && existsSync(target) && !flags.force) {
        throw new UserError(`${target}: already exists; use --force to overwrite it or --output to write elsewhere`);
      }
      const proposal = await proposeMapping(paths);
      if (proposal.files.length === 0) {
        throw new UserError(`${paths.join(', ')}: no CSV or text tables found to map; JSON exports of format v1 need no mapping`);
      }
      // The proposal is a working file: its file names and column names must match the export's
      // own, so it is not masked (README, Personal data). A data row is never proposed as a header.
      const text = `${JSON.stringify({ mapping: proposal.mapping }, null, 2)}\n`;
      await writeOutput(target === '-' ? undefined : target, text, proposal.files.map((f) => f.file));
      process.stderr.write(`${quoteLines(summary(proposal, target).join('\n'))}\n`);
    });
}
