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

describe('evidence in the iakttagelser', () => {
  const ctx = (lang: Lang) => ({ lang, rules, color: false });
  const reason = (goal: string, shared: number) => ({ code: 'generic-goal', data: { goal, generic: 'försörjning', shared } });

  it('quotes the goal and how many akter share it, without the general words', () => {
    const sv = evidenceMessage(ctx('sv'), 'individual-goals', reason('Egen försörjning', 4), 2)!;
    expect(sv).toBe('Målet ”Egen försörjning” står i fyra akter och anger varken yrke, utbildning, arbetsgivare, insats, plats, behandling, tid eller omfattning.');
    expect(evidenceMessage(ctx('en'), 'individual-goals', reason('Egen försörjning', 1), 1)).toContain('appears in one case file and');
    expect(evidenceMessage(ctx('sv'), 'individual-goals', reason('Egen försörjning', 1), 1)).toContain('står i en akt och');
  });

  it('counts the akter with the same reason where they are more than the rule counted', () => {
    expect(evidenceMessage(ctx('sv'), 'individual-goals', reason('Egen försörjning', 1), 3)).toContain('står i tre akter');
  });

  it('masks, then shortens a long goal', () => {
    const goal = `Klient 19811218-9876 ska ${'komma vidare och '.repeat(12)}bli självförsörjande`;
    const sv = evidenceMessage(ctx('sv'), 'individual-goals', reason(goal, 1), 1)!;
    expect(sv).toMatch(/^Målet ”Klient ÅÅMMDD-XXXX ska komma vidare .*…” står i en akt/);
    expect(sv).not.toContain('9876');
  });

  it('is the reason message where the rule has no evidence wording', () => {
    expect(evidenceMessage(ctx('sv'), 'individual-goals', { code: 'placeholder-goal', data: { planId: 'P1', placeholder: '-' } }, 1)).toBeUndefined();
  });
});

describe('codes named like members of every object', () => {
  const ctx = (lang: Lang) => ({ lang, rules, color: false });

  it.each(['valueOf', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])('%s, declared by no rule, has no template: its message is the code', (code) => {
    expect(reasonMessage(ctx('sv'), 'individual-goals', { code })).toBe(code);
    expect(reasonMessage(ctx('en'), 'no-such-rule', { code })).toBe(code);
    expect(evidenceMessage(ctx('sv'), 'individual-goals', { code }, 1)).toBeUndefined();
  });
});
