import type { Report } from './types.js';

/** Per cent of a stadsdel's assessed akter that must meet a rule, by rule id. */
export type Thresholds = Readonly<Record<string, number>>;

export interface Breach {
  ruleId: string;
  district: string | null;
  passed: number;
  applicable: number;
  /** The threshold in per cent. */
  threshold: number;
}

/** Why the run exits as it does; formatters and the summary line word it. */
export type VerdictReason = 'clean' | 'failures' | 'new-failures' | 'below-threshold' | 'data-problems';

export interface Verdict {
  code: 0 | 1;
  reason: VerdictReason;
  /** With thresholds: every stadsdel and rule below its threshold. */
  breaches: Breach[];
}

/** Below the threshold, in whole numbers: 29 of 100 against 29 % must not fall below by rounding. */
export function isBelow(s: { passed: number; applicable: number }, threshold: number): boolean {
  return s.applicable > 0 && s.passed * 100 < threshold * s.applicable;
}

/**
 * Stadsdelar whose share for a thresholded rule is below the threshold. With a baseline, akter whose
 * failure it accepts count as passed: a known failure does not pull a stadsdel below; new and expired ones do.
 */
export function thresholdBreaches(report: Report, thresholds: Thresholds): Breach[] {
  const accepted = new Map<string, number>();
  if (report.baseline && report.baseline.accepted > 0) {
    for (const c of report.cases) {
      for (const r of c.results) {
        if (r.baseline === 'accepted' && Object.hasOwn(thresholds, r.ruleId)) {
          const k = `${c.district ?? ''}\0${c.district === null ? 1 : 0}\0${r.ruleId}`;
          accepted.set(k, (accepted.get(k) ?? 0) + 1);
        }
      }
    }
  }
  const out: Breach[] = [];
  for (const d of report.districts) {
    for (const s of d.rules) {
      if (!Object.hasOwn(thresholds, s.ruleId) || s.applicable === 0) continue;
      const threshold = thresholds[s.ruleId]!;
      const passed = s.passed + (accepted.get(`${d.district ?? ''}\0${d.district === null ? 1 : 0}\0${s.ruleId}`) ?? 0);
      if (isBelow({ passed, applicable: s.applicable }, threshold)) out.push({ ruleId: s.ruleId, district: d.district, passed, applicable: s.applicable, threshold });
    }
  }
  return out;
}

/**
 * The exit code and why, in one place. Thresholds, when any is set, decide alone which findings count:
 * exit 1 if and only if some stadsdel is below one. Without them, an akt failing a rule of severity error
 * (with a baseline: one the baseline does not accept). `--strict` adds data problems.
 */
export function verdict(report: Report, opts: { thresholds?: Thresholds; strict?: boolean } = {}): Verdict {
  const thresholds = opts.thresholds ?? {};
  if (Object.keys(thresholds).length > 0) {
    const breaches = thresholdBreaches(report, thresholds);
    if (breaches.length > 0) return { code: 1, reason: 'below-threshold', breaches };
  } else if (report.baseline) {
    if (report.baseline.fresh + report.baseline.expired > 0) return { code: 1, reason: 'new-failures', breaches: [] };
  } else if (report.total.failingCases > 0) {
    return { code: 1, reason: 'failures', breaches: [] };
  }
  if (opts.strict === true && report.dataProblems.some((p) => p.level === 'error')) return { code: 1, reason: 'data-problems', breaches: [] };
  return { code: 0, reason: 'clean', breaches: [] };
}
