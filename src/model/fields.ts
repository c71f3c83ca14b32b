import { z } from 'zod';
import { AktSchema } from './schema.js';
import { SCOPE_NAMES, type Dataset, type Scope } from './datasets.js';
import type { FieldPath } from './types.js';

export type { Scope } from './datasets.js';

export type FieldKind = { kind: 'date' } | { kind: 'boolean' } | { kind: 'enum'; values: readonly string[] } | { kind: 'text' };

/** The record a field (a list of records, an optional one) holds, if it holds records. */
function recordOf(field: z.ZodType): z.ZodObject | undefined {
  let s = field;
  for (;;) {
    if (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else return s instanceof z.ZodObject ? s : undefined;
  }
}

/** The schema of the part of the akt named `name`, wherever it is nested (delmål are a plan's). */
function partSchema(schema: z.ZodObject, name: string): z.ZodObject | undefined {
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const record = recordOf(field);
    const found = record && (key === name ? record : partSchema(record, name));
    if (found) return found;
  }
  return undefined;
}

/**
 * Where a field stands: the akt itself or one of its parts, each with its schema, in the list's
 * order. `type` means one thing in a follow-up, another in a placement. Read from the akt's schema
 * by the datasets' names, so the list (datasets.ts) and the schema cannot drift apart.
 */
export const SCOPES: Readonly<Record<Scope, z.ZodObject>> = Object.fromEntries(
  SCOPE_NAMES.map((scope) => {
    const schema = scope === 'akt' ? AktSchema : partSchema(AktSchema, scope);
    if (!schema) throw new Error(`The dataset ${scope} has no schema in the akt's (model/schema.ts).`);
    return [scope, schema];
  }),
) as Record<Scope, z.ZodObject>;

/**
 * What kind of value each field holds, read from the schemas so that a field added to the model is
 * normalised like its kind without a second list to keep in step: a string (a date where its
 * metadata says format "date", as in the JSON Schema), a boolean or an enum, optional or not; lists
 * and records are rows of their own. Read from zod's definitions rather than through
 * z.toJSONSchema, which costs some 12 ms of every run's start-up; test/field-checks.test.ts holds
 * the two readings equal.
 */
function kindsOf(schema: z.ZodObject): Map<string, FieldKind> {
  const kinds = new Map<string, FieldKind>();
  for (const [field, s] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const kind = kindOf(s);
    if (kind) kinds.set(field, kind);
  }
  return kinds;
}

function kindOf(schema: z.ZodType): FieldKind | undefined {
  let s = schema;
  let date = false;
  for (;;) {
    date ||= z.globalRegistry.get(s)?.format === 'date';
    if (!(s instanceof z.ZodOptional)) break;
    s = s.unwrap() as z.ZodType;
  }
  if (s instanceof z.ZodString) return date ? { kind: 'date' } : { kind: 'text' };
  if (s instanceof z.ZodBoolean) return { kind: 'boolean' };
  if (s instanceof z.ZodEnum) return { kind: 'enum', values: s.options as string[] };
  return undefined;
}

export const FIELD_KINDS: ReadonlyMap<Scope, ReadonlyMap<string, FieldKind>> = new Map(
  (Object.entries(SCOPES) as [Scope, z.ZodObject][]).map(([scope, schema]) => [scope, kindsOf(schema)]),
);

export function fieldKind(scope: Scope, field: string): FieldKind | undefined {
  return FIELD_KINDS.get(scope)?.get(field);
}

/** Every scalar field as `field` and as `scope.field`, for mapping keys and suggestions. */
export function fieldNames(): string[] {
  const names = new Set<string>();
  for (const [scope, kinds] of FIELD_KINDS) for (const f of kinds.keys()) names.add(f).add(`${scope}.${f}`);
  return [...names];
}

/** The kinds a mapping key (`type` or `placements.type`) may stand for. */
export function kindsForKey(key: string): FieldKind[] {
  const dot = key.indexOf('.');
  if (dot !== -1) {
    const k = fieldKind(key.slice(0, dot) as Scope, key.slice(dot + 1));
    return k ? [k] : [];
  }
  return [...FIELD_KINDS.values()].flatMap((kinds) => (kinds.has(key) ? [kinds.get(key)!] : []));
}

/** Scalar fields only, in schema order: nested lists (plans, subGoals, …) are rows of their own. */
export function scalarFields(scope: Scope): string[] {
  return Object.entries((SCOPES[scope] as z.ZodObject).shape as Record<string, z.ZodType>)
    .filter(([f]) => FIELD_KINDS.get(scope)!.has(f))
    .map(([f]) => f);
}

/**
 * What an export with every column of the given datasets provides: the datasets, their fields and
 * the akt's own. For tests and plug-in code that build akter by hand.
 */
export function provides(datasets: readonly Dataset[]): Set<Dataset | FieldPath> {
  const out = new Set<Dataset | FieldPath>(datasets);
  for (const scope of ['akt', ...datasets] as const) for (const f of scalarFields(scope)) out.add(`${scope}.${f}`);
  return out;
}
