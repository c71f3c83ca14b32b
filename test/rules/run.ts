import { builtinRules } from '../../rules/index.js';
import { runRules } from '../../src/engine/run.js';
import { provides } from '../../src/model/fields.js';
import type { Dataset } from '../../src/model/types.js';
import { AS_OF, type RuleCase } from './table.js';

const ALL: Dataset[] = ['plans', 'subGoals', 'followUps', 'investigations', 'consents', 'jobCenter', 'placements'];

/** The finding a rule gives the first akt of a table row, with the datasets, fields and placeholders the row names. */
export function runCase(ruleId: string, c: RuleCase) {
  const rule = builtinRules.find((r) => r.id === ruleId)!;
  const options = rule.options.parse(c.options ?? {});
  const datasets = provides(c.datasets ?? ALL);
  for (const f of c.absentFields ?? []) datasets.delete(f);
  const akter = [c.akt, ...(c.others ?? [])].map((akt) => ({ akt, origin: { file: 't' }, datasets }));
  const [first] = runRules(akter, [{ rule, severity: rule.defaultSeverity, options }], { asOf: c.asOf ?? AS_OF, ...(c.placeholders ? { placeholders: c.placeholders } : {}) });
  return first!.findings[0]!;
}
