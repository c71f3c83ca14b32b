import { quote } from '../privacy/quote.js';

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
  /** The offending value, masked, on one line and shortened (privacy/quote.ts). */
  value?: string;
  /** Row rejected (not tied to any akt) because of this problem. */
  rejected?: boolean;
}

export function problem(code: ProblemCode, at: Location, extra: Partial<DataProblem> = {}): DataProblem {
  return { level: NOTICE_CODES.has(code) ? 'notice' : 'error', code, ...at, ...extra };
}

const MAX_VALUE = 80;

/**
 * A value quoted in a data problem: masked before it is shortened, never the other way round. A
 * list or record is described by its shape (type, length, keys), never quoted: it may hold personId.
 */
export function showValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null) return quote(shape(value), MAX_VALUE);
  return quote(typeof value === 'string' ? value : String(value), MAX_VALUE);
}

/** `array, 3 items` or `object, keys caseId, plans`; a string or number says only its type. */
export function shape(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array, ${value.length} items`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'object, no keys' : `object, keys ${keys.join(', ')}`;
  }
  return typeof value;
}

/** A rejected record, by its shape only: a record that is not an object is never quoted. */
export function showShape(value: unknown): string {
  return quote(shape(value), MAX_VALUE);
}
