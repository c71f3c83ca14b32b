import { builtinRules } from '../rules/index.js';
import { dirname } from 'node:path';
import { activeRules, CONFIG_FILE, configMapping, loadConfig, type Selection } from './config/config.js';
import { loadPlugins } from './config/plugins.js';
import { Checker, resultsOf, type ActiveRule } from './engine/run.js';
import type { ProgressCounter } from './progress.js';
import type { AnyRule, Lang } from './engine/types.js';
import { UserError } from './errors.js';
import { collectGarbage } from './memory.js';
import { readExport } from './model/read-export.js';
import type { ExportMapping, LoadedExport, ReadOptions } from './model/types.js';
import { buildReport } from './report/build.js';
import { describeSelection, selectPopulation, type Selection as Population } from './sample/population.js';
import type { GradeThresholds } from './report/stats.js';
import type { Report } from './report/types.js';
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
}

export interface AuditResult {
  report: Report;
  loaded: LoadedExport;
}

/** The whole pipeline: load → model → engine → report data. No wording, no output. */
export async function audit(opts: AuditOptions): Promise<AuditResult> {
  // Auditing against no criterion would report every akt as fine.
  if (opts.rules.length === 0) throw new UserError('no rules left to run (--rule, --skip-rule, --preset and the config leave none); run \'aktgranskning rules\' for the list');
  const loaded = await readExport(opts.paths, { ...opts.read, asOf: opts.asOf, progress: opts.progress });
  if (loaded.akter.length === 0) {
    const where = opts.paths.join(', ');
    const why = loaded.problems.length > 0 ? ` (${loaded.problems.length} data problems; run with --format json to see them)` : '';
    throw new UserError(`${where}: no akter found${why}; expected cases.csv or .json/.ndjson files of export format v1`);
  }
  const selection = opts.selection ?? {};
  const criteria = describeSelection(selection);
  const population = criteria.length > 0 ? selectPopulation(loaded.akter, selection, opts.asOf) : loaded.akter;
  if (population.length === 0) throw new UserError(`${opts.paths.join(', ')}: no akter meet the selection (${criteria.join('; ')})`);
  if (opts.progress) opts.progress.phase = 'check';
  collectGarbage();
  const checker = new Checker(population, opts.rules, { asOf: opts.asOf });
  collectGarbage();
  const results = resultsOf(population, checker);
  const report = await buildReport({ asOf: opts.asOf, version: VERSION, rules: opts.rules, loaded, results, grades: opts.grades, criteria, progress: opts.progress });
  collectGarbage();
  if (opts.progress) opts.progress.phase = 'report';
  return { report, loaded };
}

/** `validate`: the export against the contract, no rules. Exit 2 territory when nothing is an export file. */
export async function validateExport(opts: { paths: readonly string[]; asOf: string; read?: Omit<ReadOptions, 'asOf'>; maxProblems?: number }): Promise<ValidationReport> {
  const loaded = await readExport(opts.paths, { ...opts.read, asOf: opts.asOf });
  if (loaded.files.length === 0) {
    throw new UserError(`${opts.paths.join(', ')}: no export files found; expected cases.csv (or akter.csv) and its tables, or .json/.ndjson files, or files named in a mapping`);
  }
  return buildValidation({ asOf: opts.asOf, version: VERSION, loaded, maxProblems: opts.maxProblems });
}

export interface Settings {
  rules: ActiveRule[];
  /** Built-in rules and those of the config's plug-ins, active or not. */
  catalogue: AnyRule[];
  asOf?: string;
  lang?: Lang;
  mapping?: ExportMapping;
  grades?: GradeThresholds;
}

export interface SettingFlags extends Selection {
  config?: string;
  mapping?: string;
}

/** Reads the config file (and its mapping) and applies --rule/--skip-rule to the built-in rules. */
export async function resolveSettings(flags: SettingFlags, builtins: readonly AnyRule[] = builtinRules): Promise<Settings> {
  const { config, file } = await loadConfig(flags.config);
  const base = dirname(file ?? CONFIG_FILE);
  const plugins = await loadPlugins(config.plugins ?? [], base, builtins.map((r) => r.id));
  const catalogue = [...builtins, ...plugins];
  return {
    catalogue,
    rules: activeRules(catalogue, config, file ?? 'config', flags),
    asOf: config.asOf,
    lang: config.lang,
    mapping: await configMapping(config, file, flags.mapping),
    grades: config.grades,
  };
}

/** Exit-code logic in one place: an akt failing a rule of severity error, unless a baseline accepts it. */
export function hasFailures(report: Report): boolean {
  if (report.baseline) return report.baseline.fresh + report.baseline.expired > 0;
  return report.total.failingCases > 0;
}
