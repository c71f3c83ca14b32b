import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempFiles } from './helpers/temp-files.js';
import { ndjsonLines } from '../src/load/json.js';
import { Grow } from '../src/load/json-pack.js';
import { cutLines, ndjsonPieces } from '../src/load/ndjson-bytes.js';
import type { ByteSource } from '../src/load/text.js';

// A file on disk is read 64 KB at a time, each read cut after its last line feed; a member of an
// archive comes in chunks cut anywhere. Both are read here, over several chunks.
const CHUNK = 64 * 1024;
const fileOf = tempFiles('akt-ndjson-bytes-');

/** The bytes as a stream, cut at the given places. */
function streamOf(bytes: Uint8Array, cuts: number[]): ByteSource {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  return () => {
    const parts: Buffer[] = [];
    let from = 0;
    for (const c of [...at, bytes.length]) {
      parts.push(Buffer.from(bytes.subarray(from, c)));
      from = c;
    }
    return Readable.from(parts);
  };
}

type Seen = { kind: string; line?: number; text?: string; encoding?: string; sha256?: string; undecodable?: number };

/** The lines of the text path (ndjsonLines), one by one, with their numbers. */
async function byText(file: ByteSource, encoding: string | undefined): Promise<Seen[]> {
  const out: Seen[] = [];
  for await (const ev of ndjsonLines(file, encoding)) {
    if (ev.kind === 'lines') ev.texts.forEach((text, i) => out.push({ kind: 'line', line: ev.first + i, text }));
    else out.push(ev);
  }
  return out;
}

/** The lines as the NDJSON thread cuts them (ndjsonPieces, cutLines), each decoded. */
async function byBytes(file: ByteSource, encoding: string | undefined): Promise<Seen[]> {
  const out: Seen[] = [];
  const cuts = new Grow(new Int32Array(4));
  let line = 0;
  for await (const ev of ndjsonPieces(file, encoding)) {
    if (ev.kind === 'bytes') {
      cutLines(ev.bytes, ev.start, ev.end, cuts);
      for (let i = 0; i < cuts.length; i += 2) out.push({ kind: 'line', line: ++line, text: ev.bytes.toString('utf8', cuts.data[i], cuts.data[i + 1]) });
    } else if (ev.kind === 'text') {
      for (const text of ev.text.slice(ev.start, ev.end).split('\n')) out.push({ kind: 'line', line: ++line, text });
    } else out.push(ev);
  }
  return out;
}

/** Pieces of a line: JSON, characters of one to four bytes, bytes that are no UTF-8, and line breaks of every kind. */
const piece = fc.oneof(
  fc.constantFrom('{"caseId":"A-1","goal":"Själv', 'försörjning 😀","n":-0.5}', '{"x":["ä","€"]}', '  ', '', 'inte json', '"\\u00e5\\"'),
  fc.string({ unit: fc.constantFrom('a', 'å', '€', '😀', '{', '"', ' ', '1', '\\', ','), maxLength: 12 }),
).map((s) => Buffer.from(s));
const bad = fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xef, 0xbf, 0xbd]).map((b) => Buffer.from(b));
const lineBreak = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\r\n').map((s) => Buffer.from(s));

describe('NDJSON read as UTF-8 bytes', () => {
  it('cuts the lines the text path cuts, with the same text, hash and count of bad characters, wherever its chunks end', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 5, arbitrary: piece }, { weight: 1, arbitrary: bad }, { weight: 3, arbitrary: lineBreak }), { maxLength: 40 }),
        fc.boolean(),
        fc.constantFrom(0, 1, 2 * CHUNK + 7),
        fc.constantFrom(undefined, 'utf-8'),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (parts, bom, size, encoding, cuts) => {
          const one = Buffer.concat(parts);
          // Repeated to `size` bytes or more, so that a file's reads end anywhere in its lines.
          const copies = one.length === 0 ? 1 : Math.max(1, Math.ceil(size / one.length));
          const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), ...Array.from({ length: copies }, () => one)]);
          const file = fileOf(bytes);
          const expected = await byText(file, encoding);
          expect(await byBytes(file, encoding)).toEqual(expected);
          expect(await byBytes(streamOf(bytes, cuts), encoding)).toEqual(await byText(streamOf(bytes, cuts), encoding));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('cuts a stretch after LF, CRLF and a lone CR, a CR at its end a line break of its own', () => {
    const cuts = new Grow(new Int32Array(2));
    const bytes = Buffer.from('a\r\nb\rc\n\nd\r');
    cutLines(bytes, 0, bytes.length, cuts);
    expect(Array.from(cuts.data.subarray(0, cuts.length))).toEqual([0, 1, 3, 4, 5, 6, 7, 7, 8, 9]);
  });
});
