/**
 * The parts of format v1 besides the akt's own fields, in the order of the akt's schema: THE list
 * of datasets. The schemas per scope (fields.ts), the CSV columns (columns.ts), the store's tables,
 * the readers and the plug-in contract are derived from it, so a new dataset is added here once.
 * An export may leave a dataset out altogether; a rule that needs one is then not assessable.
 */
export const DATASETS = ['plans', 'subGoals', 'followUps', 'investigations', 'consents', 'jobCenter', 'placements'] as const;
export type Dataset = (typeof DATASETS)[number];

/** The datasets that are keys of the akt itself (delmål are nested in a plan). */
export type AktPart = Exclude<Dataset, 'subGoals'>;
export const AKT_PARTS: readonly AktPart[] = DATASETS.filter((d): d is AktPart => d !== 'subGoals');

/** The akt's lists (jobCenter is one record per akt, not a list). */
export type AktList = Exclude<AktPart, 'jobCenter'>;
export const AKT_LISTS: readonly AktList[] = AKT_PARTS.filter((d): d is AktList => d !== 'jobCenter');
