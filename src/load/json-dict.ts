/**
 * Strings by code (the order they were added in), found by their text or by a stretch of a larger
 * text without cutting it out: the NDJSON thread looks a value up where it stands in its line
 * (json-scan.ts), so a value sent before costs no string of its own. Open addressing over an
 * FNV-1a hash of the UTF-16 code units, or of the UTF-8 bytes for a file scanned as bytes, which
 * the line scanner works out as it reads them.
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The hash a Dictionary files `s` under; hashStep and FNV_OFFSET give the same, a code unit at a time. */
export function hashOf(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

export const HASH_START = FNV_OFFSET;

export function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, FNV_PRIME);
}

/**
 * The hash a Dictionary of UTF-8 bytes files `s` under: hashStep over the bytes of its UTF-8, a lone
 * surrogate (JSON.parse makes one from an escape) as the three bytes it would have were it a
 * character (WTF-8). No valid UTF-8 holds those bytes, so a value scanned from the bytes of a file
 * (made valid by utf8Chunks) never finds such a string, as it never equals it.
 */
export function utf8HashOf(s: string): number {
  if (scratch.length < 3 * s.length) scratch = new Uint16Array(3 * s.length);
  const n = writeUtf8(s, scratch, 0);
  let h = FNV_OFFSET;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ scratch[i]!, FNV_PRIME);
  return h;
}

/** Room for utf8HashOf's bytes (a string of the dictionaries' string side: a line given back). */
let scratch = new Uint16Array(256);

/** The bytes of `s` as utf8HashOf hashes them, written to `pool` from `at`; where they end. */
function writeUtf8(s: string, pool: Uint16Array, at: number): number {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      pool[at++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) pool[at++] = 0xc0 | (c >> 6);
    else if (c < 0x10000) {
      pool[at++] = 0xe0 | (c >> 12);
      pool[at++] = 0x80 | ((c >> 6) & 0x3f);
    } else {
      pool[at++] = 0xf0 | (c >> 18);
      pool[at++] = 0x80 | ((c >> 12) & 0x3f);
      pool[at++] = 0x80 | ((c >> 6) & 0x3f);
    }
    pool[at++] = 0x80 | (c & 0x3f);
  }
  return at;
}

/**
 * A Dictionary of code units (`utf8` false: a decoded text's, hashOf) or of UTF-8 bytes (`utf8`
 * true: a file's bytes, utf8HashOf); the pool holds the one or the other, and `extra` per code how
 * many more bytes than code units its value has (the NDJSON thread counts a line's characters).
 */
export class Dictionary {
  constructor(readonly utf8 = false) {}

  /** Per slot the code there plus one (0: empty). */
  private slots = new Int32Array(64);
  private hashes = new Int32Array(16);
  private readonly values: string[] = [];
  /**
   * The values' code units end to end, value `code` from `offsets[code]` to `offsets[code + 1]`: a
   * look-up compares them with the line's code units, two typed arrays (charCodeAt checks its
   * string's kind at every call, and was most of a look-up's time).
   */
  private pool = new Uint16Array(256);
  private offsets = new Int32Array(17);
  /** Per code, 1 if its string is plain (see quotedAt). */
  private plain = new Uint8Array(16);
  /** Per code, bytes of its value beyond its code units (0 without `utf8`). */
  extra = new Int32Array(16);
  /**
   * Per day (dayOf) the code of its date plus one (0: none), once the dictionary holds a date: a
   * date is most often a new one for its key, not the last one again (quotedAt), and was scanned,
   * hashed and looked up; found by its day, it is read once (dayCode). The same codes as `slots`'.
   */
  private days: Int32Array | undefined;

  get size(): number {
    return this.values.length;
  }

  /** The code of the string whose code units are `units[start]` to `units[end - 1]` (whose hash is `hash`), or -1. */
  find(units: Uint16Array | Uint8Array, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = end - start;
    const offsets = this.offsets;
    const pool = this.pool;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const at = slots[i]! - 1;
      if (at < 0) return -1;
      if (this.hashes[at] === hash) {
        let from = offsets[at]!;
        if (offsets[at + 1]! - from !== length) continue;
        let j = start;
        while (j < end && pool[from] === units[j]) {
          from++;
          j++;
        }
        if (j === end) return at;
      }
    }
  }

  /**
   * Where its closing quote is, if the string of `code` stands in `units` from `start` on and a
   * quote after it, as a scan from the opening quote before `start` would find it; else -1. Only a
   * plain string (no quote, backslash or control character, which end or stop a scan) is found so.
   */
  quotedAt(code: number, units: Uint16Array | Uint8Array, start: number): number {
    if (this.plain[code] === 0) return -1;
    const pool = this.pool;
    let from = this.offsets[code]!;
    const to = this.offsets[code + 1]!;
    let j = start;
    // A plain string holds no line feed nor the 0 after the text, so the loop stops on the line.
    while (from < to && pool[from] === units[j]) {
      from++;
      j++;
    }
    return from === to && units[j] === 34 ? j : -1;
  }

  /**
   * The code of the date whose ten code units stand in `units` from `start` on, a quote after them,
   * if the dictionary has it (as find would give it); else -1.
   */
  dayCode(units: Uint16Array | Uint8Array, start: number): number {
    if (this.days === undefined || units[start + 10] !== 34) return -1;
    const day = dayOf(units, start);
    return day < 0 ? -1 : this.days[day]! - 1;
  }

  /** The hash this dictionary files `s` under. */
  hash(s: string): number {
    return this.utf8 ? utf8HashOf(s) : hashOf(s);
  }

  /** The code of `s` (whose hash is `hash`), or -1. */
  get(s: string, hash = this.hash(s)): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const at = slots[i]! - 1;
      if (at < 0) return -1;
      if (this.hashes[at] === hash && this.values[at] === s) return at;
    }
  }

  /** The string of a code. */
  at(code: number): string {
    return this.values[code]!;
  }

  /** Adds `s` (not in the dictionary; `hash`: this.hash(s)) as the next code. */
  add(s: string, hash: number): number {
    const code = this.values.length;
    if ((code + 1) * 2 > this.slots.length) this.grow();
    if (code === this.hashes.length) {
      this.hashes = longer(this.hashes, code * 2);
      this.offsets = longer(this.offsets, code * 2 + 1);
      this.plain = longer(this.plain, code * 2);
      this.extra = longer(this.extra, code * 2);
    }
    const from = this.offsets[code]!;
    // A code unit takes three bytes at most.
    const most = from + (this.utf8 ? 3 * s.length : s.length);
    if (most > this.pool.length) this.pool = longer(this.pool, Math.max(most, this.pool.length * 2));
    const pool = this.pool;
    let to = from + s.length;
    if (this.utf8) to = writeUtf8(s, pool, from);
    else for (let i = 0; i < s.length; i++) pool[from + i] = s.charCodeAt(i);
    let plain = 1;
    for (let i = from; i < to; i++) {
      const c = pool[i]!;
      if (c === 34 || c === 92 || c < 32) plain = 0;
    }
    this.offsets[code + 1] = to;
    this.plain[code] = plain;
    this.extra[code] = to - from - s.length;
    this.values.push(s);
    this.hashes[code] = hash;
    this.place(code);
    const day = to - from === 10 ? dayOf(pool, from) : -1;
    if (day >= 0) (this.days ??= new Int32Array(DAYS))[day] = code + 1;
    return code;
  }

  /**
   * Takes back the code added last. Safe with linear probing only in this order: a later entry
   * that probed past its slot is gone already, and an earlier one never probed through it (it was
   * empty then, and a probe stops at an empty slot).
   */
  removeLast(): void {
    const code = this.values.length - 1;
    const mask = this.slots.length - 1;
    let i = this.hashes[code]! & mask;
    while (this.slots[i] !== code + 1) i = (i + 1) & mask;
    this.slots[i] = 0;
    this.values.pop();
    const from = this.offsets[code]!;
    const day = this.offsets[code + 1]! - from === 10 && this.days !== undefined ? dayOf(this.pool, from) : -1;
    if (day >= 0) this.days![day] = 0;
  }

  private place(code: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = this.hashes[code]! & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = code + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let code = 0; code < this.values.length; code++) this.place(code);
  }
}

/** The first year of the dates a dictionary finds by their day (DAYS years from it), as the CSV packer's. */
const FIRST_YEAR = 1900;
const DAYS = 200 * 12 * 31;

/**
 * The day of an ISO date of FIRST_YEAR on (dddd-dd-dd, month 01–12, day 01–31) whose code units
 * stand in `units` from `a` on, counted with 31 days to a month: a small number for an array's
 * index. -1 for anything else. (csv-pack.ts's dayAt reads a string.)
 */
export function dayOf(units: Uint16Array | Uint8Array, a: number): number {
  if (units[a + 4] !== 45 || units[a + 7] !== 45) return -1;
  let y = 0;
  for (let i = a; i < a + 4; i++) {
    const d = units[i]! - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    y = y * 10 + d;
  }
  const m1 = units[a + 5]! - 48;
  const m2 = units[a + 6]! - 48;
  const d1 = units[a + 8]! - 48;
  const d2 = units[a + 9]! - 48;
  if (!(m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9)) return -1;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  const day = ((y - FIRST_YEAR) * 12 + m - 1) * 31 + d - 1;
  return day >= 0 && day < DAYS ? day : -1;
}

/** A copy of `a`, `n` long. */
function longer<T extends Int32Array | Uint16Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** Whether `units` holds the code units of `v` from `start` on (a loop of compiled code: a call per look-up cost more). */
export function same(v: string, units: Uint16Array | Uint8Array, start: number): boolean {
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) !== units[start + i]) return false;
  return true;
}
