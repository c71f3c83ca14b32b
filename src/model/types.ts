import type { CsvTable } from '../load/discover.js';
import type { ArchiveLimits } from '../load/zip.js';
import type { ProgressCounter } from '../progress.js';
import type { Akt } from './schema.js';
import type { Akter } from './store.js';
import type { ValueRules } from './values.js';
import type { Dataset } from './datasets.js';
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
