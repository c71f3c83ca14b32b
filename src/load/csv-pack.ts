import { closingQuote, rowsOfLines, type CsvLines, type CsvRow } from './csv.js';

/** Separates texts in a packed batch; a batch whose text holds it is sent unpacked instead. */
const SEP = '\u001f';
const SEP_BYTE = 0x1f;
/** Distinct values remembered per column of a file; beyond this a column's new values are sent as text. */
const DICTIONARY_LIMIT = 1 << 16;
/**
 * After this many rows, a column with more distinct values than an eighth of its rows is sent as
 * text from then on: identifiers (caseId, planId) would fill the dictionaries and cost this thread
 * a look-up in a large map per cell, while the main thread reads them without one anyway. By then
 * the columns that do repeat (dates, codes, boilerplate texts) have shown it. A column with more
 * distinct values than half its rows goes to text already after an eighth of them (caseId in
 * cases.csv, planId in plans.csv): dates there have a third of their rows distinct, not half.
 * Filling and hashing those dictionaries until the full trial was a tenth of this thread's time.
 */
const TRIAL_ROWS = 32_768;

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

/** Cells per line packLines makes room for at most before it has to grow its array. */
const WIDEST = 256;

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
function hashOf(src: Uint8Array, s: number, e: number): number {
  let h = HASH_START;
  for (let i = s; i < e; i++) h = Math.imul(h ^ src[i]!, HASH_STEP);
  return h;
}
const HASH_START = 0x811c9dc5 | 0;
const HASH_STEP = 0x01000193;

/** Whether `n` bytes of `a` from `i` equal those of `b` from `j`. */
function sameBytes(a: Uint8Array, i: number, b: Uint8Array, j: number, n: number): boolean {
  for (let x = 0; x < n; x++) if (a[i + x] !== b[j + x]) return false;
  return true;
}

/** Copies bytes `s` to `e` of `src` to `to` at `at` (a short value: a loop costs less than a view and a call out). */
function copyBytes(src: Uint8Array, s: number, e: number, to: Uint8Array, at: number): void {
  for (let i = s; i < e; i++) to[at++] = src[i]!;
}

/** `bytes` with room for `more` bytes after the first `used`. */
function roomFor(bytes: Buffer<ArrayBuffer>, used: number, more: number): Buffer<ArrayBuffer> {
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
class Dictionary {
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

/**
 * A batch of rows as integer arrays and two strings. Per cell a code: the index of the value in its
 * column's dictionary, which the receiver builds from the batches in order (a code one past its end
 * adds the next entry of `entries` to it); -1 for a value sent as the next text of `text`; or -2 for
 * the value the column's last text (-1 or -2) had, in this batch or an earlier one. Both strings
 * hold their values joined by SEP, in cell order, and `texts` and `newEntries` count them. The
 * receiver keeps every entry for the rest of the file, so entries come in a string of their own:
 * cut from it, they keep nothing else alive and need no copy.
 */
export type PackedRows =
  | { kind: 'packed'; lines: Int32Array; widths: Int32Array; codes: Int32Array; text: string; texts: number; entries: string; newEntries: number }
  | { kind: 'rows'; rows: CsvRow[] };

/** The code of a cell whose value is its column's last text again. */
export const SAME_TEXT = -2;
/** A new value holding SEP: the batch goes as plain rows (codeOf). */
const UNPACKABLE = -3;

/**
 * Packs the rows of one file, batch after batch, on the parsing thread. A column's values repeat
 * endlessly in an export (dates, codes, the caseId of the rows of one akt), so each distinct value
 * crosses to the main thread once and arrives there as one shared string: the main thread then
 * neither splits the text into millions of strings nor hashes each of them afresh when it checks
 * the value, which was a third of its time loading a table. Structured clone copies integer arrays
 * and one string far faster than arrays of arrays.
 */
export class RowPacker {
  /** Per column its dictionary; null once the column is sent as text. */
  private readonly dictionaries: (Dictionary | null)[] = [];
  /**
   * Per column the last cell's value and code (-1 when it went as text). The rows of one akt stand
   * together, and so do a plan's follow-ups: compared with the cell above first, a cell is most
   * often settled without hashing it for a look-up in its dictionary, and an identifier that
   * repeats is not sent again.
   */
  private lastValues: string[] = [];
  private lastCodes: number[] = [];
  private rowsSeen = 0;
  /**
   * The last values as bytes, while packBytes packs (`lastValues` then stands unused): per column
   * the array they lie in and where (start, end); undefined before the column's first cell.
   */
  private inBytes = false;
  private lastArrays: (Uint8Array | undefined)[] = [];
  private lastStarts: number[] = [];
  private lastEnds: number[] = [];
  /** Per column 1 when its last value was a cell without quotes, which holds no delimiter or line break. */
  private lastPlain: number[] = [];
  /** Lines packBytes passed in its last call, empty ones too. */
  lineBreaks = 0;
  // Room packBytes fills and copies out of, kept from batch to batch.
  private lineRoom = new Int32Array(1024);
  private widthRoom = new Int32Array(1024);
  private codeRoom = new Int32Array(8192);
  private textRoom = Buffer.allocUnsafe(1 << 16);
  private entryRoom = Buffer.allocUnsafe(1 << 16);
  /** Values of quoted cells with doubled quotes, made single, for one batch. */
  private unquoted = Buffer.allocUnsafe(1024);

  /** The limits are parameters for the tests only. */
  constructor(
    private readonly limit = DICTIONARY_LIMIT,
    private readonly trialRows = TRIAL_ROWS,
  ) {}

  pack(rows: readonly CsvRow[]): PackedRows {
    this.toTexts();
    let cells = 0;
    for (const r of rows) cells += r.fields.length;
    const lines = new Int32Array(rows.length);
    const widths = new Int32Array(rows.length);
    const codes = new Int32Array(cells);
    const parts: string[] = [];
    const entries: string[] = [];
    // What this batch adds to the dictionaries, and the last values before it, kept in case it goes unpacked.
    const added: Dictionary[] = [];
    const lastValues = this.lastValues;
    const lastCodes = this.lastCodes;
    this.lastValues = lastValues.slice();
    this.lastCodes = lastCodes.slice();
    const values = this.lastValues;
    const valueCodes = this.lastCodes;
    let k = 0;
    for (let i = 0; i < rows.length; i++) {
      const fields = rows[i]!.fields;
      lines[i] = rows[i]!.line;
      widths[i] = fields.length;
      for (let c = 0; c < fields.length; c++) {
        const f = fields[c]!;
        if (f === values[c]) {
          const last = valueCodes[c]!;
          codes[k++] = last === -1 ? SAME_TEXT : last;
          continue;
        }
        values[c] = f;
        const code = this.codeOf(c, f, entries, parts, added);
        if (code === UNPACKABLE) return this.unpacked(rows, added, lastValues, lastCodes);
        codes[k++] = valueCodes[c] = code;
      }
    }
    this.seen(rows.length);
    return { kind: 'packed', lines, widths, codes, text: parts.join(SEP), texts: parts.length, entries: entries.join(SEP), newEntries: entries.length };
  }

  /**
   * Packs the lines of a text (CsvLines) straight from the text, as `pack` packs their rows, with
   * the same result: no array per row, and a cell that equals the one above it costs a cut of the
   * text and a comparison. A cell that starts with a quote is a quoted field (CsvLines.quotes).
   * Undefined when no line is a record.
   */
  packLines(l: CsvLines): PackedRows | undefined {
    this.toTexts();
    const { text, start, end, delimiter } = l;
    const sep = text.indexOf(SEP, start);
    if (sep !== -1 && sep < end) {
      const rows = rowsOfLines(l);
      return rows.length > 0 ? this.pack(rows) : undefined;
    }
    let count = l.count ?? 0;
    if (l.count === undefined) for (let e = text.indexOf('\n', start); e !== -1 && e < end; e = text.indexOf('\n', e + 1)) count++;
    const lines = new Int32Array(count);
    const widths = new Int32Array(count);
    // Room for as many cells per line as the widest line so far had (eight before the first batch),
    // so that a batch of lines as wide as the header fills it exactly and goes without a copy; but
    // not for a stray line of a million delimiters in every line after it (the array grows instead).
    let codes = new Int32Array(count * Math.min(this.dictionaries.length || 8, WIDEST));
    const parts: string[] = [];
    const entries: string[] = [];
    const values = this.lastValues;
    const valueCodes = this.lastCodes;
    const quotes = l.quotes === true;
    let k = 0;
    let rows = 0;
    let line = l.line;
    // Where the next delimiter is, found once: a cell that ends a line leaves it for the next line.
    let nextDelimiter = text.indexOf(delimiter, start);
    for (let s = start; s < end; line++) {
      const e = text.indexOf('\n', s);
      // `""` alone on its line is a record of one empty field, which is no row, as an empty line.
      if (e === s || (quotes && e === s + 2 && text.charCodeAt(s) === 34 && text.charCodeAt(s + 1) === 34)) {
        s = e + 1;
        continue;
      }
      let c = 0;
      for (let a = s; ; c++) {
        let b: number;
        let f: string;
        if (quotes && text.charCodeAt(a) === 34) {
          // Well-formed: its closing quote stands before the delimiter or the line break.
          const q = closingQuote(text, a);
          f = text.slice(a + 1, q);
          if (q > a + 1 && f.includes('""')) f = f.replaceAll('""', '"');
          b = q + 1;
        } else {
          if (nextDelimiter !== -1 && nextDelimiter < a) nextDelimiter = text.indexOf(delimiter, a);
          b = nextDelimiter !== -1 && nextDelimiter < e ? nextDelimiter : e;
          // A date its column has a code for: the code, as the cell above's or the dictionary's
          // (the same code either way), without cutting it out of the text.
          const dictionary = b - a === 10 ? this.dictionaries[c] : undefined;
          const day = dictionary ? dictionary.dayCode(text, a) : -1;
          if (day >= 0) {
            if (day !== valueCodes[c]) {
              values[c] = dictionary!.date(day);
              valueCodes[c] = day;
            }
            if (k === codes.length) codes = grownCodes(codes);
            codes[k++] = day;
            if (b === e) break;
            a = b + 1;
            continue;
          }
          f = text.slice(a, b);
        }
        if (k === codes.length) codes = grownCodes(codes);
        if (f === values[c]) {
          const last = valueCodes[c]!;
          codes[k++] = last === -1 ? SAME_TEXT : last;
        } else {
          values[c] = f;
          // No cell holds the separator: the text was looked at for it above.
          codes[k++] = valueCodes[c] = this.codeOf(c, f, entries, parts);
        }
        if (b === e) break;
        a = b + 1;
      }
      lines[rows] = line;
      widths[rows++] = c + 1;
      s = e + 1;
    }
    if (rows === 0) return undefined;
    this.seen(rows);
    // Empty lines made no row, and shorter lines left room: the arrays are cut to what there is.
    return { kind: 'packed', lines: rows < count ? lines.slice(0, rows) : lines, widths: rows < count ? widths.slice(0, rows) : widths, codes: k < codes.length ? codes.slice(0, k) : codes, text: parts.join(SEP), texts: parts.length, entries: entries.join(SEP), newEntries: entries.length };
  }

  /**
   * packLines for the lines of UTF-8 bytes from `start` to `end` (just after a line break: LF, CRLF
   * or a lone CR), the first on line `line`, cut at the byte `delimiter`, with quoted fields as
   * CsvLines.quotes when `quotes` (the caller has checked them with quotesInBytes, and that no byte
   * is SEP). The same rows as packLines gives for their decoded text, but a cell is compared with
   * the one above and looked up in its dictionary by its bytes, and only values sent (new entries
   * and texts) are decoded, in one piece per batch. Sets `lineBreaks`.
   */
  packBytes(bytes: Uint8Array, start: number, end: number, line: number, delimiter: number, quotes: boolean): PackedRows | undefined {
    this.toBytes();
    let lines = this.lineRoom;
    let widths = this.widthRoom;
    let codes = this.codeRoom;
    const arrays = this.lastArrays;
    const starts = this.lastStarts;
    const ends = this.lastEnds;
    const plain = this.lastPlain;
    const valueCodes = this.lastCodes;
    const dictionaries = this.dictionaries;
    let unquoted = this.unquoted;
    let unquotedLength = 0;
    this.textLength = this.entryLength = this.texts = this.entries = 0;
    let k = 0;
    let rows = 0;
    const first = line;
    for (let s = start; s < end; line++) {
      let x = bytes[s]!;
      // An empty line, or `""` alone on its line: no row.
      if (x === 10 || x === 13 || (quotes && x === 34 && bytes[s + 1] === 34 && (bytes[s + 2] === 10 || bytes[s + 2] === 13))) {
        if (x === 34) s += 2;
        s += bytes[s] === 13 && s + 1 < end && bytes[s + 1] === 10 ? 2 : 1;
        continue;
      }
      let c = 0;
      let b: number;
      for (let a = s; ; c++) {
        let src = bytes;
        let vs = a;
        let ve: number;
        let h = 0;
        if (quotes && bytes[a] === 34) {
          let doubled = false;
          let q = a + 1;
          for (;;) {
            if (bytes[q] === 34) {
              if (bytes[q + 1] !== 34) break;
              doubled = true;
              q += 2;
            } else q++;
          }
          vs = a + 1;
          ve = q;
          b = q + 1;
          if (doubled) {
            unquoted = roomFor(unquoted, unquotedLength, q - vs);
            const u = unquotedLength;
            for (let i = vs; i < q; i++) {
              unquoted[unquotedLength++] = bytes[i]!;
              if (bytes[i] === 34) i++;
            }
            src = unquoted;
            vs = u;
            ve = unquotedLength;
          }
        } else {
          // A date its column has a code for: the code, as the cell above's or the dictionary's,
          // found from its ten bytes before the cell's end is looked for.
          const dictionary = dictionaries[c];
          if (dictionary && ((x = bytes[a + 10]!) === delimiter || x === 10 || x === 13)) {
            const day = dictionary.dayCodeBytes(bytes, a);
            if (day >= 0) {
              if (day !== valueCodes[c]) {
                arrays[c] = bytes;
                starts[c] = a;
                ends[c] = a + 10;
                plain[c] = 1;
                valueCodes[c] = day;
              }
              if (k === codes.length) codes = grownCodes(codes);
              codes[k++] = day;
              b = a + 10;
              if (x !== delimiter) break;
              a = b + 1;
              continue;
            }
          }
          // The cell above again, found without looking for the cell's end first: its bytes here
          // and then a delimiter or line break. (Not after a quoted value, which may hold either.)
          const above = arrays[c];
          if (plain[c] === 1 && above !== undefined) {
            const n = ends[c]! - starts[c]!;
            if (((x = bytes[a + n]!) === delimiter || x === 10 || x === 13) && sameBytes(above, starts[c]!, bytes, a, n)) {
              if (k === codes.length) codes = grownCodes(codes);
              const last = valueCodes[c]!;
              codes[k++] = last === -1 ? SAME_TEXT : last;
              b = a + n;
              if (x !== delimiter) break;
              a = b + 1;
              continue;
            }
          }
          // The cell's end, and the hash of its bytes on the way (it is looked up unless it is the one above).
          let p = a;
          h = HASH_START;
          while ((x = bytes[p]!) !== delimiter && x !== 10 && x !== 13) {
            h = Math.imul(h ^ x, HASH_STEP);
            p++;
          }
          ve = b = p;
        }
        if (k === codes.length) codes = grownCodes(codes);
        const n = ve - vs;
        const above = arrays[c];
        if (above !== undefined && ends[c]! - starts[c]! === n && sameBytes(above, starts[c]!, src, vs, n)) {
          const last = valueCodes[c]!;
          codes[k++] = last === -1 ? SAME_TEXT : last;
        } else {
          arrays[c] = src;
          starts[c] = vs;
          ends[c] = ve;
          plain[c] = src === bytes && vs === a ? 1 : 0;
          codes[k++] = valueCodes[c] = this.codeOfBytes(c, src, vs, ve, src === bytes && vs === a ? h : hashOf(src, vs, ve));
        }
        if (bytes[b] !== delimiter) break;
        a = b + 1;
      }
      if (rows === lines.length) {
        lines = grownCodes(lines);
        widths = grownCodes(widths);
      }
      lines[rows] = line;
      widths[rows++] = c + 1;
      s = b + (bytes[b] === 13 && b + 1 < end && bytes[b + 1] === 10 ? 2 : 1);
    }
    this.lineBreaks = line - first;
    this.lineRoom = lines;
    this.widthRoom = widths;
    this.codeRoom = codes;
    this.unquoted = unquoted;
    // The last values that lie in this batch's bytes are kept: the caller uses the bytes again.
    for (let c = 0; c < arrays.length; c++) {
      const a = arrays[c];
      if (a === bytes || a === unquoted) {
        arrays[c] = Uint8Array.prototype.slice.call(a, starts[c], ends[c]);
        ends[c] = ends[c]! - starts[c]!;
        starts[c] = 0;
      }
    }
    if (rows === 0) return undefined;
    this.seen(rows);
    return {
      kind: 'packed',
      lines: lines.slice(0, rows),
      widths: widths.slice(0, rows),
      codes: codes.slice(0, k),
      text: this.textRoom.toString('utf8', 0, this.textLength),
      texts: this.texts,
      entries: this.entryRoom.toString('utf8', 0, this.entryLength),
      newEntries: this.entries,
    };
  }

  private textLength = 0;
  private entryLength = 0;
  private texts = 0;
  private entries = 0;

  /** codeOf for the value of bytes `s` to `e` of `src`, the values sent written as bytes. */
  private codeOfBytes(column: number, src: Uint8Array, s: number, e: number, h: number): number {
    const dictionary = this.dictionary(column);
    if (dictionary) {
      const code = dictionary.findBytes(src, s, e, h);
      if (code >= 0) return code;
      if (dictionary.size < this.limit) {
        this.entryRoom = roomFor(this.entryRoom, this.entryLength, e - s + 1);
        if (this.entries++ > 0) this.entryRoom[this.entryLength++] = SEP_BYTE;
        copyBytes(src, s, e, this.entryRoom, this.entryLength);
        this.entryLength += e - s;
        return dictionary.addBytes(src, s, e, h);
      }
    }
    this.textRoom = roomFor(this.textRoom, this.textLength, e - s + 1);
    if (this.texts++ > 0) this.textRoom[this.textLength++] = SEP_BYTE;
    copyBytes(src, s, e, this.textRoom, this.textLength);
    this.textLength += e - s;
    return -1;
  }

  /** The last values as texts, after packBytes. */
  private toTexts(): void {
    if (!this.inBytes) return;
    this.inBytes = false;
    const arrays = this.lastArrays;
    for (let c = 0; c < arrays.length; c++) {
      const a = arrays[c];
      if (a !== undefined) this.lastValues[c] = Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('utf8', this.lastStarts[c], this.lastEnds[c]);
    }
  }

  /** The last values as bytes, before packBytes. */
  private toBytes(): void {
    if (this.inBytes) return;
    this.inBytes = true;
    const values = this.lastValues;
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      if (v === undefined) continue;
      const bytes = Buffer.from(v);
      this.lastArrays[c] = bytes;
      this.lastStarts[c] = 0;
      this.lastEnds[c] = bytes.length;
      this.lastPlain[c] = 0;
    }
  }

  /**
   * The code of a value unlike the cell above it: its dictionary's, a new entry's (in `entries`, and
   * in `added` when the batch may yet be sent plain), or -1 with the value in `parts`; UNPACKABLE for
   * a new value holding the separator, which only a plain batch can carry.
   */
  private codeOf(column: number, value: string, entries: string[], parts: string[], added?: Dictionary[]): number {
    const dictionary = this.dictionary(column);
    const code = dictionary?.find(value);
    if (code !== undefined) return code;
    if (value.includes(SEP)) return UNPACKABLE;
    if (dictionary && dictionary.size < this.limit) {
      added?.push(dictionary);
      entries.push(value);
      return dictionary.add(value);
    }
    parts.push(value);
    return -1;
  }

  /** After a batch of `rows` rows: columns of identifiers go to text (TRIAL_ROWS). */
  private seen(rows: number): void {
    this.rowsSeen += rows;
    if (this.rowsSeen >= this.trialRows) this.dropIdentifiers(8);
    else if (this.rowsSeen >= this.trialRows / 8) this.dropIdentifiers(2);
  }

  /** A batch sent as plain rows; what packing it changed is taken back, for the receiver never sees it. */
  private unpacked(rows: readonly CsvRow[], added: Dictionary[], lastValues: string[], lastCodes: number[]): PackedRows {
    for (let i = added.length - 1; i >= 0; i--) added[i]!.removeLast();
    this.lastValues = lastValues;
    this.lastCodes = lastCodes;
    return { kind: 'rows', rows: [...rows] };
  }

  private dictionary(column: number): Dictionary | null {
    while (this.dictionaries.length <= column) this.dictionaries.push(new Dictionary());
    return this.dictionaries[column]!;
  }

  private dropIdentifiers(share: number): void {
    for (let c = 0; c < this.dictionaries.length; c++) {
      const d = this.dictionaries[c];
      if (d && d.size * share > this.rowsSeen) this.dictionaries[c] = null;
    }
  }
}

/** Room for twice as many codes, the ones there are kept. */
function grownCodes(codes: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(2 * codes.length);
  grown.set(codes);
  return grown;
}

/**
 * The rows of a packed batch, unpacked: row i is the next `widths[i]` cells of `cells`, and each
 * cell's code stands at the same index of `codes` (within one file, two cells of a column with the
 * same code >= 0 hold the same value). One array for the batch, not one per row, and no object per
 * row: the main thread reads the cells where they lie.
 */
export interface CellRows {
  lines: Int32Array;
  widths: Int32Array;
  cells: string[];
  codes: Int32Array;
}

/** Unpacks the batches of one file, in the order they were packed. */
export class RowUnpacker {
  private readonly dictionaries: string[][] = [];
  /** Per column its last value sent as text (code -1), which code -2 repeats. */
  private readonly lastTexts: string[] = [];

  unpack(e: Extract<PackedRows, { kind: 'packed' }>): CellRows {
    // No text at all and one empty text are both '': the count tells them apart.
    const texts = e.texts === 0 ? [] : e.text.split(SEP);
    const entries = e.newEntries === 0 ? [] : e.entries.split(SEP);
    const { lines, widths, codes } = e;
    const lastTexts = this.lastTexts;
    // Made with its length: grown by push, it was copied a dozen times per batch, all garbage.
    // (Its kind stays holey; reading one costs a comparison more.)
    const cells = new Array<string>(codes.length);
    let k = 0;
    let t = 0;
    let n = 0;
    for (let i = 0; i < lines.length; i++) {
      const w = widths[i]!;
      for (let c = 0; c < w; c++) {
        const code = codes[k]!;
        if (code < 0) {
          if (code === -1) cells[k++] = lastTexts[c] = texts[t++]!;
          else cells[k++] = lastTexts[c]!;
          continue;
        }
        while (this.dictionaries.length <= c) this.dictionaries.push([]);
        const dictionary = this.dictionaries[c]!;
        if (code === dictionary.length) dictionary.push(entries[n++]!);
        cells[k++] = dictionary[code]!;
      }
    }
    return { lines, widths, cells, codes };
  }
}
