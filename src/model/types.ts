import type { Akt } from './schema.js';
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

export interface LoadedExport {
  /** In report order; each akt is made into an object when it is asked for. */
  akter: Akter;
  problems: DataProblem[];
  files: FileStats[];
}
