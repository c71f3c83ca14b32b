import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInt, numberWord } from '../src/i18n/catalog.js';
import type { Lang } from '../src/model/lang.js';

/** What formatInt wrote before it grouped counts itself: Intl's own formatting, non-breaking spaces made plain. */
const byIntl = (n: number, lang: Lang): string => new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(n).replace(/\u00a0/g, ' ');
const lang = fc.constantFrom<Lang>('sv', 'en');

describe('formatInt', () => {
  it('writes counts as Intl writes them in both languages', () => {
    fc.assert(fc.property(fc.oneof(fc.nat(), fc.nat({ max: 10_000_000 }), fc.maxSafeNat()), lang, (n, l) => {
        expect(formatInt(n, l)).toBe(byIntl(n, l));
      }));
  });

  it('writes any other number as Intl writes it', () => {
    const other = fc.oneof(fc.integer({ min: -1e12, max: -1 }), fc.double(), fc.constantFrom(-0, 0.5, 1e21, 2 ** 53, -(2 ** 53), NaN, Infinity, -Infinity));
    fc.assert(fc.property(other, lang, (n, l) => {
        expect(formatInt(n, l)).toBe(byIntl(n, l));
      }));
  });

  it('groups digits by three with a space in Swedish and a comma in English', () => {
    expect([0, 999, 1000, 12345, 1234567].map((n) => formatInt(n, 'sv'))).toEqual(['0', '999', '1 000', '12 345', '1 234 567']);
    expect([0, 999, 1000, 12345, 1234567].map((n) => formatInt(n, 'en'))).toEqual(['0', '999', '1,000', '12,345', '1,234,567']);
    expect(formatInt(-1234, 'sv')).toBe('\u22121 234');
    expect(numberWord(13, 'sv')).toBe('13');
    expect(numberWord(12000, 'en')).toBe('12,000');
  });
});
