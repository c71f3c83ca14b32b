import { copyBytes, roomFor } from './csv-dict.js';
import { Dictionary } from './json-dict.js';

/**
 * Parsed JSON values (NDJSON akter) packed on the parsing thread and rebuilt on the main thread
 * from shared strings, as RowPacker does for CSV rows (csv-pack.ts). The values under one key
 * repeat endlessly in an export (dates, codes, boilerplate texts of `goal`, `outcome`), so each
 * distinct value crosses to the main thread once and arrives there as one shared string: V8 keeps
 * a string's hash in the string, so the field checks' look-up of a shared value hashes it once per
 * file, not once per akt as for JSON.parse's fresh strings. Integer arrays, numbers and one string
 * copy between threads far faster than the objects themselves.
 */

/**
 * The ops of a value, in prefix order. A string is its code (>= 0) in the dictionary of the key
 * it stands under (array items under their array's key): the receiver builds each dictionary from
 * the batches in order, and a code one past its end adds the next text as a new entry.
 */
export const TEXT = -1; // a string sent as the next text, in no dictionary
export const NULL = -2;
export const FALSE = -3;
export const TRUE = -4;
export const NUMBER = -5; // the next of `numbers`
export const OBJECT = -6; // then the count, then per property its key (a key code, or TEXT and the next text) and value
export const ARRAY = -7; // then the count, then the items

/** Distinct values remembered per key; beyond this a key's new values are sent as text. */
const DICTIONARY_LIMIT = 1 << 16;
/**
 * After this many strings under a key, a key with more distinct values than an eighth of them is
 * sent as text from then on: identifiers (caseId, planId, personId) would fill the dictionaries
 * and cost this thread a look-up in a large map per value, while the main thread reads them
 * without one anyway (RowPacker drops such columns the same way).
 */
const TRIAL_VALUES = 32_768;

/**
 * A copy of a string of its own. JSON.parse may cut a string from its line, and a string cut from
 * a larger text (13 characters or more) keeps that text alive; a dictionary keeps its values for
 * a whole file. The same helper as csv-pack.ts's and the store's `detach`, which this stage may
 * not import.
 */
export function own(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** A batch of values: `lines[i]` is the line of value i; its ops, numbers and texts follow those of value i - 1. */
export interface PackedJson {
  kind: 'packed';
  lines: Int32Array;
  ops: Int32Array;
  numbers: Float64Array;
  /** The texts, end to end, and the length of each: no separator a text could hold. */
  text: string;
  lengths: Int32Array;
  /** The length of the values' lines as read, line breaks included (the store's room is estimated from it). */
  chars: number;
}

/**
 * On an object JsonUnpacker rebuilt: where the codes of its values start in the batch's `codes`,
 * one per key in the order for-in gives the keys (-1: not a string from a dictionary). Within a
 * file, two values of one key with the same code >= 0 are the same string, so a check's result can
 * be kept per code. Absent on an object with a key that looks like an index (for-in gives those
 * first, not in the order they were added), with a key sent as text, and on an empty object.
 */
export const CODES_AT: unique symbol = Symbol('codes at');

/** A batch unpacked: the values in line order, and the codes their objects point into (CODES_AT). */
export interface UnpackedJson {
  values: unknown[];
  codes: Int32Array;
  slots: JsonSlots;
}

/**
 * Beside `codes`, for each key of a tagged object (CODES_AT) its code in `names` (the last key's
 * with KEYS_END set) and its value: the field checks read an object's fields from these, without
 * walking its keys by name (a map look-up per key was most of their time).
 */
export interface JsonSlots {
  keys: Int32Array;
  values: unknown[];
  /** The file's keys by code, so far. */
  names: readonly string[];
}

/** Slots made room for at once, at most (JsonUnpacker.unpack); a batch of 250 akter has some 20,000. */
const SLOTS_AT_ONCE = 1 << 16;

/** Set on the code of an object's last key in JsonSlots.keys. */
export const KEYS_END = 1 << 30;

/** A growable typed array. */
export class Grow<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(public data: T) {}

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  /** Makes the array `n` longer, the new places set to `v`; gives where they start. */
  extend(n: number, v: number): number {
    const start = this.length;
    const end = start + n;
    if (end > this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(Math.max(end, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    // A loop: most objects have a handful of keys, for which fill's call cost more than the stores.
    const data = this.data;
    for (let i = start; i < end; i++) data[i] = v;
    this.length = end;
    return start;
  }

  /** The filled part as an array of its own; the buffer is kept for the next batch. */
  take(): T {
    const out = this.data.slice(0, this.length) as T;
    this.length = 0;
    return out;
  }
}

/** Packs the values of one file, batch after batch, on the parsing thread. */
export class JsonPacker {
  protected readonly keys: Dictionary;
  /** Per context (0: a value at the top; 1 + k: under key code k) its dictionary; null once sent as text. */
  protected readonly dictionaries: (Dictionary | null)[] = [];
  protected readonly seen: number[] = [];
  protected readonly lines = new Grow(new Int32Array(1024));
  protected readonly ops = new Grow(new Int32Array(1 << 16));
  protected readonly numbers = new Grow(new Float64Array(256));
  protected readonly lengths = new Grow(new Int32Array(1 << 14));
  protected texts: string[] = [];
  /**
   * The texts scanned from UTF-8 bytes since the last in `texts` (LinePacker.addBytes), end to end:
   * decoded at once when a text comes as a string or the batch is taken (a decode per value was a
   * twentieth of the NDJSON thread's time).
   */
  private textBytes: Buffer<ArrayBuffer> = Buffer.allocUnsafe(1 << 16);
  protected textBytesLength = 0;
  protected chars = 0;
  protected lineChars = 0;

  /** The limits are parameters for the tests only; `utf8`: the dictionaries hold UTF-8 bytes (see Dictionary). */
  constructor(
    protected readonly limit = DICTIONARY_LIMIT,
    private readonly trialValues = TRIAL_VALUES,
    protected readonly utf8 = false,
  ) {
    this.keys = new Dictionary(utf8);
  }

  /** Values in the batch so far. */
  get size(): number {
    return this.lines.length;
  }

  /** Characters of text in the batch so far. */
  get textLength(): number {
    return this.chars;
  }

  /** Adds a value as JSON.parse gives it (no cycles, nothing but plain objects, arrays and primitives), from a line of `chars` characters. */
  add(line: number, value: unknown, chars = 0): void {
    this.lines.push(line);
    this.lineChars += chars;
    this.value(value, 0);
  }

  /** The batch so far; the dictionaries carry on into the next. */
  take(): PackedJson {
    for (let c = 0; c < this.dictionaries.length; c++) {
      const d = this.dictionaries[c];
      if (d && this.seen[c]! >= this.trialValues && d.size * 8 > this.seen[c]!) this.dictionaries[c] = null;
    }
    this.decodeBytes();
    const text = this.texts.join('');
    this.texts = [];
    this.chars = 0;
    const chars = this.lineChars;
    this.lineChars = 0;
    return { kind: 'packed', lines: this.lines.take(), ops: this.ops.take(), numbers: this.numbers.take(), text, lengths: this.lengths.take(), chars };
  }

  protected text(s: string): void {
    this.decodeBytes();
    this.texts.push(s);
    this.lengths.push(s.length);
    this.chars += s.length;
  }

  /** text() for bytes `start` to `end` of `src`, valid UTF-8 of `units` UTF-16 code units. */
  protected utf8Text(src: Uint8Array, start: number, end: number, units: number): void {
    const n = end - start;
    this.textBytes = roomFor(this.textBytes, this.textBytesLength, n);
    if (n < 64) copyBytes(src, start, end, this.textBytes, this.textBytesLength);
    else this.textBytes.set(src.subarray(start, end), this.textBytesLength);
    this.textBytesLength += n;
    this.lengths.push(units);
    this.chars += units;
  }

  private decodeBytes(): void {
    if (this.textBytesLength === 0) return;
    this.texts.push(this.textBytes.toString('utf8', 0, this.textBytesLength));
    this.textBytesLength = 0;
  }

  private value(v: unknown, context: number): void {
    const ops = this.ops;
    if (typeof v === 'string') return this.string(v, context);
    if (typeof v === 'number') {
      ops.push(NUMBER);
      this.numbers.push(v);
    } else if (typeof v === 'boolean') ops.push(v ? TRUE : FALSE);
    else if (v === null) ops.push(NULL);
    else if (Array.isArray(v)) {
      ops.push(ARRAY);
      ops.push(v.length);
      for (let i = 0; i < v.length; i++) this.value(v[i], context);
    } else {
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj);
      ops.push(OBJECT);
      ops.push(keys.length);
      for (const k of keys) this.value(obj[k], this.key(k));
    }
  }

  /** Writes the key; returns the context of its value (-1: no dictionary). */
  private key(k: string): number {
    let code = this.keys.get(k);
    if (code < 0) {
      if (this.keys.size >= this.limit) {
        this.ops.push(TEXT);
        this.text(k);
        return -1;
      }
      code = this.keys.add(own(k), this.keys.hash(k));
      this.text(k);
    }
    this.ops.push(code);
    return code + 1;
  }

  /** The dictionary of a context, made when first used; null once its values go as text. */
  protected dictionary(context: number): Dictionary | null {
    while (this.dictionaries.length <= context) {
      this.dictionaries.push(new Dictionary(this.utf8));
      this.seen.push(0);
    }
    return this.dictionaries[context]!;
  }

  private string(s: string, context: number): void {
    if (context >= 0) {
      const d = this.dictionary(context);
      if (d) {
        this.seen[context]!++;
        const hash = d.hash(s);
        const code = d.get(s, hash);
        if (code >= 0) return this.ops.push(code);
        if (d.size < this.limit) {
          this.ops.push(d.add(own(s), hash));
          return this.text(s);
        }
      }
    }
    this.ops.push(TEXT);
    this.text(s);
  }
}

/**
 * What a reader reads of a tagged object (CODES_AT) by name, beyond its slots: the keys it looks
 * up, and under each, the shape of an object there or of the objects in an array there. The other
 * keys of such an object are left off it (their values are in the slots), so the main thread makes
 * and collects one small object per plan or follow-up rather than one with every field. An object
 * without CODES_AT, and an object in a place no shape names, is made whole.
 */
export interface JsonShape {
  keys: ReadonlyMap<string, ShapeEntry>;
}

type ShapeEntry = { object?: JsonShape; items?: JsonShape };

/** Rebuilds the values of one file's batches, in the order they were packed. */
export class JsonUnpacker {
  private readonly keys: string[] = [];
  private readonly dictionaries: string[][] = [];
  // The batch being read, and where in it.
  private ops: Int32Array = new Int32Array(0);
  private numbers: Float64Array = new Float64Array(0);
  private lengths: Int32Array = new Int32Array(0);
  private text = '';
  private op = 0;
  private number = 0;
  private t = 0;
  private at = 0;
  /** Values of the batch begun not yet given. */
  private left = 0;
  private readonly codes = new Grow(new Int32Array(1 << 14));
  private readonly keyCodes = new Grow(new Int32Array(1 << 14));
  private slotValues: unknown[] = [];
  /** Per key code, whether for-in would give the key out of the order it was added in. */
  private readonly indexLike: boolean[] = [];
  /**
   * Per shape, per key code, what the shape names under the key (null: nothing): looking every
   * key of every object up by name in its shape was a fair part of the main thread's unpacking.
   */
  private readonly named = new Map<JsonShape, (ShapeEntry | null | undefined)[]>();

  /** `shape`: of each value at the top (see JsonShape); without, every object is made whole. */
  constructor(private readonly shape?: JsonShape) {}

  /** The batch's values, in line order (`e.lines`). */
  unpack(e: PackedJson): UnpackedJson {
    this.begin(e);
    return this.some(e.lines.length);
  }

  /** Starts on a batch, whose values `some` gives a few at a time. */
  begin(e: PackedJson): void {
    this.ops = e.ops;
    this.numbers = e.numbers;
    this.lengths = e.lengths;
    this.text = e.text;
    this.op = this.number = this.t = this.at = 0;
    this.left = e.lines.length;
  }

  /**
   * The next `count` values of the batch begun (fewer at its end), with codes and slots of their own.
   * The values of a batch taken a few at a time are the same, and share their strings, as if taken
   * at once; but fewer objects wait to be stored at a time (NdjsonPrefetch.events).
   */
  some(count: number): UnpackedJson {
    const n = Math.min(count, this.left);
    const ops = this.ops.length - this.op;
    // Room for the slots at once (each has a key's op and a value's; these values' share of the
    // ops left): pushed one by one, the array was copied as it grew. No more than V8 makes as a
    // plain array rather than a dictionary; a slot past the room is put there all the same.
    const room = this.left === 0 ? 0 : Math.ceil(((ops >> 1) * n) / this.left);
    this.slotValues = new Array<unknown>(Math.min(room, SLOTS_AT_ONCE));
    // Made an array of any values at once: its first number would make it one of doubles, which a
    // string after it makes again, every number boxed; and the store below would meet every kind.
    if (room > 0) this.slotValues[0] = undefined;
    const values = new Array<unknown>(n);
    for (let i = 0; i < n; i++) values[i] = this.value(0, this.shape, undefined);
    this.left -= n;
    if (this.left === 0) this.text = '';
    this.slotValues.length = this.keyCodes.length;
    const slots = { keys: this.keyCodes.take(), values: this.slotValues, names: this.keys };
    this.slotValues = [];
    return { values, codes: this.codes.take(), slots };
  }

  private next(): string {
    const end = this.at + this.lengths[this.t++]!;
    const s = this.text.slice(this.at, end);
    this.at = end;
    return s;
  }

  /** `shape`: of an object here; `items`: of the objects in an array here. */
  private value(context: number, shape: JsonShape | undefined, items: JsonShape | undefined): unknown {
    const op = this.ops[this.op++]!;
    if (op >= 0) {
      while (this.dictionaries.length <= context) this.dictionaries.push([]);
      const d = this.dictionaries[context]!;
      if (op === d.length) d.push(own(this.next()));
      return d[op];
    }
    switch (op) {
      case TEXT:
        return this.next();
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case NUMBER:
        return this.numbers[this.number++];
      case ARRAY: {
        const n = this.ops[this.op++]!;
        const a = new Array<unknown>(n);
        for (let i = 0; i < n; i++) a[i] = this.value(context, items, undefined);
        return a;
      }
      default: {
        const n = this.ops[this.op++]!;
        const o: Record<string | symbol, unknown> = {};
        // The object's codes lie together; its values' objects put theirs after.
        const codes = this.codes;
        const keyCodes = this.keyCodes;
        const slotValues = this.slotValues;
        const first = codes.extend(n, -1);
        keyCodes.extend(n, -1);
        // Untagged: an empty object (whose slots would be the next one's), one with a key that
        // looks like an index, or one with a key sent as text (JsonSlots have no name for it).
        let ordered = n > 0;
        // With a shape, the keys it names are put on the object once it is known to be tagged; else every key as it comes.
        let named = false;
        let table: (ShapeEntry | null | undefined)[] | undefined;
        if (shape !== undefined) {
          table = this.named.get(shape);
          if (table === undefined) this.named.set(shape, (table = []));
        }
        let texts: string[] | undefined;
        for (let i = 0; i < n; i++) {
          const code = this.ops[this.op++]!;
          let key: string;
          if (code >= 0) {
            if (code === this.keys.length) {
              this.keys.push(own(this.next()));
              this.indexLike.push(looksLikeIndex(this.keys[code]!));
            }
            key = this.keys[code]!;
            if (this.indexLike[code]) ordered = false;
            keyCodes.data[first + i] = i === n - 1 ? code | KEYS_END : code;
          } else {
            key = this.next();
            (texts ??= []).push(key);
            ordered = false;
          }
          const valueCode = this.ops[this.op]!;
          let inner: ShapeEntry | null | undefined;
          if (table !== undefined) {
            inner = code >= 0 ? table[code] : undefined;
            if (inner === undefined) {
              inner = shape!.keys.get(key) ?? null;
              if (code >= 0) table[code] = inner;
            }
          }
          let v: unknown;
          if (valueCode >= 0) {
            // A string of the key's dictionary (most values), read here rather than in a call of its own.
            this.op++;
            const context = code + 1;
            while (this.dictionaries.length <= context) this.dictionaries.push([]);
            const d = this.dictionaries[context]!;
            if (valueCode === d.length) d.push(own(this.next()));
            v = d[valueCode];
            codes.data[first + i] = valueCode;
          } else v = this.value(code >= 0 ? code + 1 : -1, inner?.object, inner?.items);
          slotValues[first + i] = v;
          if (shape === undefined) setOwn(o, key, v);
          else if (inner !== null) named = true;
        }
        if (shape !== undefined) {
          if (ordered) {
            if (named) {
              for (let i = 0; i < n; i++) {
                const code = keyCodes.data[first + i]! & ~KEYS_END;
                if (table![code] !== null) setOwn(o, this.keys[code]!, slotValues[first + i]);
              }
            }
          } else {
            // Untagged: read by walking its keys, so made whole, from its slots.
            let t = 0;
            for (let i = 0; i < n; i++) {
              const code = keyCodes.data[first + i]!;
              setOwn(o, code >= 0 ? this.keys[code & ~KEYS_END]! : texts![t++]!, slotValues[first + i]);
            }
          }
        }
        if (ordered) o[CODES_AT] = first;
        return o;
      }
    }
  }
}

/** Sets a key as JSON.parse does: `"__proto__": …` an own property, where an assignment would set the prototype. */
function setOwn(o: Record<string, unknown>, key: string, v: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value: v, writable: true, enumerable: true, configurable: true });
  else o[key] = v;
}

/** Whether a key may be an array index, which for-in gives before the other keys (a digit first: wider than needed, never narrower). */
function looksLikeIndex(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57;
}
