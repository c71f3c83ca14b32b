import { CODES_AT, type JsonShape, type JsonSlots } from '../load/json-pack.js';
import { AKT_LISTS, type AktList, type Dataset } from '../model/datasets.js';
import type { Scope } from '../model/fields.js';
import { problem, showShape, showValue, type Location } from '../model/problems.js';
import type { FieldPath, FileStats } from '../model/types.js';
import type { Accounts } from './accounts.js';
import type { AktRows, SimpleList } from './akt-rows.js';
import type { Encoded } from './field-checks.js';
import type { Rec } from './field-reader.js';
import { isPlainObject } from './validate.js';

const SIMPLE_LISTS = AKT_LISTS.filter((l): l is SimpleList => l !== 'plans' && l !== 'followUps');

/**
 * What JsonAkter.add, nestedCount and rowsByScope read by name (JsonShape): an akt's lists and its
 * jobCenter, a plan's subGoals. Everything else of a tagged object is read from its slots.
 */
const FIELDS_ONLY: JsonShape = { keys: new Map() };
const PLAN_SHAPE: JsonShape = { keys: new Map([['subGoals', { items: FIELDS_ONLY }]]) };
export const AKT_SHAPE: JsonShape = {
  keys: new Map<string, { object?: JsonShape; items?: JsonShape }>([
    ...AKT_LISTS.map((l) => [l, { items: l === 'plans' ? PLAN_SHAPE : FIELDS_ONLY }] as const),
    ['jobCenter', { object: FIELDS_ONLY }],
  ]),
};

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
 * The rows of each scope the akter stand for, about as add would store them: the store makes room
 * for a file's rows at once from its first batch (AktStore.reserve), as for a CSV table.
 */
export function rowsByScope(values: readonly unknown[]): Map<Scope, number> {
  const rows = new Map<Scope, number>();
  const add = (scope: Scope, n: number) => rows.set(scope, (rows.get(scope) ?? 0) + n);
  for (const raw of values) {
    if (!isPlainObject(raw)) continue;
    add('akt', 1);
    if (isPlainObject(raw.jobCenter)) add('jobCenter', 1);
    for (const key of AKT_LISTS) {
      const list = raw[key];
      if (!Array.isArray(list)) continue;
      add(key, list.length);
      if (key === 'plans') for (const p of list) if (isPlainObject(p) && Array.isArray(p.subGoals)) add('subGoals', p.subGoals.length);
    }
  }
  return rows;
}

/**
 * Room in the store for one NDJSON file's rows, scope by scope: made at once from the first batch's
 * share of the file's text (as for a CSV table), and made again whenever the rows stored so far,
 * over the text read so far, say the file holds more than that. A table whose room runs out grows
 * to twice its rows: at 400,000 akter the first batch's estimate for delmål fell 2,700 rows short
 * of 799,503, and the table doubled at the file's end (in a run whose columns are shared with the
 * check thread, both copies held until V8 frees the old one).
 */
export class JsonRoom {
  /** Per scope, the rows the file's room was made for (counted from `base`). */
  private readonly planned = new Map<Scope, number>();
  private readonly base = new Map<Scope, number>();
  private chars = 0;

  /** `estimate`: the file's rows from `rows` in `chars` of its text (rowsInFile); `stored`: a scope's rows in the store now. */
  constructor(
    private readonly estimate: (rows: number, chars: number) => number,
    private readonly stored: (scope: Scope) => number,
    private readonly reserve: (scope: Scope, more: number) => void,
  ) {}

  /** Before a batch of `chars` characters of text is stored. */
  batch(values: readonly unknown[], chars: number): void {
    if (chars <= 0) return;
    if (this.chars === 0) {
      for (const [scope, rows] of rowsByScope(values)) {
        const more = this.estimate(rows, chars);
        this.base.set(scope, this.stored(scope));
        this.planned.set(scope, more);
        this.reserve(scope, more);
      }
    } else {
      for (const [scope, planned] of this.planned) {
        const base = this.base.get(scope)!;
        const rows = this.stored(scope) - base;
        // Looked at again only near the room's end, where the text read says most of what the rest holds.
        if (rows * 8 < planned * 7) continue;
        // `estimate` leaves 5 % to spare: made again when the rows read so far say the file holds within 1 % of the room or more.
        const expected = this.estimate(rows, this.chars);
        if (expected <= planned * 1.04) continue;
        this.planned.set(scope, expected);
        this.reserve(scope, base + expected - this.stored(scope));
      }
    }
    this.chars += chars;
  }
}

/**
 * The value codes of a batch of akter parsed on another thread (see CODES_AT), and the checked
 * values per scope, field and code, kept for the rest of their file.
 */
export interface JsonCodes {
  codes: Int32Array;
  memo: Partial<Record<Scope, Encoded[][]>>;
  /** The batch's keys and values beside its codes, and per scope the field of each key code, kept for the rest of the file (-1: none). */
  slots?: JsonSlots;
  fieldOf?: Partial<Record<Scope, number[]>>;
}

/** Akter from .json and .ndjson files, each with its plans, delmål, follow-ups and lists nested. */
export class JsonAkter {
  /** JSON akter share one view of what the export provides: a key present in any akt counts. */
  readonly provided = new Set<Dataset | FieldPath>();

  constructor(
    private readonly rows: AktRows,
    private readonly accounts: Accounts,
  ) {}

  /**
   * One record per scope, filled anew for each object read: an akt has a dozen objects, and the
   * records made for them and their paths' prefixes (`followUps[3].`) were much of the garbage the
   * main thread made and collected while loading NDJSON. Nothing keeps a record of a JSON object
   * once read (as CsvRows keeps one per layout).
   */
  private readonly recs = new Map<Scope, Rec & { batch: JsonCodes | undefined }>();
  /** `key[i].` per key and index, and `plans[i].subGoals[j].` per i and j, made once. */
  private readonly prefixes = new Map<string, string[]>();
  private readonly subGoalPrefixes: string[][] = [];

  private prefix(key: string, i: number): string {
    let list = this.prefixes.get(key);
    if (list === undefined) this.prefixes.set(key, (list = []));
    return (list[i] ??= `${key}[${i}].`);
  }

  /** Whether item `i` of the list `key` (under `prefix`) is an object; one that is not is rejected as a row of its own. */
  private isItem(x: unknown, stats: FileStats, at: Location, caseId: string, key: string, i: number, prefix = ''): x is Record<string, unknown> {
    if (isPlainObject(x)) return true;
    this.accounts.reject(stats, 1, 'not-an-object', at, { caseId, field: `${prefix}${key}[${i}]`, value: showShape(x) });
    return false;
  }

  /**
   * The record of `scope` filled for `fields`, an object of the akt being added (`at`, `stats`,
   * `packed`: add's). A scope's memo and field per key code are the same for a whole file: looked
   * up by scope once per batch, not once per object.
   */
  private rec(fields: Record<string, unknown>, prefix: string, scope: Scope, at: Location, stats: FileStats, packed: JsonCodes | undefined): Rec {
    let r = this.recs.get(scope);
    if (r === undefined) this.recs.set(scope, (r = { fields, cols: undefined, at, stats, prefix, codes: undefined, first: 0, memo: undefined, slots: undefined, fieldOf: undefined, batch: undefined }));
    r.fields = fields;
    r.at = at;
    r.stats = stats;
    r.prefix = prefix;
    const first = packed && ((fields as Record<symbol, unknown>)[CODES_AT] as number | undefined);
    if (first === undefined) {
      r.codes = undefined;
      r.first = 0;
      r.memo = r.slots = r.fieldOf = r.batch = undefined;
      return r;
    }
    r.codes = packed!.codes;
    r.first = first;
    if (r.batch !== packed) {
      const slots = packed!.slots;
      const fieldOf = slots && packed!.fieldOf ? (packed!.fieldOf[scope] ??= []) : undefined;
      r.memo = packed!.memo[scope] ??= [];
      r.slots = fieldOf && slots;
      r.fieldOf = fieldOf;
      r.batch = packed;
    }
    return r;
  }

  add(raw: unknown, at: Location, stats: FileStats, packed?: JsonCodes): void {
    const accounts = this.accounts;
    if (!isPlainObject(raw)) return accounts.rejectRow(stats, 'not-an-object', at, { value: showShape(raw) });
    const rows = 1 + nestedCount(raw);
    stats.rowsRead += rows;
    const rec = (fields: Record<string, unknown>, prefix: string, scope: Scope): Rec => this.rec(fields, prefix, scope, at, stats, packed);
    const akt = this.rows.addAkt(rec(raw, '', 'akt'), rows, this.provided);
    if (akt === undefined) return;
    const caseId = this.rows.store.caseId(akt);
    const list = (key: AktList): unknown[] => {
      if (!Object.hasOwn(raw, key) || raw[key] === null) return [];
      this.provided.add(key);
      if (Array.isArray(raw[key])) return raw[key];
      accounts.report(problem('wrong-type', at, { caseId, field: key, value: showValue(raw[key]) }));
      return [];
    };
    const plans = list('plans');
    for (let i = 0; i < plans.length; i++) {
      const p = plans[i];
      if (!this.isItem(p, stats, at, caseId, 'plans', i)) continue;
      const prefix = this.prefix('plans', i);
      const plan = this.rows.addPlan(akt, rec(p, prefix, 'plans'));
      if (!Object.hasOwn(p, 'subGoals') || p.subGoals === null) continue;
      this.provided.add('subGoals');
      if (!Array.isArray(p.subGoals)) {
        accounts.report(problem('wrong-type', at, { caseId, field: `${prefix}subGoals`, value: showValue(p.subGoals) }));
        continue;
      }
      const subGoals: unknown[] = p.subGoals;
      for (let j = 0; j < subGoals.length; j++) {
        const s = subGoals[j];
        if (!this.isItem(s, stats, at, caseId, 'subGoals', j, prefix)) continue;
        this.rows.addSubGoal(plan, rec(s, ((this.subGoalPrefixes[i] ??= [])[j] ??= `${prefix}subGoals[${j}].`), 'subGoals'), caseId);
      }
    }
    const followUps = list('followUps');
    for (let i = 0; i < followUps.length; i++) {
      const f = followUps[i];
      if (!this.isItem(f, stats, at, caseId, 'followUps', i)) continue;
      this.rows.addFollowUp(akt, rec(f, this.prefix('followUps', i), 'followUps'));
    }
    for (const key of SIMPLE_LISTS) {
      const items = list(key);
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (!this.isItem(item, stats, at, caseId, key, i)) continue;
        this.rows.addListItem(akt, key, rec(item, this.prefix(key, i), key));
      }
    }
    if (Object.hasOwn(raw, 'jobCenter') && raw.jobCenter !== null) {
      this.provided.add('jobCenter');
      if (isPlainObject(raw.jobCenter)) this.rows.addListItem(akt, 'jobCenter', rec(raw.jobCenter, 'jobCenter.', 'jobCenter'));
      else accounts.report(problem('wrong-type', at, { caseId, field: 'jobCenter', value: showValue(raw.jobCenter) }));
    }
  }
}
