import { z } from 'zod';
import { PROBLEM_CODES } from '../model/problems.js';
import { GRADES } from './stats.js';
import { REPORT_SCHEMA_VERSION } from './types.js';

/**
 * The JSON report (`check --format json`) as a schema: the contract for CI jobs and other
 * programs. docs/report-v3.schema.json is generated from it, and a test validates real output
 * against that file.
 */
const Data = z.record(z.string(), z.union([z.string(), z.number()]));
const Status = z.enum(['pass', 'fail', 'not-applicable', 'not-assessable']);
const Severity = z.enum(['error', 'warning']);
const Grade = z.enum(GRADES).nullable();
const Interval = z.strictObject({ low: z.number().min(0).max(1), high: z.number().min(0).max(1) }).nullable();

const RuleSummary = z.strictObject({
  ruleId: z.string(),
  applicable: z.number().int().min(0).describe('Akter judged: passed + failed'),
  passed: z.number().int().min(0),
  failed: z.number().int().min(0),
  notAssessable: z.number().int().min(0).describe('The export lacks the data; never a failure'),
  notApplicable: z.number().int().min(0).describe('Outside the rule; left out of `applicable`'),
  share: z.number().min(0).max(1).nullable(),
  reasonCounts: z.record(z.string(), z.number().int()),
  interval: Interval.describe('95 % Wilson interval for `share`'),
  fewCases: z.boolean().describe('Fewer than 30 akter judged'),
  grade: Grade,
  evidence: z.strictObject({ code: z.string(), data: Data.optional(), cases: z.number().int() }).optional(),
  examples: z
    .array(z.strictObject({ caseId: z.string(), code: z.string(), data: Data.optional() }))
    .optional()
    .describe('The first failing akter (at most 10, in report order) with their first reason'),
});

const DistrictSummary = z.strictObject({
  district: z.string().nullable(),
  cases: z.number().int().min(0),
  failingCases: z.number().int().min(0),
  rules: z.array(RuleSummary),
  grade: Grade.describe('Samlad bedömning'),
});

const Reason = z.strictObject({ code: z.string(), data: Data.optional(), message: z.string().optional().describe('Only with --messages; else see messages') });
const Templates = z.record(z.string(), z.string());
const FileStats = z.strictObject({
  file: z.string(),
  format: z.enum(['csv', 'json', 'ndjson', 'xlsx', 'zip']),
  table: z.string().optional(),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  rowsRead: z.number().int().min(0),
  rowsRejected: z.number().int().min(0),
});

export const ReportJsonSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.strictObject({ name: z.literal('aktgranskning'), version: z.string() }),
  asOf: z.iso.date(),
  lang: z.enum(['sv', 'en']),
  rules: z.array(z.strictObject({ ruleId: z.string(), severity: Severity, options: z.record(z.string(), z.unknown()) })),
  messages: z
    .strictObject({ rules: z.record(z.string(), Templates), engine: Templates, problems: Templates })
    .describe('Message templates in the report language: rules[ruleId][code], else engine[code]; problems[code] for data problems. {name} is replaced by data.name'),
  grades: z.strictObject({ fulfilled: z.number(), largely: z.number(), partly: z.number() }),
  privacy: z.union([
    z.strictObject({ mode: z.literal('working-papers') }),
    z.strictObject({ mode: z.literal('public'), pseudonymKey: z.enum(['secret', 'per-run']) }),
  ]),
  population: z.strictObject({ criteria: z.array(z.string()), cases: z.number().int().min(0) }),
  districts: z.array(DistrictSummary),
  total: DistrictSummary,
  config: z.string().describe('The config file the settings came from').optional(),
  baseline: z
    .strictObject({
      file: z.string(),
      accepted: z.number().int(),
      expired: z.number().int(),
      fresh: z.number().int().describe('Failures not in the baseline: these set exit code 1'),
      stale: z.array(z.strictObject({ ruleId: z.string(), caseId: z.string(), reason: z.string(), expires: z.string() })),
    })
    .optional(),
  notAssessed: z
    .array(z.strictObject({ ruleId: z.string(), missing: z.string() }))
    .describe('Rules the export lacks the data for in every akt: no result in cases[].results; counted as not assessable in districts and total'),
  cases: z.array(
    z.strictObject({
      caseId: z.string(),
      district: z.string().nullable(),
      origin: z.strictObject({ file: z.string(), line: z.number().int().optional(), index: z.number().int().optional() }).optional(),
      results: z
        .array(
          z.strictObject({
            ruleId: z.string(),
            status: Status,
            reasons: z.array(Reason).optional().describe('Left out when the rule gives none (a pass)'),
            evidence: Data.optional(),
            baseline: z.enum(['accepted', 'expired']).optional(),
          }),
        )
        .describe('One per rule run on the akt, in the order of rules[]; a rule in notAssessed has none'),
    }),
  ),
  input: z.strictObject({ files: z.array(FileStats), rowsRead: z.number().int(), rowsRejected: z.number().int(), casesChecked: z.number().int() }),
  dataProblems: z.array(
    z.strictObject({
      file: z.string(),
      line: z.number().int().nullable(),
      index: z.number().int().nullable(),
      caseId: z.string().nullable(),
      field: z.string().nullable(),
      level: z.enum(['error', 'notice']),
      code: z.enum(PROBLEM_CODES),
      rejected: z.boolean(),
      value: z.string().nullable(),
      message: z.string().optional(),
    }),
  ),
});

/**
 * What `compare` reads: this version's reports and those of version 2, which differ only in that
 * they also give every akt a not-assessable result for each rule in notAssessed.
 */
export const READABLE_REPORT_VERSIONS = [2, REPORT_SCHEMA_VERSION] as const;
export const ReadableReportSchema = ReportJsonSchema.extend({ schemaVersion: z.union(READABLE_REPORT_VERSIONS.map((v) => z.literal(v))) });

export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ReportJsonSchema, { target: 'draft-2020-12', io: 'output' }),
    $id: `https://aktgranskning.example/schema/report-v${REPORT_SCHEMA_VERSION}.json`,
    title: `aktgranskning JSON report, schema version ${REPORT_SCHEMA_VERSION}`,
  };
}
