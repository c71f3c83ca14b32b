import { mapCases, mapListed } from '../report/case-list.js';
import { z } from 'zod';
import { isIsoDate } from '../model/dates.js';
import { issuePath, issueText } from '../config/issue.js';
import { readUserJson } from '../config/read-json.js';
import { UserError } from '../errors.js';
import { KEY_ENV } from '../privacy/pseudonym.js';
import { quote } from '../privacy/quote.js';
import { realId, withRealId } from '../privacy/real-id.js';
import type { CaseResult, Report } from '../report/types.js';

/**
 * A baseline records failures already known and being worked on, so a CI job fails only on new
 * ones. Every entry says why it is accepted and until when; the file is sorted and has no
 * timestamps, so it diffs well in version control.
 *
 * Entries match on the real caseId, never on its masked form (akter whose caseIds are personnummer
 * all mask alike). With a pseudonym key an entry holds the akt's keyed pseudonym instead; without
 * one it holds the caseId as written in the export, and the file says it is a working paper.
 */
const PSEUDONYM = /^AKT-[B-T]{8}-[B-T]{8}$/;
const Entry = z
  .strictObject({
    ruleId: z.string().min(1),
    caseId: z.string().min(1).optional(),
    pseudonym: z.string().regex(PSEUDONYM, 'must be a pseudonym AKT-XXXXXXXX-XXXXXXXX').optional(),
    reason: z.string().min(1, 'give every entry a reason'),
    expires: z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD'),
  })
  .refine((e) => (e.caseId === undefined) !== (e.pseudonym === undefined), 'give an entry either caseId or pseudonym');
export const WORKING_PAPER = 'working-paper';
export const PSEUDONYMISED = 'pseudonymised';
const NOTES = {
  [WORKING_PAPER]: 'Arbetspapper: akterna anges med caseId som i exporten (personnummer kan förekomma). Hantera filen som exporten. / Working paper: akter by caseId as in the export.',
  [PSEUDONYMISED]: 'Akterna anges med nyckelad pseudonym (samma nyckel som --public). / Akter by keyed pseudonym (the same key as --public).',
} as const;
const BaselineSchema = z.strictObject({
  version: z.literal(1),
  privacy: z.enum([WORKING_PAPER, PSEUDONYMISED]).optional(),
  note: z.string().optional(),
  entries: z.array(Entry),
});

export type BaselineEntry = z.infer<typeof Entry>;
export type Baseline = z.infer<typeof BaselineSchema>;
/** A failing (rule, akt) pair: `caseId` as written in the export. */
export interface Pair {
  ruleId: string;
  caseId: string;
}

export interface BaselineResult {
  /** Failures the baseline accepts. */
  accepted: Pair[];
  /** Failures whose entry expired before the audit date: failures again. */
  expired: BaselineEntry[];
  /** The same failures as pairs. */
  expiredPairs: Pair[];
  /** Failures the baseline does not know: these set exit code 1. */
  fresh: Pair[];
  /** Entries whose akt no longer fails the rule: prune them. */
  stale: BaselineEntry[];
}

/** Names akter by pseudonym when the baseline is keyed; absent when no key was given. */
export type Namer = ((caseId: string) => string) | undefined;

const key = (p: Pair) => `${p.ruleId}\0${p.caseId}`;
const entryKey = (e: BaselineEntry) => `${e.ruleId}\0${e.pseudonym ?? e.caseId!}`;
const sortKey = (e: BaselineEntry) => [e.ruleId, e.pseudonym ?? e.caseId!] as const;
const order = (a: BaselineEntry | Pair, b: BaselineEntry | Pair) => {
  const [x, y] = [sortKey(a as BaselineEntry), sortKey(b as BaselineEntry)];
  return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
};

export async function loadBaseline(file: string): Promise<Baseline> {
  const raw = await readUserJson(file, { sv: 'baslinjen', en: 'baseline' });
  const r = BaselineSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new UserError('invalid-setting', { file, where: issuePath(issue), message: issueText(BaselineSchema, raw, issue) });
  }
  return r.data;
}

/**
 * The failing (akt, rule) pairs of a run that set the exit code (rules of severity error, by real
 * caseId), gathered akt by akt: `check` adds each akt in the pass that aggregates, as walking the
 * report's akter again would run every rule on every akt again (LazyCases).
 */
export class FailingPairs {
  private readonly pairs: Pair[] = [];

  add(c: CaseResult): void {
    for (const r of c.results) if (r.status === 'fail' && r.severity === 'error') this.pairs.push({ ruleId: r.ruleId, caseId: realId(c) });
  }

  /** In the baseline file's order. */
  sorted(): readonly Pair[] {
    return this.pairs.sort(order);
  }
}

function needsKey(baseline: Baseline, namer: Namer, file: string): void {
  if (!namer && baseline.entries.some((e) => e.pseudonym !== undefined)) {
    throw new UserError('baseline-needs-key', { file, env: KEY_ENV });
  }
}

/** The entry for a failing pair: by pseudonym when the baseline is keyed, else by the caseId as written. */
function lookup(entries: ReadonlyMap<string, BaselineEntry>, p: Pair, namer: Namer): BaselineEntry | undefined {
  return entries.get(key(p)) ?? (namer ? entries.get(key({ ruleId: p.ruleId, caseId: namer(p.caseId) })) : undefined);
}

/** `failing`: the run's failing pairs (FailingPairs), in order. */
export function applyBaseline(asOf: string, failing: readonly Pair[], baseline: Baseline, namer: Namer, file = 'baseline'): BaselineResult {
  needsKey(baseline, namer, file);
  const entries = new Map(baseline.entries.map((e) => [entryKey(e), e]));
  const used = new Set<BaselineEntry>();
  const result: BaselineResult = { accepted: [], expired: [], expiredPairs: [], fresh: [], stale: [] };
  for (const p of failing) {
    const e = lookup(entries, p, namer);
    if (e) used.add(e);
    if (!e) result.fresh.push(p);
    else if (e.expires < asOf) {
      result.expired.push(e);
      result.expiredPairs.push(p);
    }
    else result.accepted.push(p);
  }
  result.stale = baseline.entries.filter((e) => !used.has(e)).sort(order);
  return result;
}

/**
 * A baseline of today's failures; entries already in `previous` keep their reason and expiry. With
 * a key its entries name akter by pseudonym; without one by caseId, and it says it is a working paper.
 */
export function makeBaseline(failing: readonly Pair[], previous: Baseline | undefined, reason: string | undefined, expires: string | undefined, namer: Namer): Baseline {
  const known = new Map((previous?.entries ?? []).map((e) => [entryKey(e), e]));
  const entries = failing.map((p): BaselineEntry => {
    const id = namer ? { pseudonym: namer(p.caseId) } : { caseId: p.caseId };
    const e = lookup(known, p, namer);
    if (e) return { ruleId: e.ruleId, ...id, reason: e.reason, expires: e.expires };
    if (!reason || !expires) throw new UserError('baseline-needs-reason');
    return { ruleId: p.ruleId, ...id, reason, expires };
  });
  return { version: 1, privacy: namer ? PSEUDONYMISED : WORKING_PAPER, entries };
}

export function pruneBaseline(baseline: Baseline, stale: readonly BaselineEntry[]): Baseline {
  const gone = new Set(stale);
  return { ...baseline, entries: baseline.entries.filter((e) => !gone.has(e)).sort(order) };
}

export function baselineText(b: Baseline): string {
  const privacy = b.privacy ?? (b.entries.some((e) => e.caseId !== undefined) ? WORKING_PAPER : PSEUDONYMISED);
  return `${JSON.stringify({ version: 1, privacy, note: NOTES[privacy], entries: [...b.entries].sort(order) }, null, 2)}\n`;
}

/** A stale entry as the report shows it: the pseudonym, or the caseId masked (and carried unmasked inside the tool). */
function shown(e: BaselineEntry): NonNullable<Report['baseline']>['stale'][number] {
  const base = { ruleId: e.ruleId, reason: quote(e.reason), expires: e.expires };
  return e.pseudonym !== undefined ? { ...base, caseId: e.pseudonym } : withRealId({ ...base, caseId: quote(e.caseId!) }, e.caseId);
}

/** The report with its baseline: accepted and expired failures marked, and the counts and stale entries stated. */
export function markBaseline(report: Report, result: BaselineResult, file: string): Report {
  const accepted = new Set(result.accepted.map(key));
  const expired = new Set(result.expiredPairs.map(key));
  const mark = (c: CaseResult): CaseResult => ({
    ...c,
    results: c.results.map((r) => {
      const k = key({ ruleId: r.ruleId, caseId: realId(c) });
      return accepted.has(k) ? { ...r, baseline: 'accepted' as const } : expired.has(k) ? { ...r, baseline: 'expired' as const } : r;
    }),
  });
  return {
    ...report,
    baseline: { file: quote(file), accepted: result.accepted.length, expired: result.expired.length, fresh: result.fresh.length, stale: result.stale.map(shown) },
    cases: mapCases(report.cases, mark),
    ...mapListed(report.listed, mark),
  };
}
