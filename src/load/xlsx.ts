import type ExcelJS from 'exceljs';
import { importModule } from '../dynamic-import.js';
import { UserError } from '../errors.js';
import type { CsvRow } from './csv.js';
import type { ByteSource } from './text.js';

/**
 * A workbook's sheets as tables, in the events a CSV file gives: a header (the first row with a
 * value), then rows with the sheet's own row numbers, so the model reads both the same way.
 */
export type SheetEvent =
  | { kind: 'sheet'; name: string }
  | { kind: 'header'; line: number; fields: string[] }
  | { kind: 'rows'; rows: CsvRow[] }
  | { kind: 'wide'; line: number; fields: string[]; width: number }
  | { kind: 'sheet-end' };

/** Rows handed on together, so a large sheet is not one await per row. */
const BATCH = 1000;

/** The parts of exceljs's streaming reader this module uses; its typings leave them out. */
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name: string;
}
interface BookReader extends AsyncIterable<SheetReader> {
  model?: { sheets?: { name: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

const DAY_MS = 86_400_000;
/** Day 0 of Excel's two date systems: 1899-12-30 (1900 system, past its 1900 leap-year bug) and 1904-01-01. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A number format that shows a date: d, m or y outside quoted text, escapes and [colour] or [$-locale] parts. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}

export function serialToIso(serial: number, date1904: boolean): string {
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * DAY_MS);
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A cell as the text a CSV export would hold, for the same value normaliser: dates as ISO dates
 * (the time of day dropped, as for CSV), booleans as ja/nej, formulas by the value Excel cached
 * when it last calculated them (never evaluated here), rich text and links by their text, and
 * errors such as #N/A by their code, which the model then reports as the value it is.
 */
export function cellText(value: ExcelJS.CellValue, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return isDateFormat(numFmt) && Number.isFinite(value) ? serialToIso(value, date1904) : String(value);
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text ?? '').join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (typeof result === 'number' && !Number.isFinite(result)) return '';
    return cellText(result as ExcelJS.CellValue, numFmt, date1904);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue, numFmt, date1904);
  return '';
}

function rowCells(row: ExcelJS.Row, date1904: boolean): string[] {
  const out: string[] = [];
  // Cells of a streamed row are only those the sheet holds; the ones in between are blank.
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    while (out.length < col - 1) out.push('');
    out.push(cellText(cell.value, cell.numFmt, date1904));
  });
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

/**
 * Streams a workbook's sheets with exceljs's streaming reader (sheets are never held whole).
 * `want` decides, as each sheet comes, whether it is read; the others are passed over. A
 * workbook that exceljs cannot read is the user's to fix: one line, exit 2.
 */
export async function* readWorkbook(source: ByteSource, name: string, want: (sheet: string, all: readonly string[]) => boolean): AsyncGenerator<SheetEvent> {
  const input = typeof source === 'string' ? source : source();
  // exceljs pipes its input into its unzipper, and a pipe does not pass a failure on: without this
  // a broken archive member would leave it waiting for bytes forever.
  const failure: Failure = {};
  if (typeof input !== 'string') {
    input.on('error', (e) => {
      failure.error = e;
      failure.reject?.(e);
    });
  }
  // Loaded only when a workbook is read: exceljs takes longer to load than a city's CSV export takes to check.
  const { default: excel } = (await importModule('exceljs')) as { default: typeof ExcelJS };
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as BookReader;
  const sheets = reader[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<SheetReader>;
    try {
      next = await nextOr(sheets, failure);
    } catch (e) {
      throw unreadable(name, e);
    }
    if (next.done) return;
    const sheet = next.value;
    const all = (reader.model?.sheets ?? []).map((s) => s.name);
    if (!want(sheet.name, all)) continue;
    yield { kind: 'sheet', name: sheet.name };
    yield* readSheet(sheet, name, reader.properties?.model?.date1904 === true, failure);
    yield { kind: 'sheet-end' };
  }
}

async function* readSheet(sheet: SheetReader, name: string, date1904: boolean, failure: Failure): AsyncGenerator<SheetEvent> {
  let width = -1;
  let batch: CsvRow[] = [];
  const rows = sheet[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<ExcelJS.Row>;
    try {
      next = await nextOr(rows, failure);
    } catch (e) {
      throw unreadable(name, e);
    }
    if (next.done) break;
    // A damaged sheet's XML can make the reader give a row that is no row: refused, never skipped.
    if (typeof next.value?.eachCell !== 'function') throw unreadable(name, new Error('a row of a sheet is damaged'));
    const fields = rowCells(next.value, date1904);
    if (fields.length === 0) continue;
    const line = next.value.number;
    if (width < 0) {
      width = fields.length;
      yield { kind: 'header', line, fields: fields.map((f) => f.trim()) };
      continue;
    }
    if (fields.length > width) {
      // A value right of the last named column belongs to no column; the row is not guessed at.
      if (batch.length > 0) yield { kind: 'rows', rows: batch };
      batch = [];
      yield { kind: 'wide', line, fields, width };
      continue;
    }
    while (fields.length < width) fields.push('');
    batch.push({ kind: 'row', line, fields });
    if (batch.length >= BATCH) {
      yield { kind: 'rows', rows: batch };
      batch = [];
    }
  }
  if (batch.length > 0) yield { kind: 'rows', rows: batch };
}

interface Failure {
  error?: unknown;
  /** The one step now waiting; a slot, not a promise raced against each step (that would keep every row alive). */
  reject?: (e: unknown) => void;
}

/** The iterator's next step, or the input's failure as soon as it happens. */
function nextOr<T>(it: AsyncIterator<T>, failure: Failure): Promise<IteratorResult<T>> {
  return new Promise((resolve, reject) => {
    if (failure.error !== undefined) return reject(failure.error);
    failure.reject = reject;
    it.next().then(resolve, reject);
  });
}

function unreadable(name: string, e: unknown): Error {
  if (e instanceof UserError) return e;
  const message = e instanceof Error ? e.message : String(e);
  // Whole: the CLI masks it, then folds it to one line; a first line cut here could keep half of a number broken over two.
  return new UserError('unreadable-workbook', { file: name, why: message });
}
