import { term } from '../engine/common-reasons.js';
import type { TemplateData } from '../engine/types.js';
import type { DataProblem } from '../model/problems.js';
import { pseudonym, type PseudonymKey } from '../privacy/pseudonym.js';
import { mapCases, mapListed } from './case-list.js';
import type { CaseResult, Report, RuleSummary } from './types.js';

/** Dates, months and lists of them say nothing about a person; any other text from the export might. */
const SAFE = /^(?:\d{4}-\d{2}(?:-\d{2})?)(?:, \d{4}-\d{2}(?:-\d{2})?)*$/;

function redact(data: TemplateData | undefined): TemplateData | undefined {
  if (!data) return data;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) {
    out[k] = typeof v === 'number' || v.startsWith('term:') || v === '–' || SAFE.test(v) ? v : term('redacted');
  }
  return out;
}

/** A data problem fit to publish: what kind and where in the format, but no akt, line or value. */
export function publicProblem(p: DataProblem, key: PseudonymKey): DataProblem {
  const { line: _line, index: _index, value: _value, caseId, ...rest } = p;
  return { ...rest, ...(caseId !== undefined ? { caseId: pseudonym(key.key, caseId) } : {}) };
}

/** A rule's summary with its evidence redacted and its example akter by pseudonym. */
function publicSummary(s: RuleSummary, key: PseudonymKey): RuleSummary {
  return {
    ...s,
    ...(s.evidence ? { evidence: { ...s.evidence, data: redact(s.evidence.data) } } : {}),
    ...(s.examples ? { examples: s.examples.map((e) => ({ caseId: pseudonym(key.key, e.caseId), code: e.code, ...(e.data ? { data: redact(e.data) } : {}) })) } : {}),
  };
}

/** One akt fit to publish: by pseudonym, without its origin, with no text quoted from the export. */
export function publicCase(c: CaseResult, key: PseudonymKey): CaseResult {
  const { origin: _origin, ...rest } = c;
  return {
    ...rest,
    caseId: pseudonym(key.key, c.caseId),
    results: c.results.map((r) => ({
      ...r,
      reasons: r.reasons.map((x) => ({ code: x.code, ...(x.data ? { data: redact(x.data) } : {}) })),
      ...(r.evidence ? { evidence: redact(r.evidence) } : {}),
    })),
  };
}

/**
 * The report for publication (--public): akter only by keyed pseudonym, no origin in the export,
 * no text quoted from it; the aggregate figures are untouched.
 */
export function publicReport(report: Report, key: PseudonymKey): Report {
  return {
    ...report,
    privacy: { mode: 'public', pseudonymKey: key.source === 'per-run' ? 'per-run' : 'secret' },
    districts: report.districts.map((d) => ({ ...d, rules: d.rules.map((s) => publicSummary(s, key)) })),
    total: { ...report.total, rules: report.total.rules.map((s) => publicSummary(s, key)) },
    cases: mapCases(report.cases, (c) => publicCase(c, key)),
    ...mapListed(report.listed, (c) => publicCase(c, key)),
    dataProblems: report.dataProblems.map((p) => publicProblem(p, key)),
    ...(report.baseline ? { baseline: { ...report.baseline, file: report.baseline.file, stale: report.baseline.stale.map((e) => ({ ...e, caseId: pseudonym(key.key, e.caseId), reason: 'term:redacted' })) } } : {}),
  };
}
