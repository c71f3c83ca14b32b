import { term } from '../engine/common-reasons.js';
import type { TemplateData } from '../engine/types.js';
import type { DataProblem } from '../model/problems.js';
import { pseudonym, type PseudonymKey } from '../privacy/pseudonym.js';
import { hasRealId, realId } from '../privacy/real-id.js';
import { mapCases, mapListed } from './case-list.js';
import type { CaseResult, LeftOut, LeftOutTallies, Report, RuleSummary } from './types.js';

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

/**
 * Files by label (`fil 1`, `fil 2`, … in the order read), never by name: an export with one file per
 * akt names its files by caseId or by the client's name. Their SHA-256 stays, which identifies each
 * file to whoever holds the export without naming it.
 */
export function fileLabels(files: readonly { file: string }[], problems: readonly { file: string }[] = []): (file: string) => string {
  const labels = new Map<string, string>();
  for (const { file } of [...files, ...problems]) if (!labels.has(file)) labels.set(file, `fil ${labels.size + 1}`);
  return (file) => labels.get(file) ?? 'fil';
}

/** Field names the export made up (unknown columns and keys) are not part of format v1: they could be anything, a name too. */
const OWN_NAMES: ReadonlySet<DataProblem['code']> = new Set(['unknown-field']);

/** A data problem fit to publish: what kind and where in the format, but no akt, file name, line or value. */
export function publicProblem(p: DataProblem, key: PseudonymKey, label: (file: string) => string = () => 'fil'): DataProblem {
  const { line: _line, index: _index, value: _value, caseId, field, ...rest } = p;
  return {
    ...rest,
    file: label(p.file),
    ...(field !== undefined && !OWN_NAMES.has(p.code) ? { field } : {}),
    ...(caseId !== undefined ? { caseId: pseudonym(key.key, realId(p as { caseId: string })) } : {}),
  };
}

/** A rule's summary with its evidence redacted and its example akter by pseudonym. */
function publicSummary(s: RuleSummary, key: PseudonymKey): RuleSummary {
  return {
    ...s,
    ...(s.evidence ? { evidence: { ...s.evidence, data: redact(s.evidence.data) } } : {}),
    ...(s.examples ? { examples: s.examples.map((e) => ({ caseId: pseudonym(key.key, realId(e)), code: e.code, ...(e.data ? { data: redact(e.data) } : {}) })) } : {}),
  };
}

/** One akt fit to publish: by pseudonym, without its origin, with no text quoted from the export. */
export function publicCase(c: CaseResult, key: PseudonymKey): CaseResult {
  const { origin: _origin, ...rest } = c;
  return {
    ...rest,
    caseId: pseudonym(key.key, realId(c)),
    results: c.results.map((r) => ({
      ...r,
      reasons: r.reasons.map((x) => ({ code: x.code, ...(x.data ? { data: redact(x.data) } : {}) })),
      ...(r.evidence ? { evidence: redact(r.evidence) } : {}),
    })),
  };
}

/** The notes' reasons redacted as the akter's are; the counts stay. */
function publicLeftOut(l: LeftOut): LeftOut {
  const redacted = (t: LeftOutTallies): LeftOutTallies => {
    const each = (rules: LeftOutTallies['not-applicable']) => rules.map((m) => new Map([...m].map(([k, { reason, count }]) => [k, { reason: { code: reason.code, ...(reason.data ? { data: redact(reason.data) } : {}) }, count }])));
    return { 'not-assessable': each(t['not-assessable']), 'not-applicable': each(t['not-applicable']) };
  };
  return { districts: new Map([...l.districts].map(([d, t]) => [d, redacted(t)])), total: redacted(l.total) };
}

/**
 * The report for publication (--public): akter only by keyed pseudonym, no origin in the export,
 * no text quoted from it; the aggregate figures are untouched.
 */
export function publicReport(report: Report, key: PseudonymKey): Report {
  const label = fileLabels(report.input.files, report.dataProblems);
  return {
    ...report,
    input: { ...report.input, files: report.input.files.map((f) => ({ ...f, file: label(f.file) })) },
    privacy: { mode: 'public', pseudonymKey: key.source === 'per-run' ? 'per-run' : 'secret' },
    districts: report.districts.map((d) => ({ ...d, rules: d.rules.map((s) => publicSummary(s, key)) })),
    total: { ...report.total, rules: report.total.rules.map((s) => publicSummary(s, key)) },
    cases: mapCases(report.cases, (c) => publicCase(c, key)),
    ...mapListed(report.listed, (c) => publicCase(c, key)),
    ...(report.leftOut ? { leftOut: publicLeftOut(report.leftOut) } : {}),
    dataProblems: report.dataProblems.map((p) => publicProblem(p, key, label)),
    ...(report.baseline ? { baseline: { ...report.baseline, file: report.baseline.file, stale: report.baseline.stale.map((e) => ({ ...e, caseId: hasRealId(e) ? pseudonym(key.key, realId(e)) : e.caseId, reason: 'term:redacted' })) } } : {}),
  };
}
