import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { runRules } from '../../src/engine/run.js';
import { provides } from '../../src/model/codec.js';
import type { Dataset } from '../../src/model/types.js';
import { AS_OF, type RuleCase } from './table.js';
import { tables } from './tables/index.js';

const ALL: Dataset[] = ['plans', 'subGoals', 'followUps', 'investigations', 'consents', 'jobCenter', 'placements'];

function run(ruleId: string, c: RuleCase) {
  const rule = builtinRules.find((r) => r.id === ruleId)!;
  const options = rule.options.parse(c.options ?? {});
  const datasets = provides(c.datasets ?? ALL);
  for (const f of c.absentFields ?? []) datasets.delete(f);
  const akter = [c.akt, ...(c.others ?? [])].map((akt) => ({ akt, origin: { file: 't' }, datasets }));
  const [first] = runRules(akter, [{ rule, severity: rule.defaultSeverity, options }], { asOf: c.asOf ?? AS_OF, ...(c.placeholders ? { placeholders: c.placeholders } : {}) });
  return first!.findings[0]!;
}

for (const rule of builtinRules) {
  describe(`rule ${rule.id}`, () => {
    it.each((tables[rule.id] ?? []).map((c) => [c.description, c] as const))('%s', (_d, c) => {
      const finding = run(rule.id, c);
      expect(finding.status).toBe(c.expect.status);
      expect(finding.reasons.map((r) => r.code)).toEqual(c.expect.codes ?? []);
      if (c.expect.data) expect(finding.reasons.map((r) => r.data ?? {})).toEqual(c.expect.data);
    });
  });
}
