/**
 * The public API: what a plug-in or a program embedding aktgranskning may import.
 * Everything else is internal and may change.
 */
export { defineRule } from './engine/types.js';
export type { AnyRule, BaseContext, Lang, Localized, Outcome, Reason, RuleContext, RuleDefinition, Severity, Status, TemplateData } from './engine/types.js';
export { currentPlan, newestPlan, isDocumented, longestGap, addDays, daysBetween } from './engine/akt-helpers.js';
export type { Akt, Plan, SubGoal, FollowUp, SupportReason, FollowUpType } from './model/schema.js';
export { AktSchema, exportJsonSchema, FORMAT_VERSION } from './model/schema.js';
export type { DataProblem, ProblemCode } from './model/problems.js';
export type { Report, DistrictSummary, RuleSummary, CaseResult } from './report/types.js';
export { audit, resolveSettings, hasFailures } from './audit.js';
export { builtinRules } from '../rules/index.js';
export { FORMATTERS } from './report/formatters/index.js';
export { EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, UserError } from './errors.js';
