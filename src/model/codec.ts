import type { z } from 'zod';
import { FIELD_KINDS, SCOPES, type Scope } from './fields.js';
import { PROBLEM_CODES, type ProblemCode } from './problems.js';
import type { Normalize } from './values.js';

/** Why a field's value was not taken; the field then counts as missing. */
export class FieldIssue {
  constructor(readonly code: ProblemCode) {}
}

const ISSUES = new Map<ProblemCode, FieldIssue>(PROBLEM_CODES.map((c) => [c, new FieldIssue(c)]));
const KNOWN = new Set<string>(PROBLEM_CODES);
/** Distinct values remembered per field; beyond this a field's values are checked one by one. */
const CACHE_LIMIT = 1 << 16;

/** The checked value of a field: the value, undefined when it is missing, or why it is rejected. */
export type FieldCheck = (raw: unknown) => unknown;

/**
 * One field's check: normalise (mapping, date and boolean forms, enum folding), then validate
 * against the schema. Dates, codes and booleans repeat endlessly in an export, so their result is
 * remembered per distinct text and the schema runs once per value rather than once per row.
 */
function fieldCheck(scope: Scope, field: string, schema: z.ZodType, normalize: Normalize): FieldCheck {
  const optional = schema.safeParse(undefined).success;
  const kind = FIELD_KINDS.get(scope)?.get(field)?.kind;
  const check = (raw: unknown): unknown => {
    const v = normalize(scope, field, raw);
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return optional ? undefined : ISSUES.get('missing-required');
    // Plain text needs no schema: trimmed, any string is valid.
    if (kind === 'text' && typeof v === 'string') return v.trim();
    const r = schema.safeParse(v);
    if (r.success) return r.data;
    const msg = r.error.issues[0]?.message ?? '';
    return ISSUES.get(KNOWN.has(msg) ? (msg as ProblemCode) : 'wrong-type');
  };
  if (kind === 'text') return check;
  const seen = new Map<string, unknown>();
  return (raw) => {
    if (typeof raw !== 'string') return check(raw);
    const hit = seen.get(raw);
    if (hit !== undefined || seen.has(raw)) return hit;
    const out = check(raw);
    if (seen.size < CACHE_LIMIT) seen.set(raw, out);
    return out;
  };
}

/** The checks of every scalar field of one scope, in schema order. */
export interface ScopeChecks {
  fields: readonly string[];
  checks: readonly FieldCheck[];
  /** Field name → position, for rows that name their fields. */
  index: ReadonlyMap<string, number>;
}

/** Scalar fields only: nested lists (plans, subGoals, …) are rows of their own. */
function scalarFields(scope: Scope): string[] {
  return Object.entries((SCOPES[scope] as z.ZodObject).shape as Record<string, z.ZodType>)
    .filter(([f]) => FIELD_KINDS.get(scope)!.has(f))
    .map(([f]) => f);
}

export function makeChecks(normalize: Normalize): Record<Scope, ScopeChecks> {
  const out = {} as Record<Scope, ScopeChecks>;
  for (const scope of Object.keys(SCOPES) as Scope[]) {
    const shape = (SCOPES[scope] as z.ZodObject).shape as Record<string, z.ZodType>;
    const fields = scalarFields(scope);
    out[scope] = { fields, checks: fields.map((f) => fieldCheck(scope, f, shape[f]!, normalize)), index: new Map(fields.map((f, i) => [f, i])) };
  }
  return out;
}

export { scalarFields };
