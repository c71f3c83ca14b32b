import type { ArchiveLimits } from '../load/zip.js';
import type { ProgressCounter } from '../progress.js';
import type { Akt } from './schema.js';
import type { ValueRules } from './values.js';
import type { CsvTable, Dataset } from './datasets.js';
import type { DataProblem, Location } from './problems.js';

export type { Dataset } from './datasets.js';

/**
 * A field of a dataset (or of the akt itself): `plans.goal`, `akt.caseworker`. An export provides
 * a field when some row carries it (a CSV column in its table's header; a JSON key in some akt).
 */
export type FieldPath = `${Dataset | 'akt'}.${string}`;

/** What an export provides: its datasets and, within them, the fields its rows carry. */
export type Provided = ReadonlySet<Dataset | FieldPath>;

export interface CheckedAkt {
  akt: Akt;
  origin: Location;
  /** What the export provides for this akt, so a lack of data is not mistaken for a lack in the akt. */
  datasets: Provided;
}

/**
 * The akter of an export in report order, as the engine, the reports and the sampling read them.
 * The store (src/store/) implements it and makes each akt when it is asked for; an array of
 * CheckedAkt (tests, plug-in code) is read by the engine directly.
 */
export interface Akter extends Iterable<CheckedAkt> {
  readonly length: number;
  at(i: number): CheckedAkt;
  /** What the export provides for the i-th akt, without making the akt. */
  datasets(i: number): Provided;
  /** The akter `keep` accepts, as another list of the same akter. */
  filter(keep: (a: CheckedAkt) => boolean): Akter;
  map<T>(f: (a: CheckedAkt) => T): T[];
  /** Each akt, for a rule's `prepare`, which looks at every akt but usually at one part of it. */
  models(): Iterable<Akt>;
}

export interface FileStats {
  file: string;
  /** xlsx: a workbook (its SHA-256, no rows) or one of its sheets (`book.xlsx!Akter`, its rows); zip: an archive. */
  format: 'csv' | 'json' | 'ndjson' | 'xlsx' | 'zip';
  table?: string;
  /** The encoding the file was read in (WHATWG name). */
  encoding?: string;
  /** The CSV delimiter used; "\t" for tab. */
  delimiter?: string;
  /** SHA-256 of the file's bytes, so an auditor can show which export was checked. */
  sha256?: string;
  rowsRead: number;
  rowsRejected: number;
}

/** How an export's own file names, column names and coded values map onto format v1. */
export interface ExportMapping {
  encoding?: string;
  delimiter?: string;
  /** File name → CSV table, or null to leave the file out. */
  files?: Readonly<Record<string, CsvTable | null>>;
  /** Workbook sheet name → table, or null to leave the sheet out. */
  sheets?: Readonly<Record<string, CsvTable | null>>;
  /** Limits on what a zip archive (or a workbook) may unpack to; the rest keep their defaults. */
  archive?: Partial<ArchiveLimits>;
  /** Per table, header → canonical column, or null for a column that is not used. */
  columns?: Readonly<Partial<Record<CsvTable, Readonly<Record<string, string | null>>>>>;
  values?: ValueRules['values'];
  dateFormats?: readonly string[];
}

export interface ReadOptions {
  /** --encoding and --delimiter; they win over the mapping and over detection. */
  encoding?: string;
  delimiter?: string;
  mapping?: ExportMapping;
  /** The audit date; dates after it are reported where the export cannot know them yet. */
  asOf?: string;
  /** Bumped per file and row read, for a progress bar. */
  progress?: ProgressCounter;
  /** 2 or more: parse CSV on a worker thread while the akter are built (the same result as 1). */
  threads?: number;
}

export interface LoadedExport {
  /** In report order; each akt is made into an object when it is asked for. */
  akter: Akter;
  problems: DataProblem[];
  files: FileStats[];
}
