import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { audit, hasFailures, resolveSettings } from '../audit.js';
import { applyBaseline, baselineText, loadBaseline, makeBaseline, markBaseline, pruneBaseline } from '../baseline/baseline.js';
import type { Preset } from '../config/config.js';
import type { Lang } from '../engine/types.js';
import { EXIT_FINDINGS, EXIT_OK, UserError } from '../errors.js';
import { KEY_ENV, loadPseudonymKey } from '../privacy/pseudonym.js';
import { EXTENSIONS, FORMATTERS } from '../report/formatters/index.js';
import { publicReport } from '../report/public.js';
import type { Report } from '../report/types.js';
import { makeDirectory, writeOutput } from './output.js';
import { startProgress } from './progress.js';
import { addInputOptions, addSelectionOptions, dateFlag, readFlags, ruleMap, selectionFrom, today, useColor, type InputFlags, type SelectionFlags } from './shared.js';

interface CheckFlags extends InputFlags, SelectionFlags {
  format?: string[];
  output?: string;
  outputDir?: string;
  excel?: boolean;
  lang?: Lang;
  rule?: string[];
  skipRule?: string[];
  preset?: Preset;
  strict?: boolean;
  quiet?: boolean;
  public?: boolean;
  pseudonymKeyFile?: string;
  baseline?: string;
  writeBaseline?: string;
  baselineReason?: string;
  baselineExpires?: string;
  pruneBaseline?: boolean;
}

/** --format html,markdown → ['html', 'markdown'], each checked against the formatters. */
function formats(value: string): string[] {
  const names = value.split(',').map((x) => x.trim()).filter((x) => x !== '');
  for (const n of names) {
    if (!Object.hasOwn(FORMATTERS, n)) throw new InvalidArgumentError(`"${n}" is not a format; choose from ${Object.keys(FORMATTERS).join(', ')}`);
  }
  if (names.length === 0) throw new InvalidArgumentError('name at least one format');
  return [...new Set(names)];
}

/** --write-baseline, --baseline and --prune-baseline; the baseline file is read and written whole. */
async function baselines(report: Report, flags: CheckFlags): Promise<Report> {
  dateFlag('--baseline-expires', flags.baselineExpires);
  if (flags.pruneBaseline && flags.baseline === undefined) throw new UserError('--prune-baseline needs --baseline FILE');
  const inputs = report.input.files.map((f) => f.file);
  if (flags.writeBaseline !== undefined) {
    const previous = existsSync(flags.writeBaseline) ? await loadBaseline(flags.writeBaseline) : undefined;
    const written = makeBaseline(report, previous, flags.baselineReason, flags.baselineExpires);
    await writeOutput(flags.writeBaseline, baselineText(written), inputs);
    if (flags.baseline === undefined) return markBaseline(report, applyBaseline(report, written), flags.writeBaseline);
  }
  if (flags.baseline === undefined) return report;
  const baseline = await loadBaseline(flags.baseline);
  const result = applyBaseline(report, baseline);
  if (flags.pruneBaseline) await writeOutput(flags.baseline, baselineText(pruneBaseline(baseline, result.stale)), inputs);
  return markBaseline(report, result, flags.baseline);
}

export function checkCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('check')
    .description('audit the akter of an export and write the findings per stadsdel')
    .argument('<path...>', 'export directories or files (.csv tables, .json, .ndjson)');
  addSelectionOptions(cmd);
  return addInputOptions(cmd)
    .option('--format <names>', `report format, or several separated by commas with --output-dir: ${Object.keys(FORMATTERS).join(', ')} (default: terminal on a terminal, else markdown)`, formats)
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--output-dir <dir>', 'write one file per format into this directory (aktgranskning.md, .html, .json, .csv, .txt)')
    .option('--excel', 'CSV for Excel: UTF-8 with BOM, semicolons and CRLF')
    .addOption(new Option('--lang <lang>', 'report language').choices(['sv', 'en']))
    .option('--rule <id...>', 'run only these rules')
    .option('--skip-rule <id...>', 'do not run these rules')
    .addOption(new Option('--preset <name>', 'core: the four rules of the 2011 audit; all: every rule (default)').choices(['core', 'all']))
    .option('--strict', 'exit 1 when the export has data problems, even if every akt passes')
    .option('-q, --quiet', 'no progress line on stderr (it is only shown on a terminal, for runs over a second)')
    .option('--baseline <file>', 'known failures: exit 1 only for failures not in it (or whose entry has expired)')
    .option('--write-baseline <file>', "record this run's failures as a baseline (entries already there keep their reason and expiry)")
    .option('--baseline-reason <text>', 'why the new baseline entries are accepted')
    .option('--baseline-expires <date>', 'until when the new baseline entries are accepted, YYYY-MM-DD')
    .option('--prune-baseline', 'with --baseline: remove the entries that no longer fail')
    .option('--public', 'a report fit to publish: akter only by keyed pseudonym, no text quoted from the export')
    .option('--pseudonym-key-file <file>', `secret for the pseudonyms (default: $${KEY_ENV}, else a key for this run only)`)
    .action(async (paths: string[], flags: CheckFlags) => {
      const read = readFlags(flags);
      // A person at a terminal wants the summary; a pipe or a file wants the report itself.
      const chosen = flags.format ?? [process.stdout.isTTY && flags.output === undefined ? 'terminal' : 'markdown'];
      if (chosen.length > 1 && flags.outputDir === undefined) {
        throw new UserError(`--format ${chosen.join(',')}: several formats need --output-dir, which gets one file each`);
      }
      if (flags.output !== undefined && flags.outputDir !== undefined) throw new UserError('give either --output or --output-dir, not both');
      if (flags.outputDir !== undefined) await makeDirectory(flags.outputDir, 'choose another --output-dir');
      const settings = await resolveSettings({ config: flags.config, mapping: flags.mapping, only: flags.rule, skip: flags.skipRule, preset: flags.preset });
      const asOf = flags.asOf ?? settings.asOf ?? today();
      const lang = flags.lang ?? settings.lang ?? 'sv';
      const key = flags.public ? await loadPseudonymKey(flags.pseudonymKeyFile) : undefined;
      const progress = startProgress(lang, flags.quiet);
      const { report: full } = await audit({ paths, asOf, rules: settings.rules, read: { ...read, mapping: settings.mapping }, grades: settings.grades, selection: selectionFrom(flags), progress: progress.counter }).finally(() => progress.stop());
      const withBaseline = await baselines(full, flags);
      const report = key ? publicReport(withBaseline, key) : withBaseline;
      const inputs = report.input.files.map((f) => f.file);
      for (const format of chosen) {
        const toFile = flags.outputDir !== undefined ? path.join(flags.outputDir, `aktgranskning.${EXTENSIONS[format]}`) : flags.output;
        const text = FORMATTERS[format]!(report, {
          lang,
          rules: ruleMap(settings.catalogue),
          color: format === 'terminal' && toFile === undefined && useColor(),
          excel: flags.excel === true,
        });
        await writeOutput(toFile, text, inputs);
      }
      const problems = flags.strict === true && report.dataProblems.some((p) => p.level === 'error');
      setExit(hasFailures(report) || problems ? EXIT_FINDINGS : EXIT_OK);
    });
}
