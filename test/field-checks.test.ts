import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { FieldIssue, kindCheck } from '../src/ingest/field-checks.js';
import { FIELD_KINDS, scalarFields, SCOPES, type FieldKind, type Scope } from '../src/model/fields.js';

/** Values a normalised field can hold: text, dates good and bad, codes, and what JSON can carry instead. */
function values(kind: FieldKind): fc.Arbitrary<unknown> {
  const date = fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const codes = kind.kind === 'enum' ? kind.values : ['x'];
  return fc.oneof(
    fc.string(),
    date,
    date.map((d) => ` ${d} `),
    fc.constantFrom(...codes, ...codes.map((c) => c.toUpperCase()), ...codes.map((c) => ` ${c}`), ' 2011-02-29', '2012-02-29', '20110101', 'ja'),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 2 }),
    fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
  );
}

describe('field checks carry their problem codes explicitly', () => {
  const fields = (Object.keys(SCOPES) as Scope[]).flatMap((scope) => scalarFields(scope).map((field) => ({ scope, field })));

  it('covers every scalar field of every scope', () => {
    expect(fields.length).toBeGreaterThan(30);
  });

  it.each(fields)('$scope.$field: the same value or code as its zod schema', ({ scope, field }) => {
    const kind = FIELD_KINDS.get(scope)!.get(field)!;
    const schema = (SCOPES[scope] as z.ZodObject).shape[field] as z.ZodType;
    const check = kindCheck(kind);
    fc.assert(
      fc.property(values(kind), (v) => {
        // A blank value never reaches the check: the caller treats it as missing.
        fc.pre(v !== null && !(typeof v === 'string' && v.trim() === ''));
        const r = schema.safeParse(v);
        const out = check(v);
        if (r.success) expect(out).toEqual(r.data);
        else {
          expect(out).toBeInstanceOf(FieldIssue);
          expect((out as FieldIssue).code).toBe(r.error.issues[0]!.message);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('field kinds', () => {
  /** The kinds as read before through the JSON Schema of each scope. */
  function viaJsonSchema(schema: z.ZodObject): Map<string, FieldKind> {
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

  it.each(Object.keys(SCOPES) as Scope[])('%s: the same kinds, in the same order, as the JSON Schema says', (scope) => {
    const kinds = FIELD_KINDS.get(scope)!;
    const expected = viaJsonSchema(SCOPES[scope] as z.ZodObject);
    expect([...kinds]).toEqual([...expected]);
    expect([...kinds.values()].map((k) => k.kind)).toContain(scope === 'akt' ? 'enum' : 'date');
  });
});
