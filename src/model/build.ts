import { FieldIssue, makeChecks, type ScopeChecks } from './codec.js';
import type { Scope } from './fields.js';
import { problem, showValue, type DataProblem, type Location, type ProblemCode } from './problems.js';
import { Akter, AktStore, type ChildScope } from './store.js';
import type { Dataset, FileStats, LoadedExport } from './types.js';
import { isPlainObject } from './validate.js';
import { makeNormalize, type Normalize } from './values.js';

/** Lists of an akt that need nothing but field validation. */
export const SIMPLE_LISTS = ['investigations', 'consents', 'placements'] as const;
export type SimpleList = (typeof SIMPLE_LISTS)[number];

const AKT_NESTED = new Set<string>(['plans', 'followUps', 'jobCenter', ...SIMPLE_LISTS]);
const PLAN_NESTED = new Set(['subGoals']);
const ARRAY_KEYS = ['plans', 'followUps', ...SIMPLE_LISTS] as const satisfies readonly Dataset[];

/** Rows an akt in JSON stands for, counted as its CSV twin would count them. */
function nestedCount(raw: Record<string, unknown>): number {
  let n = isPlainObject(raw.jobCenter) ? 1 : 0;
  for (const key of ARRAY_KEYS) {
    const list = raw[key];
    if (!Array.isArray(list)) continue;
    n += list.length;
    if (key === 'plans') {
      for (const p of list) if (isPlainObject(p) && Array.isArray(p.subGoals)) n += p.subGoals.length;
    }
  }
  return n;
}

/**
 * Turns raw records (JSON akter, CSV rows) into the akt store and data problems. Every record read
 * is either used or rejected with a problem, so rows read = rows used + rows rejected per file.
 */
export class ExportBuilder {
  private readonly store = new AktStore();
  private readonly akter = new Map<string, number>();
  private readonly problems: DataProblem[] = [];
  private readonly files: FileStats[] = [];
  private readonly reportedUnknown = new Set<string>();
  /** JSON akter share one view of what the export provides: a key present in any akt counts. */
  readonly jsonDatasets = new Set<Dataset>();
  private readonly checks: Record<Scope, ScopeChecks>;
  private readonly asOf: string | undefined;

  constructor(opts: { normalize?: Normalize; asOf?: string } = {}) {
    this.checks = makeChecks(opts.normalize ?? makeNormalize());
    this.asOf = opts.asOf;
  }

  addFile(stats: FileStats): FileStats {
    this.files.push(stats);
    return stats;
  }

  report(p: DataProblem): void {
    this.problems.push(p);
  }

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

  private reject(stats: FileStats, rows: number, code: ProblemCode, at: Location, extra: Partial<DataProblem>): void {
    stats.rowsRejected += rows;
    this.problems.push(problem(code, at, { ...extra, rejected: true }));
  }

  /** Checks every field of `scope` in `raw`; unknown keys (outside `nested`) are reported first. */
  private checkFields(scope: Scope, raw: Record<string, unknown>, at: Location, prefix: string, nested?: ReadonlySet<string>): unknown[] {
    const { fields, checks, index } = this.checks[scope];
    for (const k in raw) if (!index.has(k) && !nested?.has(k)) this.reportUnknownField(at, prefix + k);
    const out = new Array<unknown>(fields.length);
    for (let f = 0; f < fields.length; f++) {
      const name = fields[f]!;
      out[f] = checks[f]!(Object.hasOwn(raw, name) ? raw[name] : undefined);
    }
    return out;
  }

  /** Reports the fields that did not pass and stores the rest in `row`. */
  private keep(scope: Scope, row: number, checked: unknown[], raw: Record<string, unknown>, at: Location, caseId: string, prefix: string): void {
    const table = this.store.tables[scope];
    const fields = this.checks[scope].fields;
    for (let f = 0; f < checked.length; f++) {
      const v = checked[f];
      if (v instanceof FieldIssue) {
        const name = fields[f]!;
        const original = v.code === 'missing-required' ? undefined : raw[name];
        this.problems.push(problem(v.code, at, { caseId, field: prefix + name, value: showValue(original) }));
      } else if (v !== undefined) {
        if (table.isUnique(f)) table.setText(row, f, v as string);
        else table.setId(row, f, this.store.values.id(v));
      }
    }
  }

  private field(scope: Scope, name: string): number {
    return this.checks[scope].index.get(name)!;
  }

  /** Validates the scalar fields of an akt (from JSON or a cases.csv row) and registers it. */
  private addAkt(raw: Record<string, unknown>, at: Location, stats: FileStats, rows: number, datasets: ReadonlySet<Dataset>): number | undefined {
    const checked = this.checkFields('akt', raw, at, '', AKT_NESTED);
    const id = checked[this.field('akt', 'caseId')];
    if (typeof id !== 'string') {
      this.reject(stats, rows, 'missing-case-id', at, { field: 'caseId', value: showValue(id instanceof FieldIssue && id.code !== 'missing-required' ? raw.caseId : undefined) });
      return undefined;
    }
    const first = this.akter.get(id);
    if (first !== undefined) {
      const o = this.store.origin(first);
      this.reject(stats, rows, 'duplicate-case-id', at, { caseId: id, field: 'caseId', value: `${o.file}${o.line ? `:${o.line}` : o.index !== undefined ? `[${o.index}]` : ''}` });
      return undefined;
    }
    const akt = this.store.addAkt(at, datasets);
    this.keep('akt', akt, checked, raw, at, id, '');
    this.akter.set(id, akt);
    return akt;
  }

  /** The akt's plan with this planId (the last one, if the export repeats an id). */
  private planById(akt: number, planId: string): number | undefined {
    const f = this.field('plans', 'planId');
    let found: number | undefined;
    for (const p of this.store.rows('plans', akt)) if (this.store.field('plans', p, f) === planId) found = p;
    return found;
  }

  private addPlan(akt: number, raw: Record<string, unknown>, at: Location, prefix: string): number {
    const caseId = this.store.caseId(akt);
    const checked = this.checkFields('plans', raw, at, prefix, PLAN_NESTED);
    const row = this.store.addRow('plans', akt);
    this.keep('plans', row, checked, raw, at, caseId, prefix);
    const from = checked[this.field('plans', 'validFrom')];
    const to = checked[this.field('plans', 'validTo')];
    if (typeof from === 'string' && typeof to === 'string' && to < from) {
      this.problems.push(problem('plan-dates-reversed', at, { caseId, field: `${prefix}validTo`, value: `${from} – ${to}` }));
    }
    return row;
  }

  private addSubGoal(plan: number, raw: Record<string, unknown>, at: Location, caseId: string, prefix: string): void {
    const checked = this.checkFields('subGoals', raw, at, prefix);
    this.keep('subGoals', this.store.addRow('subGoals', plan), checked, raw, at, caseId, prefix);
  }

  private followUp(akt: number, raw: Record<string, unknown>, at: Location, prefix: string): void {
    const caseId = this.store.caseId(akt);
    const checked = this.checkFields('followUps', raw, at, prefix);
    const row = this.store.addRow('followUps', akt);
    const planField = this.field('followUps', 'planId');
    const planId = checked[planField];
    this.keep('followUps', row, checked, raw, at, caseId, prefix);
    if (typeof planId === 'string' && this.planById(akt, planId) === undefined) {
      this.problems.push(problem('unknown-plan-id', at, { caseId, field: `${prefix}planId`, value: showValue(planId) }));
      this.store.tables.followUps.clear(row, planField);
    }
    // A follow-up cannot have been held after the audit date; the rules already leave it out.
    const date = checked[this.field('followUps', 'date')];
    if (this.asOf !== undefined && typeof date === 'string' && date > this.asOf) {
      this.problems.push(problem('future-date', at, { caseId, field: `${prefix}date`, value: date }));
    }
  }

  private listItem(akt: number, scope: SimpleList | 'jobCenter', raw: Record<string, unknown>, at: Location, prefix: string): void {
    const checked = this.checkFields(scope, raw, at, prefix);
    this.keep(scope, this.store.addRow(scope, akt), checked, raw, at, this.store.caseId(akt), prefix);
  }

  /** One akt from a .json or .ndjson file, with its plans, delmål and follow-ups nested. */
  addJsonAkt(raw: unknown, at: Location, stats: FileStats): void {
    if (!isPlainObject(raw)) return this.rejectRow(stats, 'not-an-object', at, { value: showValue(raw) });
    const rows = 1 + nestedCount(raw);
    stats.rowsRead += rows;
    const akt = this.addAkt(raw, at, stats, rows, this.jsonDatasets);
    if (akt === undefined) return;
    const caseId = this.store.caseId(akt);
    const list = (key: (typeof ARRAY_KEYS)[number]): unknown[] => {
      if (!Object.hasOwn(raw, key) || raw[key] === null) return [];
      this.jsonDatasets.add(key);
      if (Array.isArray(raw[key])) return raw[key];
      this.problems.push(problem('wrong-type', at, { caseId, field: key, value: showValue(raw[key]) }));
      return [];
    };
    list('plans').forEach((p, i) => {
      const prefix = `plans[${i}].`;
      if (!isPlainObject(p)) return this.reject(stats, 1, 'not-an-object', at, { caseId, field: `plans[${i}]`, value: showValue(p) });
      const plan = this.addPlan(akt, p, at, prefix);
      if (!Object.hasOwn(p, 'subGoals') || p.subGoals === null) return;
      this.jsonDatasets.add('subGoals');
      if (!Array.isArray(p.subGoals)) {
        this.problems.push(problem('wrong-type', at, { caseId, field: `${prefix}subGoals`, value: showValue(p.subGoals) }));
        return;
      }
      p.subGoals.forEach((s, j) => {
        if (!isPlainObject(s)) return this.reject(stats, 1, 'not-an-object', at, { caseId, field: `${prefix}subGoals[${j}]`, value: showValue(s) });
        this.addSubGoal(plan, s, at, caseId, `${prefix}subGoals[${j}].`);
      });
    });
    list('followUps').forEach((f, i) => {
      if (!isPlainObject(f)) return this.reject(stats, 1, 'not-an-object', at, { caseId, field: `followUps[${i}]`, value: showValue(f) });
      this.followUp(akt, f, at, `followUps[${i}].`);
    });
    for (const key of SIMPLE_LISTS) {
      list(key).forEach((item, i) => {
        if (!isPlainObject(item)) return this.reject(stats, 1, 'not-an-object', at, { caseId, field: `${key}[${i}]`, value: showValue(item) });
        this.listItem(akt, key, item, at, `${key}[${i}].`);
      });
    }
    if (Object.hasOwn(raw, 'jobCenter') && raw.jobCenter !== null) {
      this.jsonDatasets.add('jobCenter');
      if (isPlainObject(raw.jobCenter)) this.listItem(akt, 'jobCenter', raw.jobCenter, at, 'jobCenter.');
      else this.problems.push(problem('wrong-type', at, { caseId, field: 'jobCenter', value: showValue(raw.jobCenter) }));
    }
  }

  /** A row of cases.csv; `datasets` says which tables the row's export directory has. */
  addCaseRow(row: Record<string, string>, at: Location, stats: FileStats, datasets: ReadonlySet<Dataset>): void {
    stats.rowsRead += 1;
    this.addAkt(row, at, stats, 1, datasets);
  }

  private parentOf(row: Record<string, string>, at: Location, stats: FileStats): number | undefined {
    const caseId = row.caseId?.trim();
    if (!caseId) {
      this.reject(stats, 1, 'missing-case-id', at, { field: 'caseId' });
      return undefined;
    }
    const akt = this.akter.get(caseId);
    if (akt === undefined) this.reject(stats, 1, 'unknown-case-id', at, { caseId, field: 'caseId', value: showValue(caseId) });
    return akt;
  }

  addPlanRow(row: Record<string, string>, at: Location, stats: FileStats): void {
    stats.rowsRead += 1;
    const akt = this.parentOf(row, at, stats);
    if (akt === undefined) return;
    const { caseId: _caseId, ...rest } = row;
    this.addPlan(akt, rest, at, '');
  }

  addSubGoalRow(row: Record<string, string>, at: Location, stats: FileStats): void {
    stats.rowsRead += 1;
    const akt = this.parentOf(row, at, stats);
    if (akt === undefined) return;
    const caseId = this.store.caseId(akt);
    const planId = row.planId?.trim();
    const plan = planId ? this.planById(akt, planId) : undefined;
    if (plan === undefined) {
      this.reject(stats, 1, planId ? 'unknown-plan-id' : 'missing-required', at, { caseId, field: 'planId', value: showValue(planId) });
      return;
    }
    const { caseId: _c, planId: _p, ...rest } = row;
    this.addSubGoal(plan, rest, at, caseId, '');
  }

  addFollowUpRow(row: Record<string, string>, at: Location, stats: FileStats): void {
    stats.rowsRead += 1;
    const akt = this.parentOf(row, at, stats);
    if (akt === undefined) return;
    const { caseId: _caseId, ...rest } = row;
    this.followUp(akt, rest, at, '');
  }

  /** A row of investigations.csv, consents.csv or placements.csv. */
  addListRow(key: SimpleList, row: Record<string, string>, at: Location, stats: FileStats): void {
    stats.rowsRead += 1;
    const akt = this.parentOf(row, at, stats);
    if (akt === undefined) return;
    const { caseId: _caseId, ...rest } = row;
    this.listItem(akt, key, rest, at, '');
  }

  /** A row of jobcenter.csv: one per akt, so a second row for an akt is rejected. */
  addJobCenterRow(row: Record<string, string>, at: Location, stats: FileStats): void {
    stats.rowsRead += 1;
    const akt = this.parentOf(row, at, stats);
    if (akt === undefined) return;
    if (this.store.jobCenter.get(akt) !== -1) {
      return this.reject(stats, 1, 'duplicate-row', at, { caseId: this.store.caseId(akt), field: 'caseId' });
    }
    const { caseId: _caseId, ...rest } = row;
    this.listItem(akt, 'jobCenter', rest, at, '');
  }

  /** The akter by stadsdel (Swedish collation; missing last), then by caseId. */
  finish(): LoadedExport {
    const s = this.store;
    const districts = new Map<string | undefined, number>();
    for (let i = 0; i < s.size; i++) districts.set(s.district(i), 0);
    const collator = new Intl.Collator('sv');
    const ranked = [...districts.keys()].sort((a, b) => collator.compare(a ?? '\uffff', b ?? '\uffff'));
    ranked.forEach((d, r) => districts.set(d, r));
    const rank = new Int32Array(s.size);
    for (let i = 0; i < s.size; i++) rank[i] = districts.get(s.district(i))!;
    // Exports are usually sorted by caseId already; the sort is stable and fast on sorted runs.
    const order = Array.from({ length: s.size }, (_, i) => i).sort((a, b) => {
      if (rank[a] !== rank[b]) return rank[a]! - rank[b]!;
      const x = s.caseId(a);
      const y = s.caseId(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    return { akter: new Akter(s, Int32Array.from(order)), problems: this.problems, files: this.files };
  }
}

export type { ChildScope };
