import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { caseJson, caseText, omitted } from '../src/report/formatters/json.js';
import type { FormatContext } from '../src/report/messages.js';
import type { CaseResult } from '../src/report/types.js';

const ctx: FormatContext = { lang: 'sv', rules: new Map(builtinRules.map((r) => [r.id, r])), color: false };
const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const data = fc.dictionary(fc.constantFrom('planId', 'days', 'goal', '__proto__', 'ä"\\'), fc.oneof(text, fc.integer()), { maxKeys: 3 });
const result = fc.record(
  {
    ruleId: fc.oneof(fc.constantFrom(...builtinRules.map((r) => r.id)), text),
    status: fc.constantFrom('pass', 'fail', 'not-applicable', 'not-assessable' as const),
    severity: fc.constantFrom('error', 'warning' as const),
    reasons: fc.array(fc.record({ code: text, data }, { requiredKeys: ['code'] }), { maxLength: 2 }),
    evidence: data,
    baseline: fc.constantFrom('accepted', 'expired' as const),
  },
  { requiredKeys: ['ruleId', 'status', 'severity', 'reasons'] },
);
const akt: fc.Arbitrary<CaseResult> = fc.record(
  {
    caseId: text,
    district: fc.oneof(fc.constant(null), text, fc.constantFrom('Hägersten-Liljeholmen', 'Spånga-Tensta')),
    origin: fc.record({ file: text, line: fc.integer({ min: 1 }), index: fc.nat() }, { requiredKeys: ['file'] }),
    results: fc.array(result, { maxLength: 4 }),
  },
  { requiredKeys: ['caseId', 'district', 'results'] },
);

describe('an akt as JSON text', () => {
  it('is what JSON.stringify makes of the akt object, the rules in notAssessed left out of both', () => {
    const omit = fc.uniqueArray(fc.oneof(fc.constantFrom(...builtinRules.map((r) => r.id)), text), { maxLength: 3 }).map((ids) => new Set(ids));
    fc.assert(
      fc.property(akt, omit, fc.boolean(), (c, o, evidence) => {
        const x = { ...ctx, evidence };
        expect(caseText(x, c, o)).toBe(JSON.stringify(caseJson(x, c, o)));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves out exactly the results of the rules in notAssessed, keeping the other not-assessable ones', () => {
    const result = (ruleId: string, status: CaseResult['results'][number]['status']) => ({ ruleId, status, severity: 'error' as const, reasons: status === 'not-assessable' ? [{ code: 'missing-data', data: { data: 'followUps' } }] : [] });
    const c: CaseResult = { caseId: 'A-1', district: 'Bromma', results: [result('waiting-time', 'not-assessable'), result('current-plan', 'pass'), result('follow-ups-traceable', 'not-assessable')] };
    const omit = omitted({ notAssessed: [{ ruleId: 'waiting-time', missing: 'jobCenter' }] });
    const shown = (JSON.parse(caseText(ctx, c, omit)) as { results: { ruleId: string; status: string }[] }).results;
    expect(shown.map((r) => [r.ruleId, r.status])).toEqual([
      ['current-plan', 'pass'],
      ['follow-ups-traceable', 'not-assessable'],
    ]);
    expect(JSON.parse(caseText({ ...ctx, messages: true }, c, omit))).toMatchObject({ results: [{ ruleId: 'current-plan' }, { ruleId: 'follow-ups-traceable' }] });
    expect(caseText(ctx, c, omitted({ notAssessed: [] }))).toBe(JSON.stringify(caseJson(ctx, c)));
    expect((JSON.parse(caseText(ctx, c, omitted({ notAssessed: [] }))) as { results: unknown[] }).results).toHaveLength(3);
  });

  it('gives a result its evidence only with --evidence', () => {
    const c: CaseResult = { caseId: 'A-1', district: 'Bromma', results: [{ ruleId: 'current-plan', status: 'pass', severity: 'error', reasons: [], evidence: { planId: 'P1' } }] };
    expect(JSON.parse(caseText(ctx, c))).toEqual({ caseId: 'A-1', district: 'Bromma', results: [{ ruleId: 'current-plan', status: 'pass' }] });
    expect(JSON.parse(caseText({ ...ctx, evidence: true }, c))).toEqual({ caseId: 'A-1', district: 'Bromma', results: [{ ruleId: 'current-plan', status: 'pass', evidence: { planId: 'P1' } }] });
  });

  it('with --messages too', () => {
    const c: CaseResult = { caseId: 'A-1', district: 'Bromma', results: [{ ruleId: 'current-plan', status: 'fail', severity: 'error', reasons: [{ code: 'no-plan' }] }] };
    const messages = { ...ctx, messages: true };
    expect(JSON.parse(caseText(messages, c))).toEqual({ caseId: 'A-1', district: 'Bromma', results: [{ ruleId: 'current-plan', status: 'fail', reasons: [{ code: 'no-plan', message: 'Akten saknar arbetsplan.' }] }] });
  });
});
