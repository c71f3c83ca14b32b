import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../src/model/dates.js';
import { z } from 'zod';
import { missingFor, missingReason, RuleContractError, runRules } from '../src/engine/run.js';
import { provides } from '../src/model/codec.js';
import { defineRule, type AnyRule } from '../src/engine/types.js';
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
