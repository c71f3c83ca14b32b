import Papa from 'papaparse';
import { detectDelimiter } from './delimiter.js';
import { decodeFile, detectEncoding, hashFile, readSample, type ByteSource, type TextTally } from './text.js';

export interface ReadOverrides {
  encoding?: string;
  delimiter?: string;
}

export type CsvEvent =
  | { kind: 'format'; encoding: string; delimiter: string; ascii: boolean }
  | { kind: 'header'; line: number; fields: string[] }
  | { kind: 'row'; line: number; fields: string[] }
  | { kind: 'error'; line: number; code: 'unterminated-quote' | 'csv-syntax'; message: string }
  | { kind: 'not-text' }
  | { kind: 'end'; sha256: string; undecodable: number };

export type CsvRow = Extract<CsvEvent, { kind: 'row' }>;
/** readCsvBatches gives the rows of each parsed chunk together, so a large file is not one await per row. */
export type CsvBatchEvent = Exclude<CsvEvent, { kind: 'row' }> | { kind: 'rows'; rows: CsvRow[] };

/** What Papa's parser returns; its own typings leave it `any`. */
interface Parsed {
  data: string[][];
  errors: { code: string }[];
  meta: { cursor: number };
}

/**
 * Streams a CSV file as raw records with the line each starts on, after choosing its encoding and
 * delimiter. Papa Parse's core parser is fed the decoded text chunk by chunk: it is several times
 * faster than csv-parse, which matters for exports of the whole country. Stray quotes inside a
 * field are kept as text; a quote that is never closed swallows the rest of the file, which is
 * then reported as one broken record.
 */
export async function* readCsv(file: ByteSource, overrides: ReadOverrides = {}): AsyncGenerator<CsvEvent> {
  for await (const ev of readCsvBatches(file, overrides)) {
    if (ev.kind === 'rows') yield* ev.rows;
    else yield ev;
  }
}

/**
 * Records that are the lines of a text: `text` from `start` to `end` (just after a line break), each
 * line a record cut at `delimiter`, the first on line `line`; an empty line is no record but counts
 * as a line. This is how Papa Parse reads a text with no quote in it (split at line breaks, then at
 * the delimiter); the parsing thread packs such lines straight from the text, without an array per
 * row (RowPacker.packLines), and rowsOfLines makes them rows.
 */
export interface CsvLines {
  kind: 'lines';
  text: string;
  start: number;
  end: number;
  line: number;
  /** How many lines (line breaks) there are from `start` to `end`, empty ones too, when known. */
  count?: number;
  delimiter: string;
  /**
   * Some lines hold a quote, each of them in well-formed quoted fields that end on their line
   * (quotesInLines): a cell that starts with a quote runs to the next quote not doubled, and its
   * value is what lies between, its doubled quotes made single, as Papa Parse reads it.
   */
  quotes?: true;
}

/** readCsvBatches with the records of a text without quotes as lines of it, not yet rows. */
export type CsvChunkEvent = CsvBatchEvent | CsvLines;

/** The rows of a CsvLines event, as Papa Parse would give them. */
export function rowsOfLines(l: CsvLines): CsvRow[] {
  const { text, delimiter } = l;
  const rows: CsvRow[] = [];
  let line = l.line;
  let quote = l.quotes ? text.indexOf('"', l.start) : -1;
  for (let s = l.start; s < l.end; line++) {
    const e = text.indexOf('\n', s);
    if (quote !== -1 && quote < e) {
      const fields = quotedLine(text, s, e, delimiter);
      if (!emptyRecord(fields)) rows.push({ kind: 'row', line, fields });
      quote = text.indexOf('"', e + 1);
    } else if (e > s) rows.push({ kind: 'row', line, fields: text.slice(s, e).split(delimiter) });
    s = e + 1;
  }
  return rows;
}

/** The cells of the line of `text` from `s` to its line break `e`, whose quotes are well-formed (CsvLines.quotes). */
function quotedLine(text: string, s: number, e: number, delimiter: string): string[] {
  const fields: string[] = [];
  for (let a = s; ; ) {
    let b: number;
    if (text.charCodeAt(a) === 34) {
      const q = closingQuote(text, a);
      const f = text.slice(a + 1, q);
      fields.push(q > a + 1 && f.includes('""') ? f.replaceAll('""', '"') : f);
      b = q + 1;
    } else {
      b = text.indexOf(delimiter, a);
      if (b === -1 || b > e) b = e;
      fields.push(text.slice(a, b));
    }
    if (b === e) return fields;
    a = b + 1;
  }
}

/**
 * The quote that closes a quoted field opened at `open`: the next quote not followed by another,
 * a pair being one quote of the value (Papa Parse's reading). -1 when none is left in the text.
 */
export function closingQuote(text: string, open: number): number {
  for (let q = text.indexOf('"', open + 1); q !== -1; q = text.indexOf('"', q + 2)) {
    if (text.charCodeAt(q + 1) !== 34) return q;
  }
  return -1;
}

/** A record Papa Parse gives for a line with nothing in it, or only `""`: no row, as an empty line. */
export function emptyRecord(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0] === '';
}

/**
 * Whether every quote in the lines of `text` up to `end` (just after a line break, at the start of a
 * record) stands where a text needs no parser to read it: a field that starts with a quote ends, on
 * its line, with a quote not doubled right before a delimiter or the line break, and any other
 * quote lies inside a field that does not start with one. Papa Parse reads such a line as one
 * record: a quoted field as what lies between its quotes with doubled quotes made single, any
 * other field (stray quotes and all) as it stands, cut at the delimiter. A quoted field that runs
 * over a line break, a closing quote followed by anything else (spaces too), or one never closed
 * sends the text through Papa Parse whole, as before. Only the quotes are visited, so a text with
 * few costs little more than one without.
 */
export function quotesInLines(text: string, end: number, delimiter: string): boolean {
  const d = delimiter.charCodeAt(0);
  for (let q = text.indexOf('"'); q !== -1 && q < end; ) {
    const before = q === 0 ? 10 : text.charCodeAt(q - 1);
    if (before !== d && before !== 10) {
      // Inside a field that started without a quote: Papa Parse keeps it as text.
      q = text.indexOf('"', q + 1);
      continue;
    }
    const close = closingQuote(text, q);
    const lineEnd = text.indexOf('\n', q);
    if (close === -1 || close > lineEnd) return false;
    const after = text.charCodeAt(close + 1);
    if (after !== d && after !== 10) return false;
    q = text.indexOf('"', close + 1);
  }
  return true;
}

/** Whether the first line of `text` with anything on it is whole and holds no quote (a header split at its delimiters). */
function plainHeader(text: string): boolean {
  let s = 0;
  while (text.charCodeAt(s) === 10) s++;
  const e = text.indexOf('\n', s);
  const q = text.indexOf('"', s);
  return e !== -1 && (q === -1 || q > e);
}

/** Delimiters Papa Parse does not accept (it reads with a comma instead): such a text always goes through it. */
const PAPA_REFUSES = ['\r', '\n', '"', '\ufeff'];

/** readCsv with the rows of each chunk in one event. */
export async function* readCsvBatches(file: ByteSource, overrides: ReadOverrides = {}): AsyncGenerator<CsvBatchEvent> {
  for await (const ev of readCsvChunks(file, overrides)) {
    if (ev.kind !== 'lines') yield ev;
    else {
      const rows = rowsOfLines(ev);
      if (rows.length > 0) yield { kind: 'rows', rows };
    }
  }
}

/**
 * readCsvBatches, but a parsed text comes as its lines (CsvLines) when it has no quote, or only
 * well-formed ones by which a line's cells can be cut (quotesInLines). Papa Parse reads every other
 * text with a quote, a header that holds one, and the last record of the file; the others it would
 * only split at line breaks and delimiters (and unquote), which is left to the consumer: packed
 * straight from the text, without Papa's arrays and the row objects made of them, a table without
 * quotes costs the parsing thread about a seventh less (plans.csv of 400,000 akter: 1.99–2.54 s
 * against 2.07–2.71 s, four runs each), followups.csv, three lines in five with a quote, about a
 * fifth less (session 13). test/csv-split.test.ts holds the two readings equal.
 */
export async function* readCsvChunks(file: ByteSource, overrides: ReadOverrides = {}): AsyncGenerator<CsvChunkEvent> {
  const format = await csvFormat(file, overrides);
  yield format;
  if (format.kind === 'not-text') return;
  const chunker = new CsvChunker(format.delimiter);
  const tally: TextTally = { sha256: '', undecodable: 0 };
  // Chunks not parsed yet: when the open record did not end in what was parsed, it is parsed again
  // only once the text has doubled, so a record of any length costs linear time, not one parse of
  // the whole record per chunk (a 100 MB record without a line break was quadratic).
  const waiting: string[] = [];
  let waitingLength = 0;
  for await (const chunk of lineFeeds(decodeFile(file, format.encoding, tally))) {
    waiting.push(chunk);
    waitingLength += chunk.length;
    if (chunker.carry.length + waitingLength < chunker.nextTry) continue;
    const text = chunker.carry + waiting.join('');
    waiting.length = 0;
    waitingLength = 0;
    yield* chunker.take(text);
  }
  yield* chunker.finish(chunker.carry + waiting.join(''), file, tally);
}

/** A file's encoding and delimiter (the first event of readCsvChunks), or that it is no text. */
export async function csvFormat(file: ByteSource, overrides: ReadOverrides): Promise<Extract<CsvEvent, { kind: 'format' | 'not-text' }>> {
  const detected = detectEncoding(await readSample(file), overrides.encoding);
  if ('binary' in detected) return { kind: 'not-text' };
  const delimiter = overrides.delimiter ?? detectDelimiter(detected.head);
  return { kind: 'format', encoding: detected.encoding, delimiter, ascii: detected.ascii };
}

/**
 * The records of a file's text, given in pieces that each end just after a line break (the text
 * with its line breaks made LF, as lineFeeds gives it): what readCsvChunks makes of each piece.
 * A piece's last record, when it does not end in it, is kept as `carry`, to be joined before the
 * next piece by the caller. The UTF-8 reader (csv-bytes.ts) hands it the pieces it cannot cut
 * from the bytes itself, so the two share the line count and the header.
 */
export class CsvChunker {
  /** The line the next record starts on. */
  next = 1;
  header = true;
  carry = '';
  /** The length the carry and what follows must reach before they are parsed again. */
  nextTry = 0;
  // Every line break (CRLF, LF, a lone CR, mixed in one file) ends a record and counts as one line,
  // as in an editor: the text is parsed with its breaks made LF, so lines reported are lines there.
  private readonly parser: { parse(text: string, base: number, ignoreLastRow: boolean): Parsed };
  readonly split: boolean;

  constructor(readonly delimiter: string) {
    this.parser = new Papa.Parser({ delimiter, newline: '\n' }) as { parse(text: string, base: number, ignoreLastRow: boolean): Parsed };
    this.split = delimiter.length === 1 && !PAPA_REFUSES.includes(delimiter);
  }

  /** The events of `text` (the carry already joined before it). */
  *take(text: string): Generator<CsvChunkEvent> {
    const { split, delimiter } = this;
    if (split && !text.includes('"')) {
      const end = text.lastIndexOf('\n') + 1;
      this.carry = text.slice(end);
      this.nextTry = end === 0 ? 2 * text.length : 0;
      yield* this.lines(text, end, false);
      return;
    }
    // A text with quotes: when they are all well-formed, each on its line (quotesInLines), and the
    // header, if the text holds it, has none, its lines are cut and packed straight from the text,
    // quoted fields and all. In followups.csv three lines in five hold a quote (a comma in an outcome).
    if (split && (!this.header || plainHeader(text))) {
      const end = text.lastIndexOf('\n') + 1;
      if (end > 0 && quotesInLines(text, end, delimiter)) {
        this.carry = text.slice(end);
        this.nextTry = 0;
        yield* this.lines(text, end, true);
        return;
      }
    }
    const parsed = this.parser.parse(text, 0, true);
    const quoted = text.includes('"');
    this.carry = text.slice(parsed.meta.cursor);
    this.nextTry = parsed.data.length === 0 ? 2 * text.length : 0;
    yield* this.records(parsed, quoted);
  }

  /** The events of the file's last text (`rest`), and its end. */
  async *finish(rest: string, file: ByteSource, tally: TextTally): AsyncGenerator<CsvBatchEvent> {
    this.carry = '';
    const last = this.parser.parse(rest, 0, false);
    if (last.errors.some((e) => e.code === 'MissingQuotes')) {
      // The unclosed record is the last one Papa returns: it is rejected, not read as data.
      last.data.pop();
      yield* this.records(last, true);
      yield { kind: 'error', line: this.next, code: 'unterminated-quote', message: 'CSV_QUOTE_NOT_CLOSED' };
      if (tally.sha256 === '') tally.sha256 = await hashFile(file);
    } else {
      yield* this.records(last, true);
    }
    yield { kind: 'end', sha256: tally.sha256, undecodable: tally.undecodable };
  }

  // Line numbers are counted here: a record starts one line after the previous one plus the line
  // breaks quoted inside it.
  private *records(parsed: Parsed, quoted: boolean): Generator<CsvBatchEvent> {
    const rows: CsvRow[] = [];
    for (const record of parsed.data) {
      const line = this.next;
      // Without a quote in the text, no field can hold a line break.
      this.next = line + 1 + (quoted ? quotedLineBreaks(record) : 0);
      if (emptyRecord(record)) continue;
      if (this.header) {
        this.header = false;
        yield { kind: 'header', line, fields: record.map((f) => f.trim()) };
      } else {
        rows.push({ kind: 'row', line, fields: record });
      }
    }
    if (rows.length > 0) yield { kind: 'rows', rows };
  }

  /** The records of `text` up to `end` (just after its last line break), as its lines (CsvLines); `quotes` when it holds any. */
  private *lines(text: string, end: number, quotes: boolean): Generator<CsvChunkEvent> {
    const { delimiter } = this;
    let start = 0;
    while (this.header && start < end) {
      const e = text.indexOf('\n', start);
      const line = this.next++;
      if (e > start) {
        this.header = false;
        yield { kind: 'header', line, fields: text.slice(start, e).split(delimiter).map((f) => f.trim()) };
      }
      start = e + 1;
    }
    if (start === end) return;
    const first = this.next;
    for (let e = text.indexOf('\n', start); e !== -1 && e < end; e = text.indexOf('\n', e + 1)) this.next++;
    const count = this.next - first;
    yield quotes ? { kind: 'lines', text, start, end, line: first, count, delimiter, quotes } : { kind: 'lines', text, start, end, line: first, count, delimiter };
  }
}

/** The text with CRLF and lone CR made LF; a CR that ends a chunk waits for the next, which may start with its LF. */
export async function* lineFeeds(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let cr = false;
  for await (let chunk of chunks) {
    if (cr) chunk = `\r${chunk}`;
    cr = chunk.endsWith('\r');
    if (cr) chunk = chunk.slice(0, -1);
    yield chunk.includes('\r') ? chunk.replace(/\r\n?/g, '\n') : chunk;
  }
  if (cr) yield '\n';
}

function quotedLineBreaks(record: readonly string[]): number {
  let n = 0;
  for (const field of record) {
    if (!field.includes('\n')) continue;
    n += field.match(/\n/g)!.length;
  }
  return n;
}
