import { problem, type DataProblem, type Location, type ProblemCode } from '../model/problems.js';
import type { FileStats } from '../model/types.js';

/**
 * The files read and the data problems found. Every record read is either used or rejected with a
 * problem, so rows read = rows used + rows rejected per file.
 */
export class Accounts {
  readonly problems: DataProblem[] = [];
  readonly files: FileStats[] = [];
  private readonly reportedUnknown = new Set<string>();

  addFile(stats: FileStats): FileStats {
    this.files.push(stats);
    return stats;
  }

  report(p: DataProblem): void {
    this.problems.push(p);
  }

  /** An unknown field is said once per file, not once per row. */
  reportUnknownField(at: Location, field: string): void {
    const key = `${at.file}\0${field}`;
    if (this.reportedUnknown.has(key)) return;
    this.reportedUnknown.add(key);
    this.problems.push(problem('unknown-field', { file: at.file, line: at.line, index: at.index }, { field }));
  }

  /** A record read but not usable at all (broken line, wrong field count): counted as read and rejected. */
  rejectRow(stats: FileStats, code: ProblemCode, at: Location, extra: Partial<DataProblem> = {}): void {
    stats.rowsRead += 1;
    this.reject(stats, 1, code, at, extra);
  }

  /** `rows` rows already counted as read are rejected, with the problem that says why. */
  reject(stats: FileStats, rows: number, code: ProblemCode, at: Location, extra: Partial<DataProblem>): void {
    stats.rowsRejected += rows;
    this.problems.push(problem(code, at, { ...extra, rejected: true }));
  }
}
