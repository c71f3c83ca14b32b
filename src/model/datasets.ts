/**
 * The parts of format v1 besides the akt's own fields, in the order of the akt's schema: THE list
 * of datasets. The scopes and their schemas (fields.ts), the CSV tables and their reading order
 * (below), the CSV columns (columns.ts), the store's tables, the readers and the plug-in contract
 * are derived from it, so a new dataset is added here once (and its schema in schema.ts).
 * An export may leave a dataset out altogether; a rule that needs one is then not assessable.
 */
export const DATASETS = ['plans', 'subGoals', 'followUps', 'investigations', 'consents', 'jobCenter', 'placements'] as const;
export type Dataset = (typeof DATASETS)[number];

/** The akt itself or one of its datasets: where a field stands. */
export type Scope = 'akt' | Dataset;
export const SCOPE_NAMES: readonly Scope[] = ['akt', ...DATASETS];

/** The datasets that are keys of the akt itself (delmål are nested in a plan). */
export type AktPart = Exclude<Dataset, 'subGoals'>;
export const AKT_PARTS: readonly AktPart[] = DATASETS.filter((d): d is AktPart => d !== 'subGoals');

/** The akt's lists (jobCenter is one record per akt, not a list). */
export type AktList = Exclude<AktPart, 'jobCenter'>;
export const AKT_LISTS: readonly AktList[] = AKT_PARTS.filter((d): d is AktList => d !== 'jobCenter');

/**
 * A CSV table (a file, a workbook's sheet) is its dataset's name in lower case, and cases the akt's
 * own; listed in reading order, which is the list's: akter first, then plans before what refers to them.
 */
export type CsvTable = 'cases' | Lowercase<Dataset>;
const tableOf = (scope: Scope): CsvTable => (scope === 'akt' ? 'cases' : (scope.toLowerCase() as Lowercase<Dataset>));
export const CSV_TABLES: readonly CsvTable[] = SCOPE_NAMES.map(tableOf);

/** The part of the akt each table fills; cases.csv is the akt itself. */
export const TABLE_SCOPE = Object.fromEntries(SCOPE_NAMES.map((s) => [tableOf(s), s])) as Readonly<Record<CsvTable, Scope>>;

/** The dataset each child table provides is its scope: what a rule's `requires` names. */
export const TABLE_DATASET = Object.fromEntries(DATASETS.map((d) => [tableOf(d), d])) as Readonly<Partial<Record<CsvTable, Dataset>>>;
