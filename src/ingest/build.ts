import { FieldIssue, makeChecks, type Encoded, type ScopeChecks } from './field-checks.js';
import type { Scope } from '../model/fields.js';
import { problem, showShape, showValue, type DataProblem, type Location, type ProblemCode } from '../model/problems.js';
import { AktStore, detach, StoredAkter } from '../store/index.js';
import type { Dataset, FieldPath, FileStats, LoadedExport, Provided } from '../model/types.js';
import { AKT_LISTS, AKT_PARTS, type AktList } from '../model/datasets.js';
import { isPlainObject } from './validate.js';
import type { CsvLayout } from './csv-layout.js';
import { makeNormalize, type Normalize } from '../model/values.js';

type RowSource = Record<string, unknown> | readonly string[];

/** Lists of an akt that need nothing but field validation. */
export type SimpleList = Exclude<AktList, 'plans' | 'followUps'>;
const SIMPLE_LISTS = AKT_LISTS.filter((l): l is SimpleList => l !== 'plans' && l !== 'followUps');

/** Keys of a JSON akt (or plan) that are datasets of their own, not unknown fields. */
const AKT_NESTED = new Set<string>(AKT_PARTS);
const PLAN_NESTED = new Set<string>(['subGoals'] satisfies Dataset[]);

/** Rows an akt in JSON stands for, counted as its CSV twin would count them. */
function nestedCount(raw: Record<string, unknown>): number {
  let n = isPlainObject(raw.jobCenter) ? 1 : 0;
  for (const key of AKT_LISTS) {
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
  readonly jsonDatasets = new Set<Dataset | FieldPath>();
  /** Per scope, the fields some JSON record carries as a key; added to jsonDatasets at the end. */
  private readonly jsonKeys: Record<Scope, Uint8Array>;
  private readonly checks: Record<Scope, ScopeChecks>;
  private readonly raws: Record<Scope, unknown[]>;
  private readonly encoded: Record<Scope, Encoded[]>;
  private readonly asOf: string | undefined;

  constructor(opts: { normalize?: Normalize; asOf?: string } = {}) {
    this.checks = makeChecks(opts.normalize ?? makeNormalize(), this.store.values);
    const per = <T>(make: (n: number) => T) => Object.fromEntries(Object.entries(this.checks).map(([k, c]) => [k, make(c.fields.length)])) as Record<Scope, T>;
    this.raws = per((n) => new Array<unknown>(n));
    this.encoded = per((n) => new Array<Encoded>(n));
    this.jsonKeys = per((n) => new Uint8Array(n));
    this.asOf = opts.asOf;
    const i = (scope: Scope, name: string) => this.checks[scope].index.get(name)!;
    this.pos = { caseId: i('akt', 'caseId'), planId: i('plans', 'planId'), validFrom: i('plans', 'validFrom'), validTo: i('plans', 'validTo'), followUpPlan: i('followUps', 'planId'), followUpDate: i('followUps', 'date') };
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

  /**
   * Encodes every field of `scope`: from a JSON object (whose unknown keys outside `nested` are
   * reported first), or from a CSV record, where `cols` gives each field's column (-1: none).
   * The buffers are reused per scope: a row is stored before the next row of its scope is read.
   */
  private checkFields(scope: Scope, raw: RowSource, cols: Int32Array | undefined, at: Location, prefix: string, nested?: ReadonlySet<string>): Encoded[] {
    const { fields, encoders, index } = this.checks[scope];
    const raws = this.raws[scope];
    const out = this.encoded[scope];
    if (cols) {
      const record = raw as readonly string[];
      for (let f = 0; f < fields.length; f++) raws[f] = cols[f]! >= 0 ? record[cols[f]!] : undefined;
    } else {
      const obj = raw as Record<string, unknown>;
      for (const k in obj) if (!index.has(k) && !nested?.has(k)) this.reportUnknownField(at, prefix + k);
      const seen = this.jsonKeys[scope];
      for (let f = 0; f < fields.length; f++) {
        if (Object.hasOwn(obj, fields[f]!)) {
          raws[f] = obj[fields[f]!];
          seen[f] = 1;
        } else raws[f] = undefined;
      }
    }
    for (let f = 0; f < fields.length; f++) out[f] = encoders[f]!(raws[f]);
    return out;
  }

  /** Reports the fields that did not pass and stores the rest in `row`. */
  private keep(scope: Scope, row: number, encoded: Encoded[], at: Location, caseId: string, prefix: string): void {
    const table = this.store.tables[scope];
    const fields = this.checks[scope].fields;
    const raws = this.raws[scope];
    for (let f = 0; f < encoded.length; f++) {
      const v = encoded[f];
      if (typeof v === 'number') {
        if (v !== 0) table.setId(row, f, v);
      } else if (typeof v === 'string') table.setText(row, f, v);
      else if (v instanceof FieldIssue) {
        const original = v.code === 'missing-required' ? undefined : raws[f];
        this.problems.push(problem(v.code, at, { caseId, field: this.path(prefix, fields[f]!), value: showValue(original) }));
      }
    }
  }

  private readonly paths = new Map<string, string>();

  /**
   * A field's path in a problem (`followUps[2].date`), one string for all problems that share it:
   * a country-wide export can have hundreds of thousands of problems.
   */
  private path(prefix: string, name: string): string {
    if (prefix === '') return name;
    const key = prefix + name;
    let p = this.paths.get(key);
    if (p === undefined) this.paths.set(key, (p = detach(key)));
    return p;
  }

  /** The value an encoded field stands for. */
  private valueOf(encoded: Encoded): unknown {
    return typeof encoded === 'number' ? this.store.values.values[encoded] : encoded instanceof FieldIssue ? undefined : encoded;
  }

  /** Where the fields the builder itself reads stand in their scope, looked up once. */
  private readonly pos: Record<'caseId' | 'planId' | 'validFrom' | 'validTo' | 'followUpPlan' | 'followUpDate', number>;


  /** Validates the scalar fields of an akt (from JSON or a cases.csv row) and registers it. */
  private addAkt(raw: RowSource, cols: Int32Array | undefined, at: Location, stats: FileStats, rows: number, datasets: Provided, group?: string): number | undefined {
    const checked = this.checkFields('akt', raw, cols, at, '', AKT_NESTED);
    const caseField = this.pos.caseId;
    const id = checked[caseField];
    if (typeof id !== 'string') {
      this.reject(stats, rows, 'missing-case-id', at, { field: 'caseId', value: showValue(id instanceof FieldIssue && id.code !== 'missing-required' ? this.raws.akt[caseField] : undefined) });
      return undefined;
    }
    const first = this.akter.get(id);
    if (first !== undefined) {
      const o = this.store.origin(first);
      const where = `${o.file}${o.line ? `:${o.line}` : o.index !== undefined ? `[${o.index}]` : ''}`;
      this.reject(stats, rows, 'duplicate-case-id', at, { caseId: id, field: 'caseId', value: where });
      if (group !== undefined && this.aktGroup[first] !== this.groupId(group)) this.duplicates.set(`${group}\0${id}`, where);
      return undefined;
    }
    const akt = this.store.addAkt(at, datasets);
    // A JSON file is a layout of its own; CSV tables in one directory are one layout.
    this.aktGroup[akt] = this.groupId(group ?? `\0${at.file}`);
    this.keep('akt', akt, checked, at, id, '');
    this.akter.set(id, akt);
    return akt;
  }

  /** The akt's plan with this planId (the last one, if the export repeats an id). */
  private planById(akt: number, planId: string): number | undefined {
    const f = this.pos.planId;
    let found: number | undefined;
    for (const p of this.store.rows('plans', akt)) if (this.store.field('plans', p, f) === planId) found = p;
    return found;
  }

  private addPlan(akt: number, raw: RowSource, cols: Int32Array | undefined, at: Location, prefix: string): number {
    const caseId = this.store.caseId(akt);
    const checked = this.checkFields('plans', raw, cols, at, prefix, PLAN_NESTED);
    const row = this.store.addRow('plans', akt);
    const from = this.valueOf(checked[this.pos.validFrom]);
    const to = this.valueOf(checked[this.pos.validTo]);
    this.keep('plans', row, checked, at, caseId, prefix);
    if (typeof from === 'string' && typeof to === 'string' && to < from) {
      this.problems.push(problem('plan-dates-reversed', at, { caseId, field: this.path(prefix, 'validTo'), value: `${from} – ${to}` }));
    }
    return row;
  }

  private addSubGoal(plan: number, raw: RowSource, cols: Int32Array | undefined, at: Location, caseId: string, prefix: string): void {
    const checked = this.checkFields('subGoals', raw, cols, at, prefix);
    this.keep('subGoals', this.store.addRow('subGoals', plan), checked, at, caseId, prefix);
  }

  private followUp(akt: number, raw: RowSource, cols: Int32Array | undefined, at: Location, prefix: string): void {
    const caseId = this.store.caseId(akt);
    const checked = this.checkFields('followUps', raw, cols, at, prefix);
    const row = this.store.addRow('followUps', akt);
    const planField = this.pos.followUpPlan;
    const planId = this.valueOf(checked[planField]);
    const date = this.valueOf(checked[this.pos.followUpDate]);
    this.keep('followUps', row, checked, at, caseId, prefix);
    if (typeof planId === 'string') {
      const plan = this.planById(akt, planId);
      if (plan === undefined) {
        this.problems.push(problem('unknown-plan-id', at, { caseId, field: this.path(prefix, 'planId'), value: showValue(planId) }));
        this.store.tables.followUps.clear(row, planField);
      } else {
        // The plan's own string: a country has millions of follow-ups, each naming its plan.
        this.store.tables.followUps.setText(row, planField, this.store.field('plans', plan, this.pos.planId) as string);
      }
    }
    // A follow-up cannot have been held after the audit date; the rules already leave it out.
    if (this.asOf !== undefined && typeof date === 'string' && date > this.asOf) {
      this.problems.push(problem('future-date', at, { caseId, field: this.path(prefix, 'date'), value: date }));
    }
  }

  private listItem(akt: number, scope: SimpleList | 'jobCenter', raw: RowSource, cols: Int32Array | undefined, at: Location, prefix: string): void {
    const checked = this.checkFields(scope, raw, cols, at, prefix);
    this.keep(scope, this.store.addRow(scope, akt), checked, at, this.store.caseId(akt), prefix);
  }

  /** One akt from a .json or .ndjson file, with its plans, delmål and follow-ups nested. */
  addJsonAkt(raw: unknown, at: Location, stats: FileStats): void {
    if (!isPlainObject(raw)) return this.rejectRow(stats, 'not-an-object', at, { value: showShape(raw) });
    const rows = 1 + nestedCount(raw);
    stats.rowsRead += rows;
    const akt = this.addAkt(raw, undefined, at, stats, rows, this.jsonDatasets);
    if (akt === undefined) return;
    const caseId = this.store.caseId(akt);
    const list = (key: AktList): unknown[] => {
      if (!Object.hasOwn(raw, key) || raw[key] === null) return [];
      this.jsonDatasets.add(key);
      if (Array.isArray(raw[key])) return raw[key];
      this.problems.push(problem('wrong-type', at, { caseId, field: key, value: showValue(raw[key]) }));
      return [];
    };
    list('plans').forEach((p, i) => {
      const prefix = `plans[${i}].`;
      if (!isPlainObject(p)) return this.reject(stats, 1, 'not-an-object', at, { caseId, field: `plans[${i}]`, value: showShape(p) });
      const plan = this.addPlan(akt, p, undefined, at, prefix);
      if (!Object.hasOwn(p, 'subGoals') || p.subGoals === null) return;
      this.jsonDatasets.add('subGoals');
      if (!Array.isArray(p.subGoals)) {
        this.problems.push(problem('wrong-type', at, { caseId, field: `${prefix}subGoals`, value: showValue(p.subGoals) }));
        return;
      }
      p.subGoals.forEach((s, j) => {
        if (!isPlainObject(s)) return this.reject(stats, 1, 'not-an-object', at, { caseId, field: `${prefix}subGoals[${j}]`, value: showShape(s) });
        this.addSubGoal(plan, s, undefined, at, caseId, `${prefix}subGoals[${j}].`);
      });
    });
    list('followUps').forEach((f, i) => {
      if (!isPlainObject(f)) return this.reject(stats, 1, 'not-an-object', at, { caseId, field: `followUps[${i}]`, value: showShape(f) });
      this.followUp(akt, f, undefined, at, `followUps[${i}].`);
    });
    for (const key of SIMPLE_LISTS) {
      list(key).forEach((item, i) => {
        if (!isPlainObject(item)) return this.reject(stats, 1, 'not-an-object', at, { caseId, field: `${key}[${i}]`, value: showShape(item) });
        this.listItem(akt, key, item, undefined, at, `${key}[${i}].`);
      });
    }
    if (Object.hasOwn(raw, 'jobCenter') && raw.jobCenter !== null) {
      this.jsonDatasets.add('jobCenter');
      if (isPlainObject(raw.jobCenter)) this.listItem(akt, 'jobCenter', raw.jobCenter, undefined, at, 'jobCenter.');
      else this.problems.push(problem('wrong-type', at, { caseId, field: 'jobCenter', value: showValue(raw.jobCenter) }));
    }
  }

  /**
   * Akter whose case row in a CSV directory (`group`) was rejected as read already from another
   * file, with where: the other rows of that akt in the same directory belong to the rejected copy
   * (a second layout of the same export side by side), not to the akt first read.
   */
  private readonly duplicates = new Map<string, string>();
  /** The layout (CSV directory or JSON file) each akt was read from, as a small number. */
  private readonly aktGroup: number[] = [];
  private readonly groupIds = new Map<string, number>();

  private groupId(group: string): number {
    let id = this.groupIds.get(group);
    if (id === undefined) this.groupIds.set(group, (id = this.groupIds.size));
    return id;
  }

  /** A row of a CSV table; `datasets` says which tables the row's export directory (`group`) has. */
  addCsvRow(layout: CsvLayout, fields: readonly string[], at: Location, stats: FileStats, datasets: Provided, group = ''): void {
    stats.rowsRead += 1;
    const { table, cols } = layout;
    if (table === 'cases') {
      this.addAkt(fields, cols, at, stats, 1, datasets, group);
      return;
    }
    if (this.duplicates.size > 0) {
      const caseId = fields[layout.caseCol]?.trim() ?? '';
      const where = this.duplicates.get(`${group}\0${caseId}`);
      if (where !== undefined) return this.reject(stats, 1, 'duplicate-case-id', at, { caseId, field: 'caseId', value: where });
    }
    const akt = this.parentOf(fields[layout.caseCol], at, stats);
    if (akt === undefined) return;
    if (table === 'plans') this.addPlan(akt, fields, cols, at, '');
    else if (table === 'subgoals') this.addSubGoalRow(akt, layout, fields, at, stats);
    else if (table === 'followups') this.followUp(akt, fields, cols, at, '');
    else if (table === 'jobcenter') {
      // One row per akt: a second row for an akt is rejected.
      if (this.store.jobCenter.get(akt) !== -1) return this.reject(stats, 1, 'duplicate-row', at, { caseId: this.store.caseId(akt), field: 'caseId' });
      this.listItem(akt, 'jobCenter', fields, cols, at, '');
    } else this.listItem(akt, layout.scope as SimpleList, fields, cols, at, '');
  }

  /** The last akt a child row found: the rows of one akt usually stand together. */
  private lastRaw: string | undefined;
  private lastAkt = -1;

  private parentOf(raw: string | undefined, at: Location, stats: FileStats): number | undefined {
    if (raw !== undefined && raw === this.lastRaw) return this.lastAkt;
    // Child tables usually list the akter in the order cases.csv does: try the next one before the map.
    const next = this.lastAkt + 1;
    if (raw !== undefined && next < this.store.size && raw === this.store.caseId(next)) {
      this.lastRaw = raw;
      this.lastAkt = next;
      return next;
    }
    const caseId = raw?.trim();
    if (!caseId) {
      this.reject(stats, 1, 'missing-case-id', at, { field: 'caseId' });
      return undefined;
    }
    const akt = this.akter.get(caseId);
    if (akt === undefined) this.reject(stats, 1, 'unknown-case-id', at, { caseId, field: 'caseId', value: showValue(caseId) });
    else {
      this.lastRaw = raw;
      this.lastAkt = akt;
    }
    return akt;
  }

  private addSubGoalRow(akt: number, layout: CsvLayout, fields: readonly string[], at: Location, stats: FileStats): void {
    const caseId = this.store.caseId(akt);
    const planId = layout.planCol >= 0 ? fields[layout.planCol]?.trim() : undefined;
    const plan = planId ? this.planById(akt, planId) : undefined;
    if (plan === undefined) {
      this.reject(stats, 1, planId ? 'unknown-plan-id' : 'missing-required', at, { caseId, field: 'planId', value: showValue(planId) });
      return;
    }
    this.addSubGoal(plan, fields, layout.cols, at, caseId, '');
  }

  /** The akter by stadsdel (Swedish collation; missing last), then by caseId. */
  finish(): LoadedExport {
    for (const [scope, seen] of Object.entries(this.jsonKeys) as [Scope, Uint8Array][]) {
      // No record of this kind at all (every akt has `plans: []`) says nothing of which fields the
      // export carries: an empty dataset is a finding ("no plan"), not a gap in the export.
      const none = !seen.some((on) => on !== 0) && this.jsonDatasets.has(scope as Dataset);
      seen.forEach((on, f) => (on || none) && this.jsonDatasets.add(`${scope}.${this.checks[scope].fields[f]!}` as FieldPath));
    }
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
    return { akter: new StoredAkter(s, Int32Array.from(order)), problems: this.problems, files: this.files };
  }
}

