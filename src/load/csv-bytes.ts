import { CsvChunker, csvFormat, readCsvChunks, type CsvChunkEvent, type ReadOverrides } from './csv.js';
import type { PrefetchEvent } from './csv-parallel.js';
import type { RowPacker } from './csv-pack.js';
import { utf8Chunks, type ByteSource, type TextTally } from './text.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** RowPacker's separator of texts: a text holding it is packed from its decoded text. */
const SEP = 0x1f;

/**
 * The events of a CSV file as the parsing thread sends them: readCsvChunks with its lines packed by
 * `packer`. A UTF-8 file (nearly every export) is cut into lines and cells on its bytes, and only
 * the values sent to the main thread are decoded (RowPacker.packBytes): decoding the whole file and
 * cutting its text was most of this thread's time. A text the bytes cannot be cut for as it stands
 * (the header, quotes Papa Parse must read, a byte that is the packer's separator) is decoded and
 * read as readCsvChunks reads it, by the same CsvChunker, so the lines and the header are shared.
 * Any other encoding, and a delimiter that is not one ASCII character, is read as text throughout.
 */
export async function* readCsvPacked(file: ByteSource, overrides: ReadOverrides, packer: RowPacker): AsyncGenerator<PrefetchEvent> {
  const format = await csvFormat(file, overrides);
  const d = format.kind === 'format' ? format.delimiter.charCodeAt(0) : -1;
  const chunker = format.kind === 'format' ? new CsvChunker(format.delimiter) : undefined;
  if (format.kind === 'not-text' || format.encoding !== 'utf-8' || !chunker!.split || d >= 0x80) {
    for await (const ev of readCsvChunks(file, overrides)) yield* packed(ev, packer);
    return;
  }
  yield format;
  const lines = chunker!;
  const tally: TextTally = { sha256: '', undecodable: 0 };
  // The bytes not read yet: what is left of a piece after its last line break, then the next chunk.
  let pending = Buffer.allocUnsafe(1 << 17);
  let length = 0;
  for await (const chunk of utf8Chunks(file, tally)) {
    if (length + chunk.length > pending.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * pending.length, length + chunk.length));
      pending.copy(grown, 0, 0, length);
      pending = grown;
    }
    pending.set(chunk, length);
    length += chunk.length;
    if (length < lines.nextTry) continue;
    const cut = afterLastBreak(pending, length);
    if (cut === 0) {
      lines.nextTry = 2 * length;
      continue;
    }
    const piece = pending.subarray(0, cut);
    const quotes = piece.indexOf(QUOTE) !== -1;
    if (!lines.header && piece.indexOf(SEP) === -1 && (!quotes || quotesInBytes(piece, cut, d))) {
      const packed = packer.packBytes(pending, 0, cut, lines.next, d, quotes);
      lines.next += packer.lineBreaks;
      lines.nextTry = 0;
      if (packed) yield packed;
      pending.copy(pending, 0, cut, length);
      length -= cut;
      continue;
    }
    // As text: all of it but a last CR, which may yet be the start of a CRLF.
    const end = pending[length - 1] === CR ? length - 1 : length;
    for (const ev of lines.take(lineFeeds(pending.toString('utf8', 0, end)))) yield* packed(ev, packer);
    const carry = Buffer.from(lines.carry);
    lines.carry = '';
    const kept = length - end;
    pending.copy(pending, carry.length, end, length);
    carry.copy(pending, 0);
    length = carry.length + kept;
  }
  for await (const ev of lines.finish(lineFeeds(pending.toString('utf8', 0, length)), file, tally)) yield* packed(ev, packer);
}

/** An event of the text path as sent: lines and rows packed (nothing for lines of which none is a record). */
function* packed(ev: CsvChunkEvent, packer: RowPacker): Generator<PrefetchEvent> {
  if (ev.kind === 'lines') {
    const batch = packer.packLines(ev);
    if (batch) yield batch;
  } else yield ev.kind === 'rows' ? packer.pack(ev.rows) : ev;
}

/** The text with CRLF and lone CR made LF (all of it: no CR waits for more). */
function lineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Where the bytes up to `length` can be cut after a line break: after the last LF, or after a later
 * CR unless it is the last byte (an LF may follow it). 0 for none.
 */
export function afterLastBreak(bytes: Buffer, length: number): number {
  // (lastIndexOf counts an offset below 0 from the end of the buffer.)
  if (length === 0) return 0;
  const lf = bytes.lastIndexOf(LF, length - 1);
  const cr = length >= 2 ? bytes.lastIndexOf(CR, length - 2) : -1;
  return Math.max(lf, cr) + 1;
}

/** Whether a byte ends a line. */
function isBreak(b: number | undefined): boolean {
  return b === LF || b === CR;
}

/**
 * quotesInLines for UTF-8 bytes up to `end` (just after a line break), the line breaks LF, CRLF or
 * a lone CR: whether every quote stands where packBytes can read it as Papa Parse would.
 */
export function quotesInBytes(bytes: Buffer, end: number, delimiter: number): boolean {
  for (let q = bytes.indexOf(QUOTE); q !== -1 && q < end; ) {
    const before = q === 0 ? LF : bytes[q - 1];
    if (before !== delimiter && !isBreak(before)) {
      // Inside a field that started without a quote: Papa Parse keeps it as text.
      q = bytes.indexOf(QUOTE, q + 1);
      continue;
    }
    let close = q + 1;
    for (; close < end; close++) {
      const b = bytes[close];
      if (isBreak(b)) return false;
      if (b === QUOTE) {
        if (bytes[close + 1] !== QUOTE) break;
        close++;
      }
    }
    if (close >= end) return false;
    const after = bytes[close + 1];
    if (after !== delimiter && !isBreak(after)) return false;
    q = bytes.indexOf(QUOTE, close + 1);
  }
  return true;
}
