import type { CaseResult } from './types.js';

/**
 * The akter of a report with their results. A report read back from JSON holds them in an array;
 * a fresh report makes them again each time they are walked through (the rules are pure, so the
 * result is the same), because for a whole country they would not fit in memory at once.
 */
export interface CaseList extends Iterable<CaseResult> {
  readonly length: number;
}

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
