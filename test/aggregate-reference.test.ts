import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reason, Status } from '../src/engine/types.js';
import { realId, withRealId } from '../src/privacy/real-id.js';
import { Aggregator, EVIDENCE_KEYS, EXAMPLES } from '../src/report/aggregate.js';
import { DEFAULT_GRADES, FEW_CASES, grade, wilson } from '../src/report/stats.js';
import type { CaseResult, RuleInfo } from '../src/report/types.js';

/**
 * The aggregate as defined, counted the plain way: each stadsdel and the whole export on their own,
 * reasons by a key string, nothing shared. The Aggregator finds each reason once for a stadsdel and
 * the whole export and adds up the whole export's figures at the end; its result must be this one,
 * key order and all.
 */
function reference(rules: RuleInfo[], akter: CaseResult[], listLimit: number) {
  const exact = (r: Reason) => JSON.stringify([r.code, ...Object.entries(r.data ?? {}).map(([k, v]) => [k, String(v)])]);
  const group = () => ({
    cases: 0,
    failingCases: 0,
    withFindings: 0,
    rules: rules.map((r) => ({ ruleId: r.ruleId, passed: 0, failed: 0, notAssessable: 0, notApplicable: 0, reasonCounts: {} as Record<string, number>, examples: [] as object[], tally: new Map<string, { code: string; data?: Reason['data']; cases: number }>() })),
    listed: rules.map(() => [] as CaseResult[]),
    leftOut: { 'not-assessable': rules.map(() => new Map<string, { reason: Reason; count: number }>()), 'not-applicable': rules.map(() => new Map<string, { reason: Reason; count: number }>()) },
  });
  const groups = new Map<string | null, ReturnType<typeof group>>();
  const total = group();
  for (const c of akter) {
    if (!groups.has(c.district)) groups.set(c.district, group());
    for (const [g, limit] of [[groups.get(c.district)!, listLimit], [total, 0]] as const) {
      g.cases++;
      if (c.results.some((r) => r.status === 'fail' && r.severity === 'error')) g.failingCases++;
      if (c.results.some((r) => r.status === 'fail')) g.withFindings++;
      c.results.forEach((r, i) => {
        const s = g.rules[i]!;
        if (r.status === 'pass') s.passed++;
        else if (r.status === 'fail') {
          s.failed++;
          if (g.listed[i]!.length < limit) g.listed[i]!.push({ caseId: c.caseId, district: c.district, ...(c.origin ? { origin: c.origin } : {}), results: [r] });
          for (const code of new Set(r.reasons.map((x) => x.code))) s.reasonCounts[code] = (Object.hasOwn(s.reasonCounts, code) ? s.reasonCounts[code]! : 0) + 1;
          for (const x of r.reasons) {
            const e = s.tally.get(exact(x));
            if (e) e.cases++;
            else if (s.tally.size < EVIDENCE_KEYS) s.tally.set(exact(x), { code: x.code, ...(x.data ? { data: x.data } : {}), cases: 1 });
          }
          const first = r.reasons[0]!;
          if (s.examples.length < EXAMPLES) s.examples.push(withRealId({ caseId: c.caseId, code: first.code, ...(first.data ? { data: first.data } : {}) }, realId(c)));
        } else {
          if (r.status === 'not-assessable') s.notAssessable++;
          else s.notApplicable++;
          const m = g.leftOut[r.status][i]!;
          const e = m.get(exact(r.reasons[0]!));
          if (e) e.count++;
          else m.set(exact(r.reasons[0]!), { reason: r.reasons[0]!, count: 1 });
        }
      });
    }
  }
  const summary = (district: string | null, g: ReturnType<typeof group>) => {
    const out = g.rules.map((s) => {
      const applicable = s.passed + s.failed;
      const share = applicable > 0 ? s.passed / applicable : null;
      let best: { cases: number } | undefined;
      for (const e of s.tally.values()) if (!best || e.cases > best.cases) best = e;
      return {
        ruleId: s.ruleId,
        applicable,
        passed: s.passed,
        failed: s.failed,
        notAssessable: s.notAssessable,
        notApplicable: s.notApplicable,
        share,
        reasonCounts: s.reasonCounts,
        interval: wilson(s.passed, applicable),
        fewCases: applicable > 0 && applicable < FEW_CASES,
        grade: share === null ? null : grade(share, DEFAULT_GRADES),
        ...(s.failed > 0 && best ? { evidence: best } : {}),
        ...(s.failed > 0 ? { examples: s.examples } : {}),
      };
    });
    const graded = out.filter((s, i) => s.share !== null && rules[i]!.severity === 'error');
    const mean = graded.length > 0 ? graded.reduce((n, s) => n + s.share!, 0) / graded.length : null;
    return { district, cases: g.cases, failingCases: g.failingCases, rules: out, grade: mean === null ? null : grade(mean, DEFAULT_GRADES) };
  };
  return {
    districts: [...groups].map(([d, g]) => summary(d, g)),
    total: summary(null, total),
    listed: { limit: listLimit, districts: [...groups].map(([district, g]) => ({ district, withFindings: g.withFindings, rules: rules.map((r, i) => ({ ruleId: r.ruleId, cases: g.listed[i]! })) })) },
    leftOut: { districts: new Map([...groups].map(([d, g]) => [d, g.leftOut])), total: total.leftOut },
  };
}

/** Text that tells everything apart the reports could show: key order, the real caseIds, the left-out reasons in order (not their map keys). */
function text(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (v instanceof Map) return [...v].map(([k, e]) => (typeof k === 'string' ? e : [k, e]));
    if (v && typeof v === 'object' && 'caseId' in v) return { ...v, realId: realId(v as { caseId: string }) };
    return v;
  });
}

function aggregate(rules: RuleInfo[], akter: CaseResult[], listLimit: number) {
  const a = new Aggregator(rules, DEFAULT_GRADES, listLimit);
  for (const c of akter) a.add(c);
  return a.finish();
}

const rules: RuleInfo[] = [
  { ruleId: 'a', severity: 'error', options: {} },
  { ruleId: 'b', severity: 'warning', options: {} },
  { ruleId: 'c', severity: 'error', options: {} },
];

// Reasons the engine shares between akter (one object), and reasons made afresh per akt.
const shared: Reason[] = [{ code: 'missing-data', data: { data: 'plans' } }, { code: 'no-plan' }, { code: 'expired', data: { planId: 'P1', validTo: '2010-01-01' } }];
const value = fc.oneof(fc.constantFrom('a', 'b', '', '1', 'x y', 'a\0b'), fc.constantFrom(1, 2, 0));
const data = fc.oneof(
  fc.constant(undefined),
  fc.constant({}),
  fc.record({ planId: value }),
  fc.record({ planId: value, validTo: value }),
  fc.record({ validTo: value, planId: value }),
  fc.record({ goal: value, count: value, caseworker: value }),
);
const fresh = fc.record({ code: fc.constantFrom('expired', 'no-plan', 'valueOf'), data }).map((r) => (r.data === undefined ? { code: r.code } : (r as Reason)));
const reason = fc.oneof(fc.constantFrom(...shared), fresh);

function akterOf(districts: fc.Arbitrary<string | null>, reasons: fc.Arbitrary<Reason>, maxLength: number, minLength = 0): fc.Arbitrary<CaseResult[]> {
  const result = (ruleId: string, severity: 'error' | 'warning') =>
    fc.record({ status: fc.constantFrom<Status>('pass', 'fail', 'fail', 'not-assessable', 'not-applicable'), reasons: fc.array(reasons, { minLength: 1, maxLength: 3 }) }).map(({ status, reasons }) => ({
      ruleId,
      status,
      severity,
      reasons: status === 'pass' ? [] : status === 'fail' ? reasons : [reasons[0]!],
    }));
  const akt = fc.record({ district: districts, id: fc.string({ maxLength: 3 }), results: fc.tuple(...rules.map((r) => result(r.ruleId, r.severity as 'error' | 'warning'))) });
  return fc.array(akt, { minLength, maxLength, size: 'max' }).map((xs) => xs.map((x, i) => withRealId({ caseId: `${x.id}${i}`, district: x.district, origin: { file: 'f.csv', line: i + 2 }, results: x.results }, `real ${i}`)));
}

describe('the aggregate, against the plain way of counting it', () => {
  it('is the same, figures, reasons, examples, Bilaga A and left-out akter alike', () => {
    fc.assert(
      fc.property(akterOf(fc.constantFrom('A', 'B', null), reason, 40), fc.constantFrom(0, 2, Infinity), (akter, limit) => {
        expect(text(aggregate(rules, akter, limit))).toBe(text(reference(rules, akter, limit)));
      }),
      { numRuns: 500 },
    );
  });

  it('is the same past EVIDENCE_KEYS distinct reasons, in a stadsdel and in all', () => {
    // Twice EVIDENCE_KEYS distinct reasons once each, most in A (whose tally fills; B's does not),
    // then some of them again, late ones among them: a reason past a tally's limit counts nowhere there.
    const distinct = (n: number): Reason => ({ code: 'expired', data: { planId: `P${n}`, count: n % 3 } });
    const n = 2 * EVIDENCE_KEYS + 100;
    // First seen after the tallies filled: -1, a reason with no data; -2, one that differs from an early one in its last value only.
    const again = fc.record({ district: fc.constantFrom('A', 'B'), n: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: EVIDENCE_KEYS - 2, max: EVIDENCE_KEYS + 2 }), fc.integer({ min: n - 3, max: n - 1 }), fc.constantFrom(-1, -2)) });
    const run = fc.record({ districts: fc.array(fc.constantFrom('A', 'A', 'B'), { minLength: n, maxLength: n }), again: fc.array(again, { maxLength: 300, size: 'max' }) });
    fc.assert(
      fc.property(run, ({ districts, again }) => {
        const akt = (district: string, r: Reason, i: number): CaseResult =>
          withRealId({ caseId: String(i), district, results: [{ ruleId: 'a', status: 'fail', severity: 'error', reasons: [r] }, { ruleId: 'b', status: 'pass', severity: 'warning', reasons: [] }, { ruleId: 'c', status: 'not-applicable', severity: 'error', reasons: [distinct(i % 1500)] }] }, `real ${i}`);
        const akter = [...districts.map((d, i) => akt(d, distinct(i), i)), ...again.map((x, i) => akt(x.district, x.n === -1 ? { code: 'no-plan' } : x.n === -2 ? { code: 'expired', data: { planId: 'P0', count: 9 } } : distinct(x.n), n + i))];
        expect(text(aggregate(rules, akter, 1))).toBe(text(reference(rules, akter, 1)));
      }),
      { numRuns: 20, endOnFailure: true },
    );
  });

  it('sums the whole export again when finished twice', () => {
    const akter = fc.sample(akterOf(fc.constantFrom('A', 'B'), reason, 30), { numRuns: 1, seed: 7 })[0]!;
    const a = new Aggregator(rules, DEFAULT_GRADES);
    for (const c of akter) a.add(c);
    const once = text(a.finish());
    expect(text(a.finish())).toBe(once);
    expect(once).toBe(text(reference(rules, akter, 0)));
  });
});
