import { TABLE_SCOPE, type CsvTable } from '../model/datasets.js';
import { scalarFields, type Scope } from '../model/fields.js';

/** A CSV table's columns as its scope's fields: per field its column, -1 where the table has none. */
export interface CsvLayout {
  table: CsvTable;
  scope: Scope;
  cols: Int32Array;
  caseCol: number;
  /** A delmål's planId names its plan; it is not a field of the delmål. */
  planCol: number;
}

/** How a CSV table's columns feed its scope; made once per file from its header. */
export function csvLayout(table: CsvTable, columns: readonly (string | null)[]): CsvLayout {
  const scope = TABLE_SCOPE[table];
  const cols = Int32Array.from(scalarFields(scope), (f) => columns.indexOf(f));
  return { table, scope, cols, caseCol: columns.indexOf('caseId'), planCol: table === 'subgoals' ? columns.indexOf('planId') : -1 };
}
