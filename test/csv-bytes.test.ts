import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { papaEvents } from './helpers/papa-events.js';
import { tempFiles } from './helpers/temp-files.js';
import { quotesInLines, readCsv, type CsvEvent, type ReadOverrides } from '../src/load/csv.js';
import { quotesInBytes, readCsvPacked } from '../src/load/csv-bytes.js';
import { RowPacker, RowUnpacker } from '../src/load/csv-pack.js';
import type { ByteSource } from '../src/load/text.js';

// A file on disk is read 64 KB at a time, each read cut after its last line feed; a member of an
// archive comes in chunks cut anywhere. Both are read here, over several chunks.
const CHUNK = 64 * 1024;

const fileOf = tempFiles('akt-bytes-');

/** The bytes as a stream, cut at the given places (sorted, within the bytes). */
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

type Seen = { kind: string; line?: number; fields?: string[]; code?: string; sha256?: string; undecodable?: number; encoding?: string; delimiter?: string };

/** What the parsing thread sends for a file, its packed batches unpacked to rows. */
async function byBytes(file: ByteSource, overrides: ReadOverrides, packer: RowPacker): Promise<Seen[]> {
  const unpacker = new RowUnpacker();
  const out: Seen[] = [];
  for await (const ev of readCsvPacked(file, overrides, packer)) {
    if (ev.kind === 'packed') {
      const cells = unpacker.unpack(ev);
      let k = 0;
      for (let i = 0; i < cells.lines.length; i++) {
        const w = cells.widths[i]!;
        out.push({ kind: 'row', line: cells.lines[i]!, fields: cells.cells.slice(k, k + w) });
        k += w;
      }
    } else if (ev.kind === 'rows') for (const r of ev.rows) out.push({ kind: 'row', line: r.line, fields: r.fields });
    else out.push(seen(ev));
  }
  return out;
}

function seen(ev: CsvEvent): Seen {
  if (ev.kind === 'error') return { kind: ev.kind, line: ev.line, code: ev.code };
  return ev as Seen;
}

/** What readCsv (the text path) gives for it. */
async function byText(file: ByteSource, overrides: ReadOverrides): Promise<Seen[]> {
  const out: Seen[] = [];
  for await (const ev of readCsv(file, overrides)) out.push(ev.kind === 'row' ? { kind: 'row', line: ev.line, fields: ev.fields } : seen(ev));
  return out;
}

const enc = (s: string) => Buffer.from(s);
/** Bytes that are no character in UTF-8: a lone lead byte, a continuation byte, a character cut short, an over-long form. */
const invalid = fc.constantFrom(Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0x80]), Buffer.from([0xe2, 0x82]), Buffer.from([0xf0, 0x9f, 0x98]), Buffer.from([0xc0, 0xaf]));
const unit = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('a', 'b', 'å', 'ä', 'ö', 'Ö', '€', '😀', ' ', '1', '-', '2009-07-18', '2011-06-01').map(enc) },
  { weight: 3, arbitrary: fc.constantFrom('"', ',', ';', '\t', '\n', '\r\n', '\r', '\u001f', '\uFFFD', '\ufeff').map(enc) },
  { weight: 1, arbitrary: invalid },
);
const plain = fc.array(unit, { maxLength: 8 }).map((u) => Buffer.concat(u));
const quoted = fc.array(unit, { maxLength: 8 }).map((u) => Buffer.concat([enc('"'), ...u.map((b) => Buffer.from(b.toString('latin1').replace(/"/g, '""'), 'latin1')), enc('"')]));
const cell = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('', 'Handläggare 6', 'Delta på jobbtorget.', '2010-02-17', 'A-0000001').map(enc) }, { weight: 3, arbitrary: plain }, { weight: 2, arbitrary: quoted });

/** A table: header, then the rows again and again up to about `size` bytes, with a long cell somewhere if asked. */
function table(header: Buffer[], rows: Buffer[][], d: string, breaks: string[], size: number, bom: boolean, long: Buffer | null): Buffer {
  const parts: Buffer[] = bom ? [enc('\ufeff')] : [];
  const line = (cells: Buffer[], i: number) => Buffer.concat([...cells.flatMap((c, j) => (j === 0 ? [c] : [enc(d), c])), enc(breaks[i % breaks.length]!)]);
  parts.push(line(header, 0));
  let length = 0;
  for (let i = 0; length < size; i++) {
    const row = rows[i % rows.length]!;
    const b = line(row, i);
    parts.push(b);
    length += b.length;
    if (long && i === 3) {
      parts.push(line([long, ...row.slice(1)], i));
      length += long.length;
    }
  }
  return Buffer.concat(parts);
}

const delimiterArb = fc.constantFrom(',', ';', '\t');
const tableArb = fc.record({
  d: delimiterArb,
  header: fc.oneof({ weight: 4, arbitrary: fc.constant(['caseId', 'datum', 'text'].map(enc)) }, { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: 4 }) }),
  rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
  breaks: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 }),
  size: fc.integer({ min: 0, max: 3 * CHUNK }),
  bom: fc.boolean(),
  long: fc.option(fc.constantFrom('ö', 'a😀', 'xy', 'å"').map((s) => enc(s.repeat(Math.ceil((CHUNK + 100) / s.length)))), { freq: 4 }),
  limit: fc.constantFrom(2, 5, 1000, 1 << 16),
  trial: fc.constantFrom(8, 64, 32_768),
  given: fc.boolean(),
  // Bytes that are no UTF-8 in the first 64 KB make the file windows-1252, unless UTF-8 is asked for.
  utf8: fc.boolean(),
});

describe('a CSV file packed from its UTF-8 bytes', () => {
  it('gives the events of the text path: rows, lines, header, problems, hash and bad characters', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, async ({ d, header, rows, breaks, size, bom, long, limit, trial, given, utf8 }) => {
        const bytes = table(header, rows, d, breaks, size, bom, long);
        const file = fileOf(bytes);
        const overrides: ReadOverrides = { ...(given ? { delimiter: d } : {}), ...(utf8 ? { encoding: 'utf-8' } : {}) };
        expect(await byBytes(file, overrides, new RowPacker(limit, trial))).toEqual(await byText(file, overrides));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same from a stream cut anywhere (a member of an archive), characters split between chunks', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, fc.array(fc.nat(), { maxLength: 40 }), async ({ d, header, rows, breaks, bom, limit, trial }, cuts) => {
        const bytes = table(header, rows, d, breaks, 3000, bom, null);
        const source = streamOf(bytes, cuts);
        const overrides: ReadOverrides = { delimiter: d, encoding: 'utf-8' };
        expect(await byBytes(source, overrides, new RowPacker(limit, trial))).toEqual(await byText(source, overrides));
      }),
      { numRuns: 400 },
    );
  });

  it('reads valid UTF-8 as Papa Parse reads its whole text', async () => {
    const valid = fc.array(fc.array(fc.oneof(fc.constantFrom('', 'å', 'Handläggare 6', '😀x', '2010-02-17'), fc.string({ unit: fc.constantFrom('a', 'ö', '"', ',', ' '), maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`)), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(valid, fc.constantFrom('\n', '\r\n'), fc.integer({ min: 0, max: 2 * CHUNK }), async (rows, br, size) => {
        const text = table(['a', 'b'].map(enc), rows.map((r) => r.map(enc)), ',', [br], size, false, null).toString();
        const got = (await byBytes(fileOf(enc(text)), { delimiter: ',' }, new RowPacker())).filter((e) => e.kind === 'header' || e.kind === 'row');
        expect(got).toEqual(papaEvents(text, ','));
      }),
      { numRuns: 30 },
    );
  });

  it('counts replacement characters in the file and those made of bad bytes', async () => {
    const bytes = Buffer.concat([enc('a,b\n\uFFFD,x\n'), Buffer.from([0xff, 0x2c, 0x79, 0x0a]), enc('ö,\uFFFD\n')]);
    const got = await byBytes(fileOf(bytes), { encoding: 'utf-8' }, new RowPacker());
    expect(got.filter((e) => e.kind === 'row').map((e) => e.fields)).toEqual([
      ['\uFFFD', 'x'],
      ['\uFFFD', 'y'],
      ['ö', '\uFFFD'],
    ]);
    expect(got.at(-1)).toMatchObject({ kind: 'end', undecodable: 3 });
  });

  it('reads on after an empty chunk of a stream (no line break looked for in the bytes read before)', async () => {
    const bytes = enc(`a,b\n${'1,ö\n'.repeat(50)}`);
    const source = streamOf(bytes, [4, 100, bytes.length]);
    expect(await byBytes(source, { encoding: 'utf-8' }, new RowPacker())).toEqual(await byText(source, { encoding: 'utf-8' }));
  });

  it('does not take a cell for the quoted value above it that holds a delimiter', async () => {
    // The value above, its doubled quote made single, stands apart from the file's bytes, at the
    // same offset as the cell below in them.
    const text = 'a,b,c\n"x"",y",1,2\nx",y,2\n';
    const source = streamOf(enc(text), [6]);
    const rows = (await byBytes(source, { encoding: 'utf-8' }, new RowPacker())).filter((e) => e.kind === 'row').map((e) => e.fields);
    expect(rows).toEqual([
      ['x",y', '1', '2'],
      ['x"', 'y', '2'],
    ]);
  });

  it('keeps the line of a problem after lines cut from the bytes', async () => {
    const text = `a,b\r\n1,2\r\n\r\n3,"4"\r5,6\n7,"never closed\n8,9\n`;
    const got = await byBytes(fileOf(enc(text)), {}, new RowPacker());
    expect(got).toEqual(await byText(fileOf(enc(text)), {}));
    expect(got.find((e) => e.kind === 'error')).toEqual({ kind: 'error', line: 6, code: 'unterminated-quote' });
  });
});

describe('quotesInBytes', () => {
  it('agrees with the text check on lines whose breaks are LF, CRLF or CR', () => {
    const line = fc.array(fc.constantFrom('a', '"', ',', '""', 'ö'), { maxLength: 10 }).map((u) => u.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, br) => {
        const text = lines.map((l) => l + br).join('');
        const bytes = enc(text);
        const lf = text.replace(/\r\n?/g, '\n');
        expect(quotesInBytes(bytes, bytes.length, 44)).toBe(quotesInLines(lf, lf.length, ','));
      }),
      { numRuns: 300 },
    );
  });
});
