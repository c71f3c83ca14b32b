import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataProblem } from '../src/model/problems.js';
import { quote } from '../src/privacy/quote.js';
import { realId, REAL_ID } from '../src/privacy/real-id.js';
import { maskProblem } from '../src/report/build.js';

/** maskProblem as it was before it gave unchanged problems as they are: always a copy, key by key. */
function copied(p: DataProblem, maskFile: (file: string) => string): DataProblem {
  const out: Record<string, unknown> = {};
  for (const k in p) {
    if (k === 'value') continue;
    const v = (p as unknown as Record<string, unknown>)[k];
    out[k] = k === 'file' ? maskFile(p.file) : (k === 'field' || k === 'caseId') && typeof v === 'string' ? quote(v) : v;
  }
  if (p.value !== undefined && !/(^|\.)personId$/.test(p.field ?? '')) out.value = quote(p.value);
  if (p.caseId !== undefined) (out as { [REAL_ID]?: string })[REAL_ID] = p.caseId;
  return out as unknown as DataProblem;
}

const text = fc.oneof(
  fc.constantFrom('A-0000008', '2011-07-04', 'followups.csv', 'date', 'plans[0].validTo', 'personId', 'akt.personId', '811218-9874', '19811218-9874', 'a\nb', '\u202etxt', ''),
  fc.string({ maxLength: 12 }),
);
const problem: fc.Arbitrary<DataProblem> = fc
  .tuple(
    fc.shuffledSubarray(['level', 'code', 'file', 'line', 'index', 'caseId', 'field', 'value', 'rejected'], { minLength: 1 }),
    fc.record({ file: text, caseId: text, field: text, value: fc.option(text, { nil: undefined }), line: fc.nat(), index: fc.nat(), rejected: fc.boolean() }),
  )
  .map(([keys, v]) => {
    const fixed: Record<string, unknown> = { level: 'error', code: 'future-date' };
    return Object.fromEntries(keys.map((k) => [k, k in fixed ? fixed[k] : v[k as keyof typeof v]])) as unknown as DataProblem;
  });
const maskFile = (f: string) => (f === 'followups.csv' ? 'FILE' : quote(f));

describe('maskProblem', () => {
  it('gives what a masked copy holds, key for key in the same order, with the real caseId', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const before = { ...p };
        const expected = copied(before, maskFile);
        const masked = maskProblem(p, maskFile);
        expect(Object.entries(masked)).toEqual(Object.entries(expected));
        expect(realId(masked as { caseId: string })).toBe(realId(expected as { caseId: string }));
        expect((masked as { [REAL_ID]?: string })[REAL_ID]).toBe((expected as { [REAL_ID]?: string })[REAL_ID]);
      }),
    );
  });

  it('copies a problem only when masking changes it', () => {
    const plain: DataProblem = { level: 'error', code: 'future-date', file: 'f.csv', line: 3, caseId: 'A-1', field: 'date', value: '2011-07-04' };
    expect(maskProblem(plain)).toBe(plain);
    expect(realId(maskProblem(plain) as { caseId: string })).toBe('A-1');
    const withNumber: DataProblem = { ...plain, caseId: '811218-9874' };
    expect(maskProblem(withNumber)).not.toBe(withNumber);
    expect(maskProblem(withNumber).caseId).toBe('ÅÅMMDD-XXXX');
    expect(realId(maskProblem(withNumber) as { caseId: string })).toBe('811218-9874');
    const personId: DataProblem = { ...plain, field: 'personId', value: 'x' };
    expect(Object.keys(maskProblem(personId))).not.toContain('value');
    const valueFirst: DataProblem = { value: 'v', level: 'error', code: 'wrong-type', file: 'f.csv' };
    expect(Object.keys(maskProblem(valueFirst))).toEqual(['level', 'code', 'file', 'value']);
    const fileMasked = maskProblem(plain, () => 'other.csv');
    expect(fileMasked).not.toBe(plain);
    expect(fileMasked.file).toBe('other.csv');
  });
});
