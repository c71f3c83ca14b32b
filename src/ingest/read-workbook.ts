import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { fold } from '../fold.js';
import { customTables, fileKey, TABLE_NAMES } from '../load/discover.js';
import { hashFile, type ByteSource } from '../load/text.js';
import { readWorkbook } from '../load/xlsx.js';
import { DEFAULT_LIMITS, openArchive, reorder, type Archive, type ArchiveLimits } from '../load/zip.js';
import type { ExportBuilder } from './build.js';
import { CSV_TABLES, TABLE_DATASET, type CsvTable } from '../model/datasets.js';
import { problem } from '../model/problems.js';
import { TableRows } from './table-rows.js';
import type { Dataset, FieldPath } from '../model/types.js';
import type { ReadOptions } from './options.js';

/** What readExport reads: files on disk or members of an archive, each shown by `display` (`export.zip!export/cases.csv`). */
export interface CsvSource {
  kind: 'csv';
  display: string;
  bytes: ByteSource;
  table: CsvTable;
  group: string;
}
export interface JsonSource {
  kind: 'json' | 'ndjson';
  display: string;
  bytes: ByteSource;
  /** Known for archive members; files on disk are asked. */
  size?: number;
}
export interface Book {
  kind: 'xlsx';
  display: string;
  bytes: ByteSource;
  /** The workbook's own table, from its name or the mapping: for a workbook per table (akter.xlsx). */
  table?: CsvTable;
  group: string;
  /** Checked against the limits and hashed. */
  checked: boolean;
  /** Its sheet names have been seen, and each given a table or left out. */
  scanned: boolean;
  /** Sheets with a table, not yet read. */
  pending: Map<string, CsvTable>;
  tables: Map<string, CsvTable>;
  /** Open once checked; closed when the export has been read. */
  archive?: Archive;
}
export type Source = CsvSource | JsonSource | Book;

export function newBook(display: string, bytes: ByteSource, table: CsvTable | undefined, group: string): Book {
  return { kind: 'xlsx', display, bytes, ...(table ? { table } : {}), group, checked: false, scanned: false, pending: new Map(), tables: new Map() };
}

export function archiveLimits(opts: ReadOptions): ArchiveLimits {
  return { ...DEFAULT_LIMITS, ...opts.mapping?.archive };
}

/** What readExport tells a workbook about the rest of the export. */
export interface Schedule {
  /** Whether a table still to be read elsewhere must come before `table` (a child finds its parent only if that was read first). */
  blocks: (table: CsvTable, except: { book: Book; sheet: string }) => boolean;
  datasets: (group: string) => Set<Dataset | FieldPath>;
}

/** Whether `book` still holds a table that must be read before the table of rank `rank`. */
export function bookBlocks(book: Book, rank: number, except: { book: Book; sheet: string }): boolean {
  // Not yet looked into: it may hold akter.
  if (!book.scanned) return rank > 0;
  for (const [name, t] of book.pending) {
    if (book === except.book && name === except.sheet) continue;
    if (CSV_TABLES.indexOf(t) < rank) return true;
  }
  return false;
}

/** The parts exceljs's streaming reader must meet before the sheets. */
export const FIRST_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

/**
 * A workbook is a zip archive: its directory is checked against the same limits as an archive's,
 * and every pass reads its parts through yauzl (which stops a part that inflates past its declared
 * size) before exceljs sees them. A workbook inside an archive is held in memory as it is packed.
 */
async function check(b: ExportBuilder, book: Book, opts: ReadOptions): Promise<void> {
  book.checked = true;
  const held = typeof book.bytes === 'string' ? undefined : await buffer(book.bytes());
  const sha256 = held ? createHash('sha256').update(held).digest('hex') : await hashFile(book.bytes);
  const archive = await openArchive(held ?? (book.bytes as string), book.display, archiveLimits(opts), 'workbook');
  book.archive = archive;
  book.bytes = () => reorder(archive, FIRST_PARTS);
  b.addFile({ file: book.display, format: 'xlsx', sha256, rowsRead: 0, rowsRejected: 0 });
}

/** Gives each sheet its table: the mapping's `sheets`, else its name; a workbook named as a table gives it to its first other sheet. */
function scan(b: ExportBuilder, book: Book, names: readonly string[], schedule: Schedule, opts: ReadOptions): void {
  book.scanned = true;
  const custom = customTables(opts.mapping?.sheets ?? {});
  const byName = new Map<string, CsvTable | null | undefined>();
  for (const n of names) byName.set(n, custom.has(fileKey(n)) ? custom.get(fileKey(n)) : TABLE_NAMES.get(fold(n)));
  if (book.table && ![...byName.values()].includes(book.table)) {
    const first = names.find((n) => byName.get(n) === undefined);
    if (first !== undefined) byName.set(first, book.table);
  }
  for (const n of names) {
    const t = byName.get(n);
    if (!t) {
      b.report(problem('ignored-file', { file: `${book.display}!${n}` }));
      continue;
    }
    book.pending.set(n, t);
    book.tables.set(n, t);
    const ds = TABLE_DATASET[t];
    if (ds) schedule.datasets(book.group).add(ds);
  }
}

/**
 * One pass over a workbook: the sheets whose tables may be read now are read, the others wait for
 * a later pass. Sheets stored in the order of the tables (akter first) take one pass.
 */
export async function readBook(b: ExportBuilder, book: Book, schedule: Schedule, opts: ReadOptions): Promise<void> {
  if (!book.checked) await check(b, book, opts);
  const seen = new Set<string>();
  const want = (sheet: string, all: readonly string[]): boolean => {
    seen.add(sheet);
    if (!book.scanned) scan(b, book, all.length > 0 ? all : [sheet], schedule, opts);
    const t = book.pending.get(sheet);
    if (t === undefined || schedule.blocks(t, { book, sheet })) return false;
    book.pending.delete(sheet);
    return true;
  };
  let rows: TableRows | undefined;
  for await (const ev of readWorkbook(book.bytes, book.display, want)) {
    if (ev.kind === 'sheet') {
      const table = book.tables.get(ev.name)!;
      const stats = b.addFile({ file: `${book.display}!${ev.name}`, format: 'xlsx', table, rowsRead: 0, rowsRejected: 0 });
      rows = new TableRows(b, stats, table, schedule.datasets(book.group), opts, book.group);
      if (opts.progress) opts.progress.files++;
    } else if (ev.kind === 'header') rows!.header(ev.line, ev.fields, { sv: 'första raden med ett värde i bladet', en: 'the first row with a value in the sheet' });
    else if (ev.kind === 'rows') rows!.rows(ev.rows);
    else if (ev.kind === 'wide') rows!.wrongCount(ev.fields, { file: rows!.stats.file, line: ev.line });
    else if (!rows!.hasHeader) b.report(problem('empty-file', { file: rows!.stats.file }));
  }
  if (!book.scanned) {
    // Not one sheet in it.
    book.scanned = true;
    b.report(problem('empty-file', { file: book.display }));
  }
  // A sheet the workbook names but does not hold is never read: it must not hold up the others.
  for (const name of [...book.pending.keys()]) {
    if (seen.has(name)) continue;
    book.pending.delete(name);
    b.report(problem('empty-file', { file: `${book.display}!${name}` }));
  }
}
