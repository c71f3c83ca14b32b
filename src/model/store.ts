import { Chains, IntColumn, RowTable, ValueTable } from './columns-store.js';
import { scalarFields, UNIQUE_FIELDS } from './codec.js';
import type { Scope } from './fields.js';
import type { Location } from './problems.js';
import type { Akt, Plan } from './schema.js';
import type { CheckedAkt, Provided } from './types.js';
import { AKT_LISTS, DATASETS, type AktList, type Dataset } from './datasets.js';

export type ChildScope = Dataset;

/**
 * Every akt of an export in columns: the akt's own fields, its origin, and chains of rows for its
 * plans (each with its delmål), follow-ups and other lists. An akt becomes an object only when
 * a rule or a report asks for it, and is garbage again straight after.
 */
export class AktStore {
  readonly values = new ValueTable();
  readonly tables: Record<Scope, RowTable>;
  /** Per list of the akt, its rows chained per akt. */
  readonly chains: Record<AktList, Chains>;
  readonly subGoals = new Chains();
  /** Per akt, its jobCenter row or -1. */
  readonly jobCenter = new IntColumn();
  private readonly files: string[] = [];
  private readonly fileIds = new Map<string, number>();
  private readonly originFile = new IntColumn();
  private readonly originLine = new IntColumn();
  private readonly originIndex = new IntColumn();
  private readonly datasetSets: Provided[] = [];
  private readonly datasetIds = new Map<Provided, number>();
  private readonly datasetOf = new IntColumn();
  private readonly caseIdField: number;
  private readonly districtField: number;

  constructor() {
    this.tables = Object.fromEntries((['akt', ...DATASETS] as const).map((scope) => [scope, new RowTable(scalarFields(scope), UNIQUE_FIELDS)])) as Record<Scope, RowTable>;
    this.caseIdField = this.tables.akt.fields.indexOf('caseId');
    this.districtField = this.tables.akt.fields.indexOf('district');
    this.chains = Object.fromEntries(AKT_LISTS.map((list) => [list, new Chains()])) as Record<AktList, Chains>;
  }

  get size(): number {
    return this.tables.akt.length;
  }

  /** A new akt; its fields are set afterwards. */
  addAkt(at: Location, datasets: Provided): number {
    let file = this.fileIds.get(at.file);
    if (file === undefined) {
      file = this.files.push(at.file) - 1;
      this.fileIds.set(at.file, file);
    }
    let ds = this.datasetIds.get(datasets);
    if (ds === undefined) {
      ds = this.datasetSets.push(datasets) - 1;
      this.datasetIds.set(datasets, ds);
    }
    this.originFile.push(file);
    this.originLine.push(at.line ?? -1);
    this.originIndex.push(at.index ?? -1);
    this.datasetOf.push(ds);
    this.jobCenter.push(-1);
    return this.tables.akt.add();
  }

  origin(akt: number): Location {
    const at: Location = { file: this.files[this.originFile.data[akt]!]! };
    const line = this.originLine.data[akt]!;
    const index = this.originIndex.data[akt]!;
    if (line !== -1) at.line = line;
    if (index !== -1) at.index = index;
    return at;
  }

  datasets(akt: number): Provided {
    return this.datasetSets[this.datasetOf.get(akt)]!;
  }

  field(scope: Scope, row: number, field: number): unknown {
    return this.tables[scope].value(row, field, this.values);
  }

  caseId(akt: number): string {
    return this.tables.akt.value(akt, this.caseIdField, this.values) as string;
  }

  district(akt: number): string | undefined {
    return this.tables.akt.value(akt, this.districtField, this.values) as string | undefined;
  }

  /** A child row of `scope`, appended to its owner's list (an akt; a plan for delmål). */
  addRow(scope: ChildScope, owner: number): number {
    const row = this.tables[scope].add();
    if (scope === 'subGoals') this.subGoals.append(owner, row, this.tables.subGoals);
    else if (scope === 'jobCenter') this.jobCenter.set(owner, row);
    else this.chains[scope].append(owner, row, this.tables[scope]);
    return row;
  }

  rows(scope: AktList, akt: number): Generator<number> {
    return this.chains[scope].rows(akt, this.tables[scope]);
  }

  /** The rows of `owner` in a chain, as objects. Called for every akt of every pass: plain loops, no generators. */
  private list(chains: Chains, rows: RowTable, owner: number): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    if (owner >= chains.first.length) return out;
    const next = rows.next.data;
    for (let r = chains.first.data[owner]!; r !== -1; r = next[r]!) out.push(rows.object(r, this.values));
    return out;
  }

  plans(i: number): Plan[] {
    const t = this.tables;
    const plans = this.list(this.chains.plans, t.plans, i) as unknown as Plan[];
    for (let p = 0, first = this.chains.plans.first.data[i] ?? -1; p < plans.length; p++) {
      plans[p]!.subGoals = this.list(this.subGoals, t.subGoals, first);
      first = t.plans.next.data[first]!;
    }
    return plans;
  }

  listOf<K extends Exclude<AktList, 'plans'>>(key: K, i: number): Akt[K] {
    return this.list(this.chains[key], this.tables[key], i) as Akt[K];
  }

  /** One of the akt's lists as objects; a plan's delmål come with it. */
  listFor<K extends AktList>(key: K, i: number): Akt[K] {
    return (key === 'plans' ? this.plans(i) : this.listOf(key as Exclude<AktList, 'plans'>, i)) as Akt[K];
  }

  jobCenterOf(i: number): Akt['jobCenter'] {
    const jc = this.jobCenter.data[i]!;
    return jc === -1 ? undefined : this.tables.jobCenter.object(jc, this.values);
  }

  /** The akt as the rules see it: only the fields it has, lists always present. */
  akt(i: number): Akt {
    const akt = this.tables.akt.object(i, this.values) as unknown as Akt;
    akt.district = akt.district as string | undefined;
    for (const list of AKT_LISTS) (akt as unknown as Record<AktList, unknown>)[list] = this.listFor(list, i);
    const jc = this.jobCenterOf(i);
    if (jc) akt.jobCenter = jc;
    return akt;
  }

  /**
   * The akt with its lists made only when read: a rule's `prepare` looks at every akt but
   * usually at one part of it (individual-goals reads the plans).
   */
  view(i: number): Akt {
    return new AktView(this, i) as unknown as Akt;
  }

  checked(i: number): CheckedAkt {
    return { akt: this.akt(i), origin: this.origin(i), datasets: this.datasets(i) };
  }
}

/**
 * The akter of an export, in report order, made into objects one at a time as they are asked
 * for. A selection is another view of the same store.
 */
export class Akter implements Iterable<CheckedAkt> {
  constructor(
    readonly store: AktStore,
    /** Store positions in the order the akter are listed. */
    readonly order: Int32Array,
  ) {}

  get length(): number {
    return this.order.length;
  }

  at(i: number): CheckedAkt {
    return this.store.checked(this.order[i]!);
  }

  datasets(i: number): Provided {
    return this.store.datasets(this.order[i]!);
  }

  *[Symbol.iterator](): Iterator<CheckedAkt> {
    for (let i = 0; i < this.order.length; i++) yield this.at(i);
  }

  /** The akter of this list that `keep` accepts, as a view of the same store. */
  filter(keep: (a: CheckedAkt) => boolean): Akter {
    const kept: number[] = [];
    for (let i = 0; i < this.order.length; i++) if (keep(this.at(i))) kept.push(this.order[i]!);
    return new Akter(this.store, Int32Array.from(kept));
  }

  map<T>(f: (a: CheckedAkt) => T): T[] {
    const out: T[] = [];
    for (const a of this) out.push(f(a));
    return out;
  }

  /** Each akt, for rules that look at the whole export first; its lists are made when read. */
  *models(): Generator<Akt> {
    for (let i = 0; i < this.order.length; i++) yield this.store.view(this.order[i]!);
  }
}

/** An akt whose fields are read from the store, and whose lists are made when first read. */
class AktView {
  readonly #store: AktStore;
  readonly #i: number;
  readonly #made: Partial<Pick<Akt, AktList | 'jobCenter'>> = {};
  #jobCenter = false;

  constructor(store: AktStore, i: number) {
    this.#store = store;
    this.#i = i;
    const t = store.tables.akt;
    // The akt's own fields are few and cheap: set as in a full akt.
    for (let f = 0; f < t.fields.length; f++) {
      const v = t.value(i, f, store.values);
      if (v !== undefined || t.fields[f] === 'district') (this as Record<string, unknown>)[t.fields[f]!] = v;
    }
  }

  static {
    // A getter per list of the akt, made from the one list of datasets.
    for (const list of AKT_LISTS) {
      Object.defineProperty(AktView.prototype, list, {
        get(this: AktView) {
          return (this.#made[list] ??= this.#store.listFor(list, this.#i) as never);
        },
      });
    }
  }

  get jobCenter(): Akt['jobCenter'] {
    if (!this.#jobCenter) {
      this.#jobCenter = true;
      this.#made.jobCenter = this.#store.jobCenterOf(this.#i);
    }
    return this.#made.jobCenter;
  }
}
