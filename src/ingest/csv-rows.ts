import { showValue, type Location } from '../model/problems.js';
import type { FileStats, Provided } from '../model/types.js';
import type { Accounts } from './accounts.js';
import type { AktRows, SimpleList } from './akt-rows.js';
import type { CsvLayout } from './csv-layout.js';
import type { Encoded } from './field-checks.js';
import type { Rec } from './field-reader.js';

/** A CSV table being read: its layout, its file's counts, and its directory (`group`) with what that directory provides. */
export interface CsvInput {
  layout: CsvLayout;
  stats: FileStats;
  datasets: Provided;
  group: string;
  /** Per column of the table, per value code of its rows (CellRows.codes), the value as checked: see FieldReader.read. */
  memo: Encoded[][];
  /**
   * The record each row of the table is read as, one object filled afresh per row: nothing keeps
   * it (a problem copies its place, the store its origin), and a million rows make no garbage.
   */
  rec: Rec;
}

/** The record of a CSV table's rows, made once per table. */
export function csvRec(layout: CsvLayout, stats: FileStats, memo: Encoded[][]): Rec {
  return { fields: [], cols: layout.cols, at: { file: stats.file, line: 0 }, stats, prefix: '', codes: undefined, first: 0, memo };
}

/** How many akter after the last one found a child row's caseId is compared with before the map. */
const LOOK_AHEAD = 8;

/** Rows of CSV tables joined to their akt by caseId (and a delmål to its plan by planId). */
export class CsvRows {
  /** The last akt a child row found: the rows of one akt usually stand together. */
  private lastRaw: string | undefined;
  private lastAkt = -1;

  constructor(
    private readonly rows: AktRows,
    private readonly accounts: Accounts,
  ) {}

  /**
   * A row: its cells stand in `cells` from `first` on (a row of its own, or a batch's cells laid
   * end to end), their value codes (if any) at the same indexes of `codes`.
   */
  add(input: CsvInput, cells: readonly string[], first: number, codes: Int32Array | undefined, line: number): void {
    const { layout, stats, rec } = input;
    stats.rowsRead += 1;
    rec.fields = cells;
    rec.first = first;
    rec.codes = codes;
    const at = rec.at;
    at.line = line;
    const table = layout.table;
    if (table === 'cases') {
      this.rows.addAkt(rec, 1, input.datasets, input.group);
      return;
    }
    if (this.rows.hasDuplicates) {
      const caseId = cells[first + layout.caseCol]?.trim() ?? '';
      const where = this.rows.duplicateIn(input.group, caseId);
      if (where !== undefined) return this.accounts.reject(stats, 1, 'duplicate-case-id', at, { caseId, field: 'caseId', value: where });
    }
    const akt = this.parentOf(cells[first + layout.caseCol], at, stats);
    if (akt === undefined) return;
    if (table === 'plans') this.rows.addPlan(akt, rec);
    else if (table === 'subgoals') this.addSubGoal(akt, layout, rec);
    else if (table === 'followups') this.rows.addFollowUp(akt, rec);
    else if (table === 'jobcenter') {
      // One row per akt: a second row for an akt is rejected.
      if (this.rows.store.hasJobCenter(akt)) return this.accounts.reject(stats, 1, 'duplicate-row', at, { caseId: this.rows.store.caseId(akt), field: 'caseId' });
      this.rows.addListItem(akt, 'jobCenter', rec);
    } else this.rows.addListItem(akt, layout.scope as SimpleList, rec);
  }

  private parentOf(raw: string | undefined, at: Location, stats: FileStats): number | undefined {
    if (raw !== undefined && raw === this.lastRaw) return this.lastAkt;
    // Child tables usually list the akter in the order cases.csv does, skipping the akter without
    // rows of theirs: the next few are tried before the map. (A stored akt's caseId is its own, so
    // a match is the akt the map would give.) Looked up in the map of hundreds of thousands of
    // caseIds, a fifth of the akter cost 0.2–0.5 s of this thread at 400,000 akter.
    const store = this.rows.store;
    if (raw !== undefined) {
      const end = Math.min(store.size, this.lastAkt + 1 + LOOK_AHEAD);
      for (let next = this.lastAkt + 1; next < end; next++) {
        if (raw !== store.caseId(next)) continue;
        this.lastRaw = raw;
        this.lastAkt = next;
        return next;
      }
    }
    const caseId = raw?.trim();
    if (!caseId) {
      this.accounts.reject(stats, 1, 'missing-case-id', at, { field: 'caseId' });
      return undefined;
    }
    const akt = this.rows.byCaseId(caseId);
    if (akt === undefined) this.accounts.reject(stats, 1, 'unknown-case-id', at, { caseId, field: 'caseId', value: showValue(caseId) });
    else {
      this.lastRaw = raw;
      this.lastAkt = akt;
    }
    return akt;
  }

  /** A delmål row names its plan by planId; it is rejected when the akt has no such plan. */
  private addSubGoal(akt: number, layout: CsvLayout, rec: Rec): void {
    const caseId = this.rows.store.caseId(akt);
    const cells = rec.fields as readonly string[];
    const planId = layout.planCol >= 0 ? cells[rec.first + layout.planCol]?.trim() : undefined;
    const plan = planId ? this.rows.planById(akt, planId) : undefined;
    if (plan === undefined) {
      this.accounts.reject(rec.stats, 1, planId ? 'unknown-plan-id' : 'missing-required', rec.at, { caseId, field: 'planId', value: showValue(planId) });
      return;
    }
    this.rows.addSubGoal(plan, rec, caseId);
  }
}
