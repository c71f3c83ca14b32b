import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { RowCoder, RowXml, type CodedRows } from './xlsx-rows.js';

// exceljs takes longer to load than the rest of the command together: loaded when a workbook is
// first written, not when the command starts (the bundle would otherwise import it up front), and
// only its streaming writer, which loads in half the time of the whole library (its readers, CSV).
const load = createRequire(import.meta.url);
const WorkbookWriter = () => load('exceljs/lib/stream/xlsx/workbook-writer') as typeof ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * The workbook of the xlsx format, written with exceljs's streaming writer from plain values: the
 * wording is the formatter's (xlsx.ts), this file only lays it out. It runs in a worker thread
 * (xlsx-worker.ts), so everything it is given is data a structured clone can carry.
 */

/** Sheet names are the workbook's contract (issue, docs), the same in every language. */
export const SHEETS = { summary: 'Sammanfattning', cases: 'Akter', problems: 'Dataproblem', method: 'Metod' } as const;

/** A cell's typed value; never a formula, so nothing from the export can run. */
export type Value = string | number | Date | null;

export interface Column {
  header?: string;
  width: number;
  numFmt?: string;
}

export interface Sheet {
  /** With headers, the first row is the bold header row and the sheet gets a frozen header and an autofilter. */
  columns: Column[];
  rows: Value[][];
  /** Indexes into rows of the rows in bold. */
  bold?: number[];
  /** Single cells (index into rows, column from 1) with a bold coloured font or a number format. */
  cells?: { row: number; column: number; argb?: string; numFmt?: string }[];
}

export interface BookStart {
  creator: string;
  /** A fixed date (the audit date): the workbook's created and modified and every zip entry's time, so the same run gives the same bytes. */
  created: Date;
  cases: Column[];
}

export interface BookEnd {
  summary: Sheet;
  problems: Sheet;
  method: Sheet;
}

const FROZEN: Partial<ExcelJS.WorksheetViewFrozen>[] = [{ state: 'frozen', ySplit: 1 }];

/** Bytes of XML the zip may have waiting before the rows wait for it. */
const BACKLOG = 1 << 20;

type Backlogged = Writable & { _writableState?: { length: number } };

export class Book {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly cases: ExcelJS.Worksheet;
  private readonly summary: ExcelJS.Worksheet;
  private readonly problems: ExcelJS.Worksheet;
  private readonly method: ExcelJS.Worksheet;
  private readonly width: number;
  private readonly xml: RowXml;
  /** For rows given as text (tests), a dictionary of their own. */
  private texts?: { coder: RowCoder; xml: RowXml };
  private n = 0;

  constructor(start: BookStart, stream: Writable) {
    this.wb = new (datedWriter(start.created))({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
    this.wb.creator = start.creator;
    this.wb.created = this.wb.modified = start.created;
    // Each sheet's part of the zip is opened when the sheet is added, and the zip takes them in that
    // order: Akter, written as the akter come, goes first so it streams out instead of queuing in
    // memory behind a sheet that can only be written at the end.
    this.cases = this.wb.addWorksheet(SHEETS.cases, { views: FROZEN });
    this.summary = this.wb.addWorksheet(SHEETS.summary, { views: FROZEN });
    this.problems = this.wb.addWorksheet(SHEETS.problems);
    this.method = this.wb.addWorksheet(SHEETS.method);
    inReadingOrder(this.wb, [this.summary, this.cases, this.problems, this.method]);
    this.width = start.cases.length;
    columns(this.cases, start.cases);
    // The header row goes out through exceljs (it also writes the column widths and opens
    // sheetData); the akter's rows after it are XML written straight to the sheet's part.
    this.cases.getRow(1).commit();
    this.xml = new RowXml(this.width);
  }

  /** Akter rows, in order, as text. */
  rows(rows: readonly (readonly string[])[]): void {
    this.texts ??= { coder: new RowCoder(), xml: new RowXml(this.width) };
    for (const row of rows) this.texts.coder.add(row);
    this.write(this.texts.xml, this.texts.coder.take());
  }

  /** Akter rows, in order, as they come from the main thread. */
  coded(rows: CodedRows): void {
    this.write(this.xml, rows);
  }

  /**
   * exceljs's streaming writer makes a Row, a Cell per value and a model per cell for every akt
   * and renders each through its XML builder: most of the workbook's time and its garbage. The
   * rows' XML is the same for every akt but the values, so RowXml writes it from a template, to
   * the stream exceljs opened for the sheet (test/xlsx-book.test.ts compares it with exceljs's own).
   */
  private write(xml: RowXml, rows: CodedRows): void {
    (this.cases as unknown as { stream: { write(bytes: Buffer): unknown } }).stream.write(xml.render(rows, this.n + 2));
    this.n += rows.ends.length;
  }

  /**
   * When the zip has a backlog of this sheet's XML, a promise of when it has taken it. exceljs
   * hands the XML on without waiting (its buffer stream ignores backpressure) to the stream the zip
   * reads the sheet from, and the compressor only moves on between tasks: without this wait the
   * whole sheet would queue in memory. That stream is archiver's (readable-stream 2, which has no
   * `writableLength`, hence its state's).
   */
  settled(): Promise<unknown> | undefined {
    const source = (this.cases as unknown as { stream: { pipes?: Backlogged[] } }).stream.pipes?.[0];
    const queued = source?.writableLength ?? source?._writableState?.length ?? 0;
    return queued > BACKLOG ? once(source!, 'drain') : undefined;
  }

  async finish(end: BookEnd): Promise<void> {
    this.cases.autoFilter = { from: { row: 1, column: 1 }, to: { row: this.n + 1, column: this.width } };
    this.cases.commit();
    write(this.summary, end.summary);
    write(this.problems, end.problems);
    write(this.method, end.method);
    await this.wb.commit();
  }
}

interface Archive {
  append(source: unknown, data: { name: string; date?: Date }): unknown;
}

/**
 * The streaming writer with every part of the zip dated `date`. exceljs gives archiver no date for
 * a part, and archiver then stamps it with the clock, so two runs would differ in the bytes of
 * every entry's header. The writer keeps its archiver as `zip`, set in its constructor before the
 * first part is added (the theme, the package's relations): this setter hands on each part with
 * archiver's own per-entry `date`. Zip times are UTC (archiver's default), so the bytes do not
 * depend on the time zone either. test/xlsx-book.test.ts reads every entry's date back.
 */
function datedWriter(date: Date): typeof ExcelJS.stream.xlsx.WorkbookWriter {
  const archives = new WeakMap<object, Archive>();
  return class extends WorkbookWriter() {
    get zip(): Archive {
      return archives.get(this)!;
    }

    set zip(archive: Archive) {
      const append = archive.append.bind(archive);
      archive.append = (source, data) => append(source, { ...data, date });
      archives.set(this, archive);
    }
  };
}

function columns(ws: ExcelJS.Worksheet, cols: Column[]): void {
  ws.columns = cols.map((c) => ({ ...(c.header === undefined ? {} : { header: c.header }), width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  if (cols.some((c) => c.header !== undefined)) {
    ws.getRow(1).font = { bold: true };
  }
}

function write(ws: ExcelJS.Worksheet, sheet: Sheet): void {
  columns(ws, sheet.columns);
  const header = sheet.columns.some((c) => c.header !== undefined);
  if (header) ws.getRow(1).commit();
  const bold = new Set(sheet.bold);
  const cells = new Map<number, NonNullable<Sheet['cells']>>();
  for (const c of sheet.cells ?? []) cells.set(c.row, [...(cells.get(c.row) ?? []), c]);
  sheet.rows.forEach((values, i) => {
    const row = ws.addRow(values);
    if (bold.has(i)) row.font = { bold: true };
    for (const c of cells.get(i) ?? []) {
      const cell = row.getCell(c.column);
      if (c.argb) cell.font = { bold: true, color: { argb: c.argb } };
      if (c.numFmt) cell.numFmt = c.numFmt;
    }
    row.commit();
  });
  if (header) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rows.length + 1, column: sheet.columns.length } };
  ws.commit();
}

/**
 * The tabs in reading order, Sammanfattning first, whatever order the sheets were added in. The
 * streaming writer lists the sheets in workbook.xml in the order of its (internal) sheet table and
 * has no public way to move one; each sheet keeps its id and part name. The xlsx tests read the
 * tab order back, so a change inside exceljs cannot pass unnoticed.
 */
function inReadingOrder(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheets: ExcelJS.Worksheet[]): void {
  // Sparse from 1, as exceljs keeps it (its loops skip a hole, not an undefined entry).
  const table: ExcelJS.Worksheet[] = [];
  sheets.forEach((ws, i) => (table[i + 1] = ws));
  (wb as unknown as { _worksheets: ExcelJS.Worksheet[] })._worksheets = table;
}
