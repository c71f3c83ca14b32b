import { randomInt } from 'node:crypto';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { resolveSettings } from '../audit.js';
import type { Lang } from '../engine/types.js';
import { UserError } from '../errors.js';
import { copySample } from '../sample/copy.js';
import { maskPersonalNumbers } from '../privacy/personnummer.js';
import { protocolJson, protocolMarkdown, tooFewNotices } from '../sample/protocol.js';
import { drawSample } from '../sample/sample.js';
import { attributeSampleSize } from '../sample/size.js';
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
  if (!m) throw new InvalidArgumentError('write it as aspirant=SHARE, e.g. aspirant=0.5');
  return Number(m[1]);
}

/** "1,5,95" or "1%,5%,95%": expected and tolerable deviation rates and confidence, in per cent. */
function rates(value: string): [number, number, number] {
  const parts = value.split(',').map((x) => Number(x.trim().replace(/%$/, '')) / 100);
  if (parts.length < 2 || parts.length > 3 || parts.some((x) => !Number.isFinite(x))) {
    throw new InvalidArgumentError('give expected,tolerable[,confidence] in per cent, e.g. 1,5,95');
  }
  return [parts[0]!, parts[1]!, parts[2] ?? 0.95];
}

function sampleSize([expected, tolerable, confidence]: [number, number, number]): string {
  const r = attributeSampleSize(expected, tolerable, confidence);
  if (!r) throw new UserError('--sample-size-for: the expected rate must be below the tolerable rate, and both and the confidence between 0 and 100 %');
  const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
  return [
    `${r.n}`,
    `Attributurval (binomialfördelning): med förväntad avvikelse ${pct(expected)}, tolerabel avvikelse ${pct(tolerable)} och konfidensgrad ${pct(confidence)} krävs minst ${r.n} akter, varav högst ${r.allowed} med brist, för att med ${pct(confidence)} säkerhet kunna säga att avvikelsen är under ${pct(tolerable)}.`,
    `Attribute sampling (binomial): with an expected deviation rate of ${pct(expected)}, a tolerable rate of ${pct(tolerable)} and ${pct(confidence)} confidence, at least ${r.n} case files are needed, with at most ${r.allowed} deviating, to conclude with ${pct(confidence)} confidence that the rate is below ${pct(tolerable)}.`,
  ].join('\n');
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
        process.stdout.write(`${sampleSize(flags.sampleSizeFor)}\n`);
        return;
      }
      if (paths.length === 0) throw new UserError('sample: give the export to sample from, or --sample-size-for');
      if ((flags.perDistrict === undefined) === (flags.size === undefined)) throw new UserError('sample: give either --per-district N or --size N');
      const read = readFlags(flags);
      const settings = await resolveSettings({ config: flags.config, mapping: flags.mapping });
      const asOf = flags.asOf ?? settings.asOf ?? today();
      const seed = flags.seed ?? String(randomInt(1, 2 ** 47));
      if (flags.seed === undefined) process.stderr.write(`aktgranskning: seed ${seed} (give --seed ${seed} to draw the same sample again)\n`);
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
      const lang = flags.lang ?? settings.lang ?? 'sv';
      for (const notice of tooFewNotices(protocol, lang)) process.stderr.write(`aktgranskning: ${maskPersonalNumbers(notice)}\n`);
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
