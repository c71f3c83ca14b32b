import { mapCases, mapListed } from '../report/case-list.js';
import { z } from 'zod';
import { isIsoDate } from '../model/dates.js';
import { readUserJson } from '../config/read-json.js';
import { UserError } from '../errors.js';
import type { CaseResult, Report } from '../report/types.js';

/**
 * A baseline records failures already known and being worked on, so a CI job fails only on new
 * ones. Every entry says why it is accepted and until when; the file is sorted and has no
 * timestamps, so it diffs well in version control.
 */
const Entry = z.strictObject({
  ruleId: z.string().min(1),
  caseId: z.string().min(1),
  reason: z.string().min(1, 'give every entry a reason'),
  expires: z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD'),
});
const BaselineSchema = z.strictObject({ version: z.literal(1), entries: z.array(Entry) });

export type BaselineEntry = z.infer<typeof Entry>;
export type Baseline = z.infer<typeof BaselineSchema>;
export interface Pair {
  ruleId: string;
  caseId: string;
}

export interface BaselineResult {
  /** Failures the baseline accepts. */
  accepted: Pair[];
  /** Failures whose entry expired before the audit date: failures again. */
  expired: BaselineEntry[];
  /** Failures the baseline does not know: these set exit code 1. */
  fresh: Pair[];
  /** Entries whose akt no longer fails the rule: prune them. */
  stale: BaselineEntry[];
}

const key = (p: Pair) => `${p.ruleId}\0${p.caseId}`;
const order = (a: Pair, b: Pair) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

export async function loadBaseline(file: string): Promise<Baseline> {
  const r = BaselineSchema.safeParse(await readUserJson(file, 'baseline'));
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new UserError(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return r.data;
}

/** The failing (akt, rule) pairs of a run that set the exit code: rules of severity error. */
export function failingPairs(report: Report): Pair[] {
  const out: Pair[] = [];
  for (const c of report.cases) for (const r of c.results) if (r.status === 'fail' && r.severity === 'error') out.push({ ruleId: r.ruleId, caseId: c.caseId });
  return out.sort(order);
}

export function applyBaseline(report: Report, baseline: Baseline): BaselineResult {
  const entries = new Map(baseline.entries.map((e) => [key(e), e]));
  const failing = failingPairs(report);
  const failingKeys = new Set(failing.map(key));
  const result: BaselineResult = { accepted: [], expired: [], fresh: [], stale: [] };
  for (const p of failing) {
    const e = entries.get(key(p));
    if (!e) result.fresh.push(p);
    else if (e.expires < report.asOf) result.expired.push(e);
    else result.accepted.push(p);
  }
  result.stale = baseline.entries.filter((e) => !failingKeys.has(key(e))).sort(order);
  return result;
}

/** A baseline of today's failures; entries already in `previous` keep their reason and expiry. */
export function makeBaseline(report: Report, previous: Baseline | undefined, reason: string | undefined, expires: string | undefined): Baseline {
  const known = new Map((previous?.entries ?? []).map((e) => [key(e), e]));
  const entries = failingPairs(report).map((p) => {
    const e = known.get(key(p));
    if (e) return e;
    if (!reason || !expires) throw new UserError('--write-baseline: new entries need --baseline-reason TEXT and --baseline-expires YYYY-MM-DD');
    return { ruleId: p.ruleId, caseId: p.caseId, reason, expires };
  });
  return { version: 1, entries };
}

export function pruneBaseline(baseline: Baseline, stale: readonly BaselineEntry[]): Baseline {
  const gone = new Set(stale.map(key));
  return { version: 1, entries: baseline.entries.filter((e) => !gone.has(key(e))).sort(order) };
}

export function baselineText(b: Baseline): string {
  return `${JSON.stringify({ version: 1, entries: [...b.entries].sort(order) }, null, 2)}\n`;
}

/** The report with its baseline: accepted and expired failures marked, and the counts and stale entries stated. */
export function markBaseline(report: Report, result: BaselineResult, file: string): Report {
  const accepted = new Set(result.accepted.map(key));
  const expired = new Set(result.expired.map(key));
  const mark = (c: CaseResult): CaseResult => ({
    ...c,
    results: c.results.map((r) => {
      const k = key({ ruleId: r.ruleId, caseId: c.caseId });
      return accepted.has(k) ? { ...r, baseline: 'accepted' as const } : expired.has(k) ? { ...r, baseline: 'expired' as const } : r;
    }),
  });
  return {
    ...report,
    baseline: { file, accepted: result.accepted.length, expired: result.expired.length, fresh: result.fresh.length, stale: result.stale },
    cases: mapCases(report.cases, mark),
    ...mapListed(report.listed, mark),
  };
}
