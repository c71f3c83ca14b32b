import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { runRules } from '../../src/engine/run.js';
import type { Lang } from '../../src/engine/types.js';
import type { Dataset } from '../../src/model/types.js';
import { reasonMessage } from '../../src/report/messages.js';
import { AS_OF, type RuleCase } from './table.js';
import { tables } from './tables/index.js';

const ALL: Dataset[] = ['plans', 'subGoals', 'followUps', 'investigations', 'consents', 'jobCenter', 'placements'];
const rules = new Map(builtinRules.map((r) => [r.id, r]));

function finding(ruleId: string, c: RuleCase) {
  const rule = rules.get(ruleId)!;
  const options = rule.options.parse(c.options ?? {});
  const datasets = new Set(c.datasets ?? ALL);
  const akter = [c.akt, ...(c.others ?? [])].map((akt) => ({ akt, origin: { file: 't' }, datasets }));
  return runRules(akter, [{ rule, severity: rule.defaultSeverity, options }], { asOf: c.asOf ?? AS_OF })[0]!.findings[0]!;
}

/**
 * What a rule says, not only which code: the data each reason carries (the dates, plans and limits a
 * message names) where the table gives it, and a message in both languages with every {placeholder} filled.
 */
for (const rule of builtinRules) {
  describe(`rule ${rule.id}: reason data and messages`, () => {
    it.each((tables[rule.id] ?? []).map((c) => [c.description, c] as const))('%s', (_d, c) => {
      const f = finding(rule.id, c);
      if (c.expect.data) expect(f.reasons.map((r) => r.data)).toEqual(c.expect.data);
      if (c.expect.evidence) expect(f.evidence).toEqual(c.expect.evidence);
      for (const reason of f.reasons) {
        for (const lang of ['sv', 'en'] as Lang[]) {
          const text = reasonMessage({ lang, rules, color: false }, rule.id, reason);
          expect(text, `${reason.code} (${lang})`).not.toBe(reason.code);
          expect(text, `${reason.code} (${lang}): ${text}`).not.toMatch(/\{\w+/);
          expect(text).not.toContain('term:');
        }
      }
    });
  });
}
