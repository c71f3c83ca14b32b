import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { audit, resolveSettings } from '../src/audit.js';
import { ruleMap } from '../src/cli/shared.js';
import { writeReport } from '../src/report/formatters/stream.js';
import { Book, type BookEnd, type BookStart } from '../src/report/formatters/xlsx-book.js';
import { RowCoder, type CodedRows } from '../src/report/formatters/xlsx-rows.js';
import { xlsxWriter } from '../src/report/formatters/xlsx.js';
import { cli } from './helpers/cli.js';
import { zipDates, zipParts } from './helpers/zip.js';

const HEADER = ['caseId', 'district', 'current-plan', 'current-plan.reasons'];
const row = (i: number) => [`A-${String(i).padStart(6, '0')}`, 'Bromma', i % 2 ? 'fail' : 'pass', i % 2 ? 'no-plan' : ''];
const END: BookEnd = {
  summary: { columns: [{ header: 'Stadsdel', width: 20 }], rows: [['Bromma']] },
  problems: { columns: [{ width: 20 }], rows: [['code']] },
  method: { columns: [{ width: 20 }], rows: [['Granskningsdatum', new Date('2011-06-01T00:00:00Z')]] },
};

/** Texts that exceljs escapes, drops or must keep as they are. */
const AWKWARD = ['a & b', '<x>', 'sa "hon"', "it's", 'ctl\u0001\u001f\u007f', 'tab\tnl\ncr\r', 'åäö ÅÄÖ é', '🙂 €', '', ' lead', '0042', '=1+1'];

/** Akter rows of every awkward text, in every column. */
const awkwardRows = (width: number) => Array.from({ length: 30 }, (_, r) => Array.from({ length: width }, (_, i) => (i === 0 ? `A-${r}${AWKWARD[r % AWKWARD.length]}` : AWKWARD[(r + i) % AWKWARD.length]!)));

/** The rows coded as the main thread sends them, by one coder over the batches. */
function coded(rows: string[][], coder: RowCoder): CodedRows {
  for (const row of rows) coder.add(row);
  return coder.take();
}

/** What exceljs's streaming writer itself writes as Akter's sheetData for these rows: a Row per akt, each cell with the default style. */
async function exceljsSheetData(start: BookStart, rows: string[][]): Promise<string> {
  const out = heldOutput();
  out.release();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out.stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Akter', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = start.cases.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const values of rows) {
    const row = ws.addRow(values);
    row.eachCell((cell) => (cell.style = {}));
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return sheetData((await zipParts(out.bytes())).find(([name]) => name === 'xl/worksheets/sheet1.xml')![1]);
}

const sheetData = (xml: Buffer) => /<sheetData>.*<\/sheetData>/s.exec(xml.toString('utf8'))![0];

/** An output that holds every write until it is let go, as a full disk or a slow pipe would. */
function heldOutput() {
  const chunks: Buffer[] = [];
  let waiting: (() => void)[] = [];
  let open = false;
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      if (open) done();
      else waiting.push(() => done());
    },
  });
  const release = () => {
    open = true;
    for (const w of waiting) w();
    waiting = [];
  };
  return { stream, release, bytes: () => Buffer.concat(chunks) };
}

describe('the xlsx workbook writer (run in a worker by the xlsx format)', () => {
  it('waits for the zip when the output holds back, and writes every row once it is let go', async () => {
    const out = heldOutput();
    const book = new Book({ creator: 'test', created: new Date('2011-06-01T00:00:00Z'), cases: HEADER.map((header) => ({ header, width: 14 })) }, out.stream);
    let n = 0;
    let settled: Promise<unknown> | undefined;
    // A megabyte of XML is some 10,000 of these rows; the writer must ask to wait well before 200,000.
    while (!settled && n < 200_000) {
      book.rows(Array.from({ length: 256 }, (_, k) => row(n + k)));
      n += 256;
      settled = book.settled();
    }
    expect(settled).toBeDefined();
    expect(n).toBeLessThan(200_000);
    out.release();
    await settled;
    await book.finish(END);
    const wb = new ExcelJS.Workbook();
    // exceljs types the buffer as an ArrayBuffer.
    await wb.xlsx.load(new Uint8Array(out.bytes()).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sammanfattning', 'Akter', 'Dataproblem', 'Metod']);
    const akter = wb.getWorksheet('Akter')!;
    expect(akter.rowCount).toBe(n + 1);
    expect(akter.getRow(n + 1).getCell(1).value).toBe(row(n - 1)[0]);
    expect(akter.autoFilter).toBeDefined();
  });

  it('puts Akter first in the zip, so it streams out while the other sheets wait for the figures', async () => {
    const out = heldOutput();
    out.release();
    const book = new Book({ creator: 'test', created: new Date('2011-06-01T00:00:00Z'), cases: HEADER.map((header) => ({ header, width: 14 })) }, out.stream);
    book.rows([row(1)]);
    await book.finish(END);
    const sheets = (await zipParts(out.bytes())).filter(([name]) => name.startsWith('xl/worksheets/'));
    expect(sheets).toHaveLength(4);
    expect(sheets[0]![1].toString('utf8')).toContain('<v>current-plan.reasons</v>');
  });

  it("dates the workbook and every part of the zip with the date it is given, never the clock's", async () => {
    const out = heldOutput();
    out.release();
    const book = new Book({ creator: 'test', created: new Date('2010-11-15T00:00:00Z'), cases: HEADER.map((header) => ({ header, width: 14 })) }, out.stream);
    book.rows([row(1)]);
    await book.finish(END);
    const dates = await zipDates(out.bytes());
    expect(dates.map(([name]) => name)).toContain('xl/theme/theme1.xml');
    expect(dates).toHaveLength(12);
    for (const [name, date] of dates) expect([name, date]).toEqual([name, '2010-11-15T00:00:00.000Z']);
    const core = (await zipParts(out.bytes())).find(([name]) => name === 'docProps/core.xml')![1].toString('utf8');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2010-11-15T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2010-11-15T00:00:00Z</dcterms:modified>');
  });
});

describe("the Akter rows, written as XML without exceljs's row objects", () => {
  const start: BookStart = { creator: 'test', created: new Date('2011-06-01T00:00:00Z'), cases: [...HEADER, 'x', 'y', 'z'].map((header) => ({ header, width: 14 })) };
  const rows = awkwardRows(start.cases.length);
  const written = async (write: (book: Book) => void) => {
    const out = heldOutput();
    out.release();
    const book = new Book(start, out.stream);
    write(book);
    await book.finish(END);
    return sheetData((await zipParts(out.bytes())).find(([name]) => name === 'xl/worksheets/sheet1.xml')![1]);
  };

  it('are byte for byte what exceljs writes for the same rows, as text', async () => {
    const expected = await exceljsSheetData(start, rows);
    expect(expected).toContain('&amp;');
    expect(await written((book) => [rows.slice(0, 7), rows.slice(7)].forEach((batch) => book.rows(batch)))).toBe(expected);
  });

  it('are byte for byte what exceljs writes for the same rows, coded as the main thread sends them, over several batches', async () => {
    const expected = await exceljsSheetData(start, rows);
    const coder = new RowCoder();
    expect(await written((book) => [rows.slice(0, 5), rows.slice(5, 6), rows.slice(6)].forEach((batch) => book.coded(coded(batch, coder))))).toBe(expected);
  });

  it("make no exceljs row for an akt (only the header row is exceljs's)", async () => {
    const Row = (createRequire(import.meta.url)('exceljs/lib/doc/row') as { prototype: { commit(): void } }).prototype;
    const commit = vi.spyOn(Row, 'commit');
    try {
      const out = heldOutput();
      out.release();
      const book = new Book(start, out.stream);
      const before = commit.mock.calls.length;
      book.rows(rows);
      book.coded(coded(rows, new RowCoder()));
      expect(commit.mock.calls.length - before).toBe(0);
      await book.finish(END);
    } finally {
      commit.mockRestore();
    }
  });

  it('leave Akter with its header only when there is no akt', async () => {
    expect(await written(() => undefined)).toBe(await exceljsSheetData(start, []));
  });
});

describe('the xlsx format without a built worker (from the TypeScript sources, as here)', () => {
  it('writes the workbook on the main thread, the same bytes as the command writes on its worker', async () => {
    const fixture = 'fixtures/stockholm-2011/csv';
    const settings = await resolveSettings({});
    const { report } = await audit({ paths: [fixture], asOf: '2010-11-15', rules: settings.rules, grades: settings.grades });
    const out = heldOutput();
    out.release();
    await writeReport(xlsxWriter, report, { lang: 'sv', rules: ruleMap(settings.catalogue), color: false }, out.stream);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'akt-xlsx-')), 'rapport.xlsx');
    cli(['check', fixture, '--as-of', '2010-11-15', '--format', 'xlsx', '--output', file]);
    expect(out.bytes().equals(readFileSync(file))).toBe(true);
    const [here, built] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await here.xlsx.load(new Uint8Array(out.bytes()).buffer);
    await built.xlsx.readFile(file);
    expect(here.worksheets.map((w) => w.name)).toEqual(['Sammanfattning', 'Akter', 'Dataproblem', 'Metod']);
    for (const name of ['Sammanfattning', 'Akter', 'Dataproblem']) {
      expect(here.getWorksheet(name)!.getSheetValues(), name).toEqual(built.getWorksheet(name)!.getSheetValues());
    }
  });
});
