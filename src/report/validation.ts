import type { DataProblem, ProblemCode } from '../model/problems.js';
import type { FileStats, LoadedExport } from '../model/types.js';
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
}

export function buildValidation(opts: { asOf: string; version: string; loaded: LoadedExport; maxProblems?: number }): ValidationReport {
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
    notices: loaded.problems.length - errors,
    counts,
    problems: loaded.problems.slice(0, cap).map((p) => maskProblem(p)),
    omitted: Math.max(0, loaded.problems.length - cap),
  };
}
