import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteOut } from '../src/report/formatters/bytes.js';
import { ReasonBytes } from '../src/report/formatters/reason-bytes.js';

/** What a ReasonBytes writes for each list of reasons, one list a line, over buffers of `size` bytes. */
function written(lists: readonly unknown[], size?: number): string {
  const chunks: Uint8Array[] = [];
  const out = new ByteOut({ write: (c) => chunks.push(c as Uint8Array) }, size);
  const reasons = new ReasonBytes(out);
  for (const list of lists) {
    reasons.write(list);
    out.byte(0x0a);
  }
  out.flush();
  return Buffer.concat(chunks).toString('utf8');
}

const expected = (lists: readonly unknown[]) => lists.map((l) => `${JSON.stringify(l) ?? 'null'}\n`).join('');

/** Any UTF-16, lone surrogates and characters JSON escapes too. */
const anyText = fc.oneof(fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength: 20 }), fc.constantFrom('', '"', '\\', 'a\u0000b', 'Bli självförsörjande', '\ud800', 'A-0000001-P2'));
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-0, 2 ** 31, 1e21, NaN, Infinity));
/** Values a rule's data holds, and some it should not (the generic writer takes those). */
const value = fc.oneof(anyText, number, anyText, number, fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant({ a: [1] }), fc.constant(() => 1));
const key = fc.constantFrom('planId', 'goal', 'days', 'count', 'ä"\\', '__proto__', 'toJSON', '1');
const code = fc.constantFrom('no-plan', 'generic-goal', 'follow-up-gap', 'a"b');
/** Reasons as rules make them, with the same code in different shapes, and objects that are no plain reason. */
const reason: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ code, data: fc.dictionary(key, value, { maxKeys: 4 }) }, { requiredKeys: ['code'] }),
  fc.record({ code, data: fc.dictionary(fc.constantFrom('planId', 'days'), fc.oneof(anyText, number), { maxKeys: 2 }) }),
  fc.record({ data: fc.dictionary(key, value, { maxKeys: 2 }), code }),
  fc.record({ code, data: value, extra: value }, { requiredKeys: ['code'] }),
  fc.constantFrom(
    undefined,
    null,
    'text',
    { code: 1 },
    { code: 'no-plan', data: undefined },
    { code: 'no-plan', data: { toJSON: () => 'x' } },
    { code: 'no-plan', toJSON: () => ({ code: 'other' }) },
    Object.assign(Object.create(null) as object, { code: 'no-plan' }),
    Object.defineProperty({ code: 'no-plan' }, 'toJSON', { value: () => 'hidden', enumerable: false }),
    Object.assign(Object.create({ data: { planId: 'inherited' } }) as object, { code: 'no-plan' }),
    { code: 'no-plan', data: [1, 2] },
    { code: 'no-plan', data: {} },
  ),
);
const lists = fc.array(fc.oneof(fc.array(reason, { maxLength: 3 }), fc.constant({ length: 0 }), fc.constant(Object.assign([{ code: 'x' }], { toJSON: () => 'list' }))), { maxLength: 8 });

describe('reasons written as bytes', () => {
  it('are JSON.stringify of the list, whatever its reasons hold, across buffers of any size', () => {
    fc.assert(
      fc.property(lists, fc.integer({ min: 1, max: 120 }), (l, size) => {
        expect(written(l, size)).toBe(expected(l));
      }),
      { numRuns: 3000 },
    );
  });

  it('keep each code to its own keys when the same code comes with other keys, or none', () => {
    const l = [
      [{ code: 'c', data: { planId: 'P1', days: 3 } }],
      [{ code: 'c', data: { days: 4, planId: 'P2' } }],
      [{ code: 'c' }, { code: 'c', data: {} }],
      [{ code: 'c', data: { planId: 'P3' } }],
      [{ code: 'c', data: { planId: 'P4', days: 5 } }],
      [{ code: 'd', data: { planId: 'P4' } }, { code: 'c', data: { planId: 'P\u00e5"' } }],
    ];
    expect(written(l)).toBe(expected(l));
  });
});
