import type { AnyRule } from '../src/engine/types.js';
import currentPlan from './current-plan.js';
import followUpsTraceable from './follow-ups-traceable.js';
import individualGoals from './individual-goals.js';
import subgoalsPresent from './subgoals-present.js';

/** The built-in rules, in report order. A new rule is added here explicitly. */
export const builtinRules: readonly AnyRule[] = [currentPlan, individualGoals, subgoalsPresent, followUpsTraceable];
