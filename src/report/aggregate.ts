import type { Reason, Severity, TemplateData } from '../engine/types.js';
import { FEW_CASES, grade, wilson, type GradeThresholds } from './stats.js';
import type { CaseResult, DistrictSummary, LeftOut, LeftOutCount, LeftOutTallies, Listed, RuleInfo, RuleSummary } from './types.js';
import { hasRealId, realId, sameRealId, withRealId } from '../privacy/real-id.js';

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

/**
 * A reason by code and data; rules build their data in a fixed key order, so the keys and values in
 * order identify it. Each key and value is preceded by its length, so no text can pass for two.
 */
function reasonKey(reason: Reason): string {
  let key = reason.code;
  if (reason.data) {
    for (const k in reason.data) {
      const v = valueKey(reason.data[k]!);
      key += `\0${k.length}\0${k}${v.length}\0${v}`;
    }
  }
  return key;
}

/** The reasons of one code whose data have the keys `names`, in that order: a tree of maps, one level per value. */
interface CodeTree {
  names: string[];
  /** The reason (no data), or the map of the first value. */
  root: Seen | Map<string, unknown> | undefined;
}

/**
 * The texts of small whole numbers (a count, a number of days), made once: made afresh for every
 * reason counted, each was a new string to allocate and hash in every map it was looked up in.
 */
const SMALL = 4096;
const smallTexts: string[] = [];

const valueKey = (v: string | number): string => {
  if (typeof v === 'string') return v;
  if (v >= 0 && v < SMALL && (v | 0) === v) return (smallTexts[v] ??= String(v));
  return String(v);
};

/**
 * One distinct failing reason of a rule, with its tally in the whole export and in each stadsdel
 * that counts it (one it is among the first EVIDENCE_KEYS of). A stadsdel is known by its list
 * of tallies; most reasons are seen in one stadsdel only, which is kept beside the reason.
 */
interface Seen {
  total: Tally | undefined;
  owner: Tally[] | undefined;
  tally: Tally | undefined;
  more: Map<Tally[], Tally> | undefined;
}

const unseen = (): Seen => ({ total: undefined, owner: undefined, tally: undefined, more: undefined });

function tallyOf(reason: Reason, list: Tally[]): Tally {
  const e: Tally = reason.data ? { code: reason.code, data: reason.data, cases: 1 } : { code: reason.code, cases: 1 };
  list.push(e);
  return e;
}

/** Scratch for the values of the reason being counted. */
const values: (string | number)[] = [];

/**
 * One rule's failing reasons, counted by code and data in a stadsdel and in the whole export: in
 * each, the first EVIDENCE_KEYS distinct ones, in the order first seen (for ties). A reason is
 * found once for both, through one map per value instead of a key string built and hashed per
 * reason (the values are mostly the store's own strings, whose hash is known). Data with other
 * keys than the first of its code had are found by their reasonKey.
 */
class ReasonTally {
  private readonly byCode = new Map<string, CodeTree>();
  private readonly others = new Map<string, Seen>();
  private lastCode: string | undefined;
  private lastTree: CodeTree | undefined;

  count(reason: Reason, group: Tally[], total: Tally[]): void {
    // The stadsdel's tally holds at most as many reasons as the whole export's (each is also among
    // the first distinct ones of the whole export, unless that one is full): when it is full, a
    // reason not seen before has no tally to go to.
    const seen = this.find(reason, group.length < EVIDENCE_KEYS);
    if (seen === undefined) return;
    if (seen.total !== undefined) seen.total.cases++;
    else if (total.length < EVIDENCE_KEYS) seen.total = tallyOf(reason, total);
    if (seen.owner === group) {
      seen.tally!.cases++;
    } else if (seen.owner === undefined) {
      // Not seen before, so found with room in this stadsdel's tally.
      seen.owner = group;
      seen.tally = tallyOf(reason, group);
    } else {
      const e = seen.more?.get(group);
      if (e !== undefined) e.cases++;
      else if (group.length < EVIDENCE_KEYS) (seen.more ??= new Map()).set(group, tallyOf(reason, group));
    }
  }

  /** The reason as seen before, or (if `room`: the stadsdel's tally can take it) a new one. */
  private find(reason: Reason, room: boolean): Seen | undefined {
    const data = reason.data;
    // A rule gives one or two codes: most reasons have the code the one before had.
    let tree = reason.code === this.lastCode ? this.lastTree : this.byCode.get(reason.code);
    if (tree === undefined) {
      const names: string[] = [];
      if (data) for (const k in data) names.push(k);
      this.byCode.set(reason.code, (tree = { names, root: undefined }));
    }
    this.lastCode = reason.code;
    this.lastTree = tree;
    const names = tree.names;
    let n = 0;
    if (data) {
      for (const k in data) {
        if (k !== names[n]) return this.findOther(reason, room);
        values[n++] = data[k]!;
      }
    }
    if (n !== names.length) return this.findOther(reason, room);
    if (n === 0) return (tree.root as Seen | undefined) ?? (room ? (tree.root = unseen()) : undefined);
    let level = tree.root as Map<string, unknown> | undefined;
    if (level === undefined) {
      if (!room) return undefined;
      tree.root = level = new Map();
    }
    for (let i = 0; i < n - 1; i++) {
      const key = valueKey(values[i]!);
      const next = level.get(key) as Map<string, unknown> | undefined;
      if (next !== undefined) level = next;
      else if (room) level.set(key, (level = new Map()));
      else return undefined;
    }
    const key = valueKey(values[n - 1]!);
    const seen = level.get(key) as Seen | undefined;
    if (seen !== undefined || !room) return seen;
    const fresh = unseen();
    level.set(key, fresh);
    return fresh;
  }

  private findOther(reason: Reason, room: boolean): Seen | undefined {
    const key = reasonKey(reason);
    let seen = this.others.get(key);
    if (seen === undefined && room) this.others.set(key, (seen = unseen()));
    return seen;
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

/**
 * One stadsdel's counts (or the whole export's), filled akt by akt. The whole export's akter, and
 * its akter per status, are its stadsdelar's added up when the pass is over.
 */
class Group {
  cases = 0;
  failingCases = 0;
  /** Akter failing any rule, whatever its severity. */
  withFindings = 0;
  /** Its number among the stadsdelar, in the order first seen. */
  number = 0;
  rules: RuleSummary[];
  /** Per rule, the first failing akter (up to the appendix limit), each with that rule's result only. */
  listed: CaseResult[][];
  /** Per rule, its failing reasons counted (see ReasonTally), in the order first seen. */
  reasons: Tally[][];
  examples: NonNullable<RuleSummary['examples']>[];
  leftOut: LeftOutTallies;
  /**
   * Per rule and status, the count its last akt left out went to: at 2 × the rule's place, plus 1
   * for not-applicable (a number, not the status's name: a look-up by a name that varies cost more).
   */
  readonly lastOut: (LeftOutCount | undefined)[];
  /** Per status and rule, the akt (its number in the pass) each reason of leftOut was first seen in, in the same order. */
  firstOut: Record<keyof LeftOutTallies, number[][]>;

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
    this.reasons = rules.map(() => []);
    this.examples = rules.map(() => []);
    this.listed = rules.map(() => []);
    this.leftOut = { 'not-assessable': rules.map(() => new Map()), 'not-applicable': rules.map(() => new Map()) };
    this.firstOut = { 'not-assessable': rules.map(() => []), 'not-applicable': rules.map(() => []) };
    this.lastOut = new Array<LeftOutCount | undefined>(2 * rules.length).fill(undefined);
  }

  /** The akt's first reason for failing rule `i`, while the rule has fewer than EXAMPLES. */
  example(i: number, c: CaseResult, first: Reason): void {
    const examples = this.examples[i]!;
    if (examples.length < EXAMPLES) examples.push(sameRealId({ caseId: c.caseId, code: first.code, ...(first.data ? { data: first.data } : {}) }, c));
  }

  /** Akt number `at` of the pass, which the rule could not assess or did not cover, counted by its one reason. */
  leaveOut(status: keyof LeftOutTallies, rule: number, reason: Reason, at: number): void {
    // Most akter a rule leaves out share one reason object (the engine makes its not-assessable
    // finding once per set of datasets): counted without building its key.
    const slot = 2 * rule + (status === 'not-applicable' ? 1 : 0);
    const last = this.lastOut[slot];
    if (last !== undefined && last.reason === reason) {
      last.count++;
      return;
    }
    const m = this.leftOut[status][rule]!;
    const key = reasonKey(reason);
    let e = m.get(key);
    if (e) e.count++;
    else {
      m.set(key, (e = { reason, count: 1 }));
      this.firstOut[status][rule]!.push(at);
    }
    this.lastOut[slot] = e;
  }

  /** Its counts per rule as data (see Aggregator.state); the real caseIds of its examples beside them, as a clone drops them. */
  state(district: string | null): GroupState {
    const { cases, failingCases, withFindings, rules, listed, reasons, examples, leftOut, firstOut } = this;
    const exampleIds = examples.map((list) => list.map((x) => (hasRealId(x) ? realId(x) : null)));
    return { district, cases, failingCases, withFindings, rules, listed, reasons, examples, exampleIds, leftOut, firstOut };
  }

  /**
   * Rule `to` of this group made what rule `from` of `part` counted (the same akter, another
   * thread's share of the rules): each rule's counts are its own, whoever counted the others.
   */
  take(to: number, part: Group | GroupState, from: number): void {
    this.rules[to] = part.rules[from]!;
    this.listed[to] = part.listed[from]!;
    this.reasons[to] = part.reasons[from]!;
    this.examples[to] = part instanceof Group ? part.examples[from]! : part.examples[from]!.map((x, j) => withRealId(x, part.exampleIds[from]![j] ?? undefined));
    for (const status of LEFT_OUT) {
      this.leftOut[status][to] = part.leftOut[status][from]!;
      this.firstOut[status][to] = part.firstOut[status][from]!;
    }
  }

  /** These (the whole export's) akter and counts per status made the sum of `groups`', once the pass is over. */
  sumOf(groups: readonly Group[]): void {
    this.cases = this.failingCases = this.withFindings = 0;
    for (const s of this.rules) s.passed = s.failed = s.notAssessable = s.notApplicable = 0;
    for (const g of groups) {
      this.cases += g.cases;
      this.failingCases += g.failingCases;
      this.withFindings += g.withFindings;
      this.rules.forEach((s, i) => {
        const t = g.rules[i]!;
        s.passed += t.passed;
        s.failed += t.failed;
        s.notAssessable += t.notAssessable;
        s.notApplicable += t.notApplicable;
      });
    }
    // Each reason an akt was left out for, counted in all stadsdelar, in the order first seen in any.
    for (const status of LEFT_OUT) {
      this.leftOut[status] = this.rules.map((_, i) => {
        const seen: { at: number; key: string; e: LeftOutCount }[] = [];
        for (const g of groups) {
          let n = 0;
          for (const [key, e] of g.leftOut[status][i]!) seen.push({ at: g.firstOut[status][i]![n++]!, key, e });
        }
        seen.sort((a, b) => a.at - b.at);
        const m = new Map<string, LeftOutCount>();
        for (const { key, e } of seen) {
          const t = m.get(key);
          if (t) t.count += e.count;
          else m.set(key, { reason: e.reason, count: e.count });
        }
        return m;
      });
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
      for (const e of this.reasons[i]!) if (!best || e.cases > best.cases) best = e;
      if (s.failed > 0 && best) s.evidence = best;
      if (s.failed > 0) s.examples = this.examples[i]!;
    });
    const graded = this.rules.filter((s, i) => s.share !== null && severities[i] === 'error');
    const mean = graded.length > 0 ? graded.reduce((n, s) => n + s.share!, 0) / graded.length : null;
    return { district, cases: this.cases, failingCases: this.failingCases, rules: this.rules, grade: mean === null ? null : grade(mean, thresholds) };
  }
}

const LEFT_OUT = ['not-assessable', 'not-applicable'] as const;

/** A Group's counts per rule as data (see Aggregator.state). */
interface GroupState {
  district: string | null;
  cases: number;
  failingCases: number;
  withFindings: number;
  rules: RuleSummary[];
  listed: CaseResult[][];
  reasons: Tally[][];
  examples: NonNullable<RuleSummary['examples']>[];
  exampleIds: (string | null)[][];
  leftOut: LeftOutTallies;
  firstOut: Record<keyof LeftOutTallies, number[][]>;
}

/** What an Aggregator has counted per rule, as data a structured clone carries to another thread: see Aggregator.join. */
export interface AggregateState {
  groups: GroupState[];
  total: GroupState;
}

/** What `add` gives for an akt: it fails a rule of severity error (AKT_FAILING), it fails any rule (AKT_FOUND). */
export const AKT_FAILING = 1;
export const AKT_FOUND = 2;

/** Per stadsdel (in the order they first appear) and for the whole export, in one pass over the akter. */
export class Aggregator {
  private groups = new Map<string | null, Group>();
  private total: Group;
  private readonly tallies: ReasonTally[];
  /** Akter added so far. */
  private akter = 0;
  /** With `marks`: per akt, its stadsdel's number (in the order first seen) times 4 plus what `add` gave. */
  private readonly marks: Int32Array | undefined;
  /** On the thread that counts the later akter of a split pass: what `append` needs besides the counts (see PartRecord). */
  private readonly record: PartRecord | undefined;

  /**
   * `listLimit`: failing akter kept per stadsdel and rule for the report's Bilaga A. `marks`: the
   * akter to come, when another thread counts the same akter for other rules (see join). `record`:
   * on the thread that counts the later akter of a split pass (see part).
   */
  constructor(
    private rules: readonly RuleInfo[],
    private readonly thresholds: GradeThresholds,
    private readonly listLimit = 0,
    { marks, record = false }: { marks?: number; record?: boolean } = {},
  ) {
    this.total = new Group(rules);
    this.tallies = rules.map(() => new ReasonTally());
    if (marks !== undefined) this.marks = new Int32Array(marks);
    if (record) this.record = new PartRecord();
  }

  /** What is counted so far per rule, as data for a structured clone (see join). */
  state(): AggregateState {
    return { groups: [...this.groups].map(([d, g]) => g.state(d)), total: this.total.state(null) };
  }

  /**
   * The aggregate of every rule of the run (`all`), from this one, which counted the rules `mine`
   * (their numbers in `all`), and `other`, which counted the rules `theirs` of the same akter in the
   * same order on another thread and gave `flags` per akt (what its `add` gave). Each rule's counts
   * are exactly one aggregator's; only an akt's failing any rule needs both, per akt.
   */
  join(all: readonly RuleInfo[], mine: readonly number[], other: AggregateState, theirs: readonly number[], flags: Uint8Array): void {
    const marks = this.marks!;
    const own = [...this.groups];
    if (own.length !== other.groups.length || own.some(([d], i) => d !== other.groups[i]!.district) || flags.length !== this.akter) {
      throw new Error('the two threads counted different akter');
    }
    const joined = (g: Group, s: GroupState): Group => {
      const out = new Group(all);
      out.cases = g.cases;
      mine.forEach((to, from) => out.take(to, g, from));
      theirs.forEach((to, from) => out.take(to, s, from));
      return out;
    };
    const groups = own.map(([, g], i) => joined(g, other.groups[i]!));
    for (let k = 0; k < this.akter; k++) {
      const m = marks[k]!;
      const bits = (m & 3) | flags[k]!;
      const g = groups[m >> 2]!;
      if (bits & AKT_FAILING) g.failingCases++;
      if (bits & AKT_FOUND) g.withFindings++;
    }
    this.groups = new Map(own.map(([d], i) => [d, groups[i]!]));
    this.total = joined(this.total, other.total);
    this.rules = all;
  }

  /**
   * The akt counted in its stadsdel and in the whole export, rule by rule in one walk through its
   * results. Akter left out of a rule are counted in the stadsdel only; the whole export's count is
   * made from those at the end.
   */
  add(c: CaseResult): number {
    let g = this.groups.get(c.district);
    if (!g) {
      g = new Group(this.rules);
      this.groups.set(c.district, g);
      // Its number, for marks.
      g.number = this.groups.size - 1;
    }
    const total = this.total;
    this.akter++;
    g.cases++;
    let failing = false;
    let found = false;
    for (let i = 0; i < c.results.length; i++) {
      const r = c.results[i]!;
      const s = g.rules[i]!;
      if (r.status === 'pass') s.passed++;
      else if (r.status === 'fail') {
        s.failed++;
        found = true;
        if (r.severity === 'error') failing = true;
        const listed = g.listed[i]!;
        if (listed.length < this.listLimit) listed.push({ caseId: c.caseId, district: c.district, ...(c.origin ? { origin: c.origin } : {}), results: [r] });
        const reasons = r.reasons;
        const totalCounts = total.rules[i]!.reasonCounts;
        for (let k = 0; k < reasons.length; k++) {
          const code = reasons[k]!.code;
          // A code counts once per akt, however many of its reasons have it.
          let first = true;
          for (let j = 0; j < k; j++) if (reasons[j]!.code === code) first = false;
          if (first) {
            bump(s.reasonCounts, code);
            bump(totalCounts, code);
          }
        }
        const tally = this.tallies[i]!;
        const groupTallies = g.reasons[i]!;
        const totalTallies = total.reasons[i]!;
        const record = this.record;
        if (record === undefined) for (let k = 0; k < reasons.length; k++) tally.count(reasons[k]!, groupTallies, totalTallies);
        else {
          for (let k = 0; k < reasons.length; k++) {
            const before = groupTallies.length;
            tally.count(reasons[k]!, groupTallies, totalTallies);
            record.note(g.number, i, reasons[k]!, before, groupTallies.length);
          }
        }
        g.example(i, c, reasons[0]!);
        total.example(i, c, reasons[0]!);
      } else {
        if (r.status === 'not-assessable') s.notAssessable++;
        else s.notApplicable++;
        g.leaveOut(r.status, i, r.reasons[0]!, this.akter);
      }
    }
    if (failing) g.failingCases++;
    if (found) g.withFindings++;
    const bits = (failing ? AKT_FAILING : 0) | (found ? AKT_FOUND : 0);
    if (this.marks) this.marks[this.akter - 1] = g.number * 4 + bits;
    return bits;
  }

  /** What this aggregator (made with `record`) counted, for `append` on the thread that counted the akter before. */
  part(): PartState {
    const record = this.record!;
    return { state: this.state(), akter: this.akter, firsts: record.firsts, dropped: record.dropped(this.rules.length) };
  }

  /**
   * Counts after these akter those `part` counted (the akter after them, in order, on another
   * thread), as if this aggregator had counted them too. Every count adds, and what is kept in the
   * order first seen (stadsdelar, listed akter, examples, reasons left out) follows this one's; the
   * first EVIDENCE_KEYS distinct failing reasons are worked out from both (appendTallies). False,
   * with nothing changed, where the part cannot tell them exactly: then its akter are to be added here.
   */
  append(part: PartState): boolean {
    const tallies: { groups: Tally[][]; total: Tally[] }[] = [];
    for (let i = 0; i < this.rules.length; i++) {
      const t = this.appendTallies(part, i);
      if (t === undefined) return false;
      tallies.push(t);
    }
    const offset = this.akter;
    const total = this.total;
    part.state.groups.forEach((s, h) => {
      let g = this.groups.get(s.district);
      if (!g) {
        g = new Group(this.rules);
        this.groups.set(s.district, g);
        g.number = this.groups.size - 1;
      }
      g.cases += s.cases;
      g.failingCases += s.failingCases;
      g.withFindings += s.withFindings;
      for (let i = 0; i < this.rules.length; i++) {
        const to = g.rules[i]!;
        const from = s.rules[i]!;
        to.passed += from.passed;
        to.failed += from.failed;
        to.notAssessable += from.notAssessable;
        to.notApplicable += from.notApplicable;
        addCounts(to.reasonCounts, from.reasonCounts);
        const listed = g.listed[i]!;
        for (const c of s.listed[i]!) if (listed.length < this.listLimit) listed.push(c);
        appendExamples(g.examples[i]!, s, i);
        g.reasons[i] = tallies[i]!.groups[h]!;
        for (const status of LEFT_OUT) {
          const m = g.leftOut[status][i]!;
          let n = 0;
          for (const [key, e] of s.leftOut[status][i]!) {
            const at = s.firstOut[status][i]![n++]!;
            const t = m.get(key);
            if (t) t.count += e.count;
            else {
              m.set(key, { reason: e.reason, count: e.count });
              g.firstOut[status][i]!.push(at + offset);
            }
          }
          g.lastOut[2 * i + (status === 'not-applicable' ? 1 : 0)] = undefined;
        }
      }
    });
    for (let i = 0; i < this.rules.length; i++) {
      addCounts(total.rules[i]!.reasonCounts, part.state.total.rules[i]!.reasonCounts);
      appendExamples(total.examples[i]!, part.state.total, i);
      total.reasons[i] = tallies[i]!.total;
    }
    this.akter += part.akter;
    return true;
  }

  /**
   * Rule `i`'s failing reasons per stadsdel and in the whole export after the part's akter, as one
   * pass counts them (ReasonTally.count): a stadsdel's are its first EVIDENCE_KEYS distinct ones,
   * each counted in every akt; the whole export's the first EVIDENCE_KEYS of those in the order
   * each was first counted in a stadsdel, counted from there on. A reason of ours the part met past
   * its own full tally is counted from PartRecord.dropped. Undefined where the part cannot tell: a
   * reason new to the whole export met in some of its akter before its first count there.
   */
  private appendTallies(part: PartState, i: number): { groups: Tally[][]; total: Tally[] } | undefined {
    const dropped = part.dropped[i]!;
    const passed = (h: number, key: string) => (dropped.a.length > 0 ? droppedCount(dropped, h, key) : 0);
    const T = this.total.reasons[i]!;
    const tKeys = new Map<string, number>();
    T.forEach((t, j) => tKeys.set(reasonKey(t), j));
    const open = T.length < EVIDENCE_KEYS;
    const groups: Tally[][] = [];
    /** Per stadsdel of the part: its reasons by key, with their counts and first counts (the part's order of reasons). */
    const seen: Map<string, { cases: number; first: number }>[] = [];
    const full: boolean[] = [];
    /** New to the whole export (while it has room): where each was first counted in a stadsdel that kept it. */
    const newcomers = new Map<string, { tally: Tally; first: number }>();
    for (let h = 0; h < part.state.groups.length; h++) {
      const s = part.state.groups[h]!;
      const W = s.reasons[i]!;
      const firsts = part.firsts[h]?.[i] ?? [];
      const L = this.groups.get(s.district)?.reasons[i] ?? [];
      const lKeys = new Map<string, number>();
      L.forEach((t, j) => lKeys.set(reasonKey(t), j));
      const out = L.map((t) => ({ ...t }));
      const mine = new Map<string, { cases: number; first: number }>();
      for (let j = 0; j < W.length; j++) {
        const w = W[j]!;
        const key = reasonKey(w);
        const first = firsts[j]!;
        mine.set(key, { cases: w.cases, first });
        const at = lKeys.get(key);
        if (at !== undefined) out[at]!.cases += w.cases;
        else if (out.length < EVIDENCE_KEYS) {
          const tally = { ...w };
          out.push(tally);
          if (open && !tKeys.has(key)) {
            const e = newcomers.get(key);
            if (e === undefined || first < e.first) newcomers.set(key, { tally, first });
          }
        }
      }
      full[h] = W.length >= EVIDENCE_KEYS;
      // Ours that the part counted past its full tally: counted here too.
      if (full[h]) for (const [key, j] of lKeys) if (!mine.has(key)) out[j]!.cases += passed(h, key);
      groups.push(out);
      seen.push(mine);
    }
    const total = T.map((t) => ({ ...t }));
    const counted = (key: string, from: number): number | undefined => {
      let n = 0;
      for (let h = 0; h < seen.length; h++) {
        const e = seen[h]!.get(key);
        if (e !== undefined) {
          if (e.first < from) return undefined;
          n += e.cases;
        } else if (full[h]) {
          const m = passed(h, key);
          // Counted past the part's full tally, but not from its first count in the whole export.
          if (m > 0 && from >= 0) return undefined;
          n += m;
        }
      }
      return n;
    };
    for (const [key, j] of tKeys) {
      const n = counted(key, -1);
      if (n === undefined) return undefined;
      total[j]!.cases += n;
    }
    if (open) {
      const order = [...newcomers].sort((a, b) => a[1].first - b[1].first);
      for (const [key, { tally, first }] of order) {
        if (total.length >= EVIDENCE_KEYS) break;
        const n = counted(key, first);
        if (n === undefined) return undefined;
        total.push({ ...tally, cases: n });
      }
    }
    return { groups, total };
  }

  finish(): { districts: DistrictSummary[]; total: DistrictSummary; listed: Listed; leftOut: LeftOut } {
    const severities = this.rules.map((r) => r.severity);
    this.total.sumOf([...this.groups.values()]);
    const total = this.total.summary(null, severities, this.thresholds);
    const listed: Listed = {
      limit: this.listLimit,
      districts: [...this.groups].map(([district, g]) => ({ district, withFindings: g.withFindings, rules: this.rules.map((r, i) => ({ ruleId: r.ruleId, cases: g.listed[i]! })) })),
    };
    const leftOut: LeftOut = { districts: new Map([...this.groups].map(([d, g]) => [d, g.leftOut])), total: this.total.leftOut };
    return { districts: [...this.groups].map(([d, g]) => g.summary(d, severities, this.thresholds)), total, listed, leftOut };
  }
}

/** What an aggregator of the later akter of a split pass gives for `append` (see PartRecord). */
export interface PartState {
  state: AggregateState;
  akter: number;
  firsts: number[][][];
  dropped: Dropped[];
}

/**
 * Beside the counts of the later akter of a split pass: per stadsdel (its number) and rule, when
 * each of its tallied reasons was first counted (a number per reason counted, in pass order); per
 * rule, a hash of each reason (with its stadsdel) counted after the stadsdel's tally was full, some
 * of which it may not have counted. Enough for `append` to tell the reasons of one pass exactly,
 * or that it cannot.
 */
class PartRecord {
  private seq = 0;
  readonly firsts: number[][][] = [];
  /** Per rule, two hashes per reason counted past a full tally (keyHash), in pairs. */
  private readonly past: number[][] = [];

  note(group: number, rule: number, reason: Reason, before: number, after: number): void {
    const seq = this.seq++;
    if (after > before) ((this.firsts[group] ??= [])[rule] ??= []).push(seq);
    else if (before >= EVIDENCE_KEYS) {
      const key = reasonKey(reason);
      (this.past[rule] ??= []).push(keyHash(group, key, 0x811c9dc5), keyHash(group, key, 0x050c5d1f));
    }
  }

  /** Per rule the reasons counted past a full tally: their hashes in order, each pair once, and how often each was counted. */
  dropped(rules: number): Dropped[] {
    return Array.from({ length: rules }, (_, i) => {
      const pairs = this.past[i] ?? [];
      const order = Array.from({ length: pairs.length / 2 }, (_, j) => j).sort((a, b) => pairs[2 * a]! - pairs[2 * b]! || pairs[2 * a + 1]! - pairs[2 * b + 1]!);
      const a: number[] = [];
      const b: number[] = [];
      const counts: number[] = [];
      for (const j of order) {
        const x = pairs[2 * j]!;
        const y = pairs[2 * j + 1]!;
        if (a.length > 0 && a[a.length - 1] === x && b[b.length - 1] === y) counts[counts.length - 1]!++;
        else {
          a.push(x);
          b.push(y);
          counts.push(1);
        }
      }
      return { a: Float64Array.from(a), b: Float64Array.from(b), counts: Int32Array.from(counts) };
    });
  }
}

/** See PartRecord.dropped. */
interface Dropped {
  a: Float64Array;
  b: Float64Array;
  counts: Int32Array;
}

/**
 * How often a reason of stadsdel `group` was met past its full tally: 0 if never. Found by its two
 * hashes (106 bits in all), so two reasons are taken for one only by a clash of both.
 */
function droppedCount(d: Dropped, group: number, key: string): number {
  const x = keyHash(group, key, 0x811c9dc5);
  let lo = 0;
  let hi = d.a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d.a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= d.a.length || d.a[lo] !== x) return 0;
  const y = keyHash(group, key, 0x050c5d1f);
  for (let j = lo; j < d.a.length && d.a[j] === x; j++) if (d.b[j] === y) return d.counts[j]!;
  return 0;
}

/** A stadsdel's number and a reason's key as 53 bits (FNV-1a from `basis`, folded). */
function keyHash(group: number, key: string, basis: number): number {
  let a = (basis ^ group) >>> 0;
  let b = (basis ^ 0x5bd1e995 ^ group) >>> 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000197) >>> 0;
  }
  return a * 0x200000 + (b >>> 11);
}

function addCounts(to: Record<string, number>, from: Record<string, number>): void {
  for (const code of Object.keys(from)) {
    if (Object.hasOwn(to, code)) to[code]! += from[code]!;
    else Object.defineProperty(to, code, { value: from[code]!, writable: true, enumerable: true, configurable: true });
  }
}

function appendExamples(to: NonNullable<RuleSummary['examples']>, from: GroupState, i: number): void {
  const list = from.examples[i]!;
  for (let j = 0; j < list.length && to.length < EXAMPLES; j++) to.push(withRealId(list[j]!, from.exampleIds[i]![j] ?? undefined));
}
