// A column's dictionary of the values the CSV thread has sent (RowPacker), and the helpers it
// shares with the packer: dates by their day, hashes and copies of UTF-8 bytes.

/**
 * A copy of a value of its own. A string cut from a larger text (the parsed chunk of a file) keeps
 * that whole text alive when it is 13 characters or more, and a dictionary keeps its values for a
 * whole file: without the copy, the parsing thread held most of a file's text (peak RSS 568 MB
 * rather than 493 MB loading 400,000 akter, when the receiving side copied its entries too). The
 * store has the same helper (`detach`), which this stage may not import.
 */
function own(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** While a column has no more distinct values than this, a value is found by comparing it with each. */
const FEW = 8;

/**
 * The key a value is looked up by: an ISO date (dddd-dd-dd) as the number its digits make, any
 * other value itself. A Map hashes a freshly parsed string in a call out of the compiled code (a
 * million fresh dates: about 50 ms by string, 25 ms by number); dates are half the values looked up.
 */
export function keyOf(value: string): string | number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return value;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return value;
    n = n * 10 + d;
  }
  return n;
}

/** The first year of the dates a dictionary finds by their day (DAYS years from it). */
const FIRST_YEAR = 1900;
const DAYS = 200 * 12 * 31;

/**
 * The day of an ISO date of FIRST_YEAR on (dddd-dd-dd, month 01–12, day 01–31) at `a` in `text`,
 * counted with 31 days to a month: a small number for an array's index. -1 for anything else.
 */
export function dayAt(text: string, a: number): number {
  if (text.length < a + 10 || text.charCodeAt(a + 4) !== 45 || text.charCodeAt(a + 7) !== 45) return -1;
  let y = 0;
  for (let i = a; i < a + 4; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    y = y * 10 + d;
  }
  const m1 = text.charCodeAt(a + 5) - 48;
  const m2 = text.charCodeAt(a + 6) - 48;
  const d1 = text.charCodeAt(a + 8) - 48;
  const d2 = text.charCodeAt(a + 9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  const day = ((y - FIRST_YEAR) * 12 + m - 1) * 31 + d - 1;
  return day >= 0 && day < DAYS ? day : -1;
}

/** The day (dayAt) of the ten bytes of a date at `a` in UTF-8 `bytes`, -1 for anything else. */
export function dayAtBytes(bytes: Uint8Array, a: number): number {
  if (bytes[a + 4] !== 45 || bytes[a + 7] !== 45) return -1;
  let y = 0;
  for (let i = a; i < a + 4; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    y = y * 10 + d;
  }
  const m1 = bytes[a + 5]! - 48;
  const m2 = bytes[a + 6]! - 48;
  const d1 = bytes[a + 8]! - 48;
  const d2 = bytes[a + 9]! - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  const day = ((y - FIRST_YEAR) * 12 + m - 1) * 31 + d - 1;
  return day >= 0 && day < DAYS ? day : -1;
}

/** A hash of bytes `s` to `e` of `src` (FNV-1a). */
export function hashOf(src: Uint8Array, s: number, e: number): number {
  let h = HASH_START;
  for (let i = s; i < e; i++) h = Math.imul(h ^ src[i]!, HASH_STEP);
  return h;
}
export const HASH_START = 0x811c9dc5 | 0;
export const HASH_STEP = 0x01000193;

/** Whether `n` bytes of `a` from `i` equal those of `b` from `j`. */
export function sameBytes(a: Uint8Array, i: number, b: Uint8Array, j: number, n: number): boolean {
  for (let x = 0; x < n; x++) if (a[i + x] !== b[j + x]) return false;
  return true;
}

/** Copies bytes `s` to `e` of `src` to `to` at `at` (a short value: a loop costs less than a view and a call out). */
export function copyBytes(src: Uint8Array, s: number, e: number, to: Uint8Array, at: number): void {
  for (let i = s; i < e; i++) to[at++] = src[i]!;
}

/** `bytes` with room for `more` bytes after the first `used`. */
export function roomFor(bytes: Buffer<ArrayBuffer>, used: number, more: number): Buffer<ArrayBuffer> {
  if (used + more <= bytes.length) return bytes;
  const grown = Buffer.allocUnsafe(Math.max(2 * bytes.length, used + more));
  bytes.copy(grown, 0, 0, used);
  return grown;
}

/**
 * A column's distinct values sent so far, each with its code (the order it was first sent in).
 * They are found by their text (find, for a text decoded first) or by their UTF-8 bytes (findBytes,
 * for a file read as bytes): each way has its own index, brought up to date when it is asked, so
 * a value met as bytes is decoded only when the text way needs it, mostly never. A file read as
 * bytes meets its header and the odd text Papa Parse reads as text, so both ways share the codes.
 * Codes, yes-no answers and the like have a handful of values: they are compared, not hashed.
 */
export class Dictionary {
  size = 0;
  /** Per code its value, once made. */
  private readonly texts: (string | undefined)[] = [];
  /** Per code where its bytes lie in `arena` (start, end), once there: start -1 before. */
  private spans = new Int32Array(64);
  private arena = Buffer.allocUnsafe(1024);
  private arenaLength = 0;
  /** Per code the hash of its bytes; per slot of `table` a code + 1, 0 for none (linear probing). */
  private hashes = new Int32Array(32);
  private table = new Int32Array(64);
  /** Codes the byte index holds (from 0). */
  private byteIndexed = 0;
  private readonly codes = new Map<string | number, number>();
  /** The first FEW values, at their codes. */
  private readonly first: string[] = [];
  /** Codes the text index (codes, first) holds. */
  private textIndexed = 0;
  /**
   * Per day (dayAt) its date's code + 1, 0 for none: packLines finds a date here from its
   * characters, without cutting it out of the text or hashing it (dates are most of the cells that
   * differ from the one above, and their look-ups in the map were a sixth of the parsing thread's
   * time). The same codes as the map's, which stays the dictionary.
   */
  private days: Int32Array | undefined;

  /** The code of the date at `a` in `text` (of ten characters) if it has one here, else -1. */
  dayCode(text: string, a: number): number {
    if (this.days === undefined) return -1;
    const day = dayAt(text, a);
    return day < 0 ? -1 : this.days[day]! - 1;
  }

  /** dayCode for the ten bytes at `a`. */
  dayCodeBytes(bytes: Uint8Array, a: number): number {
    if (this.days === undefined) return -1;
    const day = dayAtBytes(bytes, a);
    return day < 0 ? -1 : this.days[day]! - 1;
  }

  /** The date that has this code (dayCode). */
  date(code: number): string {
    return this.text(code);
  }

  /** The value of a code. */
  private text(code: number): string {
    let t = this.texts[code];
    if (t === undefined) t = this.texts[code] = this.arena.toString('utf8', this.spans[2 * code]!, this.spans[2 * code + 1]!);
    return t;
  }

  find(value: string): number | undefined {
    this.indexTexts();
    if (this.size <= FEW) {
      const code = this.first.indexOf(value);
      return code === -1 ? undefined : code;
    }
    return this.codes.get(keyOf(value));
  }

  /** The code of the value of bytes `s` to `e` of `src`, -1 for none. */
  findBytes(src: Uint8Array, s: number, e: number, h: number): number {
    this.indexBytes();
    const n = e - s;
    const spans = this.spans;
    if (this.size <= FEW) {
      for (let code = 0; code < this.size; code++) {
        const a = spans[2 * code]!;
        if (spans[2 * code + 1]! - a === n && sameBytes(this.arena, a, src, s, n)) return code;
      }
      return -1;
    }
    const table = this.table;
    const mask = table.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = table[i]!;
      if (slot === 0) return -1;
      const code = slot - 1;
      const a = spans[2 * code]!;
      if (this.hashes[code] === h && spans[2 * code + 1]! - a === n && sameBytes(this.arena, a, src, s, n)) return code;
    }
  }

  /** Adds a value not in the dictionary; its code is the size before. */
  add(value: string): number {
    const code = this.grow();
    const key = keyOf(value);
    const kept = typeof key === 'string' || code < FEW ? own(value) : value;
    this.texts[code] = kept;
    this.spans[2 * code] = -1;
    this.indexTexts();
    const day = typeof key === 'number' ? dayAt(value, 0) : -1;
    if (day >= 0) (this.days ??= new Int32Array(DAYS))[day] = code + 1;
    return code;
  }

  /** add for the value of bytes `s` to `e` of `src`, not decoded until a text is asked for. */
  addBytes(src: Uint8Array, s: number, e: number, h: number): number {
    this.indexBytes();
    const code = this.grow();
    this.texts[code] = undefined;
    this.store(code, src, s, e);
    this.hashes[code] = h;
    this.fit();
    this.place(code);
    this.byteIndexed = this.size;
    const day = e - s === 10 ? dayAtBytes(src, s) : -1;
    if (day >= 0) (this.days ??= new Int32Array(DAYS))[day] = code + 1;
    return code;
  }

  /** Forgets the value added last (the values of a batch sent plain). */
  removeLast(): void {
    const code = this.size - 1;
    const value = this.text(code);
    if (this.textIndexed > code) {
      this.codes.delete(keyOf(value));
      if (this.first.length > code) this.first.length = code;
      this.textIndexed = code;
    }
    const day = value.length === 10 ? dayAt(value, 0) : -1;
    if (day >= 0 && this.days !== undefined) this.days[day] = 0;
    if (this.spans[2 * code]! >= 0) this.arenaLength = this.spans[2 * code]!;
    this.texts.length = code;
    this.size = code;
    if (this.byteIndexed > code) {
      // Linear probing has no cheap removal: the table is made again (a batch sent plain is rare).
      this.table.fill(0);
      const indexed = code;
      this.byteIndexed = 0;
      for (let c = 0; c < indexed; c++) this.place(c);
      this.byteIndexed = indexed;
    }
  }

  private grow(): number {
    const code = this.size++;
    if (2 * this.size > this.spans.length) {
      const spans = new Int32Array(2 * this.spans.length);
      spans.set(this.spans);
      this.spans = spans;
      const hashes = new Int32Array(2 * this.hashes.length);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    return code;
  }

  /** Keeps the bytes of a code in the arena. */
  private store(code: number, src: Uint8Array, s: number, e: number): void {
    const n = e - s;
    this.arena = roomFor(this.arena, this.arenaLength, n);
    copyBytes(src, s, e, this.arena, this.arenaLength);
    this.spans[2 * code] = this.arenaLength;
    this.spans[2 * code + 1] = this.arenaLength += n;
  }

  private indexTexts(): void {
    for (; this.textIndexed < this.size; this.textIndexed++) {
      const code = this.textIndexed;
      const value = this.text(code);
      const key = keyOf(value);
      this.codes.set(key, code);
      if (code < FEW) this.first.push(value);
    }
  }

  private indexBytes(): void {
    if (this.byteIndexed === this.size) return;
    this.fit();
    for (; this.byteIndexed < this.size; this.byteIndexed++) {
      const code = this.byteIndexed;
      if (this.spans[2 * code]! < 0) {
        const bytes = Buffer.from(this.texts[code]!);
        this.store(code, bytes, 0, bytes.length);
      }
      this.hashes[code] = hashOf(this.arena, this.spans[2 * code]!, this.spans[2 * code + 1]!);
      this.place(code);
    }
  }

  /** Makes the table at least twice as long as the dictionary, the codes indexed put in again. */
  private fit(): void {
    if (2 * this.size <= this.table.length) return;
    let n = this.table.length;
    while (2 * this.size > n) n *= 2;
    this.table = new Int32Array(n);
    for (let c = 0; c < this.byteIndexed; c++) this.place(c);
  }

  /** Puts a code whose hash is known in the table. */
  private place(code: number): void {
    const table = this.table;
    const mask = table.length - 1;
    let i = this.hashes[code]! & mask;
    while (table[i] !== 0) i = (i + 1) & mask;
    table[i] = code + 1;
  }
}
