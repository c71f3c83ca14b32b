import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reason } from '../src/engine/types.js';
import { withRealId } from '../src/privacy/real-id.js';
import { Aggregator, EVIDENCE_KEYS } from '../src/report/aggregate.js';
import { DEFAULT_GRADES } from '../src/report/stats.js';
import type { CaseResult, RuleInfo } from '../src/report/types.js';
import { snapshot } from './helpers/aggregate-snapshot.js';
import { caseArbitrary } from './helpers/case-arbitrary.js';

// json's check pass on two threads: this thread counts the akter up to a cut, the worker those
// after it (with `record`), and its part is appended (Aggregator.part and append). The aggregate
// must be one pass's, order of keys and entries included, at any cut; where append cannot tell the
// first EVIDENCE_KEYS distinct reasons it says so, and the part's akter are added here instead.

const RULES: RuleInfo[] = [
  { ruleId: 'a', severity: 'error', options: {} },
  { ruleId: 'b', severity: 'warning', options: {} },
];

function onePass(cases: readonly CaseResult[], listLimit: number): string {
  const a = new Aggregator(RULES, DEFAULT_GRADES, listLimit);
  for (const c of cases) a.add(c);
  return withTallies(a);
}

/** The aggregate, with every failing reason counted per stadsdel and in the whole export (a report shows only the most common). */
function withTallies(a: Aggregator): string {
  const { groups, total } = a.state();
  const reasons = { groups: groups.map((g) => g.reasons), total: total.reasons };
  return `${snapshot(a.finish())}\n${JSON.stringify(reasons)}`;
}

/** Cut at `k`: the later akter counted apart, sent over as a clone, appended (or, failing that, added here). */
function twoParts(cases: readonly CaseResult[], k: number, listLimit: number): { out: string; exact: boolean } {
  const here = new Aggregator(RULES, DEFAULT_GRADES, listLimit);
  for (const c of cases.slice(0, k)) here.add(c);
  const later = new Aggregator(RULES, DEFAULT_GRADES, listLimit, { record: true });
  for (const c of cases.slice(k)) later.add(c);
  const exact = here.append(structuredClone(later.part()));
  if (!exact) for (const c of cases.slice(k)) here.add(c);
  return { out: withTallies(here), exact };
}

const value = fc.oneof(fc.constantFrom('x', 'y', ''), fc.integer({ min: 0, max: 30 }));
const data = fc.oneof(fc.constant(undefined), fc.record({ planId: value }), fc.record({ planId: value, validTo: value }), fc.record({ validTo: value, planId: value }));
const reason = fc.record({ code: fc.constantFrom('expired', 'no-plan'), data }).map((r): Reason => (r.data === undefined ? { code: r.code } : (r as Reason)));
const leftOutReasons: Reason[] = [{ code: 'missing-data', data: { data: 'plans' } }, { code: 'no-placement' }, { code: 'closed', data: { on: 1 } }];
const akt = caseArbitrary(RULES, { districts: ['Norr', 'Söder', null], reason, leftOut: fc.constantFrom(...leftOutReasons) });

/**
 * Enough akter for the tallies to fill: each failing reason drawn from `pool` values (a small pool:
 * reasons that recur; a large one: a plan or a date of each akt's own), in stadsdelar weighted by
 * `skew` (the export sorted by stadsdel, or not); with `days`, half of them a number of days that
 * recurs (a date two akter share), often after the part's tally is full.
 */
function many(seed: number, n: number, pool: number, skew: number, days = true): CaseResult[] {
  let x = seed | 1;
  const rnd = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  const districts = ['Norr', 'Söder', 'Väster', null];
  const out: CaseResult[] = [];
  for (let i = 0; i < n; i++) {
    const d = skew > 0 ? districts[Math.min(3, Math.floor((i / n) * 4 * skew + rnd()))] ?? null : districts[Math.floor(rnd() * 4)]!;
    const results = RULES.map((r) => {
      const u = rnd();
      if (u < 0.3) return { ruleId: r.ruleId, status: 'pass' as const, severity: r.severity, reasons: [] as Reason[] };
      if (u < 0.4) return { ruleId: r.ruleId, status: 'not-applicable' as const, severity: r.severity, reasons: [leftOutReasons[Math.floor(rnd() * 3)]!] };
      const reasons: Reason[] = [];
      const m = 1 + Math.floor(rnd() * 2);
      for (let j = 0; j < m; j++) {
        const v = Math.floor(rnd() * pool);
        reasons.push(rnd() < 0.2 ? { code: 'vague' } : !days || rnd() < 0.5 ? { code: 'expired', data: { planId: `p${v}` } } : { code: 'expired', data: { days: v % 5000 } });
      }
      return { ruleId: r.ruleId, status: 'fail' as const, severity: r.severity, reasons };
    });
    out.push(withRealId({ caseId: `${i}`, district: d, origin: { file: 'cases.csv', line: i + 2 }, results }, `r${i}`));
  }
  return out;
}

describe('an aggregate of a pass cut in two, the later part counted apart', () => {
  it('equals the one-pass aggregate at every cut (few akter)', () => {
    fc.assert(
      fc.property(fc.array(akt, { maxLength: 40 }).map((cases) => cases.map((c, i) => Object.assign(c, { caseId: `${i}` }))), fc.constantFrom(0, 1, 3, Infinity), (cases, listLimit) => {
        const whole = onePass(cases, listLimit);
        for (let k = 0; k <= cases.length; k++) {
          const { out, exact } = twoParts(cases, k, listLimit);
          expect(out).toBe(whole);
          // No tally is full here: the part always tells.
          expect(exact).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('equals the one-pass aggregate at any cut with full tallies, appended where the part tells', () => {
    let exact = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(3, 40, 900, 3000, 100_000),
        fc.constantFrom(0, 1, 3),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0, 10, Infinity),
        (seed, pool, skew, cut, listLimit) => {
          const cases = many(seed, 6000, pool, skew);
          const k = Math.floor(cut * cases.length);
          const got = twoParts(cases, k, listLimit);
          expect(got.out).toBe(onePass(cases, listLimit));
          runs++;
          if (got.exact) exact++;
        },
      ),
      { numRuns: 60 },
    );
    expect(EVIDENCE_KEYS).toBeLessThan(6000);
    // Some of them appended (about half: a sorted export, or days that recur, leave the part unsure).
    expect(exact).toBeGreaterThan(0);
    expect(exact).toBeLessThanOrEqual(runs);
  });

  it('appends exactly when both parts fill their tallies with reasons of each akt', () => {
    // The 400k export's shape: every failing akt its own plan, both parts past EVIDENCE_KEYS a stadsdel.
    const cases = many(7, 12_000, 1_000_000, 0, false);
    const got = twoParts(cases, 5000, 10);
    expect(got.exact).toBe(true);
    expect(got.out).toBe(onePass(cases, 10));
  });

  it('counts a reason of a full tally that the part met past its own full tally, in its stadsdel only', () => {
    // Both parts fill Norr's and Söder's tallies with reasons of their own; then the part meets some
    // of this thread's reasons again (found by their hashes) and reasons new to both (counted by neither).
    const fail = (caseId: string, district: string, planId: string): CaseResult =>
      withRealId({ caseId, district, results: [{ ruleId: 'a', status: 'fail', severity: 'error', reasons: [{ code: 'expired', data: { planId } }] }, { ruleId: 'b', status: 'pass', severity: 'warning', reasons: [] }] }, `r${caseId}`);
    const cases: CaseResult[] = [];
    // c0 is a reason of both stadsdelar's tallies.
    for (let i = 0; i < EVIDENCE_KEYS; i++) cases.push(fail(`m${i}`, 'Norr', i === 0 ? 'c0' : `m${i}`), fail(`s${i}`, 'Söder', i === 0 ? 'c0' : `s${i}`));
    const k = cases.length;
    for (let i = 0; i < EVIDENCE_KEYS; i++) cases.push(fail(`w${i}`, 'Norr', `w${i}`), fail(`v${i}`, 'Söder', `v${i}`));
    // m1 … m59 again in Norr, m3 four times more, m10 twice, c0 three times; Söder meets Norr's m7 (not its own) and its own s1.
    for (let i = 1; i < 60; i++) cases.push(fail(`n${i}`, 'Norr', `m${i}`));
    for (let i = 0; i < 4; i++) cases.push(fail(`x${i}`, 'Norr', 'm3'));
    for (let i = 0; i < 3; i++) cases.push(fail(`z${i}`, 'Norr', 'c0'));
    cases.push(fail('y0', 'Norr', 'm10'), fail('y1', 'Norr', 'new'), fail('y2', 'Söder', 'm7'), fail('y3', 'Söder', 's1'), fail('y4', 'Norr', 'm10'));
    const got = twoParts(cases, k, 3);
    expect(got.exact).toBe(true);
    expect(got.out).toBe(onePass(cases, 3));
    // A stadsdel's summary names its most common reason (the first seen of the most common).
    const evidence = (district: string) => (JSON.parse(got.out.split('\n')[0]!) as { districts: { district: string; rules: { evidence?: unknown }[] }[] }).districts.find((d) => d.district === district)!.rules[0]!.evidence;
    expect(evidence('Norr')).toEqual({ code: 'expired', data: { planId: 'm3' }, cases: 6 });
    expect(evidence('Söder')).toEqual({ code: 'expired', data: { planId: 's1' }, cases: 2 });
    expect((JSON.parse(got.out.split('\n')[0]!) as { total: { rules: { evidence?: unknown }[] } }).total.rules[0]!.evidence).toEqual({ code: 'expired', data: { planId: 'm3' }, cases: 6 });
  });
});

describe('append where the tallies fill at the cut', () => {
  /** An akt failing rule a with one reason (plan `planId`), passing b. */
  const fail = (caseId: string, district: string, planId: string): CaseResult =>
    withRealId({ caseId, district, results: [{ ruleId: 'a', status: 'fail', severity: 'error', reasons: [{ code: 'expired', data: { planId } }] }, { ruleId: 'b', status: 'pass', severity: 'warning', reasons: [] }] }, `r${caseId}`);
  const evidence = (out: string, district: string | null) => {
    const o = JSON.parse(out.split('\n')[0]!) as { districts: { district: string; rules: { evidence?: unknown }[] }[]; total: { rules: { evidence?: unknown }[] } };
    return (district === null ? o.total : o.districts.find((d) => d.district === district)!).rules[0]!.evidence;
  };

  it('keeps a reason new in the part out of a stadsdel whose tally this thread filled', () => {
    const cases: CaseResult[] = [];
    for (let i = 0; i < EVIDENCE_KEYS; i++) cases.push(fail(`n${i}`, 'Norr', `n${i}`));
    const k = cases.length;
    for (let i = 0; i < 5; i++) cases.push(fail(`h${i}`, 'Norr', 'hot'));
    const got = twoParts(cases, k, 3);
    expect(got.exact).toBe(true);
    expect(got.out).toBe(onePass(cases, 3));
    // Five akter share it, but Norr's tally was full before it: the first seen of the others is named.
    expect(evidence(got.out, 'Norr')).toEqual({ code: 'expired', data: { planId: 'n0' }, cases: 1 });
  });

  it('takes reasons new to the whole export in the order first counted, only while it has room', () => {
    // This thread counts ten reasons; the part 990 more in Söder (the whole export's tally is then
    // full), then one shared by five akter, which the whole export's tally never takes.
    const cases: CaseResult[] = [];
    for (let i = 0; i < 10; i++) cases.push(fail(`t${i}`, 'Norr', `t${i}`));
    const k = cases.length;
    for (let i = 0; i < EVIDENCE_KEYS - 10; i++) cases.push(fail(`s${i}`, 'Söder', `s${i}`));
    for (let i = 0; i < 5; i++) cases.push(fail(`h${i}`, 'Söder', 'hot'));
    const got = twoParts(cases, k, 3);
    expect(got.exact).toBe(true);
    expect(got.out).toBe(onePass(cases, 3));
    expect(evidence(got.out, 'Söder')).toEqual({ code: 'expired', data: { planId: 'hot' }, cases: 5 });
    expect(evidence(got.out, null)).toEqual({ code: 'expired', data: { planId: 't0' }, cases: 1 });
  });

  it('appends exactly when a stadsdel the part filled lacks a reason new to the whole export', () => {
    // The whole export's tally has room at the cut; Söder's first reason is new to it, and Norr's
    // tally (full in the part) never met it: nothing of it is counted past a full tally.
    const cases: CaseResult[] = [];
    for (let i = 0; i < 10; i++) cases.push(fail(`t${i}`, 'Norr', `t${i}`));
    const k = cases.length;
    cases.push(fail('v0', 'Väster', 'v0'), fail('s0', 'Söder', 's0'), fail('s1', 'Söder', 's0'));
    for (let i = 0; i < EVIDENCE_KEYS + 5; i++) cases.push(fail(`w${i}`, 'Norr', `w${i}`));
    const got = twoParts(cases, k, 3);
    expect(got.exact).toBe(true);
    expect(got.out).toBe(onePass(cases, 3));
    expect(evidence(got.out, null)).toEqual({ code: 'expired', data: { planId: 's0' }, cases: 2 });
  });
});
