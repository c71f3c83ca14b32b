import type { Status } from '../../engine/types.js';
import type { Out } from './stream.js';

/** A result's place among the pieces kept, by status within its rule's, as findingMasker (report/build.ts) keeps the objects. */
export const statusSlot = (s: Status): number => (s === 'pass' ? 0 : s === 'fail' ? 1 : s === 'not-applicable' ? 2 : 3);

/** Keys of the reasons' data recur in every akt: each `"key":` is made once (a few dozen; capped for a plug-in's). */
const keys = new Map<string, Uint8Array>();
function keyBytes(k: string): Uint8Array {
  let bytes = keys.get(k);
  if (bytes === undefined) {
    bytes = Buffer.from(`${JSON.stringify(k)}:`, 'utf8');
    if (keys.size < 1000) keys.set(k, bytes);
  }
  return bytes;
}

/**
 * Text written as UTF-8 straight into buffers of about `size` bytes, each handed to `out` whole
 * once full: for the data formats' akter, where making each akt a string, joining the strings and
 * encoding the joined text (390 MB of it for json at 400,000 akter) cost more of the main thread
 * than checking the akter. A piece that recurs (a rule's result, mostly the very object the akt
 * before had: report/build.ts findingMasker) is encoded once and copied from then on (`piece`,
 * `copy`).
 */
export class ByteOut implements Out {
  private buf: Buffer;
  private p = 0;
  /** Whether a buffer was handed on since `start`. */
  private moved = false;

  constructor(
    private readonly out: Out,
    private readonly size = 1 << 16,
  ) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  /** Room for `n` more bytes: the full buffer is handed on first. */
  private room(n: number): void {
    if (this.p + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafeSlow(n);
  }

  write(chunk: string | Uint8Array): true {
    if (typeof chunk === 'string') this.text(chunk);
    else this.copy(chunk);
    return true;
  }

  text(s: string): void {
    // A UTF-16 unit never takes more than three bytes.
    this.room(3 * s.length);
    const buf = this.buf;
    let p = this.p;
    // A short text of ASCII (a caseId, a cell) by a loop, not a native call.
    if (s.length < 32) {
      let i = 0;
      while (i < s.length) {
        const c = s.charCodeAt(i);
        if (c > 0x7f) break;
        buf[p++] = c;
        i++;
      }
      if (i === s.length) {
        this.p = p;
        return;
      }
      p = this.p;
    }
    this.p += buf.write(s, p);
  }

  /** Writes `s` and gives its bytes, which stay as they are: a view of the buffer, handed on unchanged. */
  piece(s: string): Uint8Array {
    const from = this.start(3 * s.length);
    this.p += this.buf.write(s, from);
    return this.buf.subarray(from, this.p);
  }

  /** Starts a piece, with room for `n` bytes in this buffer: `written` gives where its bytes are once written. */
  start(n: number): number {
    this.room(n);
    this.moved = false;
    return this.p;
  }

  /**
   * The buffer holding the bytes written since `start` (from where it said up to `at`), which stay
   * as they are; undefined if they did not fit in one. Not a view of them: that would be an object
   * made for every result an akt has of its own.
   */
  written(): Buffer | undefined {
    return this.moved ? undefined : this.buf;
  }

  /** Where the next byte goes in the buffer `written` gives. */
  get at(): number {
    return this.p;
  }

  /** Writes a number as JSON.stringify does. */
  number(n: number): void {
    if (!(n >= 0 && n < 0x80000000 && n === Math.floor(n))) return this.ascii(Number.isFinite(n) ? String(n) : 'null');
    // A line or a count: its digits written from the last, without a string.
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    this.room(digits);
    const buf = this.buf;
    let p = (this.p += digits);
    for (let x = n; digits-- > 0; x = Math.floor(x / 10)) buf[--p] = 48 + (x % 10);
  }

  /**
   * Writes a value as JSON.stringify does: strings, numbers, arrays and plain objects of them (a
   * reason and its data) here, anything else, or with a toJSON, by JSON.stringify.
   */
  json(v: unknown): void {
    if (typeof v === 'string') return this.jsonString(v);
    if (typeof v === 'number') return this.number(v);
    // A data problem's line, index or value is often null and `rejected` a boolean: not worth a JSON.stringify each.
    if (v === null) return this.ascii('null');
    if (typeof v === 'boolean') return this.ascii(v ? 'true' : 'false');
    if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
      if (Array.isArray(v)) {
        this.byte(0x5b);
        for (let i = 0; i < v.length; i++) {
          if (i > 0) this.byte(0x2c);
          const x: unknown = v[i];
          // As in JSON.stringify, an array's undefined, function or symbol is null.
          if (x === undefined || typeof x === 'function' || typeof x === 'symbol') this.ascii('null');
          else this.json(x);
        }
        return this.byte(0x5d);
      }
      if (Object.getPrototypeOf(v) === Object.prototype) {
        const o = v as Record<string, unknown>;
        this.byte(0x7b);
        let first = true;
        // for-in, not Object.keys: no array of keys per reason and data. A plain object's
        // enumerable keys are its own, in the same order, unless Object.prototype was given one.
        for (const k in o) {
          if (!Object.hasOwn(o, k)) continue;
          const x = o[k];
          // An object's undefined, function or symbol is left out.
          if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
          if (!first) this.byte(0x2c);
          first = false;
          this.copy(keyBytes(k));
          this.json(x);
        }
        return this.byte(0x7d);
      }
    }
    this.text(JSON.stringify(v) ?? 'null');
  }

  /** Writes a string of ASCII (the caller knows it is): no native call for a few bytes. */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let p = this.p;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.p = p;
  }

  /**
   * Writes `JSON.stringify(s)` without making it: a string JSON need not escape (no control
   * character, quote, backslash or lone surrogate: most caseIds, dates, goals) is written between
   * quotes as it is, ASCII by a loop and any other by one encoding.
   */
  jsonString(s: string): void {
    this.room(3 * s.length + 2);
    const buf = this.buf;
    let p = this.p;
    buf[p++] = 34;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 34 || c === 92) return this.text(JSON.stringify(s));
      if (c > 0x7e) return this.wide(s, i);
      buf[p++] = c;
    }
    buf[p++] = 34;
    this.p = p;
  }

  /** jsonString's string with other characters than ASCII from `i` on. */
  private wide(s: string, i: number): void {
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return this.text(JSON.stringify(s));
    }
    this.buf[this.p] = 34;
    this.p += 1 + this.buf.write(s, this.p + 1);
    this.buf[this.p++] = 34;
  }

  byte(b: number): void {
    if (this.p === this.buf.length) this.room(1);
    this.buf[this.p++] = b;
  }

  copy(bytes: Uint8Array): void {
    const n = bytes.length;
    this.room(n);
    // A loop beats a native call below some 16 bytes (at 64 it takes four times as long).
    if (n < 16) {
      const buf = this.buf;
      let p = this.p;
      for (let j = 0; j < n; j++) buf[p++] = bytes[j]!;
      this.p = p;
    } else {
      this.buf.set(bytes, this.p);
      this.p += n;
    }
  }

  /** Hands on what is written; the next bytes go to a new buffer, as the output may still hold this one. */
  flush(): void {
    if (this.p === 0) return;
    this.out.write(this.buf.subarray(0, this.p));
    this.buf = Buffer.allocUnsafeSlow(this.size);
    this.p = 0;
    this.moved = true;
  }

  /** When the output (a Node stream) is full, a promise of when it has taken what was handed on. */
  settle(): Promise<void> | undefined {
    const stream = this.out as Partial<Pick<NodeJS.WritableStream, 'once'>> & { writableNeedDrain?: boolean };
    return stream.writableNeedDrain && stream.once ? new Promise<void>((r) => stream.once!('drain', () => r())) : undefined;
  }
}
