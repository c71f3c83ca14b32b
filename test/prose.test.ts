import { describe, expect, it } from 'vitest';
import { sourceAt } from '../src/engine/types.js';
import { agreeing } from '../src/report/messages.js';
import { gradable, listOf, mergeRecommendations, MIN_CASES_FOR_GRADE, ofAkter, themeJudgement } from '../src/report/document/prose.js';
import type { RuleSummary } from '../src/report/types.js';

const summary = (passed: number, applicable: number): RuleSummary =>
  ({ passed, failed: applicable - passed, applicable, share: applicable === 0 ? null : passed / applicable, grade: applicable === 0 ? null : 'partly-fulfilled' }) as unknown as RuleSummary;

describe('Swedish number words agree', () => {
  it.each([
    [1, 1, 'den enda akten', 'the only case file'],
    [2, 2, 'båda akterna', 'both case files'],
    [1, 2, 'en av två akter', 'one of two case files'],
    [10, 10, 'samtliga tio akter', 'all ten case files'],
    [0, 10, 'ingen av tio akter', 'none of ten case files'],
    [8, 10, 'åtta av tio akter', 'eight of ten case files'],
    [13, 20, '13 av 20 akter', '13 of 20 case files'],
  ])('%i of %i', (passed, applicable, sv, en) => {
    expect(ofAkter(passed, applicable, 'sv')).toBe(sv);
    expect(ofAkter(passed, applicable, 'en')).toBe(en);
  });

  it('observations of all akter say so', () => {
    const t = 'I {failed} av {applicable} akter som remitterats till jobbtorg saknas ett samtycke.';
    expect(agreeing(t, 1, 1, 'sv')).toBe('I den enda akten som remitterats till jobbtorg saknas ett samtycke.');
    expect(agreeing(t, 2, 2, 'sv')).toBe('I båda akterna som remitterats till jobbtorg saknas ett samtycke.');
    expect(agreeing(t, 4, 4, 'sv')).toBe('I samtliga {applicable} akter som remitterats till jobbtorg saknas ett samtycke.');
    expect(agreeing(t, 1, 2, 'sv')).toBe(t);
    expect(agreeing('In {failed} of {applicable} case files x.', 2, 2, 'en')).toBe('In both case files x.');
    expect(agreeing('Another shape {failed}.', 2, 2, 'sv')).toBe('Another shape {failed}.');
  });

  it('lists end with "och" / "and"', () => {
    expect(listOf(['a'], 'sv')).toBe('a');
    expect(listOf(['a', 'b', 'c'], 'sv')).toBe('a, b och c');
    expect(listOf(['a', 'b'], 'en')).toBe('a and b');
    expect(listOf([], 'en')).toBe('');
  });
});

describe('the Bedömning argues from the figures', () => {
  it('a share on fewer than five akter is not graded', () => {
    expect(MIN_CASES_FOR_GRADE).toBe(5);
    expect(gradable(summary(4, 4))).toBe(false);
    expect(gradable(summary(5, 5))).toBe(true);
    expect(gradable(summary(0, 0))).toBe(false);
  });

  it('the weakest point sets the grade and is named after "då"', () => {
    const text = themeJudgement('sv', 'planning', [
      { title: 'Aktuell arbetsplan', s: summary(2, 10) },
      { title: 'Grundutredning före arbetsplan', s: summary(10, 10) },
    ]);
    expect(text).toBe('Vi bedömer att kraven på planeringen inte är uppfyllda, då två av tio akter uppfyller kriteriet ”Aktuell arbetsplan”.');
  });

  it('where every point is met, all are named', () => {
    const text = themeJudgement('sv', 'goals', [
      { title: 'A', s: summary(9, 10) },
      { title: 'B', s: summary(10, 10) },
    ]);
    expect(text).toBe('Vi bedömer att kraven på mål och delmål är uppfyllda, då nio av tio akter uppfyller kriteriet ”A” och samtliga tio akter uppfyller kriteriet ”B”.');
  });

  it('points on few akter are named as too small a basis, and alone cannot be assessed', () => {
    expect(themeJudgement('sv', 'follow-up', [{ title: 'A', s: summary(1, 10) }, { title: 'B', s: summary(1, 4) }])).toBe(
      'Vi bedömer att kraven på uppföljningen inte är uppfyllda, då en av tio akter uppfyller kriteriet ”A”. För ”B” (fyra akter) är underlaget för litet för en bedömning.',
    );
    expect(themeJudgement('sv', 'follow-up', [{ title: 'B', s: summary(1, 1) }])).toBe(
      'Kraven på uppföljningen kan inte bedömas, då underlaget är för litet: färre än fem akter för ”B” (en akt).',
    );
    expect(themeJudgement('en', 'follow-up', [{ title: 'A', s: summary(1, 10) }])).toBe('We assess that the requirements on follow-up are not met, as one of ten case files meets the criterion “A”.');
    expect(themeJudgement('sv', 'follow-up', [{ title: 'A', s: summary(0, 0) }])).toBeUndefined();
  });

  it('grade boundaries follow the thresholds', () => {
    const at = (passed: number) => themeJudgement('sv', 'goals', [{ title: 'A', s: summary(passed, 20) }]);
    expect(at(18)).toContain('är uppfyllda');
    expect(at(17)).toContain('i huvudsak är uppfyllda');
    expect(at(15)).toContain('i huvudsak är uppfyllda');
    expect(at(14)).toContain('delvis är uppfyllda');
    expect(at(8)).toContain('delvis är uppfyllda');
    expect(at(7)).toContain('inte är uppfyllda');
  });
});

describe('recommendations merged per addressee and theme', () => {
  it('names the addressee once', () => {
    expect(mergeRecommendations(['Stadsdelsnämnden bör säkerställa att A.', 'Stadsdelsnämnden bör säkerställa att B.'], 'sv')).toBe(
      'Stadsdelsnämnden bör säkerställa att A. Vidare bör nämnden säkerställa att B.',
    );
    expect(mergeRecommendations(['The committee should ensure A.', 'The committee should ensure B.'], 'en')).toBe('The committee should ensure A. It should also ensure B.');
    expect(mergeRecommendations(['Only one.'], 'sv')).toBe('Only one.');
  });
});

describe('sources for the audit date', () => {
  const c = { source: 'SoL (2025:400)', sourceUntil: [{ until: '2025-07-01', source: 'SoL (2001:453)' }] };
  it('cites the law in force at the audit date', () => {
    expect(sourceAt(c, '2010-11-15')).toBe('SoL (2001:453)');
    expect(sourceAt(c, '2025-06-30')).toBe('SoL (2001:453)');
    expect(sourceAt(c, '2025-07-01')).toBe('SoL (2025:400)');
    expect(sourceAt({ source: 'x' }, '2010-01-01')).toBe('x');
  });
  it('picks the earliest replacement still ahead', () => {
    const two = { source: 'C', sourceUntil: [{ until: '2020-01-01', source: 'B' }, { until: '2000-01-01', source: 'A' }] };
    expect([sourceAt(two, '1999-12-31'), sourceAt(two, '2000-01-01'), sourceAt(two, '2020-01-01')]).toEqual(['A', 'B', 'C']);
  });
});
