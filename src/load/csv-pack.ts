import { closingQuote, rowsOfLines, type CsvLines, type CsvRow } from './csv.js';
import { copyBytes, Dictionary, HASH_START, HASH_STEP, hashOf, roomFor, sameBytes } from './csv-dict.js';

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

/** Cells per line packLines makes room for at most before it has to grow its array. */
const WIDEST = 256;

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
