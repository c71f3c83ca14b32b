import { z } from 'zod';
import { AktSchema, FollowUpSchema, PlanSchema, SubGoalSchema } from './schema.js';

export type FieldKind = { kind: 'date' } | { kind: 'boolean' } | { kind: 'enum'; values: readonly string[] } | { kind: 'text' };

/**
 * What kind of value each field of format v1 holds, read from the schemas' JSON Schema so that a
 * field added to the model is normalised like its kind without a second list to keep in step.
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

export const FIELD_KINDS: ReadonlyMap<string, FieldKind> = new Map(
  [AktSchema, PlanSchema, SubGoalSchema, FollowUpSchema].flatMap((s) => [...kindsOf(s)]),
);
