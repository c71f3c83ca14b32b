import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import type { Lang } from '../../src/engine/types.js';
import { evidenceMessage, reasonMessage } from '../../src/report/messages.js';
import { runCase } from './run.js';
import { tables } from './tables/index.js';

const rules = new Map(builtinRules.map((r) => [r.id, r]));

/**
 * What a rule says, not only which code: the data each reason carries (the dates, plans and limits a
 * message names) where the table gives it, and a message in both languages with every {placeholder} filled.
 */
for (const rule of builtinRules) {
  describe(`rule ${rule.id}: reason data and messages`, () => {
    it.each((tables[rule.id] ?? []).map((c) => [c.description, c] as const))('%s', (_d, c) => {
      const f = runCase(rule.id, c);
      // A reason without data is written {} or left undefined in the tables: both mean none.
      if (c.expect.data) expect(f.reasons.map((r) => r.data ?? {})).toEqual(c.expect.data.map((d) => d ?? {}));
      if (c.expect.evidence) expect(f.evidence).toEqual(c.expect.evidence);
      for (const reason of f.reasons) {
        for (const lang of ['sv', 'en'] as Lang[]) {
          const text = reasonMessage({ lang, rules, color: false }, rule.id, reason);
          expect(text, `${reason.code} (${lang})`).not.toBe(reason.code);
          expect(text, `${reason.code} (${lang}): ${text}`).not.toMatch(/\{\w+/);
          expect(text).not.toContain('term:');
          const quoted = evidenceMessage({ lang, rules, color: false }, rule.id, reason, 2);
          if (quoted !== undefined) expect(quoted, `${reason.code} (${lang}): ${quoted}`).not.toMatch(/\{\w+|term:/);
        }
      }
    });
  });
}
