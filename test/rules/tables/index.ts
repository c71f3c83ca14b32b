import type { RuleCase } from '../table.js';
import { cases as currentPlan } from './current-plan.js';
import { cases as followUpsTraceable } from './follow-ups-traceable.js';
import { cases as individualGoals } from './individual-goals.js';
import { cases as subgoalsPresent } from './subgoals-present.js';
import { cases as investigationBeforePlan } from './investigation-before-plan.js';
import { cases as requirementsStated } from './requirements-stated.js';
import { cases as clientViewDocumented } from './client-view-documented.js';
import { cases as subgoalsDated } from './subgoals-dated.js';
import { cases as consentBeforeTransfer } from './consent-before-transfer.js';
import { cases as waitingTime } from './waiting-time.js';
import { cases as jobPlanWithin5Days } from './job-plan-within-5-days.js';
import { cases as jobPlanReceived } from './job-plan-received.js';
import { cases as tripartiteEvery3Months } from './tripartite-every-3-months.js';
import { cases as attendanceMonthly } from './attendance-monthly.js';
import { cases as longTermReview } from './long-term-review.js';
import { cases as afConsultedBeforePlacement } from './af-consulted-before-placement.js';

/** Every rule's table, by rule id; the meta-test checks each rule has one covering all its codes. */
export const tables: Record<string, RuleCase[]> = {
  'current-plan': currentPlan,
  'individual-goals': individualGoals,
  'subgoals-present': subgoalsPresent,
  'follow-ups-traceable': followUpsTraceable,
  'investigation-before-plan': investigationBeforePlan,
  'requirements-stated': requirementsStated,
  'client-view-documented': clientViewDocumented,
  'subgoals-dated': subgoalsDated,
  'consent-before-transfer': consentBeforeTransfer,
  'waiting-time': waitingTime,
  'job-plan-within-5-days': jobPlanWithin5Days,
  'job-plan-received': jobPlanReceived,
  'tripartite-every-3-months': tripartiteEvery3Months,
  'attendance-monthly': attendanceMonthly,
  'long-term-review': longTermReview,
  'af-consulted-before-placement': afConsultedBeforePlacement,
};
