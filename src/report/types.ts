import type { Reason, Severity, Status, TemplateData } from '../engine/types.js';
import type { DataProblem, Location } from '../model/problems.js';
import type { FileStats } from '../model/types.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface RuleSummary {
  ruleId: string;
  /** Akter the rule judged: passed + failed. */
  applicable: number;
  passed: number;
  failed: number;
  notAssessable: number;
  notApplicable: number;
  /** passed / applicable, or null when nothing was applicable. */
  share: number | null;
  /** How many akter failed with each reason code. */
  reasonCounts: Record<string, number>;
}

export interface DistrictSummary {
  /** null for akter whose district is missing in the export. */
  district: string | null;
  cases: number;
  /** Akter with at least one failing error-severity rule. */
  failingCases: number;
  rules: RuleSummary[];
}

export interface CaseResult {
  caseId: string;
  district: string | null;
  origin: Location;
  results: { ruleId: string; status: Status; severity: Severity; reasons: Reason[]; evidence?: TemplateData }[];
}

export interface RuleInfo {
  ruleId: string;
  severity: Severity;
  options: Record<string, unknown>;
}

/** The report as data. Formatters turn it into text; nothing here is wording. */
export interface Report {
  schemaVersion: number;
  tool: { name: string; version: string };
  asOf: string;
  rules: RuleInfo[];
  districts: DistrictSummary[];
  total: DistrictSummary;
  cases: CaseResult[];
  /** Rules the export cannot assess in any akt (it lacks their data altogether), listed once. */
  notAssessed: { ruleId: string; missing: string }[];
  input: { files: FileStats[]; rowsRead: number; rowsRejected: number; casesChecked: number };
  dataProblems: DataProblem[];
}
