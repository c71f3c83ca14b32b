import type { ActiveRule, AktResult } from '../engine/run.js';
import type { DataProblem } from '../model/problems.js';
import type { FileStats, LoadedExport } from '../model/types.js';
import { maskData, maskPersonalNumbers } from './mask.js';
import { REPORT_SCHEMA_VERSION, type CaseResult, type DistrictSummary, type Report, type RuleSummary } from './types.js';

function emptySummary(ruleId: string): RuleSummary {
  return { ruleId, applicable: 0, passed: 0, failed: 0, notAssessable: 0, notApplicable: 0, share: null, reasonCounts: {} };
}

function summarize(district: string | null, cases: readonly CaseResult[], ruleIds: readonly string[]): DistrictSummary {
  const rules = ruleIds.map(emptySummary);
  let failingCases = 0;
  for (const c of cases) {
    let failing = false;
    c.results.forEach((r, i) => {
      const s = rules[i]!;
      if (r.status === 'pass') s.passed++;
      else if (r.status === 'fail') {
        s.failed++;
        if (r.severity === 'error') failing = true;
        for (const code of new Set(r.reasons.map((x) => x.code))) s.reasonCounts[code] = (s.reasonCounts[code] ?? 0) + 1;
      } else if (r.status === 'not-assessable') s.notAssessable++;
      else s.notApplicable++;
    });
    if (failing) failingCases++;
  }
  for (const s of rules) {
    s.applicable = s.passed + s.failed;
    s.share = s.applicable > 0 ? s.passed / s.applicable : null;
  }
  return { district, cases: cases.length, failingCases, rules };
}

/**
 * Aggregates per stadsdel and for the whole export. Every string that came from the export passes
 * through the personnummer mask here, once, so no formatter can leak one; personId is never copied.
 */
export function buildReport(opts: {
  asOf: string;
  version: string;
  rules: readonly ActiveRule[];
  loaded: LoadedExport;
  results: readonly AktResult[];
}): Report {
  const ruleIds = opts.rules.map((r) => r.rule.id);
  const cases: CaseResult[] = opts.results.map(({ checked, findings }) => ({
    caseId: maskPersonalNumbers(checked.akt.caseId),
    district: checked.akt.district ?? null,
    origin: { ...checked.origin, file: maskPersonalNumbers(checked.origin.file) },
    results: findings.map((f) => ({
      ruleId: f.ruleId,
      status: f.status,
      severity: f.severity,
      reasons: f.reasons.map((r) => ({ code: r.code, ...(r.data ? { data: maskData(r.data) } : {}) })),
      ...(f.evidence ? { evidence: maskData(f.evidence) } : {}),
    })),
  }));
  const byDistrict = new Map<string | null, CaseResult[]>();
  for (const c of cases) {
    const list = byDistrict.get(c.district) ?? [];
    list.push(c);
    byDistrict.set(c.district, list);
  }
  const files = maskFiles(opts.loaded.files);
  const total = summarize(null, cases, ruleIds);
  const notAssessed = total.rules.flatMap((s, i) =>
    cases.length > 0 && s.notAssessable === cases.length ? [{ ruleId: s.ruleId, missing: String(cases[0]!.results[i]!.reasons[0]?.data?.data ?? '') }] : [],
  );
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'aktgranskning', version: opts.version },
    asOf: opts.asOf,
    rules: opts.rules.map((r) => ({ ruleId: r.rule.id, severity: r.severity, options: r.options })),
    districts: [...byDistrict].map(([d, list]) => summarize(d, list, ruleIds)),
    total,
    notAssessed,
    cases,
    input: {
      files,
      rowsRead: files.reduce((n, f) => n + f.rowsRead, 0),
      rowsRejected: files.reduce((n, f) => n + f.rowsRejected, 0),
      casesChecked: cases.length,
    },
    dataProblems: opts.loaded.problems.map(maskProblem),
  };
}

export function maskFiles(files: readonly FileStats[]): FileStats[] {
  return files.map((f) => ({ ...f, file: maskPersonalNumbers(f.file) }));
}

/** A data problem quotes the export (file name, caseId, value): each passes the mask. */
export function maskProblem(p: DataProblem): DataProblem {
  return {
    ...p,
    file: maskPersonalNumbers(p.file),
    ...(p.caseId !== undefined ? { caseId: maskPersonalNumbers(p.caseId) } : {}),
    ...(p.value !== undefined ? { value: maskPersonalNumbers(p.value) } : {}),
  };
}
