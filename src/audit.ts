import { builtinRules } from '../rules/index.js';
import { activeRules, loadConfig, type Selection } from './config/config.js';
import { runRules, type ActiveRule } from './engine/run.js';
import type { AnyRule, Lang } from './engine/types.js';
import { UserError } from './errors.js';
import { readExport } from './model/read-export.js';
import type { LoadedExport } from './model/types.js';
import { buildReport } from './report/build.js';
import type { Report } from './report/types.js';
import { VERSION } from './version.js';

export interface AuditOptions {
  paths: readonly string[];
  /** The audit date D, YYYY-MM-DD. */
  asOf: string;
  rules: readonly ActiveRule[];
}

export interface AuditResult {
  report: Report;
  loaded: LoadedExport;
}

/** The whole pipeline: load → model → engine → report data. No wording, no output. */
export async function audit(opts: AuditOptions): Promise<AuditResult> {
  const loaded = await readExport(opts.paths);
  if (loaded.akter.length === 0) {
    const where = opts.paths.join(', ');
    const why = loaded.problems.length > 0 ? ` (${loaded.problems.length} data problems; run with --format json to see them)` : '';
    throw new UserError(`${where}: no akter found${why}; expected cases.csv or .json/.ndjson files of export format v1`);
  }
  const results = runRules(loaded.akter, opts.rules, { asOf: opts.asOf });
  return { report: buildReport({ asOf: opts.asOf, version: VERSION, rules: opts.rules, loaded, results }), loaded };
}

export interface Settings {
  rules: ActiveRule[];
  asOf?: string;
  lang?: Lang;
}

/** Reads the config file and applies --rule/--skip-rule to the built-in rules. */
export async function resolveSettings(configPath: string | undefined, selection: Selection, all: readonly AnyRule[] = builtinRules): Promise<Settings> {
  const { config, file } = await loadConfig(configPath);
  return { rules: activeRules(all, config, file ?? 'config', selection), asOf: config.asOf, lang: config.lang };
}

/** Exit-code logic in one place: an akt failing a rule of severity error. */
export function hasFailures(report: Report): boolean {
  return report.total.failingCases > 0;
}
