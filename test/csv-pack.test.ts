import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExportBuilder } from '../src/ingest/build.js';
import { TableRows } from '../src/ingest/table-rows.js';
import { keyOf } from '../src/load/csv-dict.js';
import { RowPacker, RowUnpacker, type CellRows, type PackedRows } from '../src/load/csv-pack.js';
import type { CsvRow } from '../src/load/csv.js';
import type { CsvTable } from '../src/model/datasets.js';
import { TABLE_COLUMNS } from '../src/model/columns.js';

const row = (line: number, fields: string[]): CsvRow => ({ kind: 'row', line, fields });
/** What the worker sends arrives as a structured clone. */
const send = (p: PackedRows): PackedRows => structuredClone(p);
const plain = (rows: readonly Pick<CsvRow, 'line' | 'fields'>[]) => rows.map((r) => ({ line: r.line, fields: r.fields }));

/** A batch as the main thread reads it: per row its line, its cells and their codes (-1: none). */
function received(unpacker: RowUnpacker, p: PackedRows): { line: number; fields: string[]; codes: number[] }[] {
  if (p.kind === 'rows') return p.rows.map((r) => ({ line: r.line, fields: r.fields, codes: r.fields.map(() => -1) }));
  const { lines, widths, cells, codes }: CellRows = unpacker.unpack(p);
  const out = [];
  for (let i = 0, first = 0; i < lines.length; first += widths[i++]!) {
    out.push({ line: lines[i]!, fields: cells.slice(first, first + widths[i]!), codes: [...codes.subarray(first, first + widths[i]!)] });
  }
  // The cells of the batch lie end to end, nothing before, between or after.
  expect(cells.length).toBe(widths.reduce((a, b) => a + b, 0));
  return out;
}

/** Each batch packed, sent and unpacked, and checked to arrive as it went; `seen` gets what arrived. */
function roundTrip(packer: RowPacker, batchFields: string[][][], seen: (sent: PackedRows, out: ReturnType<typeof received>) => void): void {
  const unpacker = new RowUnpacker();
  let line = 2;
  for (const fields of batchFields) {
    const rows = fields.map((f) => row(line++, f));
    const sent = send(packer.pack(rows));
    const out = received(unpacker, sent);
    expect(plain(out)).toEqual(plain(rows));
    seen(sent, out);
  }
}

describe('rows packed by the parsing thread', () => {
  // Few distinct values, so that codes repeat; the separator and empty texts, which must survive.
  const cell = fc.constantFrom('', 'a', 'b', ' a', '2011-01-01', 'x\u001fy', 'ö\nä', 'Egen försörjning genom arbete');
  const batches = fc.array(fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { maxLength: 6 }), { maxLength: 8 });

  it('unpack to the same rows, batch after batch; equal codes in a column mean equal values, and -2 the last text again', () => {
    fc.assert(
      fc.property(batches, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), (batchFields, limit, trial) => {
        const byCode = new Map<string, string>();
        // Per column the last value that came as text (-1), which -2 repeats.
        const lastText: string[] = [];
        roundTrip(new RowPacker(limit, trial), batchFields, (sent, out) => {
          // Rows sent plain carry no codes: the receiver never sees them as texts.
          if (sent.kind === 'rows') return;
          for (const r of out) {
            r.fields.forEach((v, c) => {
              const code = r.codes[c]!;
              if (code === -2) expect(v).toBe(lastText[c]);
              if (code < 0) {
                lastText[c] = v;
                return;
              }
              const key = `${c}:${code}`;
              expect(byCode.get(key) ?? v).toBe(v);
              byCode.set(key, v);
            });
          }
        });
      }),
    );
  });

  it('give each of many values its own code, dates (looked up by their digits) and texts alike', () => {
    // More distinct values than a dictionary compares one by one; dates, and texts that only look like them.
    const digit = fc.constantFrom('0', '1', '2', '9');
    const date = fc.tuple(fc.array(digit, { minLength: 4, maxLength: 4 }), fc.array(digit, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 2, maxLength: 2 })).map(([y, m, d]) => `${y.join('')}-${m.join('')}-${d.join('')}`);
    const nearDate = fc.oneof(date.map((d) => ` ${d.slice(1)}`), date.map((d) => `${d.slice(0, 9)}x`), date.map((d) => d.replace('-', '/')), date.map((d) => d.slice(0, 9)));
    const cell = fc.oneof(date, nearDate, fc.string({ maxLength: 3 }), fc.constantFrom('x\u001fy'));
    fc.assert(
      fc.property(fc.array(fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { maxLength: 30 }), { maxLength: 6 }), fc.integer({ min: 1, max: 40 }), (batchFields, limit) => {
        const byCode = new Map<string, string>();
        roundTrip(new RowPacker(limit, 1000), batchFields, (_sent, out) => {
          for (const r of out) {
            r.fields.forEach((v, c) => {
              if (r.codes[c]! < 0) return;
              const key = `${c}:${r.codes[c]}`;
              expect(byCode.get(key) ?? v).toBe(v);
              byCode.set(key, v);
            });
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('look a date up by the number its digits make, and anything else by itself', () => {
    expect(keyOf('2011-06-01')).toBe(20110601);
    expect(keyOf('0000-00-00')).toBe(0);
    for (const text of ['2011-06-1', '2011-06-011', '2011/06/01', ' 2011-06-0', '2011-0a-01', '2011-06-0:', '2011-06-0/', '20110601']) expect(keyOf(text)).toBe(text);
  });

  it('send a value once, then only its code', () => {
    const packer = new RowPacker();
    const first = packer.pack([row(2, ['A-1', '2011-01-01']), row(3, ['A-1', '2011-01-01'])]);
    const second = packer.pack([row(4, ['A-1', '2011-02-01']), row(5, ['A-2', '2011-01-01'])]);
    expect(first).toMatchObject({ kind: 'packed', entries: 'A-1\u001f2011-01-01', newEntries: 2, text: '', texts: 0, codes: Int32Array.from([0, 0, 0, 0]) });
    expect(second).toMatchObject({ kind: 'packed', entries: '2011-02-01\u001fA-2', newEntries: 2, texts: 0, codes: Int32Array.from([0, 1, 1, 0]) });
  });

  it('send values as text beyond the dictionary limit, and columns of identifiers as text after the trial rows', () => {
    const limited = new RowPacker(2, 1000);
    expect(limited.pack([row(2, ['a']), row(3, ['b']), row(4, ['c']), row(5, ['a'])])).toMatchObject({ codes: Int32Array.from([0, 1, -1, 0]), entries: 'a\u001fb', text: 'c', texts: 1 });
    // After 16 rows: 16 distinct caseIds (more than an eighth) and one code (fewer).
    const ids = new RowPacker(100, 16);
    ids.pack(Array.from({ length: 16 }, (_, i) => row(i + 2, [`A-${i}`, 'x'])));
    expect(ids.pack([row(18, ['A-1', 'x'])])).toMatchObject({ codes: Int32Array.from([-1, 0]), text: 'A-1', newEntries: 0 });
  });

  it('send a column as text early when more than half its values are new, and one whose values repeat less only after the trial', () => {
    // Trial of 64 rows: at 8 rows, the first column (every value new) goes to text; the second
    // (a new value every third row) keeps its dictionary until row 64, the third (one value) for good.
    const packer = new RowPacker(1000, 64);
    const rowsOf = (from: number, n: number) => Array.from({ length: n }, (_, i) => row(from + i, [`A-${from + i}`, `d${Math.floor((from + i) / 3)}`, 'x']));
    packer.pack(rowsOf(0, 8));
    expect(packer.pack([row(8, ['A-8', 'd2', 'x'])])).toMatchObject({ codes: Int32Array.from([-1, 2, 0]), text: 'A-8' });
    packer.pack(rowsOf(9, 55));
    expect(packer.pack([row(64, ['A-64', 'd0', 'x'])])).toMatchObject({ codes: Int32Array.from([-1, -1, 0]), text: 'A-64\u001fd0' });
  });

  it('send a text that repeats the one above it in its column as a code, in the same batch or the next', () => {
    const packer = new RowPacker(100, 2);
    const unpacker = new RowUnpacker();
    received(unpacker, send(packer.pack([row(2, ['A-1', 'P-1']), row(3, ['A-2', 'P-2'])])));
    const batch = packer.pack([row(4, ['A-2', 'P-3']), row(5, ['A-2', 'P-3']), row(6, ['A-3', 'P-3'])]);
    // A-2 was a dictionary entry before the columns went to text: the cells above it had its code, and so does it.
    expect(batch).toMatchObject({ codes: Int32Array.from([1, -1, 1, -2, -1, -2]), text: 'P-3\u001fA-3', texts: 2 });
    expect(plain(received(unpacker, send(batch)))).toEqual([
      { line: 4, fields: ['A-2', 'P-3'] },
      { line: 5, fields: ['A-2', 'P-3'] },
      { line: 6, fields: ['A-3', 'P-3'] },
    ]);
  });

  it('fall back to plain rows when a value holds the separator, and forget what that batch would have added', () => {
    // After 8 rows the caseIds go as text; the second column keeps its dictionary.
    const packer = new RowPacker(100, 8);
    const unpacker = new RowUnpacker();
    received(unpacker, send(packer.pack(Array.from({ length: 8 }, (_, i) => row(i + 2, [`A-${i}`, 'a'])))));
    const broken = packer.pack([row(10, ['A-3', 'new']), row(11, ['A-3', 'x\u001fy'])]);
    expect(broken.kind).toBe('rows');
    received(unpacker, send(broken));
    // Neither the entry 'new' nor A-3 as the column's last text was ever seen by the receiver.
    const next = packer.pack([row(12, ['A-3', 'new'])]);
    expect(next).toMatchObject({ codes: Int32Array.from([-1, 1]), text: 'A-3', entries: 'new' });
    expect(plain(received(unpacker, send(next)))).toEqual([{ line: 12, fields: ['A-3', 'new'] }]);
  });
});

/** A table read through TableRows, its rows as given or packed and unpacked (as from the parsing thread). */
function load(tables: [CsvTable, string[][]][], packed: boolean) {
  const b = new ExportBuilder({ asOf: '2011-06-01' });
  for (const [table, rows] of tables) {
    const stats = b.addFile({ file: `x/${table}.csv`, format: 'csv', table, rowsRead: 0, rowsRejected: 0 });
    const t = new TableRows(b, stats, table, new Set(), {}, 'x');
    t.header(1, [...TABLE_COLUMNS[table]], { sv: '', en: '' });
    const given = rows.map((fields, i) => row(i + 2, fields));
    const packer = new RowPacker(3, 4);
    const unpacker = new RowUnpacker();
    // In batches of two rows, so that later batches use codes sent by earlier ones.
    for (let i = 0; i < given.length; i += 2) {
      const batch = given.slice(i, i + 2);
      const sent = send(packer.pack(batch));
      if (packed && sent.kind === 'packed') t.cells(unpacker.unpack(sent));
      else t.rows(batch);
    }
  }
  const loaded = b.finish();
  return { akter: [...loaded.akter].map((a) => a.akt), problems: loaded.problems, files: loaded.files };
}

describe('rows with value codes', () => {
  it('give the same akter, problems and counts as the same rows without', () => {
    const caseId = fc.constantFrom('A-1', 'A-2', ' A-1', 'A-3', '');
    const date = fc.constantFrom('2010-01-01', '20100301', '2010-02-30', 'i går', '', ' 2010-01-01', '2012-01-01');
    const text = fc.constantFrom('Arbete', ' Arbete ', '', '-', 'Söka jobb');
    const reason = fc.constantFrom('arbetsloshet', 'Arbetslöshet', 'annat', '');
    const flag = fc.constantFrom('true', 'ja', 'kanske', '');
    const planId = fc.constantFrom('P1', 'P2', 'P9', '');
    // Now and then a row with a cell too few or too many, which is rejected whole, between rows that are read.
    const ragged = (row: fc.Arbitrary<string[]>, maxLength: number) =>
      fc.array(
        fc.tuple(row, fc.constantFrom(0, 0, 0, 0, -1, 1)).map(([cells, change]) => (change < 0 ? cells.slice(0, -1) : change > 0 ? [...cells, 'x'] : cells)),
        { maxLength },
      );
    const cases = ragged(fc.tuple(caseId, fc.constantFrom('Spånga', ''), fc.constant(''), text, reason, date), 6);
    const plans = ragged(fc.tuple(caseId, planId, date, date, date, text, text, text, text, date, planId), 8);
    const subgoals = ragged(fc.tuple(caseId, planId, text, date), 8);
    const followups = ragged(fc.tuple(caseId, date, planId, fc.constantFrom('trepartssamtal', 'Uppföljning', 'möte', ''), text, flag), 10);
    fc.assert(
      fc.property(cases, plans, subgoals, followups, (c, p, s, f) => {
        const tables: [CsvTable, string[][]][] = [
          ['cases', c],
          ['plans', p],
          ['subgoals', s],
          ['followups', f],
        ];
        expect(load(tables, true)).toEqual(load(tables, false));
      }),
    );
  });

  it('still report every bad value of a repeated code, row by row', () => {
    const tables: [CsvTable, string[][]][] = [
      ['cases', [['A-1', 'Spånga', '', '', 'arbetsloshet', '2010-01-01']]],
      ['followups', [1, 2, 3, 4, 5].map(() => ['A-1', '2010-02-30', '', '', '', ''])],
    ];
    const { problems } = load(tables, true);
    expect(problems.filter((p) => p.code === 'invalid-date').map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
  });
});
