import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { papaEvents } from './helpers/papa-events.js';
import { quotesInLines, readCsv, readCsvChunks, rowsOfLines, type CsvEvent } from '../src/load/csv.js';
import { dayAt } from '../src/load/csv-dict.js';
import { RowPacker, type PackedRows } from '../src/load/csv-pack.js';

const dir = mkdtempSync(path.join(tmpdir(), 'akt-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function readEvents(text: string, delimiter: string): Promise<{ kind: string; line: number; fields: string[] }[]> {
  const file = path.join(dir, `t${n++}.csv`);
  writeFileSync(file, text);
  const out = [];
  for await (const ev of readCsv(file, { delimiter }) as AsyncGenerator<CsvEvent>) if (ev.kind === 'header' || ev.kind === 'row') out.push({ kind: ev.kind, line: ev.line, fields: ev.fields });
  return out;
}

// Cells of every kind the split must leave as Papa does: empty, spaces, other delimiters, letters outside ASCII, a byte-order mark.
const plainCell = fc.string({ unit: fc.constantFrom('a', 'Ö', ' ', ',', ';', '\t', '|', '1', '-', '\ufeff'), maxLength: 8 });
const quotedCell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' '), maxLength: 6 }).map((c) => `"${c.replace(/"/g, '""')}"`);
const eol = fc.constantFrom('\n', '\r\n', '\r');

describe('a text without quotes, split at line breaks and delimiters rather than parsed', () => {
  it('gives the records, header and line numbers Papa Parse gives, quoted parts of the file or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.oneof({ weight: 5, arbitrary: plainCell }, { weight: 1, arbitrary: quotedCell }), { minLength: 1, maxLength: 5 }), { maxLength: 12 }),
        fc.constantFrom(',', ';', '\t', '|'),
        eol,
        fc.boolean(),
        async (rows, delimiter, br, endsWithBreak) => {
          const text = rows.map((r) => r.join(delimiter)).join(br) + (endsWithBreak ? br : '');
          expect(await readEvents(text, delimiter)).toEqual(papaEvents(text, delimiter));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('across chunks of the file: texts of hundreds of kilobytes, quotes in some parts only, empty lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 20, arbitrary: fc.array(plainCell, { minLength: 1, maxLength: 6 }) }, { weight: 1, arbitrary: fc.array(quotedCell, { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: fc.constant(['']) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer({ min: 200, max: 6000 }),
        fc.constantFrom(',', ';'),
        eol,
        async (block, times, delimiter, br) => {
          // A block repeated, so that the file spans several chunks and records are cut at their edges;
          // each record numbered in a cell of its own, so that every quote opens a field, as in a well-formed file.
          const lines: string[] = [];
          for (let i = 0; i < times; i++) for (const r of block) lines.push(r.length === 1 && r[0] === '' ? '' : [i, ...r].join(delimiter));
          const text = lines.join(br);
          expect(await readEvents(text, delimiter)).toEqual(papaEvents(text, delimiter));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('comes as lines of the text only when the text has no quote or well-formed ones; a delimiter Papa Parse refuses goes through it', async () => {
    const kinds = async (text: string, delimiter: string) => {
      const file = path.join(dir, `k${n++}.csv`);
      writeFileSync(file, text);
      const out: string[] = [];
      for await (const ev of readCsvChunks(file, { delimiter })) out.push(ev.kind);
      return out;
    };
    expect(await kinds('a,b\n1,2\n3,4\n', ',')).toEqual(['format', 'header', 'lines', 'end']);
    expect(await kinds('a,b\n1,"2"\n3,4\n', ',')).toEqual(['format', 'header', 'lines', 'end']);
    // A quote in the header, or one that is not well-formed, and Papa Parse reads the text.
    expect(await kinds('"a",b\n1,"2"\n3,4\n', ',')).toEqual(['format', 'header', 'rows', 'end']);
    expect(await kinds('a,b\n1,"2" \n3,4\n', ',')).toEqual(['format', 'header', 'rows', 'end']);
    // Papa Parse reads with a comma when given a byte-order mark as delimiter.
    expect(await kinds('a,b\n1\ufeff2\n', '\ufeff')).toEqual(['format', 'header', 'rows', 'end']);
    expect(await readEvents('a,b\n1\ufeff2,3\n', '\ufeff')).toEqual(papaEvents('a,b\n1\ufeff2,3\n', '\ufeff'));
  });
});

describe('a text with quotes, cut at its delimiters when every quote is well-formed', () => {
  // Quotes where a well-formed file has none: inside a field, after a closing quote, spaces around
  // one, a quote never closed, quoted line breaks.
  const oddCell = fc.constantFrom('a"b', '"a"b', '"a"  ', ' "a"', '"a\nb"', '"a\r\nb"', '""', '"', '"a\n', 'x"\n"y');

  it('gives the records and line numbers Papa Parse gives the whole text, over many chunks', async () => {
    // Quoted line breaks only in the odd line: a text with one goes through Papa Parse whole.
    const quotedFlat = fc.string({ unit: fc.constantFrom('a', ',', ';', '"', ' ', 'ö'), maxLength: 6 }).map((c) => `"${c.replace(/"/g, '""')}"`);
    const cell = fc.oneof({ weight: 3, arbitrary: plainCell }, { weight: 2, arbitrary: quotedFlat });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.oneof(cell, oddCell), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.nat({ max: 200 }),
        fc.constantFrom(',', ';'),
        eol,
        async (block, odd, times, at, delimiter, br) => {
          // A block of lines repeated (past the first chunk of 64 KB, which holds the header), every
          // other time numbered in a first cell of its own, and one line with odd quotes among them.
          const lines = ['h1,h2'];
          for (let i = 0; i < times; i++) for (const r of block) lines.push((i % 2 === 0 ? r : [i, ...r]).join(delimiter));
          lines.splice(1 + Math.min(at * 50, lines.length - 1), 0, odd.join(delimiter));
          const text = lines.join(br);
          expect(await readEvents(text, delimiter)).toEqual(papaEvents(text, delimiter));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('comes as lines of the text with quotes, after the first chunk', async () => {
    const file = path.join(dir, `q${n++}.csv`);
    const body = Array.from({ length: 30_000 }, (_, i) => (i % 3 === 0 ? `${i},"a, ""b"""` : `${i},c`)).join('\n');
    writeFileSync(file, `h1,h2\n${body}\n`);
    const kinds = new Set<string>();
    for await (const ev of readCsvChunks(file, { delimiter: ',' })) if (ev.kind === 'lines') kinds.add(ev.quotes ? 'lines with quotes' : 'lines');
    expect(kinds).toEqual(new Set(['lines with quotes']));
  });

  // Cells that are well-formed quoted fields or plain ones, and cells that are not (a quote not
  // closed, closed before other text or spaces, spanning a line break, stray quotes inside a field).
  const anyCell = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom('a', 'ö', ' ', ',', ';', '"'), maxLength: 6 }).map((c) => `"${c.replace(/"/g, '""')}"`) },
    { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom('a', 'Ö', ' ', '\ufeff', '-'), maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', '"', ' ', ',', ';', '\n'), maxLength: 6 }) },
  );

  it('are well-formed only where Papa Parse reads each line as one record, as cut here', () => {
    let wellFormed = 0;
    fc.assert(
      fc.property(fc.array(fc.array(anyCell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 10 }), fc.constantFrom(',', ';', '\t', '|'), (records, delimiter) => {
        const body = records.map((r) => `${r.join(delimiter)}\n`).join('');
        // Text after the lines is not theirs: a quote there must not be taken for a closing one.
        const text = `${body}x"`;
        if (!quotesInLines(text, body.length, delimiter)) return;
        wellFormed++;
        const parsed = new Papa.Parser({ delimiter, newline: '\n' }).parse(body, 0, false) as { data: string[][]; errors: unknown[] };
        const lines = body.split('\n').length - 1;
        // One record per line, and the empty one after the last line break.
        expect(parsed.errors).toEqual([]);
        expect(parsed.data).toHaveLength(lines + 1);
        const expected = parsed.data.slice(0, lines).flatMap((fields, i) => (fields.length === 1 && fields[0] === '' ? [] : [{ kind: 'row', line: i + 1, fields }]));
        expect(rowsOfLines({ kind: 'lines', text, start: 0, end: body.length, line: 1, delimiter, quotes: true })).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
    expect(wellFormed).toBeGreaterThan(200);
  });

  it('are so for quoted fields holding delimiters and doubled quotes, and not for a quote closed before spaces or text', () => {
    const good = 'a,"b, ""c""",d\n"",x"y\n""\n';
    expect(quotesInLines(good, good.length, ',')).toBe(true);
    for (const bad of ['a,"b" ,d\n', 'a,"b"c,d\n', 'a,"b\nc",d\n', 'a,"b\n', 'a,"b""\n']) expect(quotesInLines(bad, bad.length, ','), bad).toBe(false);
  });
});

describe('lines packed straight from the text', () => {
  // Few values, so that codes and the cell above repeat; the separator, which sends a batch plain.
  // Dates, which are looked up by their digits, and values of ten characters that are not quite dates.
  // Dates a dictionary finds by their day (dayAt) and dates it finds only by their number (month or
  // day out of range, years before 1900 or after 2099).
  const date = fc.constantFrom('2011-01-01', '2011-01-02', '2011-02-01', '2012-01-01', '1999-12-31', '1900-01-01', '2099-12-31', '2011-13-01', '2011-00-10', '2011-01-32', '1899-12-31', '2100-01-01', '2011-0a-01', '2011-01-0-', '2011/01/01', '20110-1-01', '-011-01-01');
  const cell = fc.oneof(fc.constantFrom('', 'a', 'b', 'Egen försörjning genom arbete', 'x\u001fy', 'K-1', 'K-2', 'a, "b"; c', '"', '""'), date);
  const batch = fc.record({
    rows: fc.array(fc.oneof({ weight: 6, arbitrary: fc.array(cell, { minLength: 1, maxLength: 5 }) }, { weight: 1, arbitrary: fc.constant([] as string[]) }), { maxLength: 8 }),
    lead: fc.string({ unit: fc.constantFrom('x', ',', '\n'), maxLength: 4 }),
    // Which lines are written with their cells quoted (a cell holding a quote or the delimiter always is); `""` alone on its line is no row.
    quotes: fc.array(fc.constantFrom('none', 'quoted', 'empty'), { maxLength: 8 }),
  });

  it('pack lines after a line of thousands of cells as they pack rows, without room for thousands per line', () => {
    const byLines = new RowPacker();
    const byRows = new RowPacker();
    const wide = Array.from({ length: 5000 }, (_, i) => `c${i % 7}`).join(',');
    const narrow = Array.from({ length: 400 }, (_, i) => `K-${i},2011-01-0${i % 9}`).join('\n');
    let line = 2;
    for (const body of [`${wide}\n`, `${narrow}\n${wide}\n${narrow}\n`, `${narrow}\n`]) {
      const l = { kind: 'lines' as const, text: body, start: 0, end: body.length, line, delimiter: ',' };
      line += body.split('\n').length - 1;
      const got = byLines.packLines(l)!;
      expect(got).toEqual(byRows.pack(rowsOfLines(l)));
      // Sent as it is: the codes array has no room left over that a copy would cut away.
      if (got.kind === 'packed') expect(got.codes.buffer.byteLength).toBe(4 * got.codes.length);
    }
  });

  it('pack lines and rows in turns on one packer as rows alone, a batch sent plain taking back its dates', () => {
    // Each batch as lines on one packer and as rows on the other; a value with the separator sends a
    // batch of rows plain, which must forget the dates it added, or the next lines would find them.
    const dates = fc.constantFrom('2011-01-01', '2011-01-02', '2012-03-04', '2011-13-01', 'x\u001fy', 'a');
    const rowsOf = fc.array(fc.array(dates, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(rowsOf, fc.boolean()), { maxLength: 8 }), fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant(1 << 16)), (batches, limit) => {
        const mixed = new RowPacker(limit, 1000);
        const byRows = new RowPacker(limit, 1000);
        let line = 2;
        for (const [rows, asLines] of batches) {
          const body = rows.map((r) => `${r.join(',')}\n`).join('');
          const l = { kind: 'lines' as const, text: body, start: 0, end: body.length, line, delimiter: ',' };
          line += rows.length;
          const expected = byRows.pack(rowsOfLines(l));
          const got = asLines ? mixed.packLines(l) : mixed.pack(rowsOfLines(l));
          expect(got).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('find the day of a date within its text, and none for anything else', () => {
    expect(dayAt('x,1900-01-01,', 2)).toBe(0);
    expect(dayAt('1900-02-01', 0)).toBe(31);
    expect(dayAt('2099-12-31', 0)).toBe(200 * 12 * 31 - 1);
    for (const text of ['1899-12-31', '2100-01-01', '2011-13-01', '2011-00-01', '2011-01-00', '2011-01-32', '2011/01/01', '2011-01-0', '2011-0a-01', ' 2011-01-0']) expect(dayAt(text, 0), text).toBe(-1);
    const days = new Set<number>();
    for (let y = 1990; y < 2015; y++) for (let m = 1; m <= 12; m++) for (let d = 1; d <= 31; d++) days.add(dayAt(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, 0));
    expect(days.size).toBe(25 * 12 * 31);
  });

  it('pack as the same rows packed one by one, batch after batch', () => {
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 8 }), fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant(1 << 16)), fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(1000)), fc.constantFrom(',', ';'), (batches, limit, trial, delimiter) => {
        const byLines = new RowPacker(limit, trial);
        const byRows = new RowPacker(limit, trial);
        let line = 2;
        for (const { rows, lead, quotes } of batches) {
          // The lines stand in a longer text, after text that is not theirs; a line marked quoted has
          // all its cells quoted, and any other some (those holding a quote or the delimiter at least).
          const body = rows
            .map((r, i) => {
              const q = r.length > 0 ? (quotes[i] ?? 'none') : 'none';
              const must = r.some((c) => c.includes('"') || c.includes(delimiter));
              if (q === 'none' && !must) return `${r.join(delimiter)}\n`;
              if (q === 'empty') return '""\n';
              return `${r.map((c, j) => (j % 2 === 0 || q === 'quoted' || c.includes('"') || c.includes(delimiter) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)}\n`;
            })
            .join('');
          const text = `${lead}${body}tail"`;
          const quotesIn = body.includes('"');
          const l = { kind: 'lines' as const, text, start: lead.length, end: lead.length + body.length, line, delimiter, ...(quotesIn && { quotes: true as const }) };
          if (quotesIn) expect(quotesInLines(body, body.length, delimiter)).toBe(true);
          // The rows are the ones written, but for empty lines and `""`.
          const written = rows.filter((r, i) => r.length > 0 && !(r.length === 1 && r[0] === '') && (quotes[i] ?? 'none') !== 'empty');
          expect(rowsOfLines(l).map((r) => r.fields)).toEqual(written);
          line += rows.length;
          const expected = rowsOfLines(l);
          const got: PackedRows | undefined = byLines.packLines(l);
          if (expected.length === 0) expect(got).toBeUndefined();
          else expect(got).toEqual(byRows.pack(expected));
        }
      }),
      { numRuns: 300 },
    );
  });
});
