/**
 * Whether `a` comes before `b`: shorter first, then by code units. Any strict order would do; this
 * one also keeps unpadded numbers (…, 9, 10, …) in order, as an export lists them.
 */
export function before(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a < b;
}

/**
 * The akter by caseId. An export lists its akter sorted by caseId, mostly: while they come in
 * order (akt 0, 1, 2, … each with a caseId after the one before), a caseId is found by binary
 * search among them, and a new one is known to be new by comparing it with the last; only akter
 * after the first out of order go to a map. Put in a map, every akt cost a hash and a probe in a
 * table of hundreds of thousands (0.5 s of the main thread loading 400,000 akter, with the
 * table's growth).
 */
export class CaseIds {
  /** Akter 0 to sorted - 1 came in order. */
  private sorted = 0;
  private lastSorted = '';
  private readonly rest = new Map<string, number>();

  /** `caseIdOf`: the caseId an akt was added with. */
  constructor(private readonly caseIdOf: (akt: number) => string) {}

  get(caseId: string): number | undefined {
    if (this.sorted > 0 && !before(this.lastSorted, caseId)) {
      let lo = 0;
      let hi = this.sorted - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const id = this.caseIdOf(mid);
        if (id === caseId) return mid;
        if (before(id, caseId)) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return this.rest.size === 0 ? undefined : this.rest.get(caseId);
  }

  /** Adds an akt whose caseId `get` does not find. */
  add(caseId: string, akt: number): void {
    if (this.rest.size === 0 && akt === this.sorted && (akt === 0 || before(this.lastSorted, caseId))) {
      this.sorted++;
      this.lastSorted = caseId;
    } else this.rest.set(caseId, akt);
  }
}
