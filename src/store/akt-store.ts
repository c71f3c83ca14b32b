import { AKT_LISTS, DATASETS, type AktList, type Dataset } from '../model/datasets.js';
import { scalarFields, type Scope } from '../model/fields.js';
import type { Location } from '../model/problems.js';
import type { Akt, Plan } from '../model/schema.js';
import type { CheckedAkt, Provided } from '../model/types.js';
import { AktView } from './akt-view.js';
import { Chains, gather, IntColumn, PACK_ROWS, PackedColumn, RowTable, ValueTable, type PackedState, type RowTableState } from './columns.js';

export type ChildScope = Dataset;

/** Room AktStore.lineUp works in, made once for all its tables. */
interface LineUpTemp {
  scratch: Int32Array;
  strings: (string | undefined)[];
  from: Int32Array;
}

/** Sets a table's fields (RowTable.setId and setText): what AktStore.writer gives. */
export type RowWriter = Pick<RowTable, 'setId' | 'setText'>;

/**
 * Fields every row has its own value of (identifiers, and the planId a plan replaces): stored as
 * text, not shared. Shared, `replaces` filled the value table with one entry per plan and missed
 * the checks' cache of repeated values.
 */
export const UNIQUE_FIELDS: ReadonlySet<string> = new Set(['caseId', 'personId', 'planId', 'replaces']);

/**
 * Every akt of an export in columns: the akt's own fields, its origin, and chains of rows for its
 * plans (each with its delmål), follow-ups and other lists, lined up in report order once the
 * export is read (lineUp). An akt becomes an object only when a rule or a report asks for it, and
 * is garbage again straight after.
 */
/** An AktStore as data to send to another thread (see AktStore.state). */
export interface StoreState {
  values: unknown[];
  tables: Record<Scope, RowTableState>;
  chains: Record<AktList, [Int32Array, Int32Array]>;
  subGoals: [Int32Array, Int32Array];
  jobCenter: Int32Array;
  files: string[];
  origin: [Int32Array, Int32Array, Int32Array];
  datasetSets: Provided[];
  datasetOf: Int32Array;
  lined: boolean;
}

/** Rows of one column of identifiers, packed (see PackedText), sent apart from the rest of the store: text number `at` of the column, of `rows` rows a text. */
export interface OwnPart {
  scope: Scope;
  field: number;
  rows: number;
  at: number;
  packed: PackedState;
}

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
  /** The rows of each owner follow one another, first to last (see lineUp); no row is added after. */
  private lined = false;

  constructor() {
    this.tables = Object.fromEntries((['akt', ...DATASETS] as const).map((scope) => [scope, new RowTable(scalarFields(scope), UNIQUE_FIELDS)])) as Record<Scope, RowTable>;
    this.caseIdField = this.tables.akt.fields.indexOf('caseId');
    this.districtField = this.tables.akt.fields.indexOf('district');
    this.chains = Object.fromEntries(AKT_LISTS.map((list) => [list, new Chains()])) as Record<AktList, Chains>;
  }

  get size(): number {
    return this.tables.akt.length;
  }

  /**
   * The store as data, for a thread that reads the same akter (two threads checking them): the
   * integer columns are shared memory, sent without a copy; values are copied; identifiers go
   * apart (ownParts).
   */
  state(): StoreState {
    const cut = (c: IntColumn) => c.cut();
    return {
      values: this.values.values,
      tables: Object.fromEntries(Object.entries(this.tables).map(([scope, t]) => [scope, t.state()])) as StoreState['tables'],
      chains: Object.fromEntries(AKT_LISTS.map((list) => [list, this.chains[list].state()])) as StoreState['chains'],
      subGoals: this.subGoals.state(),
      jobCenter: cut(this.jobCenter),
      files: this.files,
      origin: [cut(this.originFile), cut(this.originLine), cut(this.originIndex)],
      datasetSets: this.datasetSets,
      datasetOf: cut(this.datasetOf),
      lined: this.lined,
    };
  }

  /**
   * The identifiers of the tables `scopes`, a column at a time, each packed as one text when it
   * is taken: sent one by one, only one such copy is held at a time on either side. The other
   * tables' identifiers stay here (the largest, the follow-ups' planIds, are a third of them), and
   * reading one there throws.
   */
  *ownParts(scopes: ReadonlySet<Scope>, rows = PACK_ROWS): Generator<OwnPart> {
    for (const [scope, t] of Object.entries(this.tables) as [Scope, RowTable][]) {
      if (!scopes.has(scope)) continue;
      for (const field of t.ownFields()) {
        let at = 0;
        for (const packed of t.pack(field, rows)) yield { scope, field, rows, at: at++, packed };
      }
    }
  }

  /** The store `state` and the identifier columns describe, to read akter from (not to add to). */
  static of(state: StoreState, own: readonly OwnPart[]): AktStore {
    const store = new AktStore();
    const ownOf = (scope: string) => {
      const texts = new Map<number, { rows: number; states: PackedState[] }>();
      for (const o of own) {
        if (o.scope !== scope) continue;
        let column = texts.get(o.field);
        if (column === undefined) texts.set(o.field, (column = { rows: o.rows, states: [] }));
        column.states[o.at] = o.packed;
      }
      return new Map([...texts].map(([field, { rows, states }]) => [field, new PackedColumn(states, rows)]));
    };
    const tables = Object.fromEntries(Object.entries(state.tables).map(([scope, t]) => [scope, RowTable.of(scalarFields(scope as Scope), UNIQUE_FIELDS, t, ownOf(scope))]));
    const chains = Object.fromEntries(AKT_LISTS.map((list) => [list, Chains.of(state.chains[list])]));
    const [originFile, originLine, originIndex] = state.origin.map((c) => IntColumn.of(c));
    return Object.assign(store, {
      values: ValueTable.of(state.values),
      tables,
      chains,
      subGoals: Chains.of(state.subGoals),
      jobCenter: IntColumn.of(state.jobCenter),
      files: state.files,
      originFile,
      originLine,
      originIndex,
      datasetSets: state.datasetSets,
      datasetOf: IntColumn.of(state.datasetOf),
      lined: state.lined,
    });
  }

  /**
   * Room for about `more` rows of `scope` ahead (a table's rows, estimated from its file's size),
   * made at once: grown step by step, the columns were copied again and again into fresh memory,
   * which costs here far more to touch than to fill. A wrong estimate costs nothing but that: the
   * columns grow as before, and room never used is never touched.
   */
  reserve(scope: Scope, more: number): void {
    this.tables[scope].reserve(more);
    if (scope === 'akt') {
      const akter = this.size + more;
      for (const c of [this.originFile, this.originLine, this.originIndex, this.datasetOf, this.jobCenter]) c.reserve(akter);
    } else if (scope === 'subGoals') this.subGoals.reserve(this.tables.plans.length);
    else if (scope !== 'jobCenter') this.chains[scope].reserve(this.size);
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

  /** The setters of one table's fields, for a caller that sets many fields of one scope (FieldReader.keep). */
  writer(scope: Scope): RowWriter {
    return this.tables[scope];
  }

  /** Sets a field to its own text (an identifier); `kept`: a text the store holds already. */
  setText(scope: Scope, row: number, field: number, text: string, kept = false): void {
    this.tables[scope].setText(row, field, text, kept);
  }

  hasJobCenter(akt: number): boolean {
    return this.jobCenter.get(akt) !== -1;
  }

  /** A child row of `scope`, appended to its owner's list (an akt; a plan for delmål). */
  addRow(scope: ChildScope, owner: number): number {
    const row = this.tables[scope].add();
    if (scope === 'subGoals') this.subGoals.append(owner, row, this.tables.subGoals);
    else if (scope === 'jobCenter') this.jobCenter.set(owner, row);
    else this.chains[scope].append(owner, row, this.tables[scope]);
    return row;
  }

  /** The last of the akt's rows in `scope` whose `field` is `value`: a plain walk, called for every follow-up and delmål loaded. */
  lastRowWith(scope: AktList, akt: number, field: number, value: unknown): number | undefined {
    const chains = this.chains[scope];
    if (akt >= chains.first.length) return undefined;
    const table = this.tables[scope];
    const next = table.next.data;
    let found: number | undefined;
    for (let r = chains.first.data[akt]!; r !== -1; r = next[r]!) if (table.value(r, field, this.values) === value) found = r;
    return found;
  }

  /**
   * The rows of `owner`, as objects (`plans`: each plan with its delmål, made in the plan's literal
   * by RowTable.objectWith).
   */
  private list(chains: Chains, rows: RowTable, owner: number, plans = false): Record<string, unknown>[] {
    if (owner >= chains.first.length) return [];
    if (this.lined) return this.run(chains, rows, owner, plans);
    // Only before lineUp (a store being filled, and the tests' reference): a plain walk of the chain.
    const next = rows.next.data;
    const out: Record<string, unknown>[] = [];
    for (let r = chains.first.data[owner]!; r !== -1; r = next[r]!) out.push(this.row(rows, r, plans));
    return out;
  }

  /**
   * `list` for a store whose owners' rows follow one another (see lineUp): a range, not a chain.
   * Called for every akt of every pass: the array is made to size (grown by push, each list took
   * room for 17, a third of the pass's garbage), and literals keep the short ones packed.
   */
  private run(chains: Chains, rows: RowTable, owner: number, plans: boolean): Record<string, unknown>[] {
    const first = chains.first.data[owner]!;
    if (first === -1) return [];
    const n = chains.last.data[owner]! - first + 1;
    const a = this.row(rows, first, plans);
    if (n === 1) return [a];
    const b = this.row(rows, first + 1, plans);
    if (n === 2) return [a, b];
    const c = this.row(rows, first + 2, plans);
    if (n === 3) return [a, b, c];
    const d = this.row(rows, first + 3, plans);
    if (n === 4) return [a, b, c, d];
    const out = new Array<Record<string, unknown>>(n);
    out[0] = a;
    out[1] = b;
    out[2] = c;
    out[3] = d;
    for (let k = 4; k < n; k++) out[k] = this.row(rows, first + k, plans);
    return out;
  }

  /**
   * Once every row is in: the akter renumbered in the order they are read (`order`, the report
   * order), and each list's rows put in that order too, an akt's rows one after another as they
   * were chained, a plan's delmål after the plans. Chained as they were added, an akt's rows lay
   * among other akter's, and its fields among the other stadsdelar's akter: making the akter in
   * report order read a few values from each of thousands of scattered places in every column.
   * Gives the akter's new order (0, 1, 2, …). Nothing outside the store keeps a row's or an akt's
   * number by then.
   */
  lineUp(order: Int32Array): Int32Array {
    const n = this.size;
    if (this.lined) throw new Error('the store is lined up already');
    if (order.length !== n) throw new Error(`an order of ${order.length} akter for a store of ${n}`);
    let most = 0;
    for (const t of Object.values(this.tables)) most = Math.max(most, t.length);
    // Room for the largest table, a few bytes a row, given back straight after: columns are put in order in place.
    const temp: LineUpTemp = { scratch: new Int32Array(most), strings: new Array<string | undefined>(most), from: new Int32Array(most) };
    const plans = this.lineUpRows(this.chains.plans, this.tables.plans, order, temp, new Int32Array(this.tables.plans.length));
    // Delmål by plan, the plans in their new order: plan i was plan plans[i].
    this.lineUpRows(this.subGoals, this.tables.subGoals, plans, temp);
    for (const list of AKT_LISTS) if (list !== 'plans') this.lineUpRows(this.chains[list], this.tables[list], order, temp);
    this.tables.akt.permute(order, temp.scratch, temp.strings);
    for (const c of [this.originFile, this.originLine, this.originIndex, this.datasetOf, this.jobCenter]) gather(c.data, order, n, temp.scratch);
    this.lined = true;
    // The order is done with: it becomes the new one.
    for (let i = 0; i < n; i++) order[i] = i;
    return order;
  }

  /**
   * The rows of `rows` by owner, owners in the order `owners` gives (owner k was owners[k]),
   * each owner's run of rows `chains` then gives at k. Gives where each row came from, in `from`
   * (made for the call when not given).
   */
  private lineUpRows(chains: Chains, rows: RowTable, owners: Int32Array, temp: LineUpTemp, from = temp.from): Int32Array {
    const n = rows.length;
    const m = owners.length;
    const next = rows.next.data;
    if (n === 0) {
      // No owner has a row: owners beyond the chains' end have none, and the chains are not grown
      // to every akt (in shared memory, grown step by step, such room was freed late: 20–30 MB at 400k).
      chains.first.length = chains.last.length = 0;
      return from;
    }
    chains.reserve(m);
    chains.grow(m);
    // Each owner's first row in the owners' new order, then its run set over it.
    gather(chains.first.data, owners, m, temp.scratch);
    const first = chains.first.data;
    const last = chains.last.data;
    let at = 0;
    for (let k = 0; k < m; k++) {
      const r0 = first[k]!;
      if (r0 === -1) {
        last[k] = -1;
        continue;
      }
      first[k] = at;
      for (let r = r0; r !== -1; r = next[r]!) from[at++] = r;
      last[k] = at - 1;
    }
    if (at !== n) throw new Error(`${n - at} rows belong to no owner in the order`);
    for (let k = m; k < chains.first.length; k++) first[k] = last[k] = -1;
    rows.permute(from, temp.scratch, temp.strings);
    for (let k = 0; k < m; k++) if (last[k] !== -1) next[last[k]!] = -1;
    return from;
  }

  private row(rows: RowTable, r: number, plan: boolean): Record<string, unknown> {
    return plan ? rows.objectWith(r, this.values, 'subGoals', this.list(this.subGoals, this.tables.subGoals, r)) : rows.object(r, this.values);
  }

  plans(i: number): Plan[] {
    return this.list(this.chains.plans, this.tables.plans, i, true) as unknown as Plan[];
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
