import { randomInt } from 'node:crypto';
import path from 'node:path';
import { Command, Option } from 'commander';
import { resolveSettings } from '../audit.js';
import type { Lang } from '../engine/types.js';
import { UserError } from '../errors.js';
import { copySample } from '../sample/copy.js';
import { quote } from '../privacy/quote.js';
import { protocolJson, protocolMarkdown, tooFewNotices } from '../sample/protocol.js';
import { drawSample } from '../sample/sample.js';
import { attributeSampleSize } from '../sample/size.js';
import { fill } from '../i18n/catalog.js';
import { cliText } from '../i18n/cli-text.js';
import { chooseLang, invalidArgument } from './help.js';
import { writeOutput } from './output.js';
import { addInputOptions, addSelectionOptions, positive, readFlags, selectionFrom, today, type InputFlags, type SelectionFlags } from './shared.js';

interface SampleFlags extends InputFlags, SelectionFlags {
  seed?: string;
  perDistrict?: number;
  size?: number;
  stratify?: number;
  outputDir?: string;
  format: 'markdown' | 'json';
  lang?: Lang;
  sampleSizeFor?: [number, number, number];
}

/** `aspirant=0.5` → 0.5: the share of each sample drawn among aspirants. */
function stratify(value: string): number {
  const m = /^aspirant=(0(?:\.\d+)?|1(?:\.0+)?)$/.exec(value.trim());
  if (!m) throw invalidArgument('bad-stratify');
  return Number(m[1]);
}

/** "1,5,95" or "1%,5%,95%": expected and tolerable deviation rates and confidence, in per cent. */
function rates(value: string): [number, number, number] {
  const parts = value.split(',').map((x) => Number(x.trim().replace(/%$/, '')) / 100);
  if (parts.length < 2 || parts.length > 3 || parts.some((x) => !Number.isFinite(x))) {
    throw invalidArgument('bad-rates');
  }
  return [parts[0]!, parts[1]!, parts[2] ?? 0.95];
}

function sampleSize([expected, tolerable, confidence]: [number, number, number], lang: Lang): string {
  const r = attributeSampleSize(expected, tolerable, confidence);
  if (!r) throw new UserError('sample-size-rates');
  const pct = (x: number) => {
    const n = String(Math.round(x * 1000) / 10);
    return lang === 'sv' ? `${n.replace('.', ',')} %` : `${n}%`;
  };
  return [`${r.n}`, fill(cliText('sampleSize', lang), { expected: pct(expected), tolerable: pct(tolerable), confidence: pct(confidence), n: r.n, allowed: r.allowed })].join('\n');
}

export function sampleCommand(): Command {
  const cmd = new Command('sample')
    .description('draw a reproducible audit sample of akter and write it with its urvalsprotokoll')
    .argument('[path...]', 'export directories or files');
  addInputOptions(cmd);
  addSelectionOptions(cmd);
  return cmd
    .option('--seed <seed>', 'the seed of the draw (default: a random one, printed)')
    .option('--per-district <n>', 'akter to draw in each stadsdel', positive)
    .option('--size <n>', 'akter to draw from the whole population', positive)
    .option('--stratify <aspirant=share>', 'draw this share of each sample among aspirants, e.g. aspirant=0.5', stratify)
    .option('--output-dir <dir>', 'write the sampled akter to <dir>/export (same layout as the export) and urvalsprotokoll.md/.json to <dir>')
    .addOption(new Option('--format <name>', 'urvalsprotokoll on stdout when there is no --output-dir').choices(['markdown', 'json']).default('markdown'))
    .addOption(new Option('--lang <lang>', 'language of the urvalsprotokoll').choices(['sv', 'en']))
    .option('--sample-size-for <expected,tolerable[,confidence]>', 'print the attribute-sampling sample size for these rates (per cent), e.g. 1,5,95', rates)
    .action(async (paths: string[], flags: SampleFlags) => {
      if (flags.sampleSizeFor) {
        const { lang: configLang } = await resolveSettings({ config: flags.config });
        process.stdout.write(`${sampleSize(flags.sampleSizeFor, chooseLang(flags.lang, configLang))}\n`);
        return;
      }
      if (paths.length === 0) throw new UserError('sample-needs-export');
      if ((flags.perDistrict === undefined) === (flags.size === undefined)) throw new UserError('sample-needs-size');
      const read = readFlags(flags);
      const settings = await resolveSettings({ config: flags.config, mapping: flags.mapping });
      const asOf = flags.asOf ?? settings.asOf ?? today();
      const lang = chooseLang(flags.lang, settings.lang);
      const seed = flags.seed ?? String(randomInt(1, 2 ** 47));
      if (flags.seed === undefined) process.stderr.write(`aktgranskning: ${fill(cliText('seed', lang), { seed })}\n`);
      const protocol = await drawSample({
        paths,
        asOf,
        seed,
        selection: selectionFrom(flags),
        perDistrict: flags.perDistrict,
        size: flags.size,
        aspirantShare: flags.stratify,
        read: { ...read, mapping: settings.mapping },
      });
      for (const notice of tooFewNotices(protocol, lang)) process.stderr.write(`aktgranskning: ${quote(notice)}\n`);
      if (flags.outputDir === undefined) {
        process.stdout.write(flags.format === 'json' ? protocolJson(protocol) : protocolMarkdown(protocol, lang));
        return;
      }
      const ids = new Set(protocol.groups.flatMap((g) => g.strata.flatMap((s) => s.drawn)));
      // The sampled export gets a folder of its own, so that reading it never takes the protocol for data.
      const inputs = protocol.files.map((f) => f.file);
      for (const copy of await copySample(paths, ids, path.join(flags.outputDir, 'export'), { ...read, mapping: settings.mapping })) {
        await writeOutput(copy.file, copy.text, inputs, '--output-dir');
      }
      await writeOutput(path.join(flags.outputDir, 'urvalsprotokoll.md'), protocolMarkdown(protocol, lang), inputs, '--output-dir');
      await writeOutput(path.join(flags.outputDir, 'urvalsprotokoll.json'), protocolJson(protocol), inputs, '--output-dir');
    });
}
