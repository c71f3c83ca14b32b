import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { before, CaseIds } from '../src/ingest/case-ids.js';

/** caseIds as exports have them: padded, unpadded numbers, prefixed, and a few odd ones. */
const caseId = fc.oneof(
  fc.nat(30).map((n) => `A-${String(n).padStart(3, '0')}`),
  fc.nat(30).map(String),
  fc.constantFrom('', ' ', 'a', 'B', 'é', '10', '9', '__proto__'),
  fc.string({ maxLength: 4 }),
);

describe('the akter by caseId', () => {
  it('finds every caseId added, and only those, whatever order they come in (a map as the model)', () => {
    // Sorted, sorted then out of order, or as they fall; each caseId added once (addAkt rejects a repeat).
    const order = fc.constantFrom('sorted', 'sorted-then-any', 'any');
    fc.assert(
      fc.property(fc.uniqueArray(caseId, { maxLength: 60 }), order, fc.nat(60), fc.array(caseId, { maxLength: 20 }), (ids, how, cut, probes) => {
        const sorted = [...ids].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
        const list = how === 'sorted' ? sorted : how === 'sorted-then-any' ? [...sorted.slice(0, cut), ...ids.filter((id) => !sorted.slice(0, cut).includes(id))] : ids;
        const added: string[] = [];
        const index = new CaseIds((akt) => added[akt]!);
        const model = new Map<string, number>();
        for (const id of list) {
          // Before it is added, nothing finds it; every caseId added so far is found where it was put.
          expect(index.get(id)).toBeUndefined();
          const akt = added.push(id) - 1;
          index.add(id, akt);
          model.set(id, akt);
          for (const p of [...probes, ...list]) expect(index.get(p)).toBe(model.get(p));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('orders shorter caseIds first, then by their characters', () => {
    expect(before('9', '10')).toBe(true);
    expect(before('10', '9')).toBe(false);
    expect(before('A-2', 'A-1')).toBe(false);
    expect(before('A-1', 'A-2')).toBe(true);
    expect(before('A-1', 'A-1')).toBe(false);
  });
});
