import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const stringWidth = require('string-width') as (text: string) => number;
const plainWidth = require('../scripts/string-width.cjs') as (text: string) => number;

/** The characters the fast path takes as they are, the ones beside them, and what string-width measures otherwise. */
const near = fc.oneof(
  fc.integer({ min: 0x00, max: 0x3ff }),
  fc.integer({ min: 0x2000, max: 0x206f }),
  fc.constantFrom(0x1b, 0x9b, 0x1100, 0x231a, 0x2764, 0xfe0f, 0x20e3, 0x200d, 0x1f600, 0x1f1f8, 0x1f1ea, 0x3000, 0xff01),
).map((c) => String.fromCodePoint(c));

describe('the bundle\'s string-width for cli-table3', () => {
  it('measures every text as string-width does', () => {
    const text = fc.oneof(fc.string({ unit: near, maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }));
    fc.assert(
      fc.property(text, (t) => {
        expect(plainWidth(t)).toBe(stringWidth(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('measures the tables\' texts, coloured or not', () => {
    for (const t of ['Spårbar uppföljning', '0 % (0–0 %)', '”Aktuell arbetsplan”', 'Ej uppfyllt', '\u001b[31mEj uppfyllt\u001b[39m', '©', 'a\u0301', '日本', '👍🏽', '#\ufe0f\u20e3', '']) {
      expect(plainWidth(t), t).toBe(stringWidth(t));
    }
  });
});
