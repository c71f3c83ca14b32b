import type { ActiveRule, AktResult, Finding } from '../engine/run.js';
import type { TemplateData } from '../engine/types.js';
import type { DataProblem } from '../model/problems.js';
import type { FileStats, LoadedExport } from '../model/types.js';
import { maskData, maskPersonalNumbers } from '../privacy/personnummer.js';
import { DEFAULT_GRADES, FEW_CASES, grade, wilson, type GradeThresholds } from './stats.js';
import { REPORT_SCHEMA_VERSION, type CaseResult, type DistrictSummary, type Report, type RuleInfo, type RuleSummary } from './types.js';

function emptySummary(ruleId: string): RuleSummary {
  return { ruleId, applicable: 0, passed: 0, failed: 0, notAssessable: 0, notApplicable: 0, share: null, reasonCounts: {}, interval: null, fewCases: false, grade: null };
}

/** The reason (code and data alike) that most failing akter share; ties go to the first seen. */
function topReason(cases: readonly CaseResult[], i: number): RuleSummary['evidence'] {
  const seen = new Map<string, { code: string; data?: TemplateData; cases: number }>();
  for (const c of cases) {
    const r = c.results[i]!;
    if (r.status !== 'fail') continue;
    for (const reason of r.reasons) {
      let key = reason.code;
      // Rules build their data in a fixed key order, so the values in order identify it.
      if (reason.data) for (const k in reason.data) key += `\0${k}\0${reason.data[k]}`;
      const e = seen.get(key) ?? { code: reason.code, ...(reason.data ? { data: reason.data } : {}), cases: 0 };
      e.cases++;
      seen.set(key, e);
    }
  }
  let best: RuleSummary['evidence'];
  for (const e of seen.values()) if (!best || e.cases > best.cases) best = e;
  return best;
}

function summarize(district: string | null, cases: readonly CaseResult[], rulesInForce: readonly RuleInfo[], thresholds: GradeThresholds): DistrictSummary {
  const rules = rulesInForce.map((r) => emptySummary(r.ruleId));
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
  rules.forEach((s, i) => {
    s.applicable = s.passed + s.failed;
    s.share = s.applicable > 0 ? s.passed / s.applicable : null;
    s.interval = wilson(s.passed, s.applicable);
    s.fewCases = s.applicable > 0 && s.applicable < FEW_CASES;
    s.grade = s.share === null ? null : grade(s.share, thresholds);
    const evidence = s.failed > 0 ? topReason(cases, i) : undefined;
    if (evidence) s.evidence = evidence;
  });
  const graded = rules.filter((s, i) => s.share !== null && rulesInForce[i]!.severity === 'error');
  const mean = graded.length > 0 ? graded.reduce((n, s) => n + s.share!, 0) / graded.length : null;
  return { district, cases: cases.length, failingCases, rules, grade: mean === null ? null : grade(mean, thresholds) };
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
  grades?: GradeThresholds;
  /** The selection criteria that narrowed the population, if any. */
  criteria?: string[];
}): Report {
  const thresholds = opts.grades ?? DEFAULT_GRADES;
  const inForce: RuleInfo[] = opts.rules.map((r) => ({ ruleId: r.rule.id, severity: r.severity, options: r.options }));
  const fileNames = new Map<string, string>();
  const maskedFile = (file: string) => fileNames.get(file) ?? fileNames.set(file, maskPersonalNumbers(file)).get(file)!;
  const cases: CaseResult[] = opts.results.map(({ checked, findings }) => ({
    caseId: maskPersonalNumbers(checked.akt.caseId),
    district: checked.akt.district === undefined ? null : maskPersonalNumbers(checked.akt.district),
    origin: { ...checked.origin, file: maskedFile(checked.origin.file) },
    results: findings.map(maskFinding),
  }));
  const byDistrict = new Map<string | null, CaseResult[]>();
  for (const c of cases) {
    const list = byDistrict.get(c.district) ?? [];
    list.push(c);
    byDistrict.set(c.district, list);
  }
  const files = maskFiles(opts.loaded.files);
  const total = summarize(null, cases, inForce, thresholds);
  const notAssessed = total.rules.flatMap((s, i) =>
    cases.length > 0 && s.notAssessable === cases.length ? [{ ruleId: s.ruleId, missing: String(cases[0]!.results[i]!.reasons[0]?.data?.data ?? '') }] : [],
  );
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'aktgranskning', version: opts.version },
    asOf: opts.asOf,
    rules: inForce,
    grades: thresholds,
    privacy: { mode: 'working-papers' },
    population: { criteria: (opts.criteria ?? []).map(maskPersonalNumbers), cases: cases.length },
    districts: [...byDistrict].map(([d, list]) => summarize(d, list, inForce, thresholds)),
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

/** A finding with its template data masked; one with nothing to mask is kept as it is, so a large run copies little. */
function maskFinding(f: Finding): CaseResult['results'][number] {
  let changed = false;
  const reasons = f.reasons.map((r) => {
    const data = maskData(r.data);
    if (data === r.data) return r;
    changed = true;
    return { code: r.code, data };
  });
  const evidence = maskData(f.evidence);
  if (!changed && evidence === f.evidence) return f;
  return { ruleId: f.ruleId, status: f.status, severity: f.severity, reasons, ...(evidence ? { evidence } : {}) };
}

export function maskFiles(files: readonly FileStats[]): FileStats[] {
  return files.map((f) => ({ ...f, file: maskPersonalNumbers(f.file) }));
}

/**
 * A data problem quotes the export (file name, caseId, value): each passes the mask, and a bad
 * personId is never quoted at all, whatever shape it has.
 */
export function maskProblem(p: DataProblem): DataProblem {
  const { value, ...rest } = p;
  const quotable = value !== undefined && !/(^|\.)personId$/.test(p.field ?? '');
  return {
    ...rest,
    file: maskPersonalNumbers(p.file),
    ...(p.field !== undefined ? { field: maskPersonalNumbers(p.field) } : {}),
    ...(p.caseId !== undefined ? { caseId: maskPersonalNumbers(p.caseId) } : {}),
    ...(quotable ? { value: maskPersonalNumbers(value) } : {}),
  };
}
