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

/** A ByteOut that counts the reasons left to its generic writer (JSON.stringify's rules). */
class Counting extends ByteOut {
  generic = 0;
  private depth = 0;
  // json calls itself for what a value holds: only the outermost call is a reason (or list) given to it.
  override json(v: unknown): void {
    if (this.depth++ === 0) this.generic++;
    try {
      super.json(v);
    } finally {
      this.depth--;
    }
  }
}

function genericCalls(lists: readonly unknown[]): { text: string; generic: number } {
  const chunks: Uint8Array[] = [];
  const out = new Counting({ write: (c) => chunks.push(c as Uint8Array) });
  const reasons = new ReasonBytes(out);
  for (const list of lists) {
    reasons.write(list);
    out.byte(0x0a);
  }
  out.flush();
  return { text: Buffer.concat(chunks).toString('utf8'), generic: out.generic };
}

describe('which reasons take the bytes made once per code (the rest the generic writer)', () => {
  // The output is the same either way (the tests above); this pins that rules' plain reasons are the fast ones.
  const withJson = { code: 'a', data: { x: { toJSON: () => 'y' } } };
  it.each<[string, unknown[], number]>([
    ['a code alone', [[{ code: 'a' }]], 0],
    ['empty data', [[{ code: 'a', data: {} }]], 0],
    ['strings and numbers', [[{ code: 'a', data: { planId: 'P1', days: 3 } }, { code: 'b', data: { n: -0 } }]], 0],
    ['one code in two shapes, in turn', [[{ code: 'a', data: { x: '1' } }], [{ code: 'a', data: { y: 2 } }], [{ code: 'a', data: { x: '3' } }], [{ code: 'a' }]], 0],
    ['undefined, a function and a symbol in the list (null)', [[undefined, () => 1, Symbol('s')]], 0],
    ['data before code', [[{ data: {}, code: 'a' }]], 1],
    ['a key beside code and data', [[{ code: 'a', data: {}, more: 1 }]], 1],
    ['another key where data would be, holding what data could', [[{ code: 'a', more: { x: '1' } }]], 1],
    ['data first, holding a string, then code holding what data could', [[{ data: 'c', code: { z: '1' } }]], 1],
    ['a third key after data', [[{ code: 'a', data: {}, code2: 'b' }]], 1],
    ['a code that is no string', [[{ code: 1 }]], 1],
    ['a boolean in data', [[{ code: 'a', data: { x: true } }]], 1],
    ['null in data', [[{ code: 'a', data: { x: null } }]], 1],
    ['a value with toJSON', [[withJson]], 1],
    ['data that is an array', [[{ code: 'a', data: ['x'] }]], 1],
    ['data without prototype', [[{ code: 'a', data: Object.assign(Object.create(null) as object, { x: '1' }) }]], 1],
    ['a reason of another class', [[new (class R { code = 'a'; })()]], 1],
    ['null in the list', [[null]], 1],
    ['not a list', [{ code: 'a' }], 1],
    ['a list with toJSON', [Object.assign([{ code: 'a' }], { toJSON: () => [] })], 1],
  ])('%s', (_name, lists, generic) => {
    const r = genericCalls(lists);
    expect(r.text).toBe(expected(lists));
    expect(r.generic).toBe(generic);
  });

  it('keeps 1,000 codes; a new code beyond them goes to the generic writer, a kept one in a new shape does not', () => {
    const codes = Array.from({ length: 1001 }, (_, i) => [{ code: `c${i}`, data: { n: i } }]);
    expect(genericCalls(codes).generic).toBe(1);
    expect(genericCalls(codes.slice(0, 1000)).generic).toBe(0);
    const r = genericCalls([...codes.slice(0, 1000), [{ code: 'c5', data: { other: 'x' } }], [{ code: 'c999' }]]);
    expect(r.generic).toBe(0);
    expect(r.text).toBe(expected([...codes.slice(0, 1000), [{ code: 'c5', data: { other: 'x' } }], [{ code: 'c999' }]]));
  });
});
