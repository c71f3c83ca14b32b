import type { StoreWriter } from '../store/index.js';

/** The akter's report order: by stadsdel (Swedish collation; missing last), then by caseId. */
export function reportOrder(s: StoreWriter): Int32Array {
  const districts = new Map<string | undefined, number>();
  for (let i = 0; i < s.size; i++) districts.set(s.district(i), 0);
  const collator = new Intl.Collator('sv');
  const ranked = [...districts.keys()].sort((a, b) => collator.compare(a ?? '\uffff', b ?? '\uffff'));
  ranked.forEach((d, r) => districts.set(d, r));
  const rank = new Int32Array(s.size);
  for (let i = 0; i < s.size; i++) rank[i] = districts.get(s.district(i))!;
  // Exports are usually sorted by caseId already; the sort is stable and fast on sorted runs.
  const order = Array.from({ length: s.size }, (_, i) => i).sort((a, b) => {
    if (rank[a] !== rank[b]) return rank[a]! - rank[b]!;
    const x = s.caseId(a);
    const y = s.caseId(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return Int32Array.from(order);
}
