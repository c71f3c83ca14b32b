import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { builtinRules } from '../rules/index.js';
import { dirname, join } from 'node:path';
import { activeRules, activeThresholds, CONFIG_FILE, configMapping, loadConfig, type Selection } from './config/config.js';
import { loadPlugins } from './config/plugins.js';
import { Checker, notAssessedRules, resultsOf, RuleContractError, type ActiveRule, type AktResult } from './engine/run.js';
import { CheckThread, largeInput, sendable, SPLIT_BYTES, SPLIT_FROM, WORKER_RULES, WorkerRuleError, WRITE_BYTES, WRITE_FROM, type CheckedPart } from './check-thread.js';
import type { ProgressCounter } from './progress.js';
import type { AnyRule, Lang } from './engine/types.js';
import { UserError } from './errors.js';
import { criteriaText } from './i18n/error-text.js';
import { collectGarbage } from './memory.js';
import { shareStore, viewsOf } from './ingest/hand-over.js';
import { readExport } from './ingest/read-export.js';
import type { Akter, LoadedExport } from './model/types.js';
import type { ExportMapping, ReadOptions } from './ingest/options.js';
import { buildReport, DEFAULT_APPENDIX_LIMIT } from './report/build.js';
import type { BodyOptions } from './report/formatters/json.js';
import { describeSelection, selectPopulation, type Selection as Population } from './sample/population.js';
import type { GradeThresholds } from './report/stats.js';
import type { CaseResult, NotAssessed, Report } from './report/types.js';
import { verdict, type Thresholds } from './report/verdict.js';
import { buildValidation, type ValidationReport } from './report/validation.js';
import { makeTempDir, removeTempDir } from './temp-dirs.js';
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
  /**
   * With onCase, when the one format written in the pass is json (compact) or ndjson, what the
   * check worker needs to write akter as its writer does, and where their bytes go (CaseWriter.raw).
   */
  bodies?: Omit<BodyOptions, 'omit'>;
  insert?: (b: Uint8Array) => void;
  /**
   * Every output is written in the pass (onCase) and nothing is formatted after it but their ends
   * (the totals, the data problems): the heap is not collected at the pass's end (auditOn).
   */
  writtenInPass?: boolean;
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
  // Or, for json and ndjson, checks and writes the later akter itself (writeShare).
  const writes = opts.onCase !== undefined && opts.bodies !== undefined && opts.insert !== undefined;
  const mayUse = (opts.onCase === undefined || writes) && (opts.splitFrom !== undefined || (await largeInput(opts.paths, writes ? WRITE_BYTES : SPLIT_BYTES)));
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
  const large = thread !== undefined && population.length >= (opts.splitFrom ?? SPLIT_FROM);
  // For json and ndjson the worker checks and writes the later akter (writeShare).
  const later = large && opts.bodies && population.length >= (opts.splitFrom ?? WRITE_FROM) ? writeShare(opts, thread, population, appendixLimit) : undefined;
  // Otherwise the worker runs its rules on every akt while this thread runs the others (check-thread.ts).
  const theirs = large && !opts.onCase ? opts.rules.flatMap((a, i) => (WORKER_RULES.has(a.rule.id) ? [i] : [])) : [];
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
    } else if (later) {
      // Each rule's `prepare` result, for the worker (CheckThread.prepared).
      const shared: unknown[] = [];
      const rules = opts.rules.map((a, i) => (a.rule.prepare ? { ...a, rule: kept(a.rule, (v) => (shared[i] = v)) } : a));
      results = resultsOf(population, new Checker(population, rules, ctx));
      thread!.prepared(sendable(opts.rules, shared));
    } else {
      results = resultsOf(population, new Checker(population, opts.rules, ctx));
    }
    collectGarbage();
    const notAssessed = notAssessedRules(population, opts.rules);
    opts.onStart?.(notAssessed);
    report = await buildReport({ asOf: opts.asOf, version: VERSION, rules: opts.rules, loaded, results, notAssessed, grades: opts.grades, criteria, progress: opts.progress, appendixLimit, onCase: opts.onCase, drain: opts.drain, ...(split ? { split } : {}), ...(later ? { later } : {}) });
  } catch (e) {
    if (other && e instanceof RuleContractError) throw await firstBroken(e, at.akt, other, opts.rules);
    throw e;
  } finally {
    if (later) removeTempDir(dirname(later.file));
  }
  // For the report formatted from here. Where the outputs were written in the pass, nothing large is
  // made after it, and the store is still alive: at 400,000 akter (json) the collection took the
  // run's last 0.1 s, to free some 40 MB of 200, with peak RSS the same (session 22).
  if (!opts.writtenInPass) collectGarbage();
  if (opts.progress) opts.progress.phase = 'report';
  return { report, loaded };
}

/**
 * The share of the akter this thread checks and writes (the worker the rest). Before the pass this
 * thread hands the store over and runs every rule's `prepare`, whose results the worker is sent
 * (CheckThread.prepared) while it takes the store over; after it, this thread copies the worker's
 * bytes, mostly while the worker writes its last akter. Both threads then start the pass together,
 * and this one checks some 5 % more akter a second (the worker also writes them to a file): at
 * 400,000 akter 0.50 ended 0.2–0.45 s before the worker, 0.53 with it (session 20).
 */
const MAIN_SHARE = 0.52;

/**
 * json's and ndjson's check pass on two threads: the akter are written in order, so this thread
 * checks and writes the first ones and the worker the rest into a file (check-worker.ts write),
 * which buildReport copies to the output after this thread's akter; the worker's aggregate is
 * appended (Aggregator.append). Undefined where the akter cannot be handed over.
 */
function writeShare(opts: AuditOptions, thread: CheckThread, population: Akter, listLimit: number): Later | undefined {
  const from = Math.max(1, Math.round(population.length * MAIN_SHARE));
  let file: string;
  try {
    file = join(makeTempDir('aktgranskning-'), 'akter');
    // Made here, so the copy can start before the worker opens it.
    writeFileSync(file, '');
  } catch {
    // No room for the worker's bytes: this thread writes every akt.
    return undefined;
  }
  const omit = notAssessedRules(population, opts.rules).map((x) => x.ruleId);
  const rules = opts.rules.map((a) => ({ ruleId: a.rule.id, severity: a.severity, options: a.options }));
  const part = thread.write(population, { rules, asOf: opts.asOf, ...(opts.placeholders ? { placeholders: opts.placeholders } : {}), listLimit, prepared: true, from, file, bodies: { ...opts.bodies!, omit } });
  if (!part) {
    removeTempDir(dirname(file));
    return undefined;
  }
  return { from, file, part, copy: () => copyPart(file, part, opts.insert!, opts.drain) };
}

type Later = NonNullable<Parameters<typeof buildReport>[0]['later']> & { file: string };

/** The rule, its `prepare` result also given to `keep`. */
function kept(rule: AnyRule, keep: (shared: unknown) => void): AnyRule {
  const prepare = rule.prepare!;
  const keeping: AnyRule['prepare'] = (akter, ctx, options) => {
    const shared = prepare(akter, ctx, options);
    keep(shared);
    return shared;
  };
  return { ...rule, prepare: keeping };
}

/** The worker's bytes into the output as it writes them; ends (or throws the worker's error) once it is done. */
async function copyPart(file: string, part: Promise<unknown>, insert: (b: Uint8Array) => void, drain: (() => Promise<void>) | undefined): Promise<void> {
  let done = false;
  const end = () => (done = true);
  part.then(end, end);
  const fd = openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafeSlow(1 << 20);
    for (;;) {
      // Read after the worker was seen done: then nothing more is to come.
      const last = done;
      const got = readSync(fd, buf, 0, buf.length, null);
      if (got > 0) {
        insert(buf.subarray(0, got));
        buf = Buffer.allocUnsafeSlow(1 << 20);
        await drain?.();
      } else if (last) break;
      else await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    closeSync(fd);
  }
  await part;
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
  const order = (e: RuleContractError) => rules.findIndex((a) => a.rule.id === e.fault.ruleId);
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
