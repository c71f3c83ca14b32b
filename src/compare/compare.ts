import type { Report, RuleSummary } from '../report/types.js';
import { MASK } from '../privacy/personnummer.js';
import { hasRealId, realId, sameRealId } from '../privacy/real-id.js';

/** Two-sided p-value of the pooled two-proportion z-test; null when it cannot be computed. */
export function twoProportionP(x1: number, n1: number, x2: number, n2: number): number | null {
  if (n1 === 0 || n2 === 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return 1;
  const z = Math.abs(x1 / n1 - x2 / n2) / se;
  return 2 * (1 - normalCdf(z));
}

/** Φ(z), by the Abramowitz–Stegun 7.1.26 approximation of erf (error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export const ALPHA = 0.05;

/** The z-test's normal approximation needs at least this many expected akter in each cell (pass and fail, before and after). */
export const MIN_EXPECTED = 5;

/** Whether two groups are large enough for the z-test: every expected count under the pooled share at least MIN_EXPECTED. */
export function largeEnoughForTest(x1: number, n1: number, x2: number, n2: number): boolean {
  if (n1 === 0 || n2 === 0) return false;
  // In whole numbers: min(n) · min(passes, failures) / N ≥ 5, without rounding at the boundary.
  const passes = x1 + x2;
  return Math.min(n1, n2) * Math.min(passes, n1 + n2 - passes) >= MIN_EXPECTED * (n1 + n2);
}

export interface Side {
  passed: number;
  applicable: number;
  share: number | null;
}

export interface RuleChange {
  ruleId: string;
  /** Present in only one of the runs, or in both. */
  presence: 'both' | 'before-only' | 'after-only';
  before?: Side;
  after?: Side;
  /** after − before, in percentage points. */
  changePoints: number | null;
  /** null when there is nothing to compare, or the groups are too small for the test (`tooFewForTest`). */
  pValue: number | null;
  /** p < 0.05 in the two-proportion z-test. */
  significant: boolean;
  /** Both sides were assessed, but too few akter for the z-test: no test was run. */
  tooFewForTest: boolean;
}

export interface DistrictChange {
  district: string | null;
  presence: 'both' | 'before-only' | 'after-only';
  rules: RuleChange[];
}

export interface AktChange {
  caseId: string;
  district: string | null;
  ruleId: string;
  from: 'pass' | 'fail';
  to: 'pass' | 'fail';
}

export interface Comparison {
  before: { asOf: string; cases: number };
  after: { asOf: string; cases: number };
  method: 'two-proportion-z-test';
  alpha: number;
  districts: DistrictChange[];
  total: DistrictChange;
  /** Akter that went from pass to fail, or from fail to pass, per rule. */
  akter: AktChange[];
}

const side = (s: RuleSummary): Side => ({ passed: s.passed, applicable: s.applicable, share: s.share });

function compareRules(before: RuleSummary[] | undefined, after: RuleSummary[] | undefined): RuleChange[] {
  const ids = [...new Set([...(before ?? []).map((r) => r.ruleId), ...(after ?? []).map((r) => r.ruleId)])];
  return ids.map((ruleId) => {
    const b = before?.find((r) => r.ruleId === ruleId);
    const a = after?.find((r) => r.ruleId === ruleId);
    const presence = b && a ? 'both' : b ? 'before-only' : 'after-only';
    const changePoints = b?.share != null && a?.share != null ? Math.round((a.share - b.share) * 1000) / 10 : null;
    const tooFewForTest = Boolean(b && a && b.applicable > 0 && a.applicable > 0 && !largeEnoughForTest(b.passed, b.applicable, a.passed, a.applicable));
    const pValue = b && a && !tooFewForTest ? twoProportionP(b.passed, b.applicable, a.passed, a.applicable) : null;
    return { ruleId, presence, ...(b ? { before: side(b) } : {}), ...(a ? { after: side(a) } : {}), changePoints, pValue, significant: pValue !== null && pValue < ALPHA, tooFewForTest };
  });
}

/**
 * What changed between two runs, as an uppföljande granskning asks: per stadsdel and rule the
 * share before and after, the change in percentage points and whether it is larger than chance;
 * and which akter changed status. Rules and stadsdelar in only one run are shown as such.
 */
/** A report read back from JSON holds masked caseIds: akter whose caseId was a personnummer cannot be told apart. */
const tellable = (c: { caseId: string }) => hasRealId(c) || !c.caseId.includes(MASK);

export function compareReports(before: Report, after: Report): Comparison {
  const districts = [...new Set([...before.districts.map((d) => d.district), ...after.districts.map((d) => d.district)])];
  const akter: AktChange[] = [];
  const status = new Map<string, string>();
  for (const c of before.cases) if (tellable(c)) for (const r of c.results) status.set(`${realId(c)}\0${r.ruleId}`, r.status);
  for (const c of after.cases) {
    if (!tellable(c)) continue;
    for (const r of c.results) {
      const from = status.get(`${realId(c)}\0${r.ruleId}`);
      if ((from === 'pass' && r.status === 'fail') || (from === 'fail' && r.status === 'pass')) {
        akter.push(sameRealId({ caseId: c.caseId, district: c.district, ruleId: r.ruleId, from, to: r.status }, c));
      }
    }
  }
  akter.sort((x, y) => (x.ruleId < y.ruleId ? -1 : x.ruleId > y.ruleId ? 1 : x.caseId < y.caseId ? -1 : x.caseId > y.caseId ? 1 : 0));
  return {
    before: { asOf: before.asOf, cases: before.total.cases },
    after: { asOf: after.asOf, cases: after.total.cases },
    method: 'two-proportion-z-test',
    alpha: ALPHA,
    districts: districts.map((d) => {
      const b = before.districts.find((x) => x.district === d);
      const a = after.districts.find((x) => x.district === d);
      return { district: d, presence: b && a ? 'both' : b ? 'before-only' : 'after-only', rules: compareRules(b?.rules, a?.rules) };
    }),
    total: { district: null, presence: 'both', rules: compareRules(before.total.rules, after.total.rules) },
    akter,
  };
}
