import { ndjsonText, type NdjsonText } from './json.js';
import { detectEncoding, readSample, utf8Chunks, type ByteSource, type TextTally } from './text.js';
import { afterLastBreak } from './csv-bytes.js';
import type { Grow } from './json-pack.js';
import { roomFor } from './csv-dict.js';

const LF = 10;
const CR = 13;

/**
 * An NDJSON file as the NDJSON thread scans it: a UTF-8 file (nearly every export) as its bytes,
 * in stretches of whole lines (`bytes` from `start` to `end`, each line ended by LF, CRLF or a lone
 * CR but perhaps the file's last, a 0 after that one), valid UTF-8 whose text is ndjsonText's
 * (utf8Chunks); any other encoding as ndjsonText's text. Decoding all of a file's text was a sixth
 * of the thread's time, and only the values it sends need it. A stretch is good only until the
 * next is asked for.
 */
export type NdjsonPiece = NdjsonText | { kind: 'bytes'; bytes: Buffer; start: number; end: number };

export async function* ndjsonPieces(file: ByteSource, encoding?: string): AsyncGenerator<NdjsonPiece> {
  const detected = detectEncoding(await readSample(file), encoding);
  if ('binary' in detected || detected.encoding !== 'utf-8') {
    yield* ndjsonText(file, encoding);
    return;
  }
  yield { kind: 'format', encoding: detected.encoding };
  const tally: TextTally = { sha256: '', undecodable: 0 };
  // The bytes after the last line break so far, then the next chunk.
  let pending = Buffer.allocUnsafe(1 << 17);
  let length = 0;
  for await (const chunk of utf8Chunks(file, tally)) {
    // A chunk of whole lines (most: readChunks cuts after a line feed) is scanned where it stands.
    if (length === 0 && chunk.length > 0 && chunk[chunk.length - 1] === LF) {
      yield { kind: 'bytes', bytes: chunk, start: 0, end: chunk.length };
      continue;
    }
    pending = roomFor(pending, length, chunk.length + 1);
    pending.set(chunk, length);
    length += chunk.length;
    const cut = afterLastBreak(pending, length);
    if (cut === 0) continue;
    yield { kind: 'bytes', bytes: pending, start: 0, end: cut };
    pending.copy(pending, 0, cut, length);
    length -= cut;
  }
  if (length > 0) {
    pending = roomFor(pending, length, 1);
    pending[length] = 0;
    yield { kind: 'bytes', bytes: pending, start: 0, end: length };
  }
  yield { kind: 'end', sha256: tally.sha256, undecodable: tally.undecodable };
}

/**
 * The lines of a stretch (ndjsonPieces' `bytes` from `start` to `end`), each as where it starts and
 * where its line break (or the stretch's end) stands, put in `out` after one another: LF, CRLF and a
 * lone CR end a line, as lineFeeds makes them LF for the text path.
 */
export function cutLines(bytes: Buffer, start: number, end: number, out: Grow<Int32Array>): void {
  out.length = 0;
  // Most files have no CR: then only line feeds are looked for. The next CR is kept, not looked for per line.
  let cr = bytes.indexOf(CR, start);
  if (cr >= end) cr = -1;
  while (start < end) {
    let stop = bytes.indexOf(LF, start);
    if (stop < 0 || stop > end) stop = end;
    if (cr >= 0) {
      if (cr < start) {
        cr = bytes.indexOf(CR, start);
        if (cr >= end) cr = -1;
      }
      if (cr >= 0 && cr < stop) stop = cr;
    }
    out.push(start);
    out.push(stop);
    start = bytes[stop] === CR && stop + 1 < end && bytes[stop + 1] === LF ? stop + 2 : stop + 1;
  }
}
