import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODES_AT, JsonPacker, JsonUnpacker, KEYS_END, type UnpackedJson } from '../src/load/json-pack.js';
import { untagged } from './helpers/untagged.js';

/** Lines whose parse is easy to get wrong: -0, numbers against numeric strings, null against a missing key, the old separator, `__proto__`. */
const TRICKY = [
  '{"n":-0,"s":"-0","z":0,"big":1e308,"tiny":5e-324,"neg":-12.5,"str":"12.5"}',
  '{"a":null,"b":[null,[],[[]],{}],"c":""}',
  '{"text":"a\\u001fb\\u001f","\\u001f":"\\u001f"}',
  '{"__proto__":{"x":1},"constructor":"c","toString":"t"}',
  '{"å":"Försörjningsstöd ä ö","emoji":"😀 \\ud83d\\ude00","lone":"\\ud800"}',
  '{"2":"b","1":"a","x":"c"}',
  '"top"',
  '17',
  'true',
  'null',
  '[["a",["a",["a"]]],{"a":{"a":"a"}}]',
];

/** Every object in a value has Object.prototype, as JSON.parse's do. */
function plainPrototypes(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return true;
  if (Array.isArray(v)) return v.every(plainPrototypes);
  return Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(plainPrototypes);
}

/**
 * Checks every tagged object's codes against its values: a code for each string value from a
 * dictionary, in for-in order, and one string per key and code throughout the file.
 */
function checkCodes(batch: UnpackedJson, strings: Map<string, string>): void {
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (typeof v !== 'object' || v === null) return;
    const obj = v as Record<string | symbol, unknown>;
    const at = obj[CODES_AT] as number | undefined;
    const keys = Object.keys(obj);
    let i = 0;
    for (const k in obj) {
      const value = obj[k];
      visit(value);
      if (at === undefined) continue;
      // Its slots: each key by its code and its value, in for-in order, the last key marked.
      const key = batch.slots.keys[at + i]!;
      expect(batch.slots.names[key & ~KEYS_END]).toBe(k);
      expect(batch.slots.values[at + i]).toBe(value);
      expect((key & KEYS_END) !== 0).toBe(i === keys.length - 1);
      const code = batch.codes[at + i++]!;
      if (code < 0) continue;
      expect(typeof value).toBe('string');
      const id = `${k}\0${code}`;
      if (!strings.has(id)) strings.set(id, value as string);
      expect(value).toBe(strings.get(id));
    }
  };
  batch.values.forEach(visit);
}

/** Packs the lines' values in batches ending after the given counts, and unpacks them on the other side. */
function roundTrip(values: unknown[], cuts: number[], packer = new JsonPacker(2, 4)): unknown[] {
  const unpacker = new JsonUnpacker();
  const strings = new Map<string, string>();
  const out: unknown[] = [];
  const ends = new Set(cuts.map((c) => c % (values.length + 1)));
  // Each line's length (any number will do): a batch carries the sum of its lines'.
  let chars = 0;
  const unpack = () => {
    const packed = packer.take();
    expect(packed.chars).toBe(chars);
    chars = 0;
    const batch = unpacker.unpack(packed);
    checkCodes(batch, strings);
    expect(batch.values.every(plainPrototypes)).toBe(true);
    out.push(...batch.values.map(untagged));
  };
  values.forEach((v, i) => {
    packer.add(i + 1, v, 7 * i + 1);
    chars += 7 * i + 1;
    if (ends.has(i + 1)) unpack();
  });
  if (packer.size > 0) unpack();
  return out;
}

describe('JSON values packed for the main thread', () => {
  it("rebuild what JSON.parse gave, key order and prototypes included, however they are batched and whatever the dictionaries' limits", () => {
    const key = fc.oneof(fc.constantFrom('caseId', 'plans', 'goal', '__proto__', '\u001f', '1', ''), fc.string({ maxLength: 4 }));
    const text = fc.oneof(fc.constantFrom('', 'a', '\u001f', 'å', '2010-01-01', ' 12 ', 'lång text '.repeat(3)), fc.string({ maxLength: 6, unit: 'grapheme' }));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    }));
    const line = fc.oneof(value.map((v) => JSON.stringify(v)), fc.constantFrom(...TRICKY));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 5 }), fc.constantFrom([2, 4], [1 << 16, 32_768], [0, 0]), (lines, cuts, [limit, trial]) => {
        const parsed = lines.map((l) => JSON.parse(l) as unknown);
        const got = roundTrip(parsed, cuts, new JsonPacker(limit, trial));
        expect(got).toEqual(parsed);
        // toEqual passes objects whose keys differ in order, and a prototype set where JSON.parse made a key.
        expect(got.map((v) => JSON.stringify(v))).toEqual(lines.map((l) => JSON.stringify(JSON.parse(l))));
      }),
    );
  });

  it('keeps -0, numbers and numeric strings apart, and null apart from a missing key', () => {
    const parsed = TRICKY.map((l) => JSON.parse(l) as unknown);
    const got = roundTrip(parsed, [3]) as Record<string, unknown>[];
    expect(Object.is(got[0]!.n, -0)).toBe(true);
    expect(got[0]).toEqual({ n: -0, s: '-0', z: 0, big: 1e308, tiny: 5e-324, neg: -12.5, str: '12.5' });
    expect(Object.hasOwn(got[1]!, 'a') && got[1]!.a === null).toBe(true);
    expect(Object.hasOwn(got[3]!, '__proto__')).toBe(true);
    expect(Object.keys(got[5]!)).toEqual(['1', '2', 'x']);
  });

  it('sends a value once per key and file, and an identifier as text once it is seen not to repeat', () => {
    const packer = new JsonPacker(1 << 16, 8);
    const unpacker = new JsonUnpacker();
    const first = packer.take();
    expect(unpacker.unpack(first).values).toEqual([]);
    packer.add(1, { goal: 'Egen försörjning', caseId: 'A-1' });
    const a = packer.take();
    expect(a.text).toBe('goalEgen försörjningcaseIdA-1');
    packer.add(2, { goal: 'Egen försörjning', caseId: 'A-2' });
    const b = packer.take();
    // Known key, known value: nothing but the new identifier is sent again.
    expect(b.text).toBe('A-2');
    expect(unpacker.unpack(a).values.map(untagged)).toEqual([{ goal: 'Egen försörjning', caseId: 'A-1' }]);
    const second = unpacker.unpack(b);
    expect(second.values.map(untagged)).toEqual([{ goal: 'Egen försörjning', caseId: 'A-2' }]);
    // The field checks find both values by code: goal's the same as before, caseId's the next.
    expect(Array.from(second.codes)).toEqual([0, 1]);
    expect((second.values[0] as Record<symbol, unknown>)[CODES_AT]).toBe(0);
    for (let i = 3; i < 12; i++) packer.add(i, { goal: 'Egen försörjning', caseId: `A-${i}` });
    expect(unpacker.unpack(packer.take()).values).toHaveLength(9);
    // caseId has shown itself an identifier: its values go as text, in no dictionary.
    packer.add(12, { goal: 'Egen försörjning', caseId: 'A-3' });
    const c = packer.take();
    expect(c.text).toBe('A-3');
    expect(Array.from(c.ops)).toContain(-1);
    expect(unpacker.unpack(c).values.map(untagged)).toEqual([{ goal: 'Egen försörjning', caseId: 'A-3' }]);
  });

  it('gives the same values, codes and slots a few at a time as all at once, whatever the pieces', () => {
    const key = fc.oneof(fc.constantFrom('caseId', 'plans', 'goal', '1', ''), fc.string({ maxLength: 3 }));
    const text = fc.oneof(fc.constantFrom('', 'a', '2010-01-01', 'lång text '.repeat(3)), fc.string({ maxLength: 4 }));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 25 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }), (values, pieces) => {
        const packer = new JsonPacker(2, 4);
        values.forEach((v, i) => packer.add(i + 1, v));
        const batch = packer.take();
        const whole = new JsonUnpacker().unpack(batch);
        const unpacker = new JsonUnpacker();
        unpacker.begin(batch);
        const got: unknown[] = [];
        let p = 0;
        while (got.length < values.length) {
          const part = unpacker.some(pieces[p++ % pieces.length]!);
          // Each piece's objects point into its own codes and slots, as a batch's do.
          checkCodes(part, new Map());
          got.push(...part.values);
        }
        expect(got.map(untagged)).toEqual(whole.values.map(untagged));
        expect(got.map((v) => JSON.stringify(untagged(v)))).toEqual(values.map((v) => JSON.stringify(v)));
      }),
    );
  });
});
