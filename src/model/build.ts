import {
  AktSchema,
  ConsentSchema,
  FollowUpSchema,
  InvestigationSchema,
  JobCenterSchema,
  PlacementSchema,
  PlanSchema,
  SubGoalSchema,
  type Akt,
  type FollowUp,
  type JobCenter,
  type Plan,
  type SubGoal,
} from './schema.js';
import { problem, showValue, type DataProblem, type Location, type ProblemCode } from './problems.js';
import type { CheckedAkt, Dataset, FileStats, LoadedExport } from './types.js';
import { isPlainObject, validateFields, type FieldIssue } from './validate.js';
import type { Scope } from './fields.js';
import { makeNormalize, type Normalize } from './values.js';

interface Entry {
  checked: CheckedAkt;
  plansById: Map<string, Plan>;
}

/** Lists of an akt that need nothing but field validation: JSON key → schema. */
export const SIMPLE_LISTS = {
  investigations: InvestigationSchema,
  consents: ConsentSchema,
  placements: PlacementSchema,
} as const;
export type SimpleList = keyof typeof SIMPLE_LISTS;

const AKT_NESTED = new Set(['plans', 'followUps', 'jobCenter', ...Object.keys(SIMPLE_LISTS)]);
const PLAN_NESTED = new Set(['subGoals']);
const ARRAY_KEYS = ['plans', 'followUps', 'investigations', 'consents', 'placements'] as const satisfies readonly (Dataset & keyof Akt)[];
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
 * Turns raw records (JSON akter, CSV rows) into akter and data problems. Every record read is
 * either used or rejected with a problem, so rows read = rows used + rows rejected per file.
 */
export class ExportBuilder {
  private readonly akter = new Map<string, Entry>();
  private readonly problems: DataProblem[] = [];
  private readonly files: FileStats[] = [];
  private readonly reportedUnknown = new Set<string>();
  /** JSON akter share one view of what the export provides: a key present in any akt counts. */
  readonly jsonDatasets = new Set<Dataset>();
  private readonly normalize: Normalize;
  private readonly asOf: string | undefined;

  constructor(opts: { normalize?: Normalize; asOf?: string } = {}) {
    this.normalize = opts.normalize ?? makeNormalize();
    this.asOf = opts.asOf;
  }

  /** The normaliser for one part of the akt, where a field name has one meaning. */
  private in(scope: Scope): (field: string, value: unknown) => unknown {
    return (field, value) => this.normalize(scope, field, value);
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

  private fieldIssues(issues: FieldIssue[], at: Location, caseId: string | undefined, prefix: string): void {
    for (const i of issues) {
      this.problems.push(problem(i.code, at, { caseId, field: prefix + i.field, value: showValue(i.value) }));
    }
  }

  /** Validates the scalar fields of an akt (from JSON or a cases.csv row) and registers it. */
  private addAkt(raw: Record<string, unknown>, at: Location, stats: FileStats, rows: number, datasets: ReadonlySet<Dataset>, prefix: string): Entry | undefined {
    const { value, issues, unknownKeys } = validateFields(AktSchema, raw, AKT_NESTED, this.in('akt'));
    for (const k of unknownKeys) this.reportUnknownField(at, prefix + k);
    const caseId = value.caseId as string | undefined;
    if (caseId === undefined) {
      const bad = issues.find((i) => i.field === 'caseId');
      this.reject(stats, rows, 'missing-case-id', at, { field: 'caseId', value: showValue(bad?.value) });
      return undefined;
    }
    if (this.akter.has(caseId)) {
      const first = this.akter.get(caseId)!.checked.origin;
      this.reject(stats, rows, 'duplicate-case-id', at, { caseId, field: 'caseId', value: `${first.file}${first.line ? `:${first.line}` : first.index !== undefined ? `[${first.index}]` : ''}` });
      return undefined;
    }
    this.fieldIssues(issues, at, caseId, prefix);
    const akt: Akt = {
      ...(value as Omit<Akt, 'plans' | 'followUps' | SimpleList>),
      district: value.district as string | undefined,
      plans: [],
      followUps: [],
      investigations: [],
      consents: [],
      placements: [],
    };
    const entry: Entry = { checked: { akt, origin: at, datasets }, plansById: new Map() };
    this.akter.set(caseId, entry);
    return entry;
  }

  private addPlan(entry: Entry, raw: Record<string, unknown>, at: Location, prefix: string): Plan {
    const caseId = entry.checked.akt.caseId;
    const { value, issues, unknownKeys } = validateFields(PlanSchema, raw, PLAN_NESTED, this.in('plans'));
    for (const k of unknownKeys) this.reportUnknownField(at, prefix + k);
    this.fieldIssues(issues, at, caseId, prefix);
    const plan = { ...value, subGoals: [] } as Plan;
    if (plan.validFrom && plan.validTo && plan.validTo < plan.validFrom) {
      this.problems.push(problem('plan-dates-reversed', at, { caseId, field: `${prefix}validTo`, value: `${plan.validFrom} – ${plan.validTo}` }));
    }
    entry.checked.akt.plans.push(plan);
    if (plan.planId !== undefined) entry.plansById.set(plan.planId, plan);
    return plan;
  }

  private subGoal(raw: Record<string, unknown>, at: Location, caseId: string, prefix: string): SubGoal {
    const { value, issues, unknownKeys } = validateFields(SubGoalSchema, raw, undefined, this.in('subGoals'));
    for (const k of unknownKeys) this.reportUnknownField(at, prefix + k);
    this.fieldIssues(issues, at, caseId, prefix);
    return value as SubGoal;
  }

  private followUp(entry: Entry, raw: Record<string, unknown>, at: Location, prefix: string): void {
    const caseId = entry.checked.akt.caseId;
    const { value, issues, unknownKeys } = validateFields(FollowUpSchema, raw, undefined, this.in('followUps'));
    for (const k of unknownKeys) this.reportUnknownField(at, prefix + k);
    this.fieldIssues(issues, at, caseId, prefix);
    const f = value as FollowUp;
    if (f.planId !== undefined && !entry.plansById.has(f.planId)) {
      this.problems.push(problem('unknown-plan-id', at, { caseId, field: `${prefix}planId`, value: showValue(f.planId) }));
      delete f.planId;
    }
    // A follow-up cannot have been held after the audit date; the rules already leave it out.
    if (this.asOf !== undefined && f.date !== undefined && f.date > this.asOf) {
      this.problems.push(problem('future-date', at, { caseId, field: `${prefix}date`, value: f.date }));
    }
    entry.checked.akt.followUps.push(f);
  }

  /** One akt from a .json or .ndjson file, with its plans, delmål and follow-ups nested. */
  addJsonAkt(raw: unknown, at: Location, stats: FileStats): void {
    if (!isPlainObject(raw)) return this.rejectRow(stats, 'not-an-object', at, { value: showValue(raw) });
    const rows = 1 + nestedCount(raw);
    stats.rowsRead += rows;
    const entry = this.addAkt(raw, at, stats, rows, this.jsonDatasets, '');
    if (!entry) return;
    const caseId = entry.checked.akt.caseId;
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
      const plan = this.addPlan(entry, p, at, prefix);
      if (!Object.hasOwn(p, 'subGoals') || p.subGoals === null) return;
      this.jsonDatasets.add('subGoals');
      if (!Array.isArray(p.subGoals)) {
        this.problems.push(problem('wrong-type', at, { caseId, field: `${prefix}subGoals`, value: showValue(p.subGoals) }));
        return;
      }
      p.subGoals.forEach((s, j) => {
        if (!isPlainObject(s)) return this.reject(stats, 1, 'not-an-object', at, { caseId, field: `${prefix}subGoals[${j}]`, value: showValue(s) });
        plan.subGoals.push(this.subGoal(s, at, caseId, `${prefix}subGoals[${j}].`));
      });
    });
    list('followUps').forEach((f, i) => {
      if (!isPlainObject(f)) return this.reject(stats, 1, 'not-an-object', at, { caseId, field: `followUps[${i}]`, value: showValue(f) });
      this.followUp(entry, f, at, `followUps[${i}].`);
    });
    for (const key of Object.keys(SIMPLE_LISTS) as SimpleList[]) {
      list(key).forEach((item, i) => {
        if (!isPlainObject(item)) return this.reject(stats, 1, 'not-an-object', at, { caseId, field: `${key}[${i}]`, value: showValue(item) });
        this.listItem(entry, key, item, at, `${key}[${i}].`);
      });
    }
    if (Object.hasOwn(raw, 'jobCenter') && raw.jobCenter !== null) {
      this.jsonDatasets.add('jobCenter');
      if (isPlainObject(raw.jobCenter)) this.jobCenter(entry, raw.jobCenter, at, 'jobCenter.');
      else this.problems.push(problem('wrong-type', at, { caseId, field: 'jobCenter', value: showValue(raw.jobCenter) }));
    }
  }

  private listItem(entry: Entry, key: SimpleList, raw: Record<string, unknown>, at: Location, prefix: string): void {
    const { value, issues, unknownKeys } = validateFields(SIMPLE_LISTS[key], raw, undefined, this.in(key));
    for (const k of unknownKeys) this.reportUnknownField(at, prefix + k);
    this.fieldIssues(issues, at, entry.checked.akt.caseId, prefix);
    (entry.checked.akt[key] as object[]).push(value);
  }

  private jobCenter(entry: Entry, raw: Record<string, unknown>, at: Location, prefix: string): void {
    const { value, issues, unknownKeys } = validateFields(JobCenterSchema, raw, undefined, this.in('jobCenter'));
    for (const k of unknownKeys) this.reportUnknownField(at, prefix + k);
    this.fieldIssues(issues, at, entry.checked.akt.caseId, prefix);
    entry.checked.akt.jobCenter = value as JobCenter;
  }

  /** A row of cases.csv; `datasets` says which tables the row's export directory has. */
  addCaseRow(row: Record<string, string>, at: Location, stats: FileStats, datasets: ReadonlySet<Dataset>): void {
    stats.rowsRead += 1;
    this.addAkt(row, at, stats, 1, datasets, '');
  }

  private parentOf(row: Record<string, string>, at: Location, stats: FileStats): Entry | undefined {
    const caseId = row.caseId?.trim();
    if (!caseId) {
      this.reject(stats, 1, 'missing-case-id', at, { field: 'caseId' });
      return undefined;
    }
    const entry = this.akter.get(caseId);
    if (!entry) this.reject(stats, 1, 'unknown-case-id', at, { caseId, field: 'caseId', value: showValue(caseId) });
    return entry;
  }

  addPlanRow(row: Record<string, string>, at: Location, stats: FileStats): void {
    stats.rowsRead += 1;
    const entry = this.parentOf(row, at, stats);
    if (!entry) return;
    const { caseId: _caseId, ...rest } = row;
    this.addPlan(entry, rest, at, '');
  }

  addSubGoalRow(row: Record<string, string>, at: Location, stats: FileStats): void {
    stats.rowsRead += 1;
    const entry = this.parentOf(row, at, stats);
    if (!entry) return;
    const caseId = entry.checked.akt.caseId;
    const planId = row.planId?.trim();
    const plan = planId ? entry.plansById.get(planId) : undefined;
    if (!plan) {
      this.reject(stats, 1, planId ? 'unknown-plan-id' : 'missing-required', at, { caseId, field: 'planId', value: showValue(planId) });
      return;
    }
    const { caseId: _c, planId: _p, ...rest } = row;
    plan.subGoals.push(this.subGoal(rest, at, caseId, ''));
  }

  addFollowUpRow(row: Record<string, string>, at: Location, stats: FileStats): void {
    stats.rowsRead += 1;
    const entry = this.parentOf(row, at, stats);
    if (!entry) return;
    const { caseId: _caseId, ...rest } = row;
    this.followUp(entry, rest, at, '');
  }

  /** A row of investigations.csv, consents.csv or placements.csv. */
  addListRow(key: SimpleList, row: Record<string, string>, at: Location, stats: FileStats): void {
    stats.rowsRead += 1;
    const entry = this.parentOf(row, at, stats);
    if (!entry) return;
    const { caseId: _caseId, ...rest } = row;
    this.listItem(entry, key, rest, at, '');
  }

  /** A row of jobcenter.csv: one per akt, so a second row for an akt is rejected. */
  addJobCenterRow(row: Record<string, string>, at: Location, stats: FileStats): void {
    stats.rowsRead += 1;
    const entry = this.parentOf(row, at, stats);
    if (!entry) return;
    if (entry.checked.akt.jobCenter !== undefined) {
      return this.reject(stats, 1, 'duplicate-row', at, { caseId: entry.checked.akt.caseId, field: 'caseId' });
    }
    const { caseId: _caseId, ...rest } = row;
    this.jobCenter(entry, rest, at, '');
  }

  finish(): LoadedExport {
    const collator = new Intl.Collator('sv');
    const akter = [...this.akter.values()].map((e) => e.checked);
    akter.sort(
      (a, b) => collator.compare(a.akt.district ?? '\uffff', b.akt.district ?? '\uffff') || (a.akt.caseId < b.akt.caseId ? -1 : a.akt.caseId > b.akt.caseId ? 1 : 0),
    );
    return { akter, problems: this.problems, files: this.files };
  }
}
