import type { AnyRule } from '../src/engine/types.js';
import afConsultedBeforePlacement from './af-consulted-before-placement.js';
import attendanceMonthly from './attendance-monthly.js';
import clientViewDocumented from './client-view-documented.js';
import consentBeforeTransfer from './consent-before-transfer.js';
import currentPlan from './current-plan.js';
import followUpsTraceable from './follow-ups-traceable.js';
import individualGoals from './individual-goals.js';
import investigationBeforePlan from './investigation-before-plan.js';
import jobPlanReceived from './job-plan-received.js';
import jobPlanWithin5Days from './job-plan-within-5-days.js';
import longTermReview from './long-term-review.js';
import requirementsStated from './requirements-stated.js';
import subgoalsDated from './subgoals-dated.js';
import subgoalsPresent from './subgoals-present.js';
import tripartiteEvery3Months from './tripartite-every-3-months.js';
import waitingTime from './waiting-time.js';

/** The built-in rules, in report order. A new rule is added here explicitly. */
export const builtinRules: readonly AnyRule[] = [
  currentPlan,
  individualGoals,
  subgoalsPresent,
  followUpsTraceable,
  investigationBeforePlan,
  requirementsStated,
  clientViewDocumented,
  subgoalsDated,
  consentBeforeTransfer,
  waitingTime,
  jobPlanWithin5Days,
  jobPlanReceived,
  tripartiteEvery3Months,
  attendanceMonthly,
  longTermReview,
  afConsultedBeforePlacement,
];

/** Presets: `core` is what revisionsrapport 3-2011 checked; `all` is every rule. */
export const PRESETS: Readonly<Record<'core' | 'all', readonly string[]>> = {
  core: [currentPlan.id, individualGoals.id, subgoalsPresent.id, followUpsTraceable.id],
  all: builtinRules.map((r) => r.id),
};
