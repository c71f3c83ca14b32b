import type { CaseList, CaseResult, Listed } from './types.js';

export class LazyCases implements CaseList {
  constructor(
    readonly length: number,
    private readonly make: () => Iterator<CaseResult>,
  ) {}

  [Symbol.iterator](): Iterator<CaseResult> {
    return this.make();
  }

  /** JSON.stringify sees an array, as for a report read back from JSON. */
  toJSON(): CaseResult[] {
    return [...this];
  }
}

/** The same list with each akt changed by `f`, made as it is walked through. */
export function mapCases(list: CaseList, f: (c: CaseResult) => CaseResult): CaseList {
  return new LazyCases(list.length, function* () {
    for (const c of list) yield f(c);
  });
}

/** Bilaga A's akter changed by `f`, as the report's cases are (baseline marks, pseudonyms). */
export function mapListed(listed: Listed | undefined, f: (c: CaseResult) => CaseResult): { listed?: Listed } {
  if (!listed) return {};
  return { listed: { ...listed, districts: listed.districts.map((d) => ({ ...d, rules: d.rules.map((r) => ({ ...r, cases: r.cases.map(f) })) })) } };
}
