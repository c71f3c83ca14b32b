import { z } from 'zod';
import {
  AktSchema,
  ConsentSchema,
  FollowUpSchema,
  InvestigationSchema,
  JobCenterSchema,
  PlacementSchema,
  PlanSchema,
  SubGoalSchema,
} from './schema.js';
import type { Dataset } from './datasets.js';
import type { FieldPath } from './types.js';

export type FieldKind = { kind: 'date' } | { kind: 'boolean' } | { kind: 'enum'; values: readonly string[] } | { kind: 'text' };

/** Where a field stands: the akt itself or one of its parts. `type` means one thing in a follow-up, another in a placement. */
export const SCOPES = {
  akt: AktSchema,
  plans: PlanSchema,
  subGoals: SubGoalSchema,
  followUps: FollowUpSchema,
  investigations: InvestigationSchema,
  consents: ConsentSchema,
  jobCenter: JobCenterSchema,
  placements: PlacementSchema,
} as const satisfies Record<'akt' | Dataset, z.ZodObject>;
/** The akt itself or one of its datasets. */
export type Scope = 'akt' | Dataset;

/**
 * What kind of value each field holds, read from the schemas' JSON Schema so that a field added
 * to the model is normalised like its kind without a second list to keep in step.
 */
function kindsOf(schema: z.ZodObject): Map<string, FieldKind> {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, { type?: string; format?: string; enum?: string[] }> };
  const kinds = new Map<string, FieldKind>();
  for (const [field, p] of Object.entries(json.properties)) {
    if (p.format === 'date') kinds.set(field, { kind: 'date' });
    else if (p.type === 'boolean') kinds.set(field, { kind: 'boolean' });
    else if (p.enum) kinds.set(field, { kind: 'enum', values: p.enum });
    else if (p.type === 'string') kinds.set(field, { kind: 'text' });
  }
  return kinds;
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
