import { existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { audit, resolveSettings, type Settings } from '../audit.js';
import { RuleContractError } from '../engine/run.js';
import { DEFAULT_GRADES } from '../report/stats.js';
import { applyBaseline, baselineText, FailingPairs, loadBaseline, makeBaseline, markBaseline, pruneBaseline, type Namer, type Pair } from '../baseline/baseline.js';
import type { Preset } from '../config/config.js';
import type { Lang } from '../engine/types.js';
import { UserError } from '../errors.js';
import { KEY_ENV, loadPseudonymKey, pseudonym, type PseudonymKey } from '../privacy/pseudonym.js';
import { quote } from '../privacy/quote.js';
import { EXTENSIONS, FORMATTERS, WRITERS } from '../report/formatters/index.js';
import { githubStepSummary } from '../report/formatters/github.js';
import { writeReport, type CaseWriter } from '../report/formatters/stream.js';
import { reportHead } from '../report/build.js';
import type { FormatContext } from '../report/messages.js';
import { publicCase, publicReport } from '../report/public.js';
import { VERSION } from '../version.js';
import { drained, openStreamOutput, type StreamOutput } from './stream-output.js';
import { isModulePath, loadFormatter, type LoadedFormatter } from './formatter-module.js';
import type { CaseResult, Report } from '../report/types.js';
import { summaryLine } from '../report/formatters/summary.js';
import { verdict } from '../report/verdict.js';
import { chooseLang, invalidArgument } from './help.js';
import { makeDirectory, writeOutput } from './output.js';
import { withStdin } from './stdin.js';
import { startProgress } from './progress.js';
import { ruleError } from './rule-error.js';
import { addColorOptions, addInputOptions, addSelectionOptions, dateFlag, readFlags, ruleMap, selectionFrom, terminalColumns, today, useColor, type InputFlags, type SelectionFlags } from './shared.js';

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
  color?: boolean;
  printConfig?: boolean;
  threshold?: Record<string, number>;
  appendixLimit?: number;
  pretty?: boolean;
  messages?: boolean;
  evidence?: boolean;
  csvLayout?: 'wide' | 'long';
  splitFrom?: number;
}

/** --threshold current-plan=90 (repeatable): the per cent each stadsdel must reach. */
function threshold(value: string, previous: Record<string, number> | undefined): Record<string, number> {
  const m = /^([^=\s]+)\s*=\s*(\d+(?:[.,]\d+)?)\s*%?$/.exec(value.trim());
  const pct = m ? Number(m[2]!.replace(',', '.')) : NaN;
  if (!m || !(pct >= 0 && pct <= 100)) throw invalidArgument('bad-threshold', { value });
  return { ...previous, [m[1]!]: pct };
}

/** --appendix-limit 10, 0 or all. */
function appendixLimit(value: string): number {
  if (value === 'all') return Infinity;
  if (!/^\d+$/.test(value)) throw invalidArgument('bad-appendix-limit');
  return Number(value);
}

const FORMAT_NAMES = [...new Set([...Object.keys(FORMATTERS), ...Object.keys(WRITERS)])];

/** --format html,markdown → ['html', 'markdown'], each checked against the formatters. */
function formats(value: string): string[] {
  const names = value.split(',').map((x) => x.trim()).filter((x) => x !== '');
  for (const n of names) {
    if (!Object.hasOwn(FORMATTERS, n) && !Object.hasOwn(WRITERS, n) && !isModulePath(n)) throw invalidArgument('bad-format', { value: n, formats: FORMAT_NAMES.join(', ') });
  }
  if (names.length === 0) throw invalidArgument('no-format');
  return [...new Set(names)];
}

/**
 * --write-baseline, --baseline and --prune-baseline; the baseline file is read and written whole.
 * `failing`: the run's failing pairs, gathered in the pass that aggregates.
 */
async function baselines(report: Report, failing: readonly Pair[], flags: CheckFlags, namer: Namer): Promise<Report> {
  dateFlag('--baseline-expires', flags.baselineExpires);
  if (flags.pruneBaseline && flags.baseline === undefined) throw new UserError('prune-needs-baseline');
  const inputs = report.input.files.map((f) => f.file);
  if (flags.writeBaseline !== undefined) {
    const previous = existsSync(flags.writeBaseline) ? await loadBaseline(flags.writeBaseline) : undefined;
    const written = makeBaseline(failing, previous, flags.baselineReason, flags.baselineExpires, namer);
    await writeOutput(flags.writeBaseline, baselineText(written), inputs);
    if (flags.baseline === undefined) return markBaseline(report, applyBaseline(report.asOf, failing, written, namer), flags.writeBaseline);
  }
  if (flags.baseline === undefined) return report;
  const baseline = await loadBaseline(flags.baseline);
  const result = applyBaseline(report.asOf, failing, baseline, namer, flags.baseline);
  if (flags.pruneBaseline) await writeOutput(flags.baseline, baselineText(pruneBaseline(baseline, result.stale)), inputs);
  return markBaseline(report, result, flags.baseline);
}

/** What --print-config prints: every setting the run would use, after defaults. */
function settingsInForce(settings: Settings, asOf: string, lang: Lang): Record<string, unknown> {
  return {
    config: settings.configFile ?? null,
    asOf,
    lang,
    grades: settings.grades ?? DEFAULT_GRADES,
    thresholds: settings.thresholds,
    mapping: settings.mapping ?? null,
    rules: Object.fromEntries(settings.rules.map((a) => [a.rule.id, { severity: a.severity, options: a.options }])),
  };
}

export function checkCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('check')
    .description('audit the akter of an export and write the findings per stadsdel')
    .argument('<path...>', 'export directories or files (.csv tables, .json, .ndjson), or - for JSON/NDJSON akter on stdin');
  addSelectionOptions(cmd);
  addColorOptions(cmd);
  return addInputOptions(cmd)
    .option('--format <names>', `report format, or several separated by commas with --output-dir: ${FORMAT_NAMES.join(', ')} or a formatter module ./file.mjs (default: terminal on a terminal, else markdown)`, formats)
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--output-dir <dir>', 'write one file per format into this directory (aktgranskning.md, .html, .json, .csv, .txt)')
    .option('--excel', 'CSV for Excel: UTF-8 with BOM, semicolons and CRLF')
    .addOption(new Option('--csv-layout <layout>', 'CSV: wide, one row per akt (default); long, one row per akt and granskningspunkt').choices(['wide', 'long']))
    .option('--pretty', 'JSON indented (compact by default)')
    .option('--messages', "JSON and NDJSON: each reason's sentence beside its code (the catalogue `messages` has them all once)")
    .option('--evidence', "JSON and NDJSON: each result's evidence, what the rule saw when the akt passed (the plan's id, dates, the goal)")
    .option('--appendix-limit <n>', 'akter named per stadsdel and granskningspunkt in the report\'s Bilaga A, and data problems per code in Bilaga B (0 for none, all for every one; default 10)', appendixLimit)
    .addOption(new Option('--lang <lang>', 'report language').choices(['sv', 'en']))
    .option('--rule <id...>', 'run only these rules')
    .option('--skip-rule <id...>', 'do not run these rules')
    .addOption(new Option('--preset <name>', 'core: the four rules of the 2011 audit; all: every rule (default)').choices(['core', 'all']))
    .option('--threshold <rule=pct>', 'exit 1 only when some stadsdel meets this rule in fewer than pct % of its akter (repeatable; rules without one then do not set the exit code)', threshold)
    .option('--print-config', 'print the settings in force (config file, defaults and flags) as JSON, and read no export')
    .option('--strict', 'exit 1 when the export has data problems, even if every akt passes')
    .option('-q, --quiet', 'no progress line and no summary line on stderr')
    .option('--baseline <file>', 'known failures: exit 1 only for failures not in it (or whose entry has expired)')
    .option('--write-baseline <file>', "record this run's failures as a baseline (entries already there keep their reason and expiry)")
    .option('--baseline-reason <text>', 'why the new baseline entries are accepted')
    .option('--baseline-expires <date>', 'until when the new baseline entries are accepted, YYYY-MM-DD')
    .option('--prune-baseline', 'with --baseline: remove the entries that no longer fail')
    .option('--public', 'a report fit to publish: akter only by keyed pseudonym, no text quoted from the export')
    // For tests: the population size from which two threads check the akter (audit.ts), so small fixtures take that path.
    .addOption(new Option('--split-from <n>').hideHelp().argParser(Number))
    .option('--pseudonym-key-file <file>', `secret for the pseudonyms (default: $${KEY_ENV}, else a key for this run only)`)
    .action(async (paths: string[], flags: CheckFlags) => {
      const run = await settle(flags);
      if (run === undefined) return;
      try {
        await checkExport(paths, flags, setExit, run);
      } catch (e) {
        // A rule's bug names the akt as this run's reports would (by pseudonym under --public).
        throw e instanceof RuleContractError ? ruleError(e, run.key) : e;
      }
    });
}

/** What the flags and the config settle before the export is read; `key` names akter under --public. */
interface Settled {
  read: ReturnType<typeof readFlags>;
  chosen: string[];
  settings: Awaited<ReturnType<typeof resolveSettings>>;
  asOf: string;
  lang: Lang;
  key: PseudonymKey | undefined;
}

/** The run's settings, or undefined when --print-config has printed them. */
async function settle(flags: CheckFlags): Promise<Settled | undefined> {
  const read = readFlags(flags);
  // A person at a terminal wants the summary; a pipe or a file wants the report itself.
  const chosen = flags.format ?? [process.stdout.isTTY && flags.output === undefined ? 'terminal' : 'markdown'];
  if (chosen.length > 1 && flags.outputDir === undefined) {
    throw new UserError('formats-need-dir', { formats: chosen.join(',') });
  }
  if (flags.output !== undefined && flags.outputDir !== undefined) throw new UserError('output-and-dir');
  if (flags.outputDir !== undefined) await makeDirectory(flags.outputDir, '--output-dir');
  const settings = await resolveSettings({ config: flags.config, configLookup: flags.configLookup, mapping: flags.mapping, only: flags.rule, skip: flags.skipRule, preset: flags.preset, thresholds: flags.threshold });
  const asOf = flags.asOf ?? settings.asOf ?? today();
  const lang = chooseLang(flags.lang, settings.lang);
  if (flags.printConfig) {
    process.stdout.write(`${JSON.stringify(settingsInForce(settings, asOf, lang), null, 2)}\n`);
    return;
  }
  const key = flags.public ? await loadPseudonymKey(flags.pseudonymKeyFile) : undefined;
  return { read, chosen, settings, asOf, lang, key };
}

async function checkExport(paths: string[], flags: CheckFlags, setExit: (code: number) => void, { read, chosen, settings, asOf, lang, key }: Settled): Promise<void> {
  // Formatter modules are loaded before the run, so a bad one stops it at once.
  const custom = new Map<string, LoadedFormatter>();
  for (const f of chosen) if (isModulePath(f)) custom.set(f, await loadFormatter(f));
  const extension = (format: string) => custom.get(format)?.extension ?? EXTENSIONS[format]!;
  const target = (format: string) => (flags.outputDir !== undefined ? path.join(flags.outputDir, `aktgranskning.${extension(format)}`) : flags.output);
  const ctx = (format: string): FormatContext => ({
    lang,
    rules: ruleMap(settings.catalogue),
    color: format === 'terminal' && target(format) === undefined && useColor(flags.color),
    excel: flags.excel === true,
    pretty: flags.pretty === true,
    messages: flags.messages === true,
    evidence: flags.evidence === true,
    csvLayout: flags.csvLayout ?? 'wide',
    thresholds: settings.thresholds,
    threads: read.threads,
  });
  // Formats that list every akt are written in the pass that aggregates, so no format walks
  // the akter twice. A baseline changes the akter after that pass: then they are walked again.
  const withBaselines = flags.baseline !== undefined || flags.writeBaseline !== undefined;
  const inPass = withBaselines ? [] : chosen.filter((f) => Object.hasOwn(WRITERS, f));
  // The baseline's failing pairs are gathered in that pass too, not by walking the akter again.
  const failing = withBaselines ? new FailingPairs() : undefined;
  const streams = new Map<string, { output: StreamOutput; writer?: CaseWriter }>();
  const progress = startProgress(lang, flags.quiet);
  const stdin = await withStdin(paths);
  let result;
  try {
    for (const f of inPass) streams.set(f, { output: await openStreamOutput(target(f)) });
    const writers: CaseWriter[] = [];
    const outputs = [...streams.values()].map((s) => s.output);
    result = await audit({
      paths: stdin?.paths ?? paths,
      asOf,
      rules: settings.rules,
      read: { ...read, mapping: settings.mapping },
      grades: settings.grades,
      placeholders: settings.placeholders,
      selection: selectionFrom(flags),
      progress: progress.counter,
      appendixLimit: flags.appendixLimit,
      ...(failing ? { onCase: (c: CaseResult) => failing.add(c) } : {}),
      ...(flags.splitFrom !== undefined ? { splitFrom: flags.splitFrom } : {}),
      // json and ndjson alone are written whole in the pass: their ends are small.
      ...(inPass.length === chosen.length && chosen.every((f) => f === 'json' || f === 'ndjson') ? { writtenInPass: true } : {}),
      ...(streams.size > 0
        ? {
            // The writers start once the export is read: their akter leave out the rules it cannot assess at all.
            onStart: (notAssessed) => {
              const head = reportHead({ asOf, version: VERSION, rules: settings.rules, grades: settings.grades, notAssessed });
              const shownHead = key ? { ...head, privacy: { mode: 'public' as const, pseudonymKey: key.source === 'per-run' ? ('per-run' as const) : ('secret' as const) } } : head;
              for (const [f, s] of streams) writers.push((s.writer = WRITERS[f]!(shownHead, ctx(f), s.output.stream)));
            },
            onCase: (c) => {
              const named = stdin ? stdin.renameCase(c) : c;
              const shown = key ? publicCase(named, key) : named;
              for (const w of writers) w.add(shown);
            },
            // json or ndjson alone, each akt as the writer has it: the check worker may write the later akter (audit.ts writeShare).
            ...(inPass.length === 1 && (inPass[0] === 'ndjson' || (inPass[0] === 'json' && flags.pretty !== true)) && !key && !stdin
              ? {
                  bodies: { format: inPass[0] as 'json' | 'ndjson', lang, messages: flags.messages === true, evidence: flags.evidence === true },
                  insert: (b: Uint8Array) => writers[0]!.raw!(b),
                }
              : {}),
            drain: async () => {
              await drained(outputs);
              for (const w of writers) await w.ready?.();
            },
          }
        : {}),
    });
  } catch (e) {
    for (const s of streams.values()) await s.output.abort();
    throw e;
  } finally {
    progress.stop();
    stdin?.cleanup();
  }
  const full = stdin ? stdin.rename(result.report) : result.report;
  // A baseline is keyed when a key was given; a key made up for this run would match nothing next time.
  const baselineKey = key ?? (flags.pseudonymKeyFile !== undefined || process.env[KEY_ENV]?.trim() ? await loadPseudonymKey(flags.pseudonymKeyFile) : undefined);
  const namer: Namer = baselineKey && baselineKey.source !== 'per-run' ? (id) => pseudonym(baselineKey.key, id) : undefined;
  const withBaseline = await baselines(full, failing?.sorted() ?? [], flags, namer);
  const withConfig = settings.configFile !== undefined ? { ...withBaseline, config: quote(settings.configFile) } : withBaseline;
  const report = key ? publicReport(withConfig, key) : withConfig;
  const inputs = full.input.files.map((f) => f.file);
  const outcome = verdict(report, { thresholds: settings.thresholds, strict: flags.strict });
  setExit(outcome.code);
  for (const format of chosen) {
    const streamed = streams.get(format);
    if (streamed) {
      await streamed.writer!.finish(report);
      await streamed.output.commit(inputs);
    } else if (Object.hasOwn(FORMATTERS, format) || isModulePath(format)) {
      const formatter = custom.get(format) ?? { format: FORMATTERS[format]! };
      const toFile = target(format);
      await writeOutput(toFile, await formatter.format(report, { ...ctx(format), ...(toFile === undefined ? { columns: terminalColumns() } : {}) }), inputs);
    } else {
      // xlsx with a baseline: its writer over the finished report.
      const output = await openStreamOutput(target(format));
      await writeReport(WRITERS[format]!, report, ctx(format), output.stream).catch(async (e: unknown) => {
        await output.abort();
        throw e;
      });
      await output.commit(inputs);
    }
  }
  const stepSummary = process.env.GITHUB_STEP_SUMMARY;
  if (chosen.includes('github') && stepSummary) {
    // GitHub's job summary is one file per step that every tool appends its Markdown to.
    await appendFile(stepSummary, githubStepSummary(report, ctx('github'))).catch((e: NodeJS.ErrnoException) => {
      throw new UserError('cannot-write-summary', { file: stepSummary, why: e.code ?? e.message });
    });
  }
  // The terminal format says how it went; a file or a machine format does not, so one line on stderr does.
  const elsewhere = flags.output !== undefined || flags.outputDir !== undefined || chosen.some((f) => f !== 'terminal');
  if (elsewhere && flags.quiet !== true) process.stderr.write(summaryLine(report, outcome, ctx('terminal')));
}

