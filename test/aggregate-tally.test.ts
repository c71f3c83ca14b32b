import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reason } from '../src/engine/types.js';
import { Aggregator, EVIDENCE_KEYS } from '../src/report/aggregate.js';
import { DEFAULT_GRADES } from '../src/report/stats.js';
import type { CaseResult } from '../src/report/types.js';

// The reason most failing akter share, as defined: reasons are the same when their code, data keys (in
// order) and values as text are; the first EVIDENCE_KEYS distinct ones are counted; ties go to the first seen.
function expectedEvidence(reasons: Reason[][]): { code: string; data?: Reason['data']; cases: number } | undefined {
  const seen = new Map<string, { code: string; data?: Reason['data']; cases: number }>();
  for (const rs of reasons) {
    for (const r of rs) {
      const key = JSON.stringify([r.code, ...Object.entries(r.data ?? {}).map(([k, v]) => [k, String(v)])]);
      const e = seen.get(key);
      if (e) e.cases++;
      else if (seen.size < EVIDENCE_KEYS) seen.set(key, { code: r.code, ...(r.data ? { data: r.data } : {}), cases: 1 });
    }
  }
  let best: { code: string; data?: Reason['data']; cases: number } | undefined;
  for (const e of seen.values()) if (!best || e.cases > best.cases) best = e;
  return best;
}

function evidenceOf(akter: { district: string; reasons: Reason[] }[]) {
  const a = new Aggregator([{ ruleId: 'r', severity: 'error', options: {} }], DEFAULT_GRADES);
  akter.forEach((x, i) => {
    const c: CaseResult = { caseId: String(i), district: x.district, results: [x.reasons.length > 0 ? { ruleId: 'r', status: 'fail', severity: 'error', reasons: x.reasons } : { ruleId: 'r', status: 'pass', severity: 'error', reasons: [] }] };
    a.add(c);
  });
  const { districts, total } = a.finish();
  return { total: total.rules[0]!.evidence, districts: Object.fromEntries(districts.map((d) => [d.district, d.rules[0]!.evidence])) };
}

function expected(akter: { district: string; reasons: Reason[] }[]) {
  const districts = [...new Set(akter.map((x) => x.district))];
  return {
    total: expectedEvidence(akter.map((x) => x.reasons)),
    districts: Object.fromEntries(districts.map((d) => [d, expectedEvidence(akter.filter((x) => x.district === d).map((x) => x.reasons))])),
  };
}

describe('the most common failing reason', () => {
  const value = fc.oneof(fc.constantFrom('a', 'b', '', '1', 'x y'), fc.constantFrom(1, 2, 0));
  const data = fc.oneof(
    fc.constant(undefined),
    fc.constant({}),
    fc.record({ planId: value }),
    fc.record({ planId: value, validTo: value }),
    fc.record({ validTo: value, planId: value }),
    fc.record({ goal: value, count: value, caseworker: value }),
    fc.record({ goal: value, count: value }),
  );
  const reason = fc.record({ code: fc.constantFrom('expired', 'no-plan', 'boilerplate'), data }).map((r) => (r.data === undefined ? { code: r.code } : (r as Reason)));
  const akt = fc.record({ district: fc.constantFrom('A', 'B'), reasons: fc.array(reason, { maxLength: 3 }) });

  it('is the reason most akter share, whatever the codes, keys and values', () => {
    fc.assert(
      fc.property(fc.array(akt, { maxLength: 60 }), (akter) => {
        expect(evidenceOf(akter)).toEqual(expected(akter));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a number and its text as one value, and keys in another order as another reason', () => {
    const akter = [
      { district: 'A', reasons: [{ code: 'expired', data: { planId: 'P', n: 1 } }] },
      { district: 'A', reasons: [{ code: 'expired', data: { n: 1, planId: 'P' } }] },
      { district: 'A', reasons: [{ code: 'expired', data: { n: 1, planId: 'P' } }] },
      { district: 'A', reasons: [{ code: 'expired', data: { planId: 'P', n: '1' } }] },
      { district: 'A', reasons: [{ code: 'expired', data: { planId: 'P', n: 1 } }] },
    ];
    expect(evidenceOf(akter).total).toEqual({ code: 'expired', data: { planId: 'P', n: 1 }, cases: 3 });
  });

  it('counts only the first EVIDENCE_KEYS distinct reasons, in each stadsdel and in all', () => {
    // Distinct reasons up to the limit and past it, then each of them again: one past the limit only counts in B.
    const distinct = (i: number): Reason => ({ code: 'expired', data: { planId: `P${i}`, validTo: '2010-01-01' } });
    const akter = [
      ...Array.from({ length: EVIDENCE_KEYS }, (_, i) => ({ district: 'A', reasons: [distinct(i)] })),
      { district: 'B', reasons: [distinct(EVIDENCE_KEYS)] },
      { district: 'A', reasons: [distinct(EVIDENCE_KEYS)] },
      { district: 'A', reasons: [distinct(EVIDENCE_KEYS)] },
      { district: 'B', reasons: [{ code: 'no-plan' }] },
      { district: 'A', reasons: [{ code: 'no-plan' }] },
      { district: 'A', reasons: [distinct(5)] },
    ];
    const got = evidenceOf(akter);
    expect(got).toEqual(expected(akter));
    expect(got.districts.A).toEqual({ code: 'expired', data: { planId: 'P5', validTo: '2010-01-01' }, cases: 2 });
    expect(got.districts.B).toEqual({ code: 'expired', data: { planId: `P${EVIDENCE_KEYS}`, validTo: '2010-01-01' }, cases: 1 });
    expect(got.total).toEqual({ code: 'expired', data: { planId: 'P5', validTo: '2010-01-01' }, cases: 2 });
  });
});
