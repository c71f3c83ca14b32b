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

/** The reasons of one code whose data have the keys `names`, in that order: a tree of maps, one level per value. */
interface CodeTree {
  names: string[];
  /** The tally (no data), or the map of the first value. */
  root: Tally | Map<string, unknown> | undefined;
}

const valueKey = (v: string | number): string => (typeof v === 'string' ? v : String(v));

/**
 * Failing reasons counted by code and data: the same reasons as by reasonKey, the first EVIDENCE_KEYS
 * distinct ones, but found through one map per value instead of a key string built and hashed per
 * reason (the values are mostly the store's own strings, whose hash is known). Data with other keys
 * than the first of its code had are counted by their reasonKey.
 */
class ReasonTally {
  /** In the order first seen, for ties. */
  readonly entries: Tally[] = [];
  private readonly byCode = new Map<string, CodeTree>();
  private readonly others = new Map<string, Tally>();

  count(reason: Reason): void {
    const data = reason.data;
    let tree = this.byCode.get(reason.code);
    if (tree === undefined) {
      const names: string[] = [];
      if (data) for (const k in data) names.push(k);
      this.byCode.set(reason.code, (tree = { names, root: undefined }));
    }
    const names = tree.names;
    let n = 0;
    if (data) {
      for (const k in data) {
        if (k !== names[n]) return this.countOther(reason);
        n++;
      }
    }
    if (n !== names.length) return this.countOther(reason);
    if (n === 0) {
      if (tree.root !== undefined) (tree.root as Tally).cases++;
      else if (this.entries.length < EVIDENCE_KEYS) tree.root = this.add(reason);
      return;
    }
    let level = tree.root as Map<string, unknown> | undefined;
    if (level === undefined) {
      if (this.entries.length >= EVIDENCE_KEYS) return;
      tree.root = level = new Map();
    }
    let i = 0;
    for (const k in data) {
      const key = valueKey(data![k]!);
      const next = level.get(key);
      if (++i === n) {
        if (next !== undefined) (next as Tally).cases++;
        else if (this.entries.length < EVIDENCE_KEYS) level.set(key, this.add(reason));
        return;
      }
      if (next !== undefined) level = next as Map<string, unknown>;
      else if (this.entries.length < EVIDENCE_KEYS) level.set(key, (level = new Map()));
      else return;
    }
  }

  private countOther(reason: Reason): void {
    const key = reasonKey(reason);
    const e = this.others.get(key);
    if (e) e.cases++;
    else if (this.entries.length < EVIDENCE_KEYS) this.others.set(key, this.add(reason));
  }

  private add(reason: Reason): Tally {
    const e: Tally = { code: reason.code, ...(reason.data ? { data: reason.data } : {}), cases: 1 };
    this.entries.push(e);
    return e;
  }
}

/**
 * One more akt with `code`. A plug-in's code may be named like a member of every object (`valueOf`,
 * `__proto__`): read as own properties only, and a new one defined, as assigning `__proto__` would
 * set the object's prototype instead.
 */
function bump(counts: Record<string, number>, code: string): void {
  if (Object.hasOwn(counts, code)) counts[code]!++;
  else Object.defineProperty(counts, code, { value: 1, writable: true, enumerable: true, configurable: true });
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
  readonly reasons: ReasonTally[];
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
    this.reasons = rules.map(() => new ReasonTally());
    this.examples = rules.map(() => []);
    this.listed = rules.map(() => []);
    this.leftOut = { 'not-assessable': rules.map(() => new Map()), 'not-applicable': rules.map(() => new Map()) };
  }

  add(c: CaseResult, listLimit: number): void {
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
          if (first) bump(s.reasonCounts, code);
        }
        const tally = this.reasons[i]!;
        for (let k = 0; k < reasons.length; k++) tally.count(reasons[k]!);
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

  summary(district: string | null, severities: readonly Severity[], thresholds: GradeThresholds): DistrictSummary {
    this.rules.forEach((s, i) => {
      s.applicable = s.passed + s.failed;
      s.share = s.applicable > 0 ? s.passed / s.applicable : null;
      s.interval = wilson(s.passed, s.applicable);
      s.fewCases = s.applicable > 0 && s.applicable < FEW_CASES;
      s.grade = s.share === null ? null : grade(s.share, thresholds);
      // The reason most failing akter share; ties go to the first seen.
      let best: Tally | undefined;
      for (const e of this.reasons[i]!.entries) if (!best || e.cases > best.cases) best = e;
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
    g.add(c, this.listLimit);
    this.total.add(c, 0);
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
