import type { StoreWriter } from '../store/index.js';

/** The akter's report order: by stadsdel (Swedish collation; missing last), then by caseId. */
export function reportOrder(s: StoreWriter): Int32Array {
  const districts = new Map<string | undefined, number>();
  for (let i = 0; i < s.size; i++) districts.set(s.district(i), 0);
  const collator = new Intl.Collator('sv');
  const ranked = [...districts.keys()].sort((a, b) => collator.compare(a ?? '\uffff', b ?? '\uffff'));
  ranked.forEach((d, r) => districts.set(d, r));
  // Akter by stadsdel in the order they were read, then each stadsdel by caseId. Exports usually
  // list the akter by caseId already: a stadsdel whose akter are in order is not sorted at all
  // (sorting all akter at once compared across the interleaved stadsdelar, a tenth of a second
  // per 100,000 akter). CaseIds are unique, so the order is the same however it is reached.
  const groups: number[][] = ranked.map(() => []);
  for (let i = 0; i < s.size; i++) groups[districts.get(s.district(i))!]!.push(i);
  const order = new Int32Array(s.size);
  let k = 0;
  for (const group of groups) {
    let sorted = true;
    for (let j = 1; j < group.length && sorted; j++) sorted = s.caseId(group[j - 1]!) < s.caseId(group[j]!);
    if (!sorted) {
      const ids = new Map(group.map((i) => [i, s.caseId(i)]));
      group.sort((a, b) => {
        const x = ids.get(a)!;
        const y = ids.get(b)!;
        return x < y ? -1 : x > y ? 1 : 0;
      });
    }
    order.set(group, k);
    k += group.length;
  }
  return order;
}
