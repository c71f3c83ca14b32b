import type { Scope } from '../model/fields.js';
import type { DataProblem, Location, ProblemCode } from '../model/problems.js';
import type { FileStats, LoadedExport } from '../model/types.js';
import { makeNormalize, type Normalize } from '../model/values.js';
import { AktStore, StoredAkter } from '../store/index.js';
import { Accounts } from './accounts.js';
import { AktRows } from './akt-rows.js';
import { CsvRows, type CsvInput } from './csv-rows.js';
import { FieldReader } from './field-reader.js';
import { JsonAkter, type JsonCodes } from './json-akt.js';
import { reportOrder } from './order.js';

/**
 * Turns raw records (JSON akter, CSV rows) into the akt store and data problems: what the readers
 * of files, sheets and archives hand their records to. The work is shared out: Accounts counts
 * rows and keeps the problems, FieldReader checks fields into rows, AktRows registers akter and
 * joins their rows, JsonAkter walks a JSON akt, CsvRows joins CSV rows to their akt.
 */
export class ExportBuilder {
  private readonly store = new AktStore();
  private readonly accounts = new Accounts();
  private readonly fields: FieldReader;
  private readonly json: JsonAkter;
  private readonly csv: CsvRows;

  constructor(opts: { normalize?: Normalize; asOf?: string } = {}) {
    this.fields = new FieldReader(this.store, this.accounts, opts.normalize ?? makeNormalize());
    const rows = new AktRows(this.store, this.accounts, this.fields, opts.asOf);
    this.json = new JsonAkter(rows, this.accounts);
    this.csv = new CsvRows(rows, this.accounts);
  }

  addFile(stats: FileStats): FileStats {
    return this.accounts.addFile(stats);
  }

  report(p: DataProblem): void {
    this.accounts.report(p);
  }

  reportUnknownField(at: Location, field: string): void {
    this.accounts.reportUnknownField(at, field);
  }

  /** A record read but not usable at all (broken line, wrong field count): counted as read and rejected. */
  rejectRow(stats: FileStats, code: ProblemCode, at: Location, extra: Partial<DataProblem> = {}): void {
    this.accounts.rejectRow(stats, code, at, extra);
  }

  /** One akt from a .json or .ndjson file, with its plans, delmål and follow-ups nested; `packed` when it was parsed on another thread. */
  addJsonAkt(raw: unknown, at: Location, stats: FileStats, packed?: JsonCodes): void {
    this.json.add(raw, at, stats, packed);
  }

  /** A row of a CSV table (or a sheet), its cells from `first` on: see CsvRows.add. */
  addCsvRow(input: CsvInput, cells: readonly string[], first: number, codes: Int32Array | undefined, line: number): void {
    this.csv.add(input, cells, first, codes, line);
  }

  /** Room in the store for about `rows` more rows of `scope`: see AktStore.reserve. */
  reserve(scope: Scope, rows: number): void {
    this.store.reserve(scope, rows);
  }

  /** Rows of `scope` stored so far. */
  rows(scope: Scope): number {
    return this.store.tables[scope].length;
  }

  /** The akter in report order, the problems and the files. */
  finish(): LoadedExport {
    this.fields.addJsonFields(this.json.provided);
    const order = this.store.lineUp(reportOrder(this.store));
    return { akter: new StoredAkter(this.store, order), problems: this.accounts.problems, files: this.accounts.files };
  }
}
