import { closeSync, openSync, readSync } from 'node:fs';
import { builtinRules } from '../rules/index.js';
import { dirname } from 'node:path';
import { activeRules, activeThresholds, CONFIG_FILE, configMapping, loadConfig, type Selection } from './config/config.js';
import { loadPlugins } from './config/plugins.js';
import { Checker, notAssessedRules, resultsOf, RuleContractError, type ActiveRule, type AktResult } from './engine/run.js';
import { CheckThread, largeInput, SPLIT_FROM, WORKER_RULES, WorkerRuleError, type CheckedPart } from './check-thread.js';
import type { ProgressCounter } from './progress.js';
import type { AnyRule, Lang } from './engine/types.js';
import { UserError } from './errors.js';
import { criteriaText } from './i18n/error-text.js';
import { collectGarbage } from './memory.js';
import { shareStore, viewsOf } from './ingest/hand-over.js';
import { readExport } from './ingest/read-export.js';
import type { Akter, ExportMapping, LoadedExport, ReadOptions } from './model/types.js';
import { buildReport, DEFAULT_APPENDIX_LIMIT } from './report/build.js';
import { describeSelection, selectPopulation, type Selection as Population } from './sample/population.js';
import type { GradeThresholds } from './report/stats.js';
import type { CaseResult, NotAssessed, Report } from './report/types.js';
import { verdict, type Thresholds } from './report/verdict.js';
import { buildValidation, type ValidationReport } from './report/validation.js';
import { VERSION } from './version.js';

export interface AuditOptions {
  paths: readonly string[];
  /** The audit date D, YYYY-MM-DD. */
  asOf: string;
  rules: readonly ActiveRule[];
  /** How to read the export: encoding, delimiter, mapping. */
  read?: Omit<ReadOptions, 'asOf'>;
  grades?: GradeThresholds;
  /** The population: akter outside it are not audited (the report states the criteria). */
  selection?: Population;
  progress?: ProgressCounter;
  /** The config's placeholder texts, beyond the built-in list. */
  placeholders?: readonly string[];
  /** Failing akter named per stadsdel and rule in the report's Bilaga A (Infinity for all). */
  appendixLimit?: number;
  /** Before the first akt is checked: the rules no akt can be assessed by, which the data formats leave out of every akt. */
  onStart?: (notAssessed: NotAssessed) => void;
  /** Each akt with its results as the report is aggregated, and a wait for full outputs: see buildReport. */
  onCase?: (c: CaseResult) => void;
  drain?: () => Promise<void>;
  insert?: (b: Uint8Array) => void;
  /** Populations of at least this many akter are checked on two threads when the run may use two (default SPLIT_FROM; tests set it lower, and then small files are split too). */
  splitFrom?: number;
}

export interface AuditResult {
  report: Report;
  loaded: LoadedExport;
}

/** The whole pipeline: load → model → engine → report data. No wording, no output. */
export async function audit(opts: AuditOptions): Promise<AuditResult> {
  // Auditing against no criterion would report every akt as fine.
  if (opts.rules.length === 0) throw new UserError('no-rules-left');
  // The second core runs some of the rules (check-thread.ts) unless each akt goes to a format as it is made.
  const proto = process.env.JSPLIT !== undefined && opts.onCase !== undefined;
  const mayUse = proto || (opts.onCase === undefined && (opts.splitFrom !== undefined || (await largeInput(opts.paths))));
  const thread = mayUse ? CheckThread.start(opts.read?.threads ?? 1, opts.rules) : undefined;
  shareStore(thread !== undefined);
  try {
    return await auditOn(opts, thread);
  } finally {
    shareStore(false);
    await thread?.close();
  }
}

async function auditOn(opts: AuditOptions, thread: CheckThread | undefined): Promise<AuditResult> {
  const loaded = await readExport(opts.paths, { ...opts.read, asOf: opts.asOf, progress: opts.progress });
  if (loaded.akter.length === 0) {
    const n = loaded.problems.length;
    const why = n > 0 ? { sv: ` (${n} dataproblem; kör med --format json för att se dem)`, en: ` (${n} data problems; run with --format json to see them)` } : '';
    throw new UserError('no-akter', { paths: opts.paths.join(', '), why });
  }
  const selection = opts.selection ?? {};
  const criteria = describeSelection(selection);
  const population = criteria.length > 0 ? selectPopulation(loaded.akter, selection, opts.asOf) : loaded.akter;
  if (population.length === 0) throw new UserError('no-akter-selected', { paths: opts.paths.join(', '), criteria: criteriaText(criteria) });
  if (opts.progress) opts.progress.phase = 'check';
  collectGarbage();
  const ctx = { asOf: opts.asOf, ...(opts.placeholders ? { placeholders: opts.placeholders } : {}) };
  const appendixLimit = opts.appendixLimit ?? DEFAULT_APPENDIX_LIMIT;
  // The worker runs its rules on every akt while this thread runs the others (check-thread.ts).
  if (process.env.JSPLIT !== undefined && opts.onCase && thread) return protoPass(opts, thread, loaded, population, criteria, ctx, appendixLimit);
  const theirs = thread && population.length >= (opts.splitFrom ?? SPLIT_FROM) ? opts.rules.flatMap((a, i) => (WORKER_RULES.has(a.rule.id) ? [i] : [])) : [];
  const other =
    theirs.length > 0 && theirs.length < opts.rules.length
      ? thread!.check(population, { rules: theirs.map((i) => ({ ruleId: opts.rules[i]!.rule.id, severity: opts.rules[i]!.severity, options: opts.rules[i]!.options })), asOf: opts.asOf, ...(opts.placeholders ? { placeholders: opts.placeholders } : {}), listLimit: appendixLimit })
      : undefined;
  const at = { akt: -1 };
  let report: Report;
  try {
    let split: { mine: number[]; results: Iterable<AktResult>; theirs: number[]; other: Promise<CheckedPart> } | undefined;
    let results: Iterable<AktResult> & { readonly length: number };
    if (other) {
      const mine = opts.rules.flatMap((_, i) => (theirs.includes(i) ? [] : [i]));
      const checker = new Checker(population, mine.map((i) => opts.rules[i]!), ctx);
      // Its rules, too, read a few of the akt's lists (StoredAkter.views).
      split = { mine, results: counted(resultsOf(viewsOf(population), checker), at), theirs, other };
      // The formats that walk the akter again need every rule's findings: made, with every `prepare`, on the first walk.
      let all: Checker | undefined;
      results = { length: population.length, [Symbol.iterator]: () => resultsOf(population, (all ??= new Checker(population, opts.rules, ctx)))[Symbol.iterator]() };
    } else {
      results = resultsOf(population, new Checker(population, opts.rules, ctx));
    }
    collectGarbage();
    const notAssessed = notAssessedRules(population, opts.rules);
    opts.onStart?.(notAssessed);
    report = await buildReport({ asOf: opts.asOf, version: VERSION, rules: opts.rules, loaded, results, notAssessed, grades: opts.grades, criteria, progress: opts.progress, appendixLimit, onCase: opts.onCase, drain: opts.drain, ...(split ? { split } : {}) });
  } catch (e) {
    if (other && e instanceof RuleContractError) throw await firstBroken(e, at.akt, other, opts.rules);
    throw e;
  }
  collectGarbage();
  if (opts.progress) opts.progress.phase = 'report';
  return { report, loaded };
}

/** The results, with the number of the akt being checked kept in `at` (counted before it is made, for a rule that breaks its contract on it). */
function counted(results: Iterable<AktResult>, at: { akt: number }): Iterable<AktResult> {
  // Not a generator: its resumption and result object cost the check pass per akt (engine/run.ts Results).
  return {
    [Symbol.iterator]: () => {
      const walk = results[Symbol.iterator]();
      return {
        next: () => {
          at.akt++;
          return walk.next();
        },
      };
    },
  };
}

/**
 * With both threads checking, the error one thread would have given: of a rule that broke its
 * contract on either, the one on the earlier akt (a `prepare` before all), or of the earlier rule
 * on the same akt.
 */
async function firstBroken(mine: RuleContractError, at: number, other: Promise<CheckedPart>, rules: readonly ActiveRule[]): Promise<Error> {
  const theirs = await other.then(
    () => undefined,
    (w: unknown) => w,
  );
  if (!(theirs instanceof WorkerRuleError)) return mine;
  if (theirs.at !== at) return theirs.at < at ? theirs : mine;
  const order = (e: Error) => rules.findIndex((a) => e.message.startsWith(`rule ${a.rule.id} `));
  return order(theirs) < order(mine) ? theirs : mine;
}

/** `validate`: the export against the contract, no rules. Exit 2 territory when nothing is an export file. */
export async function validateExport(opts: {
  paths: readonly string[];
  asOf: string;
  read?: Omit<ReadOptions, 'asOf'>;
  maxProblems?: number;
  /** The rules whose fields are looked for (default: the built-in rules). */
  rules?: readonly AnyRule[];
}): Promise<ValidationReport> {
  const loaded = await readExport(opts.paths, { ...opts.read, asOf: opts.asOf });
  if (loaded.files.length === 0) {
    throw new UserError('no-export-files', { paths: opts.paths.join(', ') });
  }
  return buildValidation({ asOf: opts.asOf, version: VERSION, loaded, maxProblems: opts.maxProblems, rules: opts.rules ?? builtinRules });
}

export interface Settings {
  rules: ActiveRule[];
  /** Built-in rules and those of the config's plug-ins, active or not. */
  catalogue: AnyRule[];
  asOf?: string;
  lang?: Lang;
  mapping?: ExportMapping;
  grades?: GradeThresholds;
  /** Per rule, the share (per cent) every stadsdel must reach; empty when none is set. */
  thresholds: Thresholds;
  /** The config file in force, if any (--config, or found from the working directory upwards). */
  configFile?: string;
  placeholders?: readonly string[];
}

export interface SettingFlags extends Selection {
  config?: string;
  mapping?: string;
  /** false with --no-config-lookup: no config unless --config names one. */
  configLookup?: boolean;
  /** --threshold RULE=PCT, over the config's. */
  thresholds?: Readonly<Record<string, number>>;
}

/** Reads the config file (and its mapping) and applies --rule/--skip-rule to the built-in rules. */
export async function resolveSettings(flags: SettingFlags, builtins: readonly AnyRule[] = builtinRules): Promise<Settings> {
  const { config, file } = await loadConfig(flags.config, flags.configLookup !== false);
  const base = dirname(file ?? CONFIG_FILE);
  const plugins = await loadPlugins(config.plugins ?? [], base, builtins.map((r) => r.id));
  const catalogue = [...builtins, ...plugins];
  const rules = activeRules(catalogue, config, file ?? 'config', flags);
  return {
    catalogue,
    rules,
    ...(file !== undefined ? { configFile: file } : {}),
    thresholds: activeThresholds(config, file ?? 'config', flags.thresholds ?? {}, rules, catalogue),
    asOf: config.asOf,
    lang: config.lang,
    mapping: await configMapping(config, file, flags.mapping),
    grades: config.grades,
    placeholders: config.placeholders,
  };
}

/** An akt fails a rule of severity error, unless a baseline accepts it (the exit code without thresholds; see verdict). */
export function hasFailures(report: Report): boolean {
  return verdict(report).code === 1;
}

// PROTOTYPE: akter [0, k) here, [k, n) on the worker (bytes to a sink).
async function protoPass(opts: AuditOptions, thread: CheckThread, loaded: LoadedExport, population: Akter, criteria: string[], ctx: { asOf: string; placeholders?: readonly string[] }, appendixLimit: number): Promise<AuditResult> {
  const k = Math.round(population.length * Number(process.env.JSPLIT));
  const t0 = performance.now();
  const omit = notAssessedRules(population, opts.rules).map((x) => x.ruleId);
  const other = thread.check(population, { omit, rules: opts.rules.map((a) => ({ ruleId: a.rule.id, severity: a.severity, options: a.options })), asOf: opts.asOf, ...(opts.placeholders ? { placeholders: opts.placeholders } : {}), listLimit: appendixLimit }, k);
  const t1 = performance.now();
  const checker = new Checker(population, opts.rules, ctx);
  const t2 = performance.now();
  const part = { length: k, at: (i: number) => population.at(i) } as unknown as Akter;
  const results = resultsOf(part, checker);
  const notAssessed = notAssessedRules(population, opts.rules);
  opts.onStart?.(notAssessed);
  const report = await buildReport({ asOf: opts.asOf, version: VERSION, rules: opts.rules, loaded, results, notAssessed, grades: opts.grades, criteria, progress: opts.progress, appendixLimit, onCase: opts.onCase, drain: opts.drain });
  const t3 = performance.now();
  let done = false;
  void other!.then(() => (done = true));
  const t4 = performance.now();
  const fd = openSync(process.env.JSPLIT_FILE!, 'r');
  for (;;) {
    const b = Buffer.allocUnsafeSlow(1 << 20);
    const end = done;
    const got = readSync(fd, b, 0, b.length, null);
    if (got === 0) {
      if (end) break;
      await new Promise((r) => setTimeout(r, 1));
      continue;
    }
    opts.insert!(b.subarray(0, got));
    await opts.drain?.();
  }
  closeSync(fd);
  await other;
  const t5 = performance.now();
  
  if (process.env.JSPLIT_LOG) process.stderr.write(`main: handOver ${(t1 - t0).toFixed(0)} ms, prepare ${(t2 - t1).toFixed(0)} ms, pass ${(t3 - t2).toFixed(0)} ms, copy ${(t5 - t4).toFixed(0)} ms\n`);
  collectGarbage();
  return { report, loaded };
}
