import type { RuleCase } from '../table.js';
import { cases as currentPlan } from './current-plan.js';
import { cases as followUpsTraceable } from './follow-ups-traceable.js';
import { cases as individualGoals } from './individual-goals.js';
import { cases as subgoalsPresent } from './subgoals-present.js';

/** Every rule's table, by rule id; the meta-test checks each rule has one covering all its codes. */
export const tables: Record<string, RuleCase[]> = {
  'current-plan': currentPlan,
  'individual-goals': individualGoals,
  'subgoals-present': subgoalsPresent,
  'follow-ups-traceable': followUpsTraceable,
};
