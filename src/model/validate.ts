import type { z } from 'zod';
import { PROBLEM_CODES, type ProblemCode } from './problems.js';

export interface FieldIssue {
  field: string;
  code: ProblemCode;
  value: unknown;
}

export interface FieldResult {
  value: Record<string, unknown>;
  issues: FieldIssue[];
  unknownKeys: string[];
}

const KNOWN = new Set<string>(PROBLEM_CODES);

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * Validates an object field by field, so that one bad field is reported and treated as missing
 * while the rest of the record is kept (the contract says an akt with a bad field is still checked).
 * Keys in `nested` are left to the caller, which validates their elements the same way.
 */
export function validateFields(
  schema: z.ZodObject,
  raw: Record<string, unknown>,
  nested: ReadonlySet<string> = new Set(),
  normalize: (field: string, value: unknown) => unknown = (_f, v) => v,
): FieldResult {
  const shape = schema.shape as Record<string, z.ZodType>;
  const value: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  const unknownKeys = Object.keys(raw).filter((k) => !Object.hasOwn(shape, k));
  for (const [field, fieldSchema] of Object.entries(shape)) {
    if (nested.has(field)) continue;
    const original = Object.hasOwn(raw, field) ? raw[field] : undefined;
    const v = normalize(field, original);
    if (isMissing(v)) {
      if (!fieldSchema.safeParse(undefined).success) issues.push({ field, code: 'missing-required', value: undefined });
      continue;
    }
    const r = fieldSchema.safeParse(v);
    if (r.success) {
      value[field] = r.data;
    } else {
      const msg = r.error.issues[0]?.message ?? '';
      issues.push({ field, code: KNOWN.has(msg) ? (msg as ProblemCode) : 'wrong-type', value: original });
    }
  }
  return { value, issues, unknownKeys };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
