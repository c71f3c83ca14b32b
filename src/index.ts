/**
 * The public API: what a plug-in or a program embedding aktgranskning may import.
 * Everything else is internal and may change.
 */
export { defineRule } from './engine/types.js';
export type { AnyRule, BaseContext, Lang, Localized, Outcome, Reason, RuleContext, RuleDefinition, Severity, Status, TemplateData } from './engine/types.js';
export {
  currentPlan,
  newestPlan,
  isDocumented,
  documentedDates,
  aspirantSince,
  longestGap,
  addDays,
  daysBetween,
  weekdaysBetween,
} from './engine/akt-helpers.js';
export { term } from './engine/common-reasons.js';
/** The zod the rules' options are written in, so a plug-in needs no zod of its own. */
export { z } from 'zod';
export type { Akt, Plan, SubGoal, FollowUp, SupportReason, FollowUpType, Investigation, Consent, JobCenter, Placement, PlacementType } from './model/schema.js';
export type { Dataset } from './model/types.js';
export { AktSchema, exportJsonSchema, FORMAT_VERSION } from './model/schema.js';
export type { DataProblem, ProblemCode } from './model/problems.js';
export type { Report, DistrictSummary, RuleSummary, CaseResult } from './report/types.js';
/** `report.cases`: walk it with for … of (a fresh report makes its akter again on each walk; see case-list.ts). */
export type { CaseList } from './report/types.js';
export { audit, resolveSettings, hasFailures } from './audit.js';
export { builtinRules, PRESETS } from '../rules/index.js';
export { FORMATTERS } from './report/formatters/index.js';
export { EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, UserError } from './errors.js';
/** What `audit` throws when a rule throws or breaks its contract: its `fault` as data (the akt's caseId as the export has it). */
export { RuleContractError } from './engine/run.js';
export type { RuleFault } from './engine/run.js';
