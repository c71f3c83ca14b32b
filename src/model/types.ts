import type { Akt } from './schema.js';
import type { DataProblem, Location } from './problems.js';

/** Parts of format v1 an export may leave out altogether; a rule that needs one is then not assessable. */
export type Dataset = 'plans' | 'subGoals' | 'followUps';

export interface CheckedAkt {
  akt: Akt;
  origin: Location;
  /** What the export provides for this akt, so a lack of data is not mistaken for a lack in the akt. */
  datasets: ReadonlySet<Dataset>;
}

export interface FileStats {
  file: string;
  format: 'csv' | 'json' | 'ndjson';
  table?: string;
  rowsRead: number;
  rowsRejected: number;
}

export interface LoadedExport {
  akter: CheckedAkt[];
  problems: DataProblem[];
  files: FileStats[];
}
