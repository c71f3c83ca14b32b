import type { DataProblem, ProblemCode } from '../model/problems.js';
import type { Dataset, FieldPath, FileStats, LoadedExport } from '../model/types.js';
import { missingFor } from '../engine/run.js';
import type { AnyRule } from '../engine/types.js';
import { maskFiles, maskProblem } from './build.js';

/** The validate report's own version: it did not change when the check report went to 2. */
export const VALIDATION_SCHEMA_VERSION = 1;

export interface ProblemCount {
  code: ProblemCode;
  level: DataProblem['level'];
  count: number;
}

/** The result of `validate`: the export against the contract, no rules run. */
export interface ValidationReport {
  schemaVersion: number;
  tool: { name: string; version: string };
  asOf: string;
  /** No error-level problems (notices allowed). */
  valid: boolean;
  input: { files: FileStats[]; rowsRead: number; rowsRejected: number; casesRead: number };
  errors: number;
  notices: number;
  /** Every problem counted by code, most frequent first; never capped. */
  counts: ProblemCount[];
  /** The problems listed, in reading order; at most --max-problems of them. */
  problems: DataProblem[];
  /** How many problems were left out of the listing by --max-problems. */
  omitted: number;
  /**
   * Fields (`plans.clientView`) that no row of the export carries, with the rules they leave
   * unassessed: notices, as an export may lack an optional field and still be valid.
   */
  absentFields: { field: string; rules: string[] }[];
}

/** Per field some rule reads and the export lacks, the rules it leaves unassessed (whole datasets are not fields). */
export function absentFields(loaded: LoadedExport, rules: readonly Pick<AnyRule, 'id' | 'requires' | 'fields'>[]): { field: string; rules: string[] }[] {
  const provided = new Set<Dataset | FieldPath>();
  for (let i = 0; i < loaded.akter.length; i++) for (const d of loaded.akter.datasets(i)) provided.add(d);
  const byField = new Map<string, string[]>();
  for (const rule of rules) for (const f of missingFor(rule, provided).fields) byField.set(f, [...(byField.get(f) ?? []), rule.id]);
  return [...byField].map(([field, ids]) => ({ field, rules: ids }));
}

export function buildValidation(opts: { asOf: string; version: string; loaded: LoadedExport; maxProblems?: number; rules?: readonly AnyRule[] }): ValidationReport {
  const { loaded } = opts;
  const byCode = new Map<ProblemCode, ProblemCount>();
  for (const p of loaded.problems) {
    const c = byCode.get(p.code) ?? { code: p.code, level: p.level, count: 0 };
    c.count++;
    byCode.set(p.code, c);
  }
  const counts = [...byCode.values()].sort((a, b) => (a.level !== b.level ? (a.level === 'error' ? -1 : 1) : b.count - a.count || (a.code < b.code ? -1 : 1)));
  const errors = loaded.problems.filter((p) => p.level === 'error').length;
  const cap = opts.maxProblems ?? Infinity;
  const files = maskFiles(loaded.files);
  const absent = loaded.akter.length > 0 ? absentFields(loaded, opts.rules ?? []) : [];
  return {
    schemaVersion: VALIDATION_SCHEMA_VERSION,
    tool: { name: 'aktgranskning', version: opts.version },
    asOf: opts.asOf,
    valid: errors === 0,
    input: {
      files,
      rowsRead: files.reduce((n, f) => n + f.rowsRead, 0),
      rowsRejected: files.reduce((n, f) => n + f.rowsRejected, 0),
      casesRead: loaded.akter.length,
    },
    errors,
    notices: loaded.problems.length - errors + absent.length,
    counts,
    problems: loaded.problems.slice(0, cap).map((p) => maskProblem(p)),
    omitted: Math.max(0, loaded.problems.length - cap),
    absentFields: absent,
  };
}
