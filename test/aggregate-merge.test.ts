import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reason } from '../src/engine/types.js';
import { realId, sameRealId, withRealId } from '../src/privacy/real-id.js';
import { Aggregator } from '../src/report/aggregate.js';
import { DEFAULT_GRADES } from '../src/report/stats.js';
import type { CaseResult, RuleInfo } from '../src/report/types.js';
import { snapshot } from './helpers/aggregate-snapshot.js';
import { caseArbitrary } from './helpers/case-arbitrary.js';

// With two threads each aggregates the same akter for some of the rules (the worker its rules, the
// main thread the others), and the two are joined rule by rule (Aggregator.state and join): every
// field must be what one aggregator counting every rule gives, order of keys and entries included.

const RULES: RuleInfo[] = [
  { ruleId: 'a', severity: 'error', options: {} },
  { ruleId: 'b', severity: 'warning', options: {} },
  { ruleId: 'c', severity: 'error', options: {} },
];

const value = fc.oneof(fc.constantFrom('x', 'y', ''), fc.integer({ min: 0, max: 30 }));
const data = fc.oneof(
  fc.constant(undefined),
  fc.record({ planId: value }),
  fc.record({ planId: value, validTo: value }),
  fc.record({ validTo: value, planId: value }),
  fc.record({ goal: value }),
);
const reason = fc.record({ code: fc.constantFrom('expired', 'no-plan', 'vague'), data }).map((r): Reason => (r.data === undefined ? { code: r.code } : (r as Reason)));
// Left-out reasons: a few, often the same object (as the engine gives them), sometimes equal copies.
const leftOutReasons: Reason[] = [{ code: 'missing-data', data: { data: 'plans' } }, { code: 'no-placement' }, { code: 'closed', data: { on: 1 } }];
const leftOutReason = fc.oneof(
  fc.constantFrom(...leftOutReasons),
  fc.constantFrom(...leftOutReasons).map((r) => structuredClone(r)),
);
const akt = caseArbitrary(RULES, { districts: ['Norr', 'Söder', 'Väster', null], reason, leftOut: leftOutReason });

function oneAggregate(cases: readonly CaseResult[], listLimit: number) {
  const a = new Aggregator(RULES, DEFAULT_GRADES, listLimit);
  for (const c of cases) a.add(c);
  return snapshot(a.finish());
}

/** The rules `theirs` (numbers in RULES) aggregated apart and sent over as a clone, the others here, joined. */
function splitAggregate(cases: readonly CaseResult[], theirs: readonly number[], listLimit: number) {
  const mine = RULES.flatMap((_, i) => (theirs.includes(i) ? [] : [i]));
  const only = (c: CaseResult, rules: readonly number[]): CaseResult => sameRealId({ ...c, results: rules.map((i) => c.results[i]!) }, c);
  const other = new Aggregator(
    theirs.map((i) => RULES[i]!),
    DEFAULT_GRADES,
    listLimit,
  );
  const flags = new Uint8Array(cases.length);
  cases.forEach((c, k) => (flags[k] = other.add(only(c, theirs))));
  const sent = structuredClone({ state: other.state(), flags });
  const here = new Aggregator(
    mine.map((i) => RULES[i]!),
    DEFAULT_GRADES,
    listLimit,
    { marks: cases.length },
  );
  for (const c of cases) here.add(only(c, mine));
  here.join(RULES, mine, sent.state, theirs, sent.flags);
  return snapshot(here.finish());
}

describe('an aggregate made on two threads, some rules on each', () => {
  it('equals the one-pass aggregate for every way of sharing out the rules', () => {
    const shares = [[], [0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]];
    fc.assert(
      fc.property(fc.array(akt, { maxLength: 40 }).map((cases) => cases.map((c, i) => Object.assign(c, { caseId: `${i}` }))), fc.constantFrom(0, 1, 3, Infinity), (cases, listLimit) => {
        const whole = oneAggregate(cases, listLimit);
        for (const theirs of shares) expect(splitAggregate(cases, theirs, listLimit)).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the real caseIds of the examples the other thread found', () => {
    const c = withRealId<CaseResult>({ caseId: 'ÅÅMMDD-XXXX', district: 'Norr', results: RULES.map((r) => ({ ruleId: r.ruleId, status: 'fail', severity: r.severity, reasons: [{ code: 'expired' }] })) }, '19121212-1212');
    const other = new Aggregator(RULES.slice(0, 1), DEFAULT_GRADES, 10);
    const flags = Uint8Array.of(other.add({ ...c, results: c.results.slice(0, 1) }));
    const here = new Aggregator(RULES.slice(1), DEFAULT_GRADES, 10, { marks: 1 });
    here.add({ ...c, results: c.results.slice(1) });
    const sent = structuredClone({ state: other.state(), flags });
    here.join(RULES, [1, 2], sent.state, [0], sent.flags);
    const ex = here.finish().total.rules[0]!.examples!;
    expect(ex.map((x) => [x.caseId, realId(x)])).toEqual([['ÅÅMMDD-XXXX', '19121212-1212']]);
  });

  it('refuses aggregates of different akter', () => {
    const c: CaseResult = { caseId: '1', district: 'Norr', results: RULES.map((r) => ({ ruleId: r.ruleId, status: 'pass', severity: r.severity, reasons: [] })) };
    const other = new Aggregator(RULES.slice(0, 1), DEFAULT_GRADES, 10);
    other.add({ ...c, district: 'Söder', results: c.results.slice(0, 1) });
    const here = new Aggregator(RULES.slice(1), DEFAULT_GRADES, 10, { marks: 1 });
    here.add({ ...c, results: c.results.slice(1) });
    expect(() => here.join(RULES, [1, 2], other.state(), [0], Uint8Array.of(0))).toThrow(/different akter/);
  });
});
