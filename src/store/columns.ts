/**
 * Column storage for the akter. A whole country's export is millions of rows; as objects they
 * would take gigabytes and keep the garbage collector busy. Here a row is a slot in a few integer
 * arrays, and a value many rows share (a date, a code, a boilerplate goal) is stored once.
 */

/**
 * A string cut from a larger text (a parsed chunk of a file) keeps the whole text alive: V8 makes
 * substrings of 13 characters or more as views into their parent. A value that is kept gets a copy
 * of its own, or the model would hold every chunk of the export.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** The fields an empty object literal has room for in itself (V8): a row of more is made by a literal of its own. */
const IN_OBJECT = 4;
/** The most fields a row factory of literals takes: which fields a row has is a bit mask in a small integer. */
const MASK_FIELDS = 30;

/** The most rows an identifier's column gets its room for at once (RowTable.grow). */
const OWN_ROOM_LIMIT = 1 << 24;
/** Whether integer columns made from now on live in shared memory (see shareColumns). */
let shared = false;

/**
 * Integer columns made from now on live in shared memory, for a run whose akter a second thread
 * will check (its rules' share): it reads the same columns, with nothing copied (AktStore.state).
 * Only then: a column grown step by step leaves shared buffers behind that V8 frees later than
 * its own (an NDJSON run at 400k peaked 40–60 MB higher with every column shared). A column that
 * is not shared is copied when sent, so what a thread reads never depends on this.
 */
export function shareColumns(on: boolean): void {
  shared = on;
}

function ints(n: number): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(n * 4)) : new Int32Array(n);
}

/** A growable Int32Array. */
export class IntColumn {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = ints(capacity);
  }

  push(v: number): number {
    if (this.length === this.data.length) {
      // Half again, not double: less unused room, and a smaller peak while old and new are both held.
      const grown = ints(Math.ceil(this.data.length * 1.5));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = v;
    return this.length++;
  }

  /** Room for `capacity` values without a push; new room holds 0. */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const grown = ints(capacity);
    grown.set(this.data);
    this.data = grown;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  /** Its first `n` values (a row table's columns are set, not pushed), in the same shared memory. */
  cut(n = this.length): Int32Array {
    return this.data.subarray(0, n);
  }

  static of(data: Int32Array): IntColumn {
    const c = new IntColumn(0);
    c.data = data;
    c.length = data.length;
    return c;
  }

  set(i: number, v: number): void {
    this.data[i] = v;
  }
}

/** Puts the first `n` values of `data` in the order `from` gives (value i becomes old value from[i]), in place through `scratch`. */
export function gather(data: Int32Array, from: Int32Array, n: number, scratch: Int32Array): void {
  scratch.set(data.subarray(0, n));
  for (let i = 0; i < n; i++) data[i] = scratch[from[i]!]!;
}

/** Values shared between rows, each stored once; id 0 stands for "no value". */
export class ValueTable {
  private readonly ids = new Map<unknown, number>();
  readonly values: unknown[] = [undefined];

  /** A table of the values another thread's table holds, for reading (see AktStore.state). */
  static of(values: unknown[]): ValueTable {
    return Object.assign(new ValueTable(), { values });
  }

  id(v: unknown): number {
    if (v === undefined) return 0;
    let i = this.ids.get(v);
    if (i === undefined) {
      const kept = typeof v === 'string' ? detach(v) : v;
      i = this.values.length;
      this.values.push(kept);
      this.ids.set(kept, i);
    }
    return i;
  }
}

/**
 * Identifiers of a column (PACK_ROWS of its rows) as one text and where each ends, to send to
 * another thread: a clone of millions of short strings took the receiver a second and a copy of
 * each; one text is copied at once, and the receiver cuts an identifier out when it is read. A
 * missing one ends where the one before it did, written as ~end.
 */
export interface PackedState {
  text: string;
  ends: Int32Array;
  /** `text` is the column as JSON (see PackedText.pack). */
  json: boolean;
}

export class PackedText {
  constructor(private readonly state: PackedState) {}

  /**
   * Where each identifier ends, ~end for a missing one. The text is the column's JSON when no
   * identifier needs escaping there (V8 writes JSON about twice as fast as it joins strings), so
   * each ends where its closing quote does; else the identifiers end to end.
   */
  static pack(strings: readonly (string | undefined)[]): PackedState {
    // Shared memory when the integer columns are: not copied when sent.
    const ends = ints(strings.length);
    let at = 0;
    for (let i = 0; i < strings.length; i++) {
      const s = strings[i];
      // A comma (or the opening bracket), then "text" or null.
      ends[i] = s === undefined ? ~(at += 5) : (at += s.length + 3);
    }
    const json = JSON.stringify(strings);
    // Escapes only lengthen the JSON: the same length means none.
    if (json.length === at + 1 || (strings.length === 0 && json === '[]')) return { text: json, ends, json: true };
    // Appended one by one (V8 joins them when the text is first read or sent): a third of the time of strings.join('').
    let text = '';
    for (let i = 0; i < strings.length; i++) {
      const s = strings[i];
      if (s === undefined) ends[i] = ~text.length;
      else {
        text += s;
        ends[i] = text.length;
      }
    }
    return { text, ends, json: false };
  }

  get(row: number): string | undefined {
    const { text, ends, json } = this.state;
    if (row >= ends.length) return undefined;
    const end = ends[row]!;
    if (end < 0) return undefined;
    const before = row === 0 ? 0 : ends[row - 1]!;
    const from = before < 0 ? ~before : before;
    return json ? text.slice(from + 2, end - 1) : text.slice(from, end);
  }
}

/**
 * Rows of an identifier column packed per message: a column of some hundred thousand identifiers
 * sent as one text cost the main thread 35–80 ms per column in postMessage at 400,000 akter (the
 * copy into fresh memory, which costs more here to touch than to fill); in texts of 8192 rows
 * (some 100–130 KB) the same columns went in a fifth of that.
 */
export const PACK_ROWS = 8192;

/** An identifier column read from its packed texts (see PACK_ROWS): text `i` holds rows `i × rows` on. */
export class PackedColumn {
  private readonly texts: PackedText[];

  constructor(
    states: readonly PackedState[],
    private readonly rows: number,
  ) {
    this.texts = states.map((s) => new PackedText(s));
  }

  get(row: number): string | undefined {
    const text = this.texts[(row / this.rows) | 0];
    return text === undefined ? undefined : text.get(row % this.rows);
  }
}

/**
 * The rows of one part of the akt (plans, follow-ups, …): per field either value ids (shared
 * values) or the strings themselves (identifiers, which every row has its own of). Rows of one
 * owner are chained in the order they were added.
 */
export class RowTable {
  readonly fields: readonly string[];
  private readonly shared: (IntColumn | undefined)[];
  private readonly own: (string[] | undefined)[];
  /** Read from another thread's table: the own columns are PackedColumn, or Withheld when not handed over (see state). */
  private readonly packed: (PackedColumn | Withheld | undefined)[] | undefined;
  readonly next = new IntColumn();

  /** `roomLimit` is a parameter for the tests only: see grow. */
  constructor(
    fields: readonly string[],
    unique: ReadonlySet<string>,
    private readonly roomLimit = OWN_ROOM_LIMIT,
  ) {
    this.fields = fields;
    this.shared = fields.map((f) => (unique.has(f) ? undefined : new IntColumn()));
    this.own = fields.map((f) => (unique.has(f) ? [] : undefined));
  }

  get length(): number {
    return this.next.length;
  }

  /** Its integer columns as data to send to another thread; the identifiers go apart (ownFields, pack). */
  state(): RowTableState {
    const cut = (c: IntColumn) => c.cut(this.length);
    return { next: cut(this.next), shared: this.shared.map((c) => c && cut(c)) };
  }

  /** The fields whose rows have their own texts (identifiers). */
  ownFields(): number[] {
    return this.fields.flatMap((_, f) => (this.own[f] ? [f] : []));
  }

  /** The identifiers of `field`, `rows` rows a text (PACK_ROWS), each text packed when it is taken. */
  *pack(field: number, rows: number): Generator<PackedState> {
    const own = this.own[field]!;
    // One text at least, so that the receiver knows the column was sent, even with no rows.
    for (let from = 0; from === 0 || from < this.length; from += rows) yield PackedText.pack(own.slice(from, Math.min(from + rows, this.length)));
  }

  /** The table `state` and the packed identifiers describe, for reading (rows are not added to it). */
  static of(fields: readonly string[], unique: ReadonlySet<string>, state: RowTableState, own: ReadonlyMap<number, PackedColumn>): RowTable {
    const t = new RowTable(fields, unique);
    const next = IntColumn.of(state.next);
    const packed = fields.map((name, f) => own.get(f) ?? (unique.has(name) ? WITHHELD : undefined));
    Object.assign(t, { next, shared: state.shared.map((c) => c && IntColumn.of(c)), packed, capacity: next.length });
    return t;
  }

  /**
   * A new row with every field empty. Only `next` is written here: the shared columns grow with
   * it (new room reads as id 0), an own column only as far as a row sets it (beyond its end it
   * reads as undefined), so the fields a row has are written once, by their setter (writing every
   * column for every row was a tenth of the main thread's time loading).
   */
  add(): number {
    if (this.next.length === this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    return this.next.push(-1);
  }

  private capacity = 0;

  /** Room for `more` rows beyond those there are, made at once (see AktStore.reserve). */
  reserve(more: number): void {
    if (this.length + more > this.capacity) this.grow(this.length + more);
  }

  private grow(capacity: number): void {
    this.next.reserve(capacity);
    for (const c of this.shared) c?.reserve(capacity);
    // An identifier's column gets its room at once too (a holey array, read as undefined where unset):
    // grown by V8 as it was written, half again each time, it was copied and filled anew a dozen
    // times, and the fresh memory touched cost the main thread more than the copies.
    // (Beyond some 33 million elements, V8 makes an array so made a dictionary: there, as before,
    // the column grows as it is written.)
    for (let f = 0; f < this.own.length; f++) {
      const own = this.own[f];
      if (own === undefined || capacity > this.roomLimit) continue;
      const grown = new Array<string>(capacity);
      for (let i = 0; i < this.length; i++) grown[i] = own[i]!;
      this.own[f] = grown;
    }
    this.capacity = capacity;
  }

  /**
   * Puts the rows in the order `from` gives (row i becomes old row from[i]), each column in place
   * through `scratch` (room for the rows at least; `strings` the same for identifiers), so that no
   * second copy of a column is made. `next` chains every row to the one after it: the caller ends
   * each owner's run (see AktStore.lineUp).
   */
  permute(from: Int32Array, scratch: Int32Array, strings: (string | undefined)[]): void {
    const n = this.length;
    for (const c of this.shared) if (c !== undefined) gather(c.data, from, n, scratch);
    for (const own of this.own) {
      if (own === undefined) continue;
      const set = Math.min(own.length, n);
      for (let i = 0; i < set; i++) strings[i] = own[i];
      // Rows beyond the column's end were never set: they read as undefined, as before.
      for (let i = set; i < n; i++) strings[i] = undefined;
      for (let i = 0; i < n; i++) own[i] = strings[from[i]!] as string;
    }
    const next = this.next.data;
    for (let i = 0; i < n; i++) next[i] = i + 1;
  }

  isUnique(field: number): boolean {
    return this.own[field] !== undefined;
  }

  setId(row: number, field: number, id: number): void {
    this.shared[field]!.set(row, id);
  }

  clear(row: number, field: number): void {
    const own = this.own[field];
    if (own) own[row] = undefined as unknown as string;
    else this.shared[field]!.set(row, 0);
  }

  /** `kept`: the text is one the store holds already (another row's), not cut from a file's text. */
  setText(row: number, field: number, text: string, kept = false): void {
    const own = this.own[field]!;
    // Within the room made ahead (grow) every row has its slot. Beyond it the column is filled up
    // to the row first: an array written past its end gets holes, or turns into a dictionary.
    while (own.length < row) own.push(undefined as unknown as string);
    own[row] = kept ? text : detach(text);
  }

  /** The row's value of `field`, undefined when it has none. */
  value(row: number, field: number, table: ValueTable): unknown {
    if (this.packed) {
      const packed = this.packed[field];
      if (packed) return packed.get(row);
    } else {
      const own = this.own[field];
      if (own) return own[row];
    }
    return table.values[this.shared[field]!.get(row)];
  }

  /**
   * The row as an object with the fields it has, in schema order. Made by a function compiled for
   * this table, with each field name written out: the rules read millions of these objects, and
   * objects built by one such function share their shapes, which keeps property access fast.
   */
  object(row: number, table: ValueTable): Record<string, unknown> {
    this.make ??= this.compile();
    return this.make(row, table.values, this.shared, this.packed ?? this.own);
  }

  /**
   * The same object made by a plain loop: the meaning of the compiled function, kept beside it so
   * that a test can hold the two equal (test/store.test.ts).
   */
  plainObject(row: number, table: ValueTable): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (let f = 0; f < this.fields.length; f++) {
      const v = this.value(row, f, table);
      if (v !== undefined) o[this.fields[f]!] = v;
    }
    return o;
  }

  /**
   * Sets the row's fields on `o` as `object` makes them, and `always` (a field's name) even when the
   * row has no value of it: for an object of a class of its own (an AktView). Compiled too, for
   * the same reason: a loop setting fields by their names stored through one megamorphic site, for
   * every akt a rule's `prepare` looks at.
   */
  fill(row: number, table: ValueTable, o: object, always: string): void {
    if (this.filler === undefined || this.always !== always) {
      this.filler = this.compile(always);
      this.always = always;
    }
    this.filler(row, table.values, this.shared, this.packed ?? this.own, o);
  }

  /** The same as `fill` by a plain loop (see plainObject). */
  plainFill(row: number, table: ValueTable, o: object, always: string): void {
    for (let f = 0; f < this.fields.length; f++) {
      const v = this.value(row, f, table);
      if (v !== undefined || this.fields[f] === always) (o as Record<string, unknown>)[this.fields[f]!] = v;
    }
  }

  private make: ((row: number, values: unknown[], shared: (IntColumn | undefined)[], own: (string[] | PackedColumn | Withheld | undefined)[], o?: unknown) => Record<string, unknown>) | undefined;
  private filler: RowTable['make'];
  private always: string | undefined;

  /**
   * The row factory for a table of more fields than an empty object has room for in itself: each
   * row's object made by one object literal of exactly the fields it has (one literal per set of
   * fields, made when first met). Built from `{}` a field at a time, each such object took a
   * separate store for its further fields, grown two or three times: a third of the check pass's
   * garbage.
   */
  private compileLiterals(extra?: string): NonNullable<RowTable['make']> {
    const n = this.fields.length;
    const vs = [...this.fields.map((_, f) => `v${f}`), ...(extra === undefined ? [] : ['x'])].join(', ');
    const reads = this.fields.map((_, f) => `const v${f} = ${this.read(f)};`).join('\n');
    const mask = this.fields.map((_, f) => `(v${f} === undefined ? 0 : ${1 << f})`).join(' | ');
    const makers: (((...v: unknown[]) => Record<string, unknown>) | undefined)[] = [];
    const fields = this.fields;
    const miss = (m: number, ...v: unknown[]): Record<string, unknown> => {
      const keys = fields.flatMap((name, f) => (m & (1 << f) ? [`${JSON.stringify(name)}: v${f}`] : []));
      if (extra !== undefined) keys.push(`${JSON.stringify(extra)}: x`);
      const make = (makers[m] = new Function(...fields.map((_, f) => `v${f}`), 'x', `return {${keys.join(', ')}};`) as (...v: unknown[]) => Record<string, unknown>);
      return make(...v.slice(0, extra === undefined ? n : n + 1));
    };
    return new Function('makers', 'miss', `return function (row, values, shared, own, x) {\n${reads}\nconst m = ${mask};\nconst make = makers[m];\nreturn make === undefined ? miss(m, ${vs}) : make(${vs});\n};`)(makers, miss) as NonNullable<RowTable['make']>;
  }

  /**
   * `object` with one more key, `extra`, set to `value` after the row's fields (a plan's delmål): made
   * in the same literal, where set afterwards it took each object a store of its own for it.
   */
  objectWith(row: number, table: ValueTable, extra: string, value: unknown): Record<string, unknown> {
    if (this.withExtra === undefined || this.extra !== extra) {
      this.withExtra = this.fields.length <= MASK_FIELDS ? this.compileLiterals(extra) : undefined;
      this.extra = extra;
    }
    if (this.withExtra === undefined) return Object.assign(this.object(row, table), { [extra]: value });
    return this.withExtra(row, table.values, this.shared, this.packed ?? this.own, value);
  }

  private withExtra: RowTable['make'];
  private extra: string | undefined;

  /** The compiled code that reads field `f` of `row` (see `value`). */
  private read(f: number): string {
    return this.packed?.[f] ? `own[${f}].get(row)` : this.own[f] ? `own[${f}][row]` : `values[shared[${f}].data[row]]`;
  }

  /** The row factory; with `always`, the filler (see fill). */
  private compile(always?: string): NonNullable<RowTable['make']> {
    const body = this.fields
      .map((name, f) => (name === always ? `o[${JSON.stringify(name)}] = ${this.read(f)};` : `v = ${this.read(f)}; if (v !== undefined) o[${JSON.stringify(name)}] = v;`))
      .join('\n');
    if (always === undefined && this.fields.length > IN_OBJECT && this.fields.length <= MASK_FIELDS) return this.compileLiterals();
    if (always === undefined) return new Function('row', 'values', 'shared', 'own', `const o = {}; let v;\n${body}\nreturn o;`) as NonNullable<RowTable['make']>;
    return new Function('row', 'values', 'shared', 'own', 'o', `let v;\n${body}\nreturn o;`) as NonNullable<RowTable['make']>;
  }
}

/** An identifier column not handed over (AktStore.ownParts): reading it is a bug in what was sent, never a silent undefined. */
class Withheld {
  get(): never {
    throw new Error('an identifier column was read that was not handed over to this thread');
  }
}

const WITHHELD = new Withheld();

/** A RowTable as data: its columns, cut to its rows. */
export interface RowTableState {
  next: Int32Array;
  shared: (Int32Array | undefined)[];
}

/** Per owner, the first and last of its rows in a child table, so rows keep their order without a sort. */
export class Chains {
  readonly first = new IntColumn();
  readonly last = new IntColumn();

  /** Room for `owners` owners, made at once; they are added by `grow`. */
  reserve(owners: number): void {
    this.first.reserve(owners);
    this.last.reserve(owners);
  }

  state(): [Int32Array, Int32Array] {
    return [this.first.cut(), this.last.cut()];
  }

  static of([first, last]: [Int32Array, Int32Array]): Chains {
    return Object.assign(new Chains(), { first: IntColumn.of(first), last: IntColumn.of(last) });
  }

  grow(owners: number): void {
    while (this.first.length < owners) {
      this.first.push(-1);
      this.last.push(-1);
    }
  }

  append(owner: number, row: number, rows: RowTable): void {
    this.grow(owner + 1);
    const last = this.last.get(owner);
    if (last === -1) this.first.set(owner, row);
    else rows.next.set(last, row);
    this.last.set(owner, row);
  }
}
