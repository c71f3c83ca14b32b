import type { z } from 'zod';
import { isIsoDate } from '../model/dates.js';
import { FIELD_KINDS, scalarFields, SCOPES, type FieldKind, type Scope } from '../model/fields.js';
import { PROBLEM_CODES, type ProblemCode } from '../model/problems.js';
import type { Normalize } from '../model/values.js';
import { detach, UNIQUE_FIELDS, type ValueTable } from '../store/index.js';

/** Why a field's value was not taken; the field then counts as missing. */
export class FieldIssue {
  constructor(readonly code: ProblemCode) {}
}

const ISSUES = new Map<ProblemCode, FieldIssue>(PROBLEM_CODES.map((c) => [c, new FieldIssue(c)]));
const MISSING = ISSUES.get('missing-required')!;
const WRONG_TYPE = ISSUES.get('wrong-type')!;
const INVALID_DATE = ISSUES.get('invalid-date')!;
const INVALID_VALUE = ISSUES.get('invalid-value')!;
/** Distinct values remembered per field; beyond this a field's values are checked one by one. */
const CACHE_LIMIT = 1 << 16;

/** The checked value of a field: the value, undefined when it is missing, or why it is rejected. */
export type FieldCheck = (raw: unknown) => unknown;

/**
 * The schema's rule for a present value of this kind, written out with the problem code each
 * failure carries: the codes are stated here, never read back from a validator's message. A test
 * holds every field's check equal to its zod schema (value and code) on generated values.
 */
export function kindCheck(kind: FieldKind): FieldCheck {
  switch (kind.kind) {
    case 'text':
      return (v) => (typeof v === 'string' ? v.trim() : WRONG_TYPE);
    case 'date':
      return (v) => {
        if (typeof v !== 'string') return WRONG_TYPE;
        const day = v.trim();
        return isIsoDate(day) ? day : INVALID_DATE;
      };
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : WRONG_TYPE);
    case 'enum': {
      const allowed = new Set<unknown>(kind.values);
      return (v) => (typeof v === 'string' && allowed.has(v) ? v : INVALID_VALUE);
    }
  }
}

/**
 * One field's check: normalise (mapping, date and boolean forms, enum folding), then validate
 * by the field's kind; a blank value is missing, which only a required field reports.
 */
function fieldCheck(scope: Scope, field: string, schema: z.ZodType, normalize: Normalize): FieldCheck {
  const optional = schema.safeParse(undefined).success;
  const valid = kindCheck(FIELD_KINDS.get(scope)!.get(field)!);
  return (raw: unknown): unknown => {
    const v = normalize(scope, field, raw);
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return optional ? undefined : MISSING;
    return valid(v);
  };
}

/**
 * A field's check with its result stored as a value id. Dates, codes and most texts repeat
 * endlessly in an export, so the id is remembered per distinct text as read: the schema runs
 * once per value, and a row costs one map look-up per field.
 */
function sharedEncoder(check: FieldCheck, values: ValueTable): FieldEncoder {
  const seen = new Map<string, number | FieldIssue>();
  const encode = (raw: unknown): number | FieldIssue => {
    const v = check(raw);
    return v instanceof FieldIssue ? v : values.id(v);
  };
  return (raw) => {
    if (typeof raw !== 'string') return encode(raw);
    let out = seen.get(raw);
    if (out === undefined) {
      out = encode(raw);
      if (seen.size < CACHE_LIMIT) seen.set(detach(raw), out);
    }
    return out;
  };
}

/** What a row stores for a field: a value id (0 for none), the text itself (identifiers), or why it was not taken. */
export type Encoded = number | string | undefined | FieldIssue;
export type FieldEncoder = (raw: unknown) => Encoded;

/** The checks of every scalar field of one scope, in schema order. */
export interface ScopeChecks {
  fields: readonly string[];
  encoders: readonly FieldEncoder[];
  /** Field name → position, for rows that name their fields. */
  index: ReadonlyMap<string, number>;
}

export function makeChecks(normalize: Normalize, values: ValueTable): Record<Scope, ScopeChecks> {
  const out = {} as Record<Scope, ScopeChecks>;
  for (const scope of Object.keys(SCOPES) as Scope[]) {
    const shape = (SCOPES[scope] as z.ZodObject).shape as Record<string, z.ZodType>;
    const fields = scalarFields(scope);
    const encoders = fields.map((f): FieldEncoder => {
      const check = fieldCheck(scope, f, shape[f]!, normalize);
      return UNIQUE_FIELDS.has(f) ? (check as FieldEncoder) : sharedEncoder(check, values);
    });
    out[scope] = { fields, encoders, index: new Map(fields.map((f, i) => [f, i])) };
  }
  return out;
}

