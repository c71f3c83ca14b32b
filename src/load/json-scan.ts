import { Dictionary, HASH_START, hashStep, same } from './json-dict.js';
import { ARRAY, FALSE, Grow, JsonPacker, NULL, NUMBER, OBJECT, own, TEXT, TRUE } from './json-pack.js';

/**
 * Containers nested deeper than this are left to JSON.parse and tooDeep (json.ts), which say
 * which lines are too deep; far below MAX_DEPTH, and far above any akt of the format.
 */
const SCAN_DEPTH = 32;

/** Integers with no more digits than this are summed digit by digit exactly; longer numbers go through Number. */
const EXACT_DIGITS = 15;

/** See LinePacker's `hits`: a context is compared first while more than about one string in HIT + 1 repeats the last. */
const HIT = 3;
const HITS_MAX = 30;

/**
 * Packs an NDJSON line straight from its text, as JsonPacker packs what JSON.parse gives for it,
 * without making its objects and strings: a value already in its key's dictionary is found where it
 * stands in the line (Dictionary.find). JSON.parse and walking its objects were most of the NDJSON
 * thread's time. The scan takes only what it is sure gives the same ops as JSON.parse and
 * Object.keys: a line with an escape in a string, a key that may be an array index (Object.keys
 * puts those first), a key repeated in one object (JSON.parse keeps its first place and last
 * value), deep nesting or anything not plain JSON is given back untouched, for the caller to parse.
 */
export class LinePacker extends JsonPacker {
  private src = '';
  /**
   * The code units of `src` (and a 0 after them, which ends any scan): V8 reads an element of a
   * typed array far faster than charCodeAt reads a string (which it checks the kind of first,
   * every time). Made once per text: the NDJSON thread scans a chunk's lines where they stand.
   */
  private codes: Uint16Array | Uint8Array = new Uint16Array(1024);
  private coded: string | undefined;
  /** The UTF-8 bytes being scanned (addBytes), which `codes` is then; undefined while scanning text. */
  private bytes: Buffer | undefined;
  /** Bytes of the line's strings beyond their characters' code units, so far (only addBytes uses it). */
  private extra = 0;
  private pos = 0;
  /** What to take back if the line is given back: the dictionaries that gained an entry, and the contexts whose `seen` went up. */
  private readonly added: Dictionary[] = [];
  private seenBefore = new Int32Array(64);
  /** The key codes of the objects being scanned, outermost first (a repeated key is looked for among its object's). */
  private readonly keyStack = new Grow(new Int32Array(64));
  /**
   * The key that came next the last time, per context of an object (its first key) and per key
   * (the key after it), plus one (0: none yet): the objects of one kind have the same keys in the
   * same order, and a key met where it was expected is compared, not hashed and looked up.
   */
  private firstKey: Int32Array = new Int32Array(64);
  private keyAfter: Int32Array = new Int32Array(64);
  /**
   * Per context, the code of its last string found in its dictionary, plus one (0: none), and a
   * tally of how often a string was that one again (up by HIT, down by one): while the tally is
   * above 0 the string is first compared with that one where it stands, not scanned, hashed and
   * looked up. Most values of some keys repeat the last one (`activities`, `outcome`,
   * `requirements`); those of others hardly ever do (dates), and are not compared first.
   */
  private lastCode: Int32Array = new Int32Array(64);
  private hits: Int32Array = new Int32Array(64);

  /**
   * Packs the value of line number `line` (`text.slice(start, end)`, `chars` characters with its
   * line break), and says so; or leaves everything as it was and returns false. The line is scanned
   * where it stands in a longer text, a decoded chunk (ndjson-worker.ts): a line cut from it is a
   * slice, whose every character costs V8 more to read than one of the flat chunk (about a sixth
   * of the scan). Nothing is read past a line feed (none is taken as white space, nor in a string),
   * so the scan ends on the line.
   */
  addLine(line: number, text: string, chars: number, start = 0, end = text.length): boolean {
    this.src = text;
    if (text !== this.coded) this.code(text);
    this.bytes = undefined;
    const ok = this.scanLine(line, chars, start, end);
    this.src = '';
    return ok;
  }

  /**
   * addLine for a line of valid UTF-8 (bytes `start` to `end` of `bytes`, a line break or a 0 after
   * it), on a packer made with `utf8`: the same ops, the strings found in the dictionaries by their
   * bytes and decoded only when sent (a batch's at once). The line's characters (code units, as
   * addLine's `chars`) are counted from its bytes: the store's room is estimated from them.
   */
  addBytes(line: number, bytes: Buffer, start: number, end: number): boolean {
    this.codes = bytes;
    this.bytes = bytes;
    this.coded = undefined;
    return this.scanLine(line, -1, start, end);
  }

  /** The text of `start` to `end` of what is being scanned. */
  private slice(start: number, end: number): string {
    return this.bytes === undefined ? this.src.slice(start, end) : this.bytes.toString('utf8', start, end);
  }

  private scanLine(line: number, chars: number, start: number, end: number): boolean {
    this.pos = start;
    this.extra = 0;
    const ops = this.ops.length;
    const numbers = this.numbers.length;
    const lengths = this.lengths.length;
    const texts = this.texts.length;
    const textBytes = this.textBytesLength;
    const textChars = this.chars;
    this.added.length = 0;
    // The strings counted per context, as they were: put back if the line is given back (a copy per line costs less than a note per string).
    const contexts = this.seen.length;
    if (this.seenBefore.length < contexts) this.seenBefore = new Int32Array(contexts * 2);
    for (let i = 0; i < contexts; i++) this.seenBefore[i] = this.seen[i]!;
    this.tables();
    this.keyStack.length = 0;
    this.space();
    // In a file scanned as bytes the line break after `end` may be a CR (CRLF, a lone CR), which
    // space() skips as JSON's white space: the value must end by `end`, and only white space follow it.
    const ok = this.scanValue(0, 1) && this.pos <= end && (this.space(), this.pos >= end);
    if (ok) {
      this.lines.push(line);
      this.lineChars += chars >= 0 ? chars : end - start + 1 - this.extra;
      return true;
    }
    this.ops.length = ops;
    this.numbers.length = numbers;
    this.lengths.length = lengths;
    this.texts.length = texts;
    this.textBytesLength = textBytes;
    this.chars = textChars;
    for (let i = this.added.length - 1; i >= 0; i--) this.added[i]!.removeLast();
    for (let i = 0; i < this.seen.length; i++) this.seen[i] = i < contexts ? this.seenBefore[i]! : 0;
    this.added.length = 0;
    return false;
  }

  /**
   * Makes the tables by context and by key code long enough for every key so far (a context is a
   * key's code plus one, or 0): looked at when a key is added or a line begins (JsonPacker adds the
   * keys of a line given back), not at every key and value.
   */
  private tables(): void {
    const n = this.keys.size + 1;
    if (this.keyAfter.length >= n) return;
    this.firstKey = room(this.firstKey, n);
    this.keyAfter = room(this.keyAfter, n);
    this.lastCode = room(this.lastCode, n);
    this.hits = room(this.hits, n);
  }

  /** Puts the code units of `text` in `codes`. */
  private code(text: string): void {
    const n = text.length;
    if (this.codes.length <= n) this.codes = new Uint16Array(Math.max(n + 1, this.codes.length * 2));
    const codes = this.codes as Uint16Array;
    if (LITTLE_ENDIAN) Buffer.from(codes.buffer, codes.byteOffset, n * 2).write(text, 'utf16le');
    else for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
    codes[n] = 0;
    this.coded = text;
  }

  /** Skips JSON's white space but a line feed, which ends the line (a line with one in it is given back, for JSON.parse). */
  private space(): void {
    const s = this.codes;
    let i = this.pos;
    for (;;) {
      const c = s[i]!;
      if (c !== 32 && c !== 9 && c !== 13) break;
      i++;
    }
    this.pos = i;
  }

  private scanValue(context: number, depth: number): boolean {
    const c = this.codes[this.pos]!;
    if (c === 34) return this.scanText(context);
    if (c === 123) return this.object(context, depth);
    if (c === 91) return this.array(context, depth);
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    if (c === 116) return this.word('true', TRUE);
    if (c === 102) return this.word('false', FALSE);
    if (c === 110) return this.word('null', NULL);
    return false;
  }

  private word(w: string, op: number): boolean {
    if (!same(w, this.codes, this.pos)) return false;
    this.pos += w.length;
    this.ops.push(op);
    return true;
  }

  private number(): boolean {
    const s = this.codes;
    const start = this.pos;
    let i = start;
    const negative = s[i]! === 45;
    if (negative) i++;
    let c = s[i]!;
    let n = 0;
    if (c === 48) c = s[++i]!;
    else if (c >= 49 && c <= 57) {
      do {
        n = n * 10 + (c - 48);
        c = s[++i]!;
      } while (c >= 48 && c <= 57);
    } else return false;
    let exact = i - start - (negative ? 1 : 0) <= EXACT_DIGITS;
    if (c === 46) {
      exact = false;
      if (!digit(s[++i]!)) return false;
      while (digit(s[i]!)) i++;
      c = s[i]!;
    }
    if (c === 101 || c === 69) {
      exact = false;
      c = s[++i]!;
      if (c === 43 || c === 45) c = s[++i]!;
      if (!digit(c)) return false;
      while (digit(s[i]!)) i++;
    }
    this.pos = i;
    this.ops.push(NUMBER);
    // -0 stays -0, as JSON.parse gives it.
    this.numbers.push(exact ? (negative ? -n : n) : Number(this.slice(start, i)));
    return true;
  }

  /** The string at `pos`, its end in `pos` after it; the stretch between its quotes in `start` and `end`, and their hash; false if not plain. */
  private start = 0;
  private end = 0;
  private hash = 0;
  /** Its bytes beyond its code units (UTF-8; see `extra`). */
  private wide = 0;

  private scanString(): boolean {
    const s = this.codes;
    let i = this.pos + 1;
    let h = HASH_START;
    let wide = 0;
    for (;;) {
      const c = s[i]!;
      if (c === 34) break;
      // An escape, a control character (JSON.parse refuses it) or the end of the line (NaN).
      if (c === 92 || !(c >= 32)) return false;
      // A UTF-8 continuation byte is no code unit of its own; a 4-byte character's are two.
      if (c >= 0x80) wide += c < 0xc0 ? 1 : c >= 0xf0 ? -1 : 0;
      h = hashStep(h, c);
      i++;
    }
    this.wide = wide;
    this.extra += wide;
    this.start = this.pos + 1;
    this.end = i;
    this.hash = h;
    this.pos = i + 1;
    return true;
  }

  private scanText(context: number): boolean {
    const d = this.dictionary(context);
    if (d) {
      const last = this.lastCode[context]! - 1;
      const hits = this.hits[context]!;
      const quote = hits > 0 && last >= 0 && last < d.size ? d.quotedAt(last, this.codes, this.pos + 1) : -1;
      if (quote >= 0) {
        this.seen[context]!++;
        this.extra += d.extra[last]!;
        this.pos = quote + 1;
        this.ops.push(last);
        if (hits < HITS_MAX) this.hits[context] = hits + HIT;
        return true;
      }
      // A date the dictionary has is found by its day, without scanning, hashing and comparing it.
      const day = d.dayCode(this.codes, this.pos + 1);
      if (day < 0 && !this.scanString()) return false;
      this.seen[context]!++;
      if (day >= 0) this.pos += 12;
      const code = day >= 0 ? day : d.find(this.codes, this.start, this.end, this.hash);
      if (code >= 0 && code === last) {
        if (hits < HITS_MAX) this.hits[context] = hits + HIT;
      } else if (hits > -HITS_MAX) this.hits[context] = hits - 1;
      if (code >= 0) {
        this.lastCode[context] = code + 1;
        this.ops.push(code);
        return true;
      }
      const { start, end, hash } = this;
      if (d.size < this.limit) {
        const s = this.slice(start, end);
        const added = d.add(this.bytes === undefined ? own(s) : s, hash);
        this.lastCode[context] = added + 1;
        this.ops.push(added);
        this.added.push(d);
        this.sent(s);
        return true;
      }
    }
    if (!d && !this.scanString()) return false;
    this.ops.push(TEXT);
    if (this.bytes !== undefined) this.utf8Text(this.bytes, this.start, this.end, this.end - this.start - this.wide);
    else this.text(this.src.slice(this.start, this.end));
    return true;
  }

  /** Sends `s`, the string scanned last (`start` to `end`). */
  private sent(s: string): void {
    if (this.bytes !== undefined) this.utf8Text(this.bytes, this.start, this.end, s.length);
    else this.text(s);
  }

  private array(context: number, depth: number): boolean {
    if (depth > SCAN_DEPTH) return false;
    const ops = this.ops;
    ops.push(ARRAY);
    const countAt = ops.length;
    ops.push(0);
    this.pos++;
    this.space();
    let n = 0;
    if (this.codes[this.pos]! !== 93) {
      for (;;) {
        if (!this.scanValue(context, depth + 1)) return false;
        n++;
        this.space();
        const c = this.codes[this.pos]!;
        if (c === 93) break;
        if (c !== 44) return false;
        this.pos++;
        this.space();
      }
    }
    this.pos++;
    ops.data[countAt] = n;
    return true;
  }

  private object(context: number, depth: number): boolean {
    if (depth > SCAN_DEPTH) return false;
    const ops = this.ops;
    ops.push(OBJECT);
    const countAt = ops.length;
    ops.push(0);
    this.pos++;
    this.space();
    const stack = this.keyStack;
    const base = stack.length;
    let n = 0;
    if (this.codes[this.pos]! !== 125) {
      let expected = this.firstKey[context]! - 1;
      let last = -1;
      for (;;) {
        if (this.codes[this.pos]! !== 34) return false;
        const code = this.scanKey(expected);
        if (code < 0) return false;
        if (code !== expected) {
          // Only a key scanned from the text is expected later: its text is plain (no quote, no escape).
          if (last < 0) this.firstKey[context] = code + 1;
          else this.keyAfter[last] = code + 1;
        }
        last = code;
        expected = this.keyAfter[code]! - 1;
        for (let i = base; i < stack.length; i++) if (stack.data[i] === code) return false;
        stack.push(code);
        // White space is looked for only where a character that may be some stands (most lines have none).
        const codes = this.codes;
        if (codes[this.pos]! <= 32) this.space();
        if (codes[this.pos]! !== 58) return false;
        this.pos++;
        if (codes[this.pos]! <= 32) this.space();
        // A string, most values, without the call that finds out what the value is.
        if (!(codes[this.pos]! === 34 ? this.scanText(code + 1) : this.scanValue(code + 1, depth + 1))) return false;
        n++;
        if (codes[this.pos]! <= 32) this.space();
        const c = codes[this.pos]!;
        if (c === 125) break;
        if (c !== 44) return false;
        this.pos++;
        if (codes[this.pos]! <= 32) this.space();
      }
    }
    this.pos++;
    stack.length = base;
    ops.data[countAt] = n;
    return true;
  }

  /** Writes the key at `pos`; its code, or -1 if the line must be parsed instead. */
  private scanKey(expected: number): number {
    // A key taken back with a line given back may leave a code expected that no key has now, or
    // one that JsonPacker gave to an index of that line (Object.keys puts those first, so one may
    // take the code of a key that came before it in the text): the scan takes no index.
    if (expected >= 0 && expected < this.keys.size) {
      const start = this.pos + 1;
      const quote = digit(this.codes[start]!) ? -1 : this.keys.quotedAt(expected, this.codes, start);
      if (quote >= 0) {
        this.extra += this.keys.extra[expected]!;
        this.pos = quote + 1;
        this.ops.push(expected);
        return expected;
      }
    }
    if (!this.scanString()) return -1;
    const { start, end, hash } = this;
    // A key that may be an array index (a digit first; wider than needed).
    const first = this.codes[start]!;
    if (first >= 48 && first <= 57) return -1;
    let code = this.keys.find(this.codes, start, end, hash);
    if (code < 0) {
      // Keys beyond the limit go as text, which JsonUnpacker marks untagged: left to JsonPacker.
      if (this.keys.size >= this.limit) return -1;
      const k = this.slice(start, end);
      code = this.keys.add(this.bytes === undefined ? own(k) : k, hash);
      this.added.push(this.keys);
      this.tables();
      this.sent(k);
    }
    this.ops.push(code);
    return code;
  }
}

/** Whether this machine keeps the low byte of a 16-bit number first, as Buffer's utf16le writes a code unit. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function digit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The table, made longer if needed to hold index `i`. */
function room(table: Int32Array, i: number): Int32Array {
  if (i < table.length) return table;
  const longer = new Int32Array(Math.max(i + 1, table.length * 2));
  longer.set(table);
  return longer;
}
