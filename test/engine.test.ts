import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../src/model/dates.js';
import { z } from 'zod';
import { Checker, fieldNames, missingFor, missingReason, notAssessedRules, RECENT, resultsOf, RuleContractError, runRules, type RuleFault } from '../src/engine/run.js';
import { provides } from '../src/model/fields.js';
import { defineRule, sourceAt, type AnyRule } from '../src/engine/types.js';
import { fill, numberWord } from '../src/i18n/catalog.js';
import { akt } from './helpers/akt.js';

const t = { sv: 'x', en: 'x' };
function ruleReturning(outcome: unknown): AnyRule {
  return defineRule({
    id: 'bad-rule',
    title: t,
    criterion: { ...t, source: 's' },
    defaultSeverity: 'error',
    requires: [],
    options: z.strictObject({}),
    reasons: { declared: t },
    notApplicable: { 'out-of-scope': t },
    observation: t,
    recommendation: t,
    check: () => outcome as never,
  });
}
const run = (rule: AnyRule) =>
  runRules([{ akt: akt(), origin: { file: 'f' }, datasets: new Set() }], [{ rule, severity: 'error', options: {} }], { asOf: '2010-11-15' });
/** The fault of the RuleContractError the rule's run ends in. */
function faultOf(rule: AnyRule): RuleFault {
  try {
    run(rule);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleContractError);
    return (e as RuleContractError).fault;
  }
  throw new Error('the rule did not break its contract');
}

describe('the engine holds rules to their declarations', () => {
  it('accepts declared codes', () => {
    expect(run(ruleReturning({ status: 'fail', reasons: [{ code: 'declared' }] }))[0]!.findings[0]!.status).toBe('fail');
  });
  it.each([
    ['an undeclared fail code', { status: 'fail', reasons: [{ code: 'nope' }] }],
    ['a fail without reasons', { status: 'fail', reasons: [] }],
    ['an undeclared not-applicable code', { status: 'not-applicable', reason: { code: 'declared' } }],
    ['an unknown status', { status: 'maybe' }],
  ])('names the rule for %s', (_name, outcome) => {
    expect(() => run(ruleReturning(outcome))).toThrow(RuleContractError);
    expect(() => run(ruleReturning(outcome))).toThrow(/bad-rule/);
  });
  // The report masks the strings of data and evidence; a list or an object would pass the gate unmasked.
  it.each([
    ['a list in fail data', { status: 'fail', reasons: [{ code: 'declared', data: { note: ['19850101-2389'] } }] }, { code: 'declared', key: 'note', type: 'list' }],
    ['an object in fail data', { status: 'fail', reasons: [{ code: 'declared', data: { note: { a: 'x' } } }] }, { code: 'declared', key: 'note', type: 'object' }],
    ['null in fail data', { status: 'fail', reasons: [{ code: 'declared', data: { note: null } }] }, { code: 'declared', key: 'note', type: 'null' }],
    ['a boolean in fail data', { status: 'fail', reasons: [{ code: 'declared', data: { ok: true } }] }, { code: 'declared', key: 'ok', type: 'boolean' }],
    ['data that is a list', { status: 'fail', reasons: [{ code: 'declared', data: ['x'] }] }, { code: 'declared' }],
    ['data that is a text', { status: 'fail', reasons: [{ code: 'declared', data: 'x' }] }, { code: 'declared' }],
    ['data that is null', { status: 'fail', reasons: [{ code: 'declared', data: null }] }, { code: 'declared' }],
    ['a list in fail evidence', { status: 'fail', reasons: [{ code: 'declared' }], evidence: { e: ['x'] } }, { key: 'e', type: 'list' }],
    ['a list in pass evidence', { status: 'pass', evidence: { e: ['x'] } }, { key: 'e', type: 'list' }],
    ['a list in not-applicable data', { status: 'not-applicable', reason: { code: 'out-of-scope', data: { n: [1] } } }, { code: 'out-of-scope', key: 'n', type: 'list' }],
  ])('names the rule, the akt and the key for %s', (_name, outcome, detail) => {
    expect(() => run(ruleReturning(outcome))).toThrow(RuleContractError);
    expect(faultOf(ruleReturning(outcome))).toStrictEqual({ ruleId: 'bad-rule', where: 'check', caseId: 'T-0001', kind: 'bad-data', ...detail });
  });
  it('takes texts and numbers in data and evidence, and none', () => {
    const ok = [
      { status: 'fail', reasons: [{ code: 'declared', data: { s: 'x', n: 1 } }], evidence: { s: 'x', n: 0 } },
      { status: 'pass', evidence: { s: '', u: undefined } },
      { status: 'pass' },
      { status: 'not-applicable', reason: { code: 'out-of-scope', data: { n: 2 } } },
    ];
    for (const o of ok) expect(run(ruleReturning(o))[0]!.findings[0]!.status).toBe(o.status);
  });
});

describe('findings shared between akter', () => {
  it('an outcome equal to one of the last RECENT of its status is that finding; an older or another one, a new object', () => {
    // Outcomes by the akt's caseId: fail reasons by the data's value, and a pass.
    const rule = defineRule({
      ...(ruleReturning(undefined) as unknown as Parameters<typeof defineRule>[0]),
      check: (a) => (a.caseId === 'pass' ? { status: 'pass' as const } : { status: 'fail' as const, reasons: [{ code: 'declared', data: { n: a.caseId } }] }),
    });
    const ids = ['0', '1', '0', 'pass', '2', '1', '3', '4', '5', '0', '0'];
    const findings = runRules(
      ids.map((caseId) => ({ akt: akt({ caseId }), origin: { file: 'f' }, datasets: new Set() })),
      [{ rule, severity: 'error', options: {} }],
      { asOf: '2010-11-15' },
    ).map((r) => r.findings[0]!);
    expect(RECENT).toBe(4);
    expect(findings[2]).toBe(findings[0]);
    expect(findings[5]).toBe(findings[1]);
    // '0' was last among fails before '2', '1', '3', '4', '5': no longer kept.
    expect(findings[9]).not.toBe(findings[0]);
    expect(findings[9]).toEqual(findings[0]);
    expect(findings[10]).toBe(findings[9]);
    expect(findings.map((f) => f.reasons[0]?.data?.n ?? f.status)).toEqual(ids);
  });
  it('shares a finding only for the same data keys, in the same order, with the same values', () => {
    // Pass evidence by caseId: each unlike `a` by its keys, their order, a value or its type; `a2` is `a` again.
    const evidence: Record<string, Record<string, string | number | undefined>> = {
      a: { x: 1, y: 2 },
      yx: { y: 2, x: 1 },
      x: { x: 1 },
      a2: { x: 1, y: 2 },
      xyz: { x: 1, y: 2, z: undefined },
      text: { x: '1', y: 2 },
      nan: { x: Number.NaN, y: 2 },
      nan2: { x: Number.NaN, y: 2 },
      xy0: { x: 1, y: 0 },
      zero: { x: 1, y: -0 },
    };
    const rule = defineRule({
      ...(ruleReturning(undefined) as unknown as Parameters<typeof defineRule>[0]),
      check: (a) => ({ status: 'pass' as const, evidence: evidence[a.caseId] as Record<string, string | number> }),
    });
    const ids = Object.keys(evidence);
    const f = runRules(
      ids.map((caseId) => ({ akt: akt({ caseId }), origin: { file: 'f' }, datasets: new Set() })),
      [{ rule, severity: 'error', options: {} }],
      { asOf: '2010-11-15' },
    ).map((r) => r.findings[0]!);
    const at = (id: string) => f[ids.indexOf(id)]!;
    expect(at('a2')).toBe(at('a'));
    for (const id of ['yx', 'x', 'xyz', 'text']) expect(at(id)).not.toBe(at('a'));
    expect(at('nan2')).toBe(at('nan'));
    expect(at('zero')).not.toBe(at('xy0'));
    expect(f.map((x) => x.evidence)).toEqual(ids.map((id) => evidence[id]));
  });
});

describe('wording helpers', () => {
  it('writes numbers up to twelve as words', () => {
    expect([0, 1, 2, 8, 10, 12, 13].map((n) => numberWord(n, 'sv'))).toEqual(['noll', 'en', 'två', 'åtta', 'tio', 'tolv', '13']);
    expect(numberWord(8, 'en')).toBe('eight');
  });
  it('fills templates and leaves unknown names visible', () => {
    expect(fill('{a} av {b} ({c})', { a: 1, b: 'tio' })).toBe('1 av tio ({c})');
  });
});


describe('isIsoDate', () => {
  it.each([
    ['2010-02-28', true],
    ['2010-02-29', false],
    ['2012-02-29', true],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2010-04-31', false],
    ['2010-12-31', true],
    ['2010-13-01', false],
    ['2010-00-10', false],
    ['2010-01-00', false],
    ['2010-1-01', false],
    ['20100101', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('fill with a number and its word', () => {
  it.each([
    ['{n|akt|akter}', 1, '1 akt'],
    ['{n|akt|akter}', 5, '5 akter'],
    ['{n|akt|akter}', '1 000', '1 000 akter'],
    ['{n|akt|akter}', 0, '0 akter'],
    ['{m|akt|akter}', 1, '{m|akt|akter}'],
  ])('%s with %s → %s', (template, n, expected) => {
    expect(fill(template, { n })).toBe(expected);
  });
});

describe('not assessable per field', () => {
  const rule = { requires: ['plans', 'followUps'] as const, fields: ['plans.goal', 'followUps.outcome', 'plans.clientView'] as const };
  it('names missing datasets before fields, and no field of a missing dataset', () => {
    expect(missingFor(rule, new Set(['plans', 'plans.goal']))).toEqual({ datasets: ['followUps'], fields: ['plans.clientView'] });
    expect(missingReason(rule, new Set(['plans', 'plans.goal']))).toEqual({ code: 'missing-data', data: { data: 'followUps' } });
  });
  it('names every missing field, with the bare names for the message', () => {
    const provided = new Set(['plans', 'followUps', 'followUps.outcome'] as const);
    expect(missingReason(rule, provided)).toEqual({ code: 'missing-field', data: { data: 'plans.goal, plans.clientView', field: 'goal, clientView' } });
  });
  it('gives nothing when every dataset and field is there', () => {
    expect(missingReason(rule, provides(['plans', 'followUps']))).toBeUndefined();
    expect(missingReason({ requires: [] }, new Set())).toBeUndefined();
  });
  it('provides() lists the datasets, their fields and the akt fields only', () => {
    const p = provides(['plans']);
    expect([p.has('plans'), p.has('plans.goal'), p.has('akt.caseworker'), p.has('followUps'), p.has('followUps.outcome')]).toEqual([true, true, true, false, false]);
  });
});

describe('the engine names what a rule threw and how it broke its contract', () => {
  const base = ruleReturning({ status: 'pass' });
  const throwing = (where: 'check' | 'prepare', e: unknown, extra: object = {}): AnyRule => ({
    ...base,
    ...extra,
    [where]: () => {
      throw e;
    },
  });
  const message = (rule: AnyRule) => {
    try {
      run(rule);
    } catch (e) {
      expect(e).toBeInstanceOf(RuleContractError);
      expect((e as Error).name).toBe('RuleContractError');
      return (e as Error).message;
    }
    throw new Error('the rule did not throw');
  };

  // The fault is data (the CLI names the akt and masks the rest); the message is its English, as the export has it, for the library.
  it.each([
    ['check', new TypeError('boom'), {}, { where: 'check', caseId: 'T-0001', name: 'TypeError', message: 'boom' }, 'rule bad-rule threw on akt T-0001: TypeError: boom'],
    ['check', 'plain', {}, { where: 'check', caseId: 'T-0001', message: 'plain' }, 'rule bad-rule threw on akt T-0001: plain'],
    ['check', new Error('x'), { plugin: 'my-plugin' }, { plugin: 'my-plugin', where: 'check', caseId: 'T-0001', name: 'Error', message: 'x' }, 'my-plugin: rule bad-rule threw on akt T-0001: Error: x'],
    ['check', new Error('x'), { plugin: 7 }, { where: 'check', caseId: 'T-0001', name: 'Error', message: 'x' }, 'rule bad-rule threw on akt T-0001: Error: x'],
    ['prepare', new RangeError('deep'), {}, { where: 'prepare', name: 'RangeError', message: 'deep' }, 'rule bad-rule threw in prepare: RangeError: deep'],
  ] as const)('%s throwing %s (%o)', (where, e, extra, fault, expected) => {
    expect(faultOf(throwing(where, e, extra))).toStrictEqual({ ruleId: 'bad-rule', kind: 'threw', ...fault });
    expect(message(throwing(where, e, extra))).toBe(expected);
  });

  it('passes a contract error of its own through unchanged', () => {
    const own = new RuleContractError({ ruleId: 'other-rule', where: 'check', caseId: 'X-1', kind: 'no-reason' });
    expect(faultOf(throwing('check', own))).toBe(own.fault);
  });

  it.each([
    ['an undeclared fail code', { status: 'fail', reasons: [{ code: 'declared' }, { code: 'nope' }] }, { kind: 'undeclared', outcome: 'fail', code: 'nope' }, 'rule bad-rule reported fail reason code "nope" on akt T-0001, which it does not declare'],
    ['a fail without reasons', { status: 'fail', reasons: [] }, { kind: 'no-reason' }, 'rule bad-rule failed akt T-0001 without giving a reason'],
    ['an undeclared not-applicable code', { status: 'not-applicable', reason: { code: 'declared' } }, { kind: 'undeclared', outcome: 'not-applicable', code: 'declared' }, 'rule bad-rule reported not-applicable code "declared" on akt T-0001, which it does not declare'],
    ['an inherited name as a code', { status: 'fail', reasons: [{ code: 'toString' }] }, { kind: 'undeclared', outcome: 'fail', code: 'toString' }, 'rule bad-rule reported fail reason code "toString" on akt T-0001, which it does not declare'],
    ['an unknown status', { status: 'maybe' }, { kind: 'unknown-status', status: 'maybe' }, 'rule bad-rule returned unknown status "maybe" on akt T-0001'],
  ])('says what is wrong for %s', (_name, outcome, fault, expected) => {
    expect(faultOf(ruleReturning(outcome))).toStrictEqual({ ruleId: 'bad-rule', where: 'check', caseId: 'T-0001', ...fault });
    expect(message(ruleReturning(outcome))).toBe(expected);
  });
});

describe('the engine hands findings over as the rule gave them', () => {
  const findingOf = (outcome: unknown) => run(ruleReturning(outcome))[0]!.findings[0]!;

  it('keeps a fail with its reasons and evidence, a pass with its evidence, a not-applicable reason', () => {
    expect(findingOf({ status: 'fail', reasons: [{ code: 'declared', data: { n: 1 } }], evidence: { e: 2 } })).toEqual({
      ruleId: 'bad-rule',
      status: 'fail',
      severity: 'error',
      reasons: [{ code: 'declared', data: { n: 1 } }],
      evidence: { e: 2 },
    });
    expect(findingOf({ status: 'pass', evidence: { e: 3 } })).toEqual({ ruleId: 'bad-rule', status: 'pass', severity: 'error', reasons: [], evidence: { e: 3 } });
    expect(findingOf({ status: 'not-applicable', reason: { code: 'out-of-scope' } })).toEqual({ ruleId: 'bad-rule', status: 'not-applicable', severity: 'error', reasons: [{ code: 'out-of-scope' }] });
  });

  it('gives prepare every akt and the context once, and check what prepare made', () => {
    const seen: string[] = [];
    const rule: AnyRule = {
      ...ruleReturning({ status: 'pass' }),
      prepare: (akter: Iterable<{ caseId: string }>, ctx: { asOf: string }, options: { k?: number }) => {
        for (const a of akter) seen.push(a.caseId);
        return `${ctx.asOf}/${options.k}`;
      },
      check: (_akt: unknown, ctx: { shared: string }) => ({ status: 'pass', evidence: { shared: ctx.shared } }),
    };
    const checked = ['A', 'B'].map((caseId) => ({ akt: akt({ caseId }), origin: { file: 'f' }, datasets: new Set<never>() }));
    const results = runRules(checked, [{ rule, severity: 'warning', options: { k: 4 } }], { asOf: '2010-11-15' });
    expect(seen).toEqual(['A', 'B']);
    expect(results.map((r) => [r.checked.akt.caseId, r.findings[0]!.severity, r.findings[0]!.evidence])).toEqual([
      ['A', 'warning', { shared: '2010-11-15/4' }],
      ['B', 'warning', { shared: '2010-11-15/4' }],
    ]);
  });

  it('finds an akt lacking a dataset not assessable, and checks the next akt that has it', () => {
    const rule: AnyRule = { ...ruleReturning({ status: 'pass' }), requires: ['plans'] };
    const lacking = { akt: akt({ caseId: 'A' }), origin: { file: 'f' }, datasets: new Set<never>() };
    const having = { akt: akt({ caseId: 'B' }), origin: { file: 'g' }, datasets: provides(['plans']) };
    const results = runRules([lacking, lacking, having], [{ rule, severity: 'error', options: {} }], { asOf: '2010-11-15' });
    expect(results.map((r) => r.findings[0]!.status)).toEqual(['not-assessable', 'not-assessable', 'pass']);
    expect(results[0]!.findings[0]!.reasons).toEqual([{ code: 'missing-data', data: { data: 'plans' } }]);
  });

  it('lists the rules no akt can be assessed by, before any is checked: every akt, not some, lacks their data', () => {
    const rule = (id: string, requires: AnyRule['requires'], fields?: AnyRule['fields']): AnyRule => ({ ...ruleReturning({ status: 'pass' }), id, requires, ...(fields ? { fields } : {}) });
    const active = [rule('plans', ['plans']), rule('follow-ups', ['followUps']), rule('goal', ['plans'], ['plans.goal']), rule('jobs', ['jobCenter', 'consents'])].map((r) => ({ rule: r, severity: 'error' as const, options: {} }));
    const plansOnly = { akt: akt({ caseId: 'A' }), origin: { file: 'f' }, datasets: provides(['plans']) };
    const both = { akt: akt({ caseId: 'B' }), origin: { file: 'g' }, datasets: new Set([...provides(['plans', 'followUps'])].filter((x) => x !== 'plans.goal')) };
    expect(notAssessedRules([plansOnly, both], active)).toEqual([{ ruleId: 'jobs', missing: 'jobCenter, consents' }]);
    // Named as the first akt misses it (the other akter may miss more).
    expect(notAssessedRules([both, plansOnly], active)).toEqual([{ ruleId: 'jobs', missing: 'jobCenter, consents' }]);
    expect(notAssessedRules([both], active)).toEqual([
      { ruleId: 'goal', missing: 'plans.goal' },
      { ruleId: 'jobs', missing: 'jobCenter, consents' },
    ]);
    expect(notAssessedRules([plansOnly, plansOnly], active)).toEqual([
      { ruleId: 'follow-ups', missing: 'followUps' },
      { ruleId: 'jobs', missing: 'jobCenter, consents' },
    ]);
    expect(notAssessedRules([], active)).toEqual([]);
  });

  it('makes each akt’s findings again on every walk through the results', () => {
    const checked = ['A', 'B'].map((caseId) => ({ akt: akt({ caseId }), origin: { file: 'f' }, datasets: new Set<never>() }));
    const results = resultsOf(checked, new Checker(checked, [{ rule: ruleReturning({ status: 'pass' }), severity: 'error', options: {} }], { asOf: '2010-11-15' }));
    expect(results.length).toBe(2);
    const walk = () => [...results].map((r) => `${r.checked.akt.caseId}:${r.findings[0]!.status}`);
    expect(walk()).toEqual(['A:pass', 'B:pass']);
    expect(walk()).toEqual(['A:pass', 'B:pass']);
  });

  it('names the bare field names', () => {
    expect(fieldNames(['plans.goal', 'followUps.outcome'])).toBe('goal, outcome');
    expect(fieldNames([])).toBe('');
  });
});

describe('the source cited at the audit date', () => {
  it('is the earliest replacement still ahead, however the list is ordered', () => {
    const ascending = { source: 'C', sourceUntil: [{ until: '2000-01-01', source: 'A' }, { until: '2020-01-01', source: 'B' }] };
    const descending = { source: 'C', sourceUntil: [...ascending.sourceUntil].reverse() };
    for (const c of [ascending, descending]) expect([sourceAt(c, '1999-12-31'), sourceAt(c, '2000-01-01'), sourceAt(c, '2019-12-31'), sourceAt(c, '2020-01-01')]).toEqual(['A', 'B', 'B', 'C']);
  });
});

describe('equal findings of consecutive akter are one object', () => {
  // The rule returns, for the i-th akt, the i-th outcome (a fresh object each time, as rules make them).
  function findingsOf(outcomes: unknown[]) {
    const rule: AnyRule = { ...ruleReturning(undefined), reasons: { declared: t, other: t }, check: (a) => structuredClone(outcomes[Number(a.caseId)]) as never };
    const checked = outcomes.map((_, i) => ({ akt: akt({ caseId: String(i) }), origin: { file: 'f' }, datasets: new Set<never>() }));
    return runRules(checked, [{ rule, severity: 'error', options: {} }], { asOf: '2010-11-15' }).map((r) => r.findings[0]!);
  }

  it.each([
    ['a pass', { status: 'pass' }],
    ['a pass with evidence', { status: 'pass', evidence: { goal: 'Bli kock', n: 2 } }],
    ['a fail', { status: 'fail', reasons: [{ code: 'declared', data: { planId: 'P1' } }, { code: 'other' }], evidence: { n: 1 } }],
    ['a not-applicable', { status: 'not-applicable', reason: { code: 'out-of-scope' } }],
    ['a not-applicable with data', { status: 'not-applicable', reason: { code: 'out-of-scope', data: { why: 'x' } } }],
  ])('shares %s', (_name, outcome) => {
    const [a, b, c] = findingsOf([outcome, outcome, outcome]);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it.each([
    ['pass, then fail', [{ status: 'pass' }, { status: 'fail', reasons: [{ code: 'declared' }] }]],
    ['fail, then pass', [{ status: 'fail', reasons: [{ code: 'declared' }] }, { status: 'pass' }]],
    ['not-applicable, then pass', [{ status: 'not-applicable', reason: { code: 'out-of-scope' } }, { status: 'pass' }]],
    ['pass, then not-applicable', [{ status: 'pass' }, { status: 'not-applicable', reason: { code: 'out-of-scope' } }]],
    ['another evidence', [{ status: 'pass', evidence: { n: 1 } }, { status: 'pass', evidence: { n: 2 } }]],
    ['evidence, then none', [{ status: 'pass', evidence: { n: 1 } }, { status: 'pass' }]],
    ['no evidence, then some', [{ status: 'pass' }, { status: 'pass', evidence: { n: 1 } }]],
    ['0, then -0', [{ status: 'pass', evidence: { n: 0 } }, { status: 'pass', evidence: { n: -0 } }]],
    ['a number, then its text', [{ status: 'pass', evidence: { n: 1 } }, { status: 'pass', evidence: { n: '1' } }]],
    ['the same data in another key order', [{ status: 'pass', evidence: { a: 1, b: 2 } }, { status: 'pass', evidence: { b: 2, a: 1 } }]],
    ['a key more', [{ status: 'pass', evidence: { a: 1 } }, { status: 'pass', evidence: { a: 1, b: 2 } }]],
    ['a key less', [{ status: 'pass', evidence: { a: 1, b: 2 } }, { status: 'pass', evidence: { a: 1 } }]],
    ['another key', [{ status: 'pass', evidence: { a: 1 } }, { status: 'pass', evidence: { b: 1 } }]],
    ['another code', [{ status: 'fail', reasons: [{ code: 'declared' }] }, { status: 'fail', reasons: [{ code: 'other' }] }]],
    ['a reason more', [{ status: 'fail', reasons: [{ code: 'declared' }] }, { status: 'fail', reasons: [{ code: 'declared' }, { code: 'other' }] }]],
    ['a reason less', [{ status: 'fail', reasons: [{ code: 'declared' }, { code: 'other' }] }, { status: 'fail', reasons: [{ code: 'declared' }] }]],
    ['a second reason changed', [{ status: 'fail', reasons: [{ code: 'declared' }, { code: 'other' }] }, { status: 'fail', reasons: [{ code: 'declared' }, { code: 'declared' }] }]],
    ['reason data changed', [{ status: 'fail', reasons: [{ code: 'declared', data: { d: '2010-01-01' } }] }, { status: 'fail', reasons: [{ code: 'declared', data: { d: '2010-01-02' } }] }]],
    ['reason data, then none', [{ status: 'fail', reasons: [{ code: 'declared', data: { d: 'x' } }] }, { status: 'fail', reasons: [{ code: 'declared' }] }]],
    ['fail evidence changed', [{ status: 'fail', reasons: [{ code: 'declared' }], evidence: { n: 1 } }, { status: 'fail', reasons: [{ code: 'declared' }], evidence: { n: 2 } }]],
    ['not-applicable for another reason', [{ status: 'not-applicable', reason: { code: 'out-of-scope', data: { why: 'x' } } }, { status: 'not-applicable', reason: { code: 'out-of-scope', data: { why: 'y' } } }]],
  ])('gives each akt its own finding where they differ: %s', (_name, outcomes) => {
    const [a, b] = findingsOf(outcomes);
    expect(b).not.toBe(a);
    const expected = (o: Record<string, unknown>) => {
      const { reason, reasons, ...rest } = o as { reason?: unknown; reasons?: unknown[] };
      return { ruleId: 'bad-rule', severity: 'error', reasons: reason ? [reason] : (reasons ?? []), ...rest };
    };
    // Byte for byte as the rule gave it: key order, -0 and the type of each value kept.
    expect(JSON.stringify(b)).toBe(JSON.stringify({ ...b, ...expected(outcomes[1]!) }));
    expect(b).toStrictEqual({ ...b, ...expected(outcomes[1]!) });
    expect(Object.is(b!.evidence?.n, (outcomes[1] as { evidence?: { n?: unknown } }).evidence?.n)).toBe(true);
    expect(Object.keys(b!.evidence ?? {})).toEqual(Object.keys((outcomes[1] as { evidence?: object }).evidence ?? {}));
  });

  it('still holds a rule to its declarations after an equal finding', () => {
    expect(() => findingsOf([{ status: 'fail', reasons: [{ code: 'declared' }] }, { status: 'fail', reasons: [{ code: 'nope' }] }])).toThrow(RuleContractError);
    expect(() => findingsOf([{ status: 'fail', reasons: [{ code: 'declared' }] }, { status: 'fail', reasons: [] }])).toThrow(RuleContractError);
    // An unknown status is no finding of the status whose slot it falls in.
    expect(() => findingsOf([{ status: 'not-applicable', reason: { code: 'out-of-scope' } }, { status: 'maybe' }])).toThrow(/unknown status/);
    expect(() => findingsOf([{ status: 'pass' }, { status: 'maybe' }])).toThrow(/unknown status/);
  });
});

describe('a finding is shared with the last of its status', () => {
  it('shares across akter of another status in between, and not across statuses', () => {
    const outcomes = [
      { status: 'not-applicable', reason: { code: 'out-of-scope' } },
      { status: 'pass' },
      { status: 'fail', reasons: [{ code: 'declared' }] },
      { status: 'not-applicable', reason: { code: 'out-of-scope' } },
      { status: 'pass' },
      { status: 'fail', reasons: [{ code: 'declared' }] },
    ];
    const rule: AnyRule = { ...ruleReturning(undefined), check: (a) => structuredClone(outcomes[Number(a.caseId)]) as never };
    const checked = outcomes.map((_, i) => ({ akt: akt({ caseId: String(i) }), origin: { file: 'f' }, datasets: new Set<never>() }));
    const f = runRules(checked, [{ rule, severity: 'error', options: {} }, { rule: { ...rule, id: 'second' }, severity: 'warning', options: {} }], { asOf: '2010-11-15' });
    const first = f.map((r) => r.findings[0]!);
    expect(first.map((x) => x.status)).toEqual(outcomes.map((o) => o.status));
    expect(first[3]).toBe(first[0]);
    expect(first[4]).toBe(first[1]);
    expect(first[5]).toBe(first[2]);
    expect(new Set(first).size).toBe(3);
    // Each rule its own: the second rule's findings name it and its severity.
    expect(f.map((r) => [r.findings[1]!.ruleId, r.findings[1]!.severity])).toEqual(outcomes.map(() => ['second', 'warning']));
  });
});
