import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportOrder } from '../src/ingest/order.js';
import type { StoreWriter } from '../src/store/index.js';

/** The order by its definition: one sort of all akter by stadsdel (Swedish collation, missing last), then caseId. */
function byDefinition(akter: { district: string | undefined; caseId: string }[]): number[] {
  const collator = new Intl.Collator('sv');
  return akter
    .map((_, i) => i)
    .sort((a, b) => collator.compare(akter[a]!.district ?? '\uffff', akter[b]!.district ?? '\uffff') || (akter[a]!.caseId < akter[b]!.caseId ? -1 : akter[a]!.caseId > akter[b]!.caseId ? 1 : 0));
}

describe('the report order', () => {
  it('is by stadsdel, then caseId, whether the akter come sorted by caseId or not', () => {
    const district = fc.constantFrom(undefined, 'Spånga-Tensta', 'Älvsjö', 'Östermalm', 'Enskede', 'Rinkeby-Kista', 'Å');
    const akter = fc.uniqueArray(fc.record({ district, caseId: fc.string({ maxLength: 4 }) }), { selector: (a) => a.caseId, maxLength: 40 });
    fc.assert(
      fc.property(akter, fc.boolean(), (list, sortedIds) => {
        if (sortedIds) list.sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
        const store = { size: list.length, district: (i: number) => list[i]!.district, caseId: (i: number) => list[i]!.caseId } as unknown as StoreWriter;
        expect([...reportOrder(store)]).toEqual(byDefinition(list));
      }),
      { numRuns: 300 },
    );
  });
});
