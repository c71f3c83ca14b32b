import { UserError } from '../errors.js';
import type { Localized } from '../model/lang.js';
import type { CsvRow } from '../load/csv.js';
import type { CellRows } from '../load/csv-pack.js';
import type { CsvTable } from '../model/datasets.js';
import type { ExportBuilder } from './build.js';
import { canonicalHeader, requiredColumns, TABLE_COLUMNS } from '../model/columns.js';
import { csvLayout } from './csv-layout.js';
import { csvRec, type CsvInput } from './csv-rows.js';
import { looksLikeData } from './header.js';
import { problem, type Location } from '../model/problems.js';
import { scalarFields } from '../model/fields.js';
import type { Dataset, FieldPath, FileStats } from '../model/types.js';
import type { ReadOptions } from './options.js';

/**
 * About how many rows a file of `bytes` bytes holds, when its first `rows` took `chars` characters:
 * the store makes room for them at once (AktStore.reserve). A little over, as text outside the
 * ASCII range takes more bytes than characters.
 */
export function rowsInFile(bytes: number, encoding: string | undefined, rows: number, chars: number): number {
  const units = encoding?.startsWith('utf-16') ? bytes / 2 : bytes;
  return Math.ceil(((units * rows) / chars) * 1.05);
}

/**
 * One table's header and rows, whatever held them (a CSV file, a workbook's sheet, either inside
 * an archive): the header is matched to columns once, and every row goes the same way into the
 * builder, so checks, problems and the count of rows read and rejected are the same for all.
 */
export class TableRows {
  private columns: (string | null)[] | undefined;
  /** Set by the header: how the rows feed the akter. */
  private input: CsvInput | undefined;

  constructor(
    private readonly b: ExportBuilder,
    readonly stats: FileStats,
    private readonly table: CsvTable,
    private readonly datasets: Set<Dataset | FieldPath>,
    private readonly opts: ReadOptions,
    /** The export directory or workbook the table belongs to: rows of an akt rejected as a duplicate there follow it. */
    private readonly group = '',
  ) {}

  get hasHeader(): boolean {
    return this.columns !== undefined;
  }

  /** `how` says how the table was read, for the one line that stops the run when caseId is missing. */
  header(line: number, fields: readonly string[], how: Localized): void {
    const file = this.stats.file;
    const match = canonicalHeader(this.table, fields, this.opts.mapping?.columns?.[this.table]);
    const columns = match.columns;
    const missing = requiredColumns(this.table).filter((c) => !columns.includes(c));
    if (missing.length > 0 && looksLikeData(fields, columns.filter((c) => c !== null).length)) {
      // A data row: its cells are a person's data and are never quoted.
      throw new UserError('first-row-data', { file, columns: fields.length, expected: TABLE_COLUMNS[this.table].join(', ') });
    }
    if (missing.length > 0) {
      const found = fields.join(', ') || { sv: 'inget', en: 'nothing' };
      throw new UserError('missing-column', { file, missing: missing.join(', '), found, how, expected: TABLE_COLUMNS[this.table].join(', ') });
    }
    this.columns = columns;
    const layout = csvLayout(this.table, columns);
    const memo = [] as CsvInput['memo'];
    this.input = { layout, stats: this.stats, datasets: this.datasets, group: this.group, memo, rec: csvRec(layout, this.stats, memo) };
    // The columns the table has are the fields this export provides (a mapping's null drops one).
    layout.cols.forEach((col, i) => col >= 0 && this.datasets.add(`${layout.scope}.${scalarFields(layout.scope)[i]!}` as FieldPath));
    const at = { file, line };
    for (const h of match.unknown) this.b.reportUnknownField(at, h);
    for (const h of match.duplicate) this.b.report(problem('duplicate-column', at, { field: h }));
  }

  /**
   * The size of the table's file in bytes, when known, and its encoding: from the first rows read,
   * the store makes room for the table's rows at once (AktStore.reserve).
   */
  sizeOfFile(bytes: number, encoding: string | undefined): void {
    this.file = { bytes, encoding };
  }

  private file: { bytes: number; encoding: string | undefined } | undefined;

  /** `chars`: the characters the first `rows` rows of the file took, about. */
  private reserve(rows: number, chars: number): void {
    if (this.file === undefined || rows === 0 || chars === 0) return;
    this.b.reserve(this.input!.layout.scope, rowsInFile(this.file.bytes, this.file.encoding, rows, chars));
    this.file = undefined;
  }

  rows(rows: readonly CsvRow[]): void {
    if (this.opts.progress) this.opts.progress.rows += rows.length;
    if (this.file !== undefined) {
      let chars = 0;
      for (const row of rows) for (const f of row.fields) chars += f.length + 1;
      this.reserve(rows.length, chars);
    }
    const width = this.columns!.length;
    for (const row of rows) {
      if (row.fields.length !== width) this.wrongCount(row.fields, { file: this.stats.file, line: row.line });
      else this.b.addCsvRow(this.input!, row.fields, 0, undefined, row.line);
    }
  }

  /** Rows unpacked from the parsing thread, read where their cells lie. */
  cells(batch: CellRows): void {
    const { lines, widths, cells, codes } = batch;
    if (this.opts.progress) this.opts.progress.rows += lines.length;
    if (this.file !== undefined) {
      let chars = 0;
      for (const cell of cells) chars += cell.length + 1;
      this.reserve(lines.length, chars);
    }
    const width = this.columns!.length;
    for (let i = 0, first = 0; i < lines.length; first += widths[i++]!) {
      const w = widths[i]!;
      if (w !== width) this.wrongCount(cells.slice(first, first + w), { file: this.stats.file, line: lines[i]! });
      else this.b.addCsvRow(this.input!, cells, first, codes, lines[i]!);
    }
  }

  /** A row with more or fewer fields than the header has columns cannot be read column by column. */
  wrongCount(fields: readonly string[], at: Location): void {
    const caseId = fields[this.columns!.indexOf('caseId')]?.trim() || undefined;
    this.b.rejectRow(this.stats, 'wrong-field-count', at, { caseId, value: `${fields.length}/${this.columns!.length}` });
  }
}
