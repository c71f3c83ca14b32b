/** Data problems are data: a code plus where it was found. Formatters turn codes into sentences. */
export const PROBLEM_CODES = [
  'missing-required',
  'wrong-type',
  'invalid-date',
  'invalid-value',
  'not-an-object',
  'missing-case-id',
  'duplicate-case-id',
  'duplicate-row',
  'unknown-case-id',
  'unknown-plan-id',
  'plan-dates-reversed',
  'future-date',
  'invalid-json',
  'csv-syntax',
  'unterminated-quote',
  'wrong-field-count',
  'duplicate-column',
  'undecodable-text',
  'not-text',
  'empty-file',
  'unknown-field',
  'ignored-file',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Notices explain what the tool did with the input; errors mean the export breaks the contract. */
export const NOTICE_CODES: ReadonlySet<ProblemCode> = new Set(['unknown-field', 'ignored-file']);

export interface Location {
  file: string;
  /** 1-based line in a CSV or NDJSON file. */
  line?: number;
  /** 0-based position in a JSON array. */
  index?: number;
}

export interface DataProblem extends Location {
  level: 'error' | 'notice';
  code: ProblemCode;
  caseId?: string;
  /** Field path, e.g. `plans[0].validTo` or a CSV column name. */
  field?: string;
  /** The offending value, shortened; formatters mask personal data in it. */
  value?: string;
  /** Row rejected (not tied to any akt) because of this problem. */
  rejected?: boolean;
}

export function problem(code: ProblemCode, at: Location, extra: Partial<DataProblem> = {}): DataProblem {
  return { level: NOTICE_CODES.has(code) ? 'notice' : 'error', code, ...at, ...extra };
}

const MAX_VALUE = 80;

export function showValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}
