import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { papaEvents } from './helpers/papa-events.js';
import { tempFiles } from './helpers/temp-files.js';
import { readCsvChunks } from '../src/load/csv.js';
import { RowPacker, RowUnpacker } from '../src/load/csv-pack.js';
import { ndjsonText } from '../src/load/json.js';
import { countReplacements, decodeFile, type TextTally } from '../src/load/text.js';

// A file on disk is read 64 KB at a time (text.ts), each chunk cut after its last line feed: these
// files run over several chunks, so lines, CRLF pairs and characters of two or three bytes stand
// across the reads' edges.
const CHUNK = 64 * 1024;

const fileOf = tempFiles('akt-chunks-');

/** A text of about `size` characters: the pieces again and again, so that every kind stands at some chunk edge. */
function repeated(pieces: string[], size: number): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const p = pieces[i % pieces.length]!;
    out.push(p);
    length += p.length;
  }
  return out.join('');
}

const piece = fc.string({ unit: fc.constantFrom('a', 'å', 'ä', 'ö', 'Ö', '€', '😀', ',', ';', '"', ' ', '\n', '\r\n', '\r', '1', '\ufeff'), minLength: 1, maxLength: 40 });

describe('a file read in chunks that end at a line feed', () => {
  it('decodes to the text, hash and count of bad characters of the whole file, each chunk but the last ending a line', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 4 * CHUNK }),
        fc.constantFrom('utf-8', 'windows-1252', 'utf-16le'),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 4 }),
        async (pieces, size, encoding, bom, stray) => {
          const text = (bom ? '\ufeff' : '') + repeated(pieces, size);
          let bytes: Uint8Array =
            encoding === 'utf-16le' ? Buffer.from(text, 'utf16le') : encoding === 'utf-8' ? Buffer.from(text, 'utf8') : Buffer.from(Array.from(text, (ch) => (ch.charCodeAt(0) > 0xff ? '?' : ch)).join(''), 'latin1');
          // Bytes that are no character in UTF-8 (a lone lead or continuation byte), near the middle.
          if (stray.length > 0) {
            const at = bytes.length >> 1;
            bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(stray), bytes.subarray(at)]);
          }
          const tally: TextTally = { sha256: '', undecodable: 0 };
          const chunks: string[] = [];
          for await (const t of decodeFile(fileOf(bytes), encoding, tally)) chunks.push(t);
          // Streaming, as decodeFile does: Node's one-shot windows-1252 decoding reads latin1 instead.
          const decoder = new TextDecoder(encoding);
          const whole = decoder.decode(bytes, { stream: true }) + decoder.decode();
          expect(chunks.join('')).toBe(whole);
          expect(tally.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
          expect(tally.undecodable).toBe(encoding === 'windows-1252' ? 0 : countReplacements(whole));
          if (encoding !== 'utf-16le') {
            // A chunk that is not the last ends with its line feed, unless 64 KB held none.
            for (const t of chunks.slice(0, -1)) expect(t.endsWith('\n') || !t.includes('\n')).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('holds a line longer than a chunk whole', async () => {
    const long = 'x'.repeat(3 * CHUNK + 17);
    const text = `a\n${long}\nb\n${long}`;
    const tally: TextTally = { sha256: '', undecodable: 0 };
    const chunks: string[] = [];
    for await (const t of decodeFile(fileOf(Buffer.from(text)), 'utf-8', tally)) chunks.push(t);
    expect(chunks.join('')).toBe(text);
  });
});

// Cells as in Swedish exports: empty ones, letters outside ASCII, dates, decimal commas (quoted
// under a comma, plain under a semicolon), quoted cells with delimiters and doubled quotes.
const plainCell = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'å', 'ä', 'Ö', ' ', '1', '-'), maxLength: 14 }),
  fc.constantFrom('2009-07-18', '2011-06-01', '12,5', 'Handläggare 6', ''),
);
const quotedCell = fc.string({ unit: fc.constantFrom('a', 'ö', ',', ';', '"', ' '), maxLength: 10 }).map((c) => `"${c.replace(/"/g, '""')}"`);

describe('CSV tables over many chunks', () => {
  it('are packed to the rows and lines Papa Parse reads from the whole text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.oneof({ weight: 5, arbitrary: plainCell }, { weight: 1, arbitrary: quotedCell }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 9 }),
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: CHUNK, max: 3 * CHUNK }),
        async (rows, delimiter, br, bom, size) => {
          const lines = rows.map((r) => r.join(delimiter) + br);
          const text = `${bom ? '\ufeff' : ''}caseId${delimiter}datum${delimiter}text${br}${repeated(lines, size)}`;
          const file = fileOf(Buffer.from(text));
          const packer = new RowPacker();
          const unpacker = new RowUnpacker();
          const got: { line: number; fields: string[] }[] = [];
          for await (const ev of readCsvChunks(file, { delimiter })) {
            if (ev.kind === 'header') got.push({ line: ev.line, fields: ev.fields });
            const packed = ev.kind === 'lines' ? packer.packLines(ev) : ev.kind === 'rows' ? packer.pack(ev.rows) : undefined;
            if (packed === undefined) continue;
            if (packed.kind === 'rows') {
              for (const r of packed.rows) got.push({ line: r.line, fields: r.fields });
              continue;
            }
            const cells = unpacker.unpack(packed);
            let k = 0;
            for (let i = 0; i < cells.lines.length; i++) {
              const w = cells.widths[i]!;
              got.push({ line: cells.lines[i]!, fields: cells.cells.slice(k, k + w) });
              k += w;
            }
          }
          expect(got).toEqual(papaEvents(text, delimiter).map(({ line, fields }) => ({ line, fields })));
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('NDJSON over many chunks', () => {
  it('gives every line whole, in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: fc.constantFrom('a', 'å', '😀', '{', '"', ' ', '1'), maxLength: 30 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: CHUNK, max: 3 * CHUNK }), fc.constantFrom('\n', '\r\n'), async (texts, size, br) => {
        const text = repeated(texts.map((t) => t + br), size);
        const got: string[] = [];
        for await (const ev of ndjsonText(fileOf(Buffer.from(text)))) {
          if (ev.kind !== 'text') continue;
          got.push(ev.text.slice(ev.start, ev.end));
        }
        // Stretches are whole lines: joined by line feeds, they are the text (its last break left out).
        expect(got.join('\n')).toBe(text.replace(/\r\n/g, '\n').replace(/\n$/, ''));
      }),
      { numRuns: 25 },
    );
  });
});
