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

/** The most rows an identifier's column gets its room for at once (RowTable.grow). */
const OWN_ROOM_LIMIT = 1 << 24;

/** A growable Int32Array. */
export class IntColumn {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(v: number): number {
    if (this.length === this.data.length) {
      // Half again, not double: less unused room, and a smaller peak while old and new are both held.
      const grown = new Int32Array(Math.ceil(this.data.length * 1.5));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = v;
    return this.length++;
  }

  /** Room for `capacity` values without a push; new room holds 0. */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const grown = new Int32Array(capacity);
    grown.set(this.data);
    this.data = grown;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  set(i: number, v: number): void {
    this.data[i] = v;
  }
}

/** Values shared between rows, each stored once; id 0 stands for "no value". */
export class ValueTable {
  private readonly ids = new Map<unknown, number>();
  readonly values: unknown[] = [undefined];

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
 * The rows of one part of the akt (plans, follow-ups, …): per field either value ids (shared
 * values) or the strings themselves (identifiers, which every row has its own of). Rows of one
 * owner are chained in the order they were added.
 */
export class RowTable {
  readonly fields: readonly string[];
  private readonly shared: (IntColumn | undefined)[];
  private readonly own: (string[] | undefined)[];
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
    const own = this.own[field];
    return own ? own[row] : table.values[this.shared[field]!.get(row)];
  }

  /**
   * The row as an object with the fields it has, in schema order. Made by a function compiled for
   * this table, with each field name written out: the rules read millions of these objects, and
   * objects built by one such function share their shapes, which keeps property access fast.
   */
  object(row: number, table: ValueTable): Record<string, unknown> {
    this.make ??= this.compile();
    return this.make(row, table.values, this.shared, this.own);
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

  private make: ((row: number, values: unknown[], shared: (IntColumn | undefined)[], own: (string[] | undefined)[]) => Record<string, unknown>) | undefined;

  private compile(): NonNullable<RowTable['make']> {
    const body = this.fields
      .map((name, f) => {
        const read = this.own[f] ? `own[${f}][row]` : `values[shared[${f}].data[row]]`;
        return `v = ${read}; if (v !== undefined) o[${JSON.stringify(name)}] = v;`;
      })
      .join('\n');
    return new Function('row', 'values', 'shared', 'own', `const o = {}; let v;\n${body}\nreturn o;`) as NonNullable<RowTable['make']>;
  }
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
