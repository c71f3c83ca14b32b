import type { Reason, Severity, TemplateData } from '../engine/types.js';
import { FEW_CASES, grade, wilson, type GradeThresholds } from './stats.js';
import type { CaseResult, DistrictSummary, LeftOut, LeftOutCount, LeftOutTallies, Listed, RuleInfo, RuleSummary } from './types.js';
import { sameRealId } from '../privacy/real-id.js';

/**
 * Distinct failing reasons counted per stadsdel and rule to find the most common one. Reasons that
 * name a plan or a date are distinct in every akt; past this many, new ones are not counted, so a
 * country-wide run keeps its memory. A reason many akter share is seen long before that.
 */
export const EVIDENCE_KEYS = 1000;
/** Failing akter named per stadsdel and rule, for summaries that list a few. */
export const EXAMPLES = 10;

interface Tally {
  code: string;
  data?: TemplateData;
  cases: number;
}

/** A reason by code and data; rules build their data in a fixed key order, so the values in order identify it. */
function reasonKey(reason: Reason): string {
  let key = reason.code;
  if (reason.data) for (const k in reason.data) key += `\0${k}\0${reason.data[k]}`;
  return key;
}

/** One stadsdel's counts (or the whole export's), filled akt by akt. */
class Group {
  cases = 0;
  failingCases = 0;
  /** Akter failing any rule, whatever its severity. */
  withFindings = 0;
  readonly rules: RuleSummary[];
  /** Per rule, the first failing akter (up to the appendix limit), each with that rule's result only. */
  readonly listed: CaseResult[][];
  readonly reasons: Map<string, Tally>[];
  readonly examples: NonNullable<RuleSummary['examples']>[];
  readonly leftOut: LeftOutTallies;
  private readonly lastOut: Record<keyof LeftOutTallies, (LeftOutCount | undefined)[]> = { 'not-assessable': [], 'not-applicable': [] };

  constructor(rules: readonly RuleInfo[]) {
    this.rules = rules.map((r) => ({
      ruleId: r.ruleId,
      applicable: 0,
      passed: 0,
      failed: 0,
      notAssessable: 0,
      notApplicable: 0,
      share: null,
      reasonCounts: {},
      interval: null,
      fewCases: false,
      grade: null,
    }));
    this.reasons = rules.map(() => new Map());
    this.examples = rules.map(() => []);
    this.listed = rules.map(() => []);
    this.leftOut = { 'not-assessable': rules.map(() => new Map()), 'not-applicable': rules.map(() => new Map()) };
  }

  /** `keys`: per rule, the keys of its failing reasons (see reasonKey), made once for every group. */
  add(c: CaseResult, keys: readonly (string[] | undefined)[], listLimit: number): void {
    this.cases++;
    let failing = false;
    let found = false;
    for (let i = 0; i < c.results.length; i++) {
      const r = c.results[i]!;
      const s = this.rules[i]!;
      if (r.status === 'pass') s.passed++;
      else if (r.status === 'fail') {
        s.failed++;
        found = true;
        if (r.severity === 'error') failing = true;
        const listed = this.listed[i]!;
        if (listed.length < listLimit) listed.push({ caseId: c.caseId, district: c.district, ...(c.origin ? { origin: c.origin } : {}), results: [r] });
        const reasons = r.reasons;
        for (let k = 0; k < reasons.length; k++) {
          const code = reasons[k]!.code;
          // A code counts once per akt, however many of its reasons have it.
          let first = true;
          for (let j = 0; j < k; j++) if (reasons[j]!.code === code) first = false;
          if (first) s.reasonCounts[code] = (s.reasonCounts[code] ?? 0) + 1;
        }
        this.tally(i, reasons, keys[i]!);
        const examples = this.examples[i]!;
        if (examples.length < EXAMPLES) {
          const first = r.reasons[0]!;
          examples.push(sameRealId({ caseId: c.caseId, code: first.code, ...(first.data ? { data: first.data } : {}) }, c));
        }
      } else {
        if (r.status === 'not-assessable') s.notAssessable++;
        else s.notApplicable++;
        this.leaveOut(r.status, i, r.reasons[0]!);
      }
    }
    if (failing) this.failingCases++;
    if (found) this.withFindings++;
  }

  /** An akt the rule could not assess or did not cover, counted by its one reason. */
  private leaveOut(status: keyof LeftOutTallies, rule: number, reason: Reason): void {
    // Most akter a rule leaves out share one reason object (the engine makes its not-assessable
    // finding once per set of datasets): counted without building its key.
    const last = this.lastOut[status][rule];
    if (last !== undefined && last.reason === reason) {
      last.count++;
      return;
    }
    const m = this.leftOut[status][rule]!;
    const key = reasonKey(reason);
    let e = m.get(key);
    if (e) e.count++;
    else m.set(key, (e = { reason, count: 1 }));
    this.lastOut[status][rule] = e;
  }

  /** Counts each reason by its key. */
  private tally(rule: number, reasons: readonly Reason[], keys: readonly string[]): void {
    const seen = this.reasons[rule]!;
    for (let k = 0; k < reasons.length; k++) {
      const reason = reasons[k]!;
      const key = keys[k]!;
      const e = seen.get(key);
      if (e) e.cases++;
      else if (seen.size < EVIDENCE_KEYS) seen.set(key, { code: reason.code, ...(reason.data ? { data: reason.data } : {}), cases: 1 });
    }
  }

  summary(district: string | null, severities: readonly Severity[], thresholds: GradeThresholds): DistrictSummary {
    this.rules.forEach((s, i) => {
      s.applicable = s.passed + s.failed;
      s.share = s.applicable > 0 ? s.passed / s.applicable : null;
      s.interval = wilson(s.passed, s.applicable);
      s.fewCases = s.applicable > 0 && s.applicable < FEW_CASES;
      s.grade = s.share === null ? null : grade(s.share, thresholds);
      // The reason most failing akter share; ties go to the first seen.
      let best: Tally | undefined;
      for (const e of this.reasons[i]!.values()) if (!best || e.cases > best.cases) best = e;
      if (s.failed > 0 && best) s.evidence = best;
      if (s.failed > 0) s.examples = this.examples[i]!;
    });
    const graded = this.rules.filter((s, i) => s.share !== null && severities[i] === 'error');
    const mean = graded.length > 0 ? graded.reduce((n, s) => n + s.share!, 0) / graded.length : null;
    return { district, cases: this.cases, failingCases: this.failingCases, rules: this.rules, grade: mean === null ? null : grade(mean, thresholds) };
  }
}

/** Per stadsdel (in the order they first appear) and for the whole export, in one pass over the akter. */
export class Aggregator {
  private readonly groups = new Map<string | null, Group>();
  private readonly total: Group;

  /** `listLimit`: failing akter kept per stadsdel and rule for the report's Bilaga A. */
  constructor(
    private readonly rules: readonly RuleInfo[],
    private readonly thresholds: GradeThresholds,
    private readonly listLimit = 0,
  ) {
    this.total = new Group(rules);
  }

  add(c: CaseResult): void {
    let g = this.groups.get(c.district);
    if (!g) {
      g = new Group(this.rules);
      this.groups.set(c.district, g);
    }
    const keys = c.results.map((r) => (r.status === 'fail' ? r.reasons.map(reasonKey) : undefined));
    g.add(c, keys, this.listLimit);
    this.total.add(c, keys, 0);
  }

  finish(): { districts: DistrictSummary[]; total: DistrictSummary; listed: Listed; leftOut: LeftOut } {
    const severities = this.rules.map((r) => r.severity);
    const total = this.total.summary(null, severities, this.thresholds);
    const listed: Listed = {
      limit: this.listLimit,
      districts: [...this.groups].map(([district, g]) => ({ district, withFindings: g.withFindings, rules: this.rules.map((r, i) => ({ ruleId: r.ruleId, cases: g.listed[i]! })) })),
    };
    const leftOut: LeftOut = { districts: new Map([...this.groups].map(([d, g]) => [d, g.leftOut])), total: this.total.leftOut };
    return { districts: [...this.groups].map(([d, g]) => g.summary(d, severities, this.thresholds)), total, listed, leftOut };
  }
}
