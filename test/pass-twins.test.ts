import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longestGap, longestGapWithin } from '../src/engine/akt-helpers.js';
import { forgetShortTexts, SHORT_TEXTS, wordCount, words } from '../src/engine/text.js';
import { fromEpochDay, toEpochDay } from '../src/model/dates.js';

// The check pass's cheaper helpers beside the plain functions they stand in for.

const day = (d: number) => fromEpochDay(toEpochDay('2010-01-01') + d);

describe('longestGapWithin, the gap of points already in the window', () => {
  it('is longestGap of the same points, in any order, with repeats and points on either end', () => {
    fc.assert(
      fc.property(fc.nat(600), fc.nat(600), fc.array(fc.nat(600), { maxLength: 8 }), (a, b, ds) => {
        const [start, end] = [day(Math.min(a, b)), day(Math.max(a, b))];
        const points = ds.map(day).filter((d) => d >= start && d <= end);
        expect(longestGapWithin(start, end, [...points])).toStrictEqual(longestGap(start, end, points));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the first of equally long gaps, as longestGap does', () => {
    expect(longestGapWithin('2010-01-01', '2010-01-21', ['2010-01-11'])).toStrictEqual({ from: '2010-01-01', to: '2010-01-11', days: 10 });
    expect(longestGapWithin('2010-01-01', '2010-01-01', [])).toStrictEqual({ from: '2010-01-01', to: '2010-01-01', days: 0 });
  });
});

describe('wordCount, the words of a text counted once per text', () => {
  const text = fc.oneof(fc.string(), fc.constantFrom('', ' ', '-', 'Delta heltid på jobbtorget.', 'e\u0301a b', 'İstanbul  resa', 'Ja, 3 dagar/vecka'));

  it('is the length of words(text), asked once or again', () => {
    forgetShortTexts();
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (texts) => {
        for (const t of [...texts, ...texts]) expect(wordCount(t)).toBe(words(t).length);
      }),
    );
  });

  it('answers the same once it has forgotten the texts it held', () => {
    forgetShortTexts();
    for (let i = 0; i <= SHORT_TEXTS; i++) wordCount(`ord ${i}`);
    expect(wordCount('ord 1')).toBe(2);
    expect(wordCount('tre ord här')).toBe(3);
  });
});
