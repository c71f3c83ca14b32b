import type { CsvTable } from '../load/discover.js';
import { AktSchema, FollowUpSchema, PlanSchema, SubGoalSchema } from './schema.js';
import type { Dataset } from './types.js';

const keys = (s: { shape: object }, drop: string[] = []): string[] => Object.keys(s.shape).filter((k) => !drop.includes(k));

/** The canonical columns of each CSV table, derived from the schemas so they cannot drift. */
export const TABLE_COLUMNS: Record<CsvTable, readonly string[]> = {
  cases: keys(AktSchema, ['plans', 'followUps']),
  plans: ['caseId', ...keys(PlanSchema, ['subGoals'])],
  subgoals: ['caseId', 'planId', ...keys(SubGoalSchema)],
  followups: ['caseId', ...keys(FollowUpSchema)],
};

export const REQUIRED_COLUMNS: Record<CsvTable, readonly string[]> = {
  cases: ['caseId'],
  plans: ['caseId'],
  subgoals: ['caseId', 'planId'],
  followups: ['caseId'],
};

export const TABLE_DATASET: Partial<Record<CsvTable, Dataset>> = {
  plans: 'plans',
  subgoals: 'subGoals',
  followups: 'followUps',
};

const fold = (s: string): string => s.trim().toLowerCase().replace(/[\s_-]/g, '');

/** Maps header cells to canonical column names (case and separators ignored); null where none matches. */
export function canonicalHeader(table: CsvTable, header: readonly string[]): (string | null)[] {
  const byFolded = new Map(TABLE_COLUMNS[table].map((c) => [fold(c), c]));
  return header.map((h) => byFolded.get(fold(h)) ?? null);
}
