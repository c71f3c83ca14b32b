import type { Reason, Severity, Status, TemplateData } from '../engine/types.js';
import type { DataProblem, Location } from '../model/problems.js';
import type { FileStats } from '../model/types.js';
import type { Grade, GradeThresholds, Interval } from './stats.js';

export const REPORT_SCHEMA_VERSION = 3;

/** Rules the export lacks the data for in every akt, with the data it lacks (format v1's names). */
export type NotAssessed = { ruleId: string; missing: string }[];

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
  /** 95 % Wilson interval for `share`, or null when nothing was applicable. */
  interval: Interval | null;
  /** Fewer than 30 akter assessed: the share rests on few akter. */
  fewCases: boolean;
  /** The bedömning on the four-step scale, or null when nothing was applicable. */
  grade: Grade | null;
  /** The failing reason most akter share (same code and data), to quote as evidence. */
  evidence?: { code: string; data?: TemplateData; cases: number };
  /** The first failing akter (at most 10, in report order) with their first reason, to name in a summary. */
  examples?: { caseId: string; code: string; data?: TemplateData }[];
}

export interface DistrictSummary {
  /** null for akter whose district is missing in the export. */
  district: string | null;
  cases: number;
  /** Akter with at least one failing error-severity rule. */
  failingCases: number;
  rules: RuleSummary[];
  /** Samlad bedömning: the grade of the mean share over the error-severity rules that assessed any akt. */
  grade: Grade | null;
}

export interface CaseResult {
  /** The export's caseId, or in a public report its keyed pseudonym. */
  caseId: string;
  district: string | null;
  /** Where the akt stands in the export; left out of a public report. */
  origin?: Location;
  /** `baseline`: a known failure the baseline accepts, or one whose entry has expired. */
  results: { ruleId: string; status: Status; severity: Severity; reasons: Reason[]; evidence?: TemplateData; baseline?: 'accepted' | 'expired' }[];
}

/**
 * The akter the revisionsrapport's Bilaga A names: per stadsdel and rule the first failing akter,
 * at most `limit` (Infinity for all), each with that rule's result only. Collected in the one pass
 * that aggregates, so the report's size does not grow with the export; the data formats list every akt.
 */
export interface Listed {
  limit: number;
  districts: { district: string | null; withFindings: number; rules: { ruleId: string; cases: CaseResult[] }[] }[];
}

/** Akter left out for one reason. */
export interface LeftOutCount {
  reason: Reason;
  count: number;
}

/** Per rule (in report order), the akter left out for each reason (by code and data), in the order first seen. */
export type LeftOutTallies = Record<'not-assessable' | 'not-applicable', Map<string, LeftOutCount>[]>;

/**
 * The akter each rule could not assess or did not cover, counted per reason, per stadsdel and for
 * the whole export: the revisionsrapport's notes. Counted in the pass that aggregates; not in a
 * report read back from JSON (the JSON's figures carry the counts, not the reasons).
 */
export interface LeftOut {
  districts: Map<string | null, LeftOutTallies>;
  total: LeftOutTallies;
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
  /** The share thresholds (per cent) the grades were set by. */
  grades: GradeThresholds;
  /** Working papers name akter by caseId; a public report (--public) only by keyed pseudonym. */
  privacy: { mode: 'working-papers' } | { mode: 'public'; pseudonymKey: 'secret' | 'per-run' };
  /** Which akter were audited: every akt of the export unless criteria narrowed it. */
  population: { criteria: string[]; cases: number };
  districts: DistrictSummary[];
  total: DistrictSummary;
  /** Walked through once per use; see case-list.ts. */
  cases: CaseList;
  /** Bilaga A's akter; not in a report read back from JSON. */
  listed?: Listed;
  leftOut?: LeftOut;
  /** With --baseline: how the run's failures stand against it. */
  baseline?: { file: string; accepted: number; expired: number; fresh: number; stale: { ruleId: string; caseId: string; reason: string; expires: string }[] };
  /** The config file the settings came from, if any (named in the Metod). */
  config?: string;
  /**
   * Rules the export cannot assess in any akt (it lacks their data altogether), listed once: the
   * data formats give them no result per akt; the figures count them as not assessable.
   */
  notAssessed: NotAssessed;
  input: { files: FileStats[]; rowsRead: number; rowsRejected: number; casesChecked: number };
  dataProblems: DataProblem[];
}

/** What is known of a report before its akter are walked: enough for a data format to start. */
export type ReportHead = Pick<Report, 'schemaVersion' | 'tool' | 'asOf' | 'rules' | 'grades' | 'privacy' | 'notAssessed'>;

/**
 * The akter of a report with their results. A report read back from JSON holds them in an array;
 * a fresh report makes them again each time they are walked through (the rules are pure, so the
 * result is the same), because for a whole country they would not fit in memory at once.
 */
export interface CaseList extends Iterable<CaseResult> {
  readonly length: number;
}
