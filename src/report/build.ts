import { RECENT, type ActiveRule, type AktResult, type Finding } from '../engine/run.js';
import type { DataProblem } from '../model/problems.js';
import type { FileStats, LoadedExport } from '../model/types.js';
import { quote, quoteData } from '../privacy/quote.js';
import { REAL_ID, withRealId } from '../privacy/real-id.js';
import { Aggregator, type AggregateState, type PartState } from './aggregate.js';
import { LazyCases } from './case-list.js';
import { DEFAULT_GRADES, type GradeThresholds } from './stats.js';
import { REPORT_SCHEMA_VERSION, type CaseResult, type NotAssessed, type Report, type ReportHead } from './types.js';

export const DEFAULT_APPENDIX_LIMIT = 10;

/** What a report states before its akter are checked (working papers; --public changes privacy). */
export function reportHead(opts: { asOf: string; version: string; rules: readonly ActiveRule[]; grades?: GradeThresholds; notAssessed: NotAssessed }): ReportHead {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'aktgranskning', version: opts.version },
    asOf: opts.asOf,
    rules: opts.rules.map((r) => ({ ruleId: r.rule.id, severity: r.severity, options: r.options })),
    grades: opts.grades ?? DEFAULT_GRADES,
    privacy: { mode: 'working-papers' },
    notAssessed: opts.notAssessed,
  };
}

/**
 * Akter with their findings; walked through once here and again by each formatter that lists akter.
 * Each walk gives every akt its findings in an array of their own, which the report takes over.
 */
export type Results = Iterable<AktResult> & { readonly length: number };

/**
 * Aggregates per stadsdel and for the whole export, in one pass that gives the event loop a turn
 * every few thousand akter (for the progress line). Every string that came from the export passes
 * through the personnummer mask here, so no formatter can leak one; personId is never copied.
 */
export async function buildReport(opts: {
  asOf: string;
  version: string;
  rules: readonly ActiveRule[];
  loaded: LoadedExport;
  results: Results;
  /** The rules the export cannot assess in any akt (engine/run.ts notAssessedRules): still counted in the figures. */
  notAssessed: NotAssessed;
  grades?: GradeThresholds;
  /** The selection criteria that narrowed the population, if any. */
  criteria?: string[];
  progress?: { akter: number };
  /** Failing akter named per stadsdel and rule in Bilaga A (default 10; Infinity for all). */
  appendixLimit?: number;
  /** Each akt as it is made, for the formats that list every akt (see formatters/stream.ts). */
  onCase?: (c: CaseResult) => void;
  /** Waits while those formats' outputs are full. */
  drain?: () => Promise<void>;
  /**
   * With two threads checking: here only the rules `mine` (their numbers in `rules`) are run, giving
   * `results` (each akt's findings of those rules); the other thread runs the rules `theirs` on the
   * same akter and gives their aggregate and what each akt failed (`other`). `opts.results` still
   * holds every rule, for the walks of the formats. Not with onCase.
   */
  split?: { mine: number[]; results: Iterable<AktResult>; theirs: number[]; other: Promise<{ state: AggregateState; flags: Uint8Array }> };
  /**
   * With onCase, when another thread checks and writes the akter from `from` on: here the pass
   * stops there, `copy` puts the other thread's bytes after this thread's, and its aggregate (`part`)
   * is appended; where that cannot be done exactly, the rest of `results` is aggregated here.
   */
  later?: { from: number; part: Promise<PartState>; copy: () => Promise<void> };
}): Promise<Report> {
  const { grades: thresholds, rules: inForce } = reportHead(opts);
  const maskedFile = maskedOnce();
  const results = opts.results;
  const cases = new LazyCases(results.length, function* () {
    const make = caseMaker();
    for (const r of results) yield make(r);
  });
  const split = opts.split;
  const listLimit = opts.appendixLimit ?? DEFAULT_APPENDIX_LIMIT;
  const aggregator = split ? new Aggregator(split.mine.map((i) => inForce[i]!), thresholds, listLimit, { marks: results.length }) : new Aggregator(inForce, thresholds, listLimit);
  // The pass walks the results itself, not `cases`: a generator between them cost a resumption and
  // an object per akt.
  const make = caseMaker();
  let n = 0;
  const later = opts.later;
  const upTo = later ? later.from : -1;
  const walk = (split ? split.results : results)[Symbol.iterator]();
  for (let next = walk.next(); !next.done; next = walk.next()) {
    const c = make(next.value);
    aggregator.add(c);
    opts.onCase?.(c);
    if (opts.progress) opts.progress.akter++;
    // The formats that list every akt wait for their outputs often: text queued for a slow output
    // outlives the young generation, and garbage in the old one is collected late (peak memory).
    n++;
    if (opts.drain && n % 256 === 0) await opts.drain();
    else if (n % 5000 === 0) await new Promise((r) => setImmediate(r));
    if (n === upTo) break;
  }
  if (later) {
    await later.copy();
    const part = await later.part;
    if (!aggregator.append(part)) for (let next = walk.next(); !next.done; next = walk.next()) aggregator.add(make(next.value));
    if (opts.progress) opts.progress.akter += part.akter;
  }
  if (split) {
    const other = await split.other;
    aggregator.join(inForce, split.mine, other.state, split.theirs, other.flags);
  }
  const { districts, total, listed, leftOut } = aggregator.finish();
  const files = maskFiles(opts.loaded.files);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'aktgranskning', version: opts.version },
    asOf: opts.asOf,
    rules: inForce,
    grades: thresholds,
    privacy: { mode: 'working-papers' },
    population: { criteria: (opts.criteria ?? []).map((c) => quote(c)), cases: cases.length },
    districts,
    total,
    notAssessed: opts.notAssessed,
    cases,
    listed,
    leftOut,
    input: {
      files,
      rowsRead: files.reduce((n, f) => n + f.rowsRead, 0),
      rowsRejected: files.reduce((n, f) => n + f.rowsRejected, 0),
      casesChecked: cases.length,
    },
    dataProblems: opts.loaded.problems.map((p) => maskProblem(p, maskedFile)),
  };
}

/** `quote`, each distinct text masked once: a few files and stadsdelar name every akt and problem. */
function maskedOnce(): (text: string) => string {
  const masked = new Map<string, string>();
  // Akter and problems come a file and a stadsdel at a time: the text before is asked again.
  let last: string | undefined;
  let lastMasked = '';
  return (text) => {
    if (text !== last) {
      lastMasked = masked.get(text) ?? masked.set(text, quote(text)).get(text)!;
      last = text;
    }
    return lastMasked;
  };
}

/**
 * Makes each akt's CaseResult: every string that came from the export passes the personnummer
 * mask, and personId is never copied. One maker per walk through the akter (it keeps the masked
 * findings of the akt before); the same on every thread.
 */
export function caseMaker(): (r: AktResult) => CaseResult {
  const maskedFile = maskedOnce();
  // A few stadsdelar name every akt: each is masked once.
  const maskedDistrict = maskedOnce();
  const maskAll = findingMasker();
  return ({ checked, findings }) => {
    const id = checked.akt.caseId;
    const caseId = quote(id);
    const district = checked.akt.district === undefined ? null : maskedDistrict(checked.akt.district);
    const file = maskedFile(checked.origin.file);
    const origin = file === checked.origin.file ? checked.origin : { ...checked.origin, file };
    const results = maskAll(findings);
    // The real caseId in the literal, not set afterwards: a fifth property added to the object took
    // a backing store of its own, for every akt.
    return id === undefined ? { caseId, district, origin, results } : { caseId, district, origin, results, [REAL_ID]: id };
  };
}

type FindingMasker = (findings: Finding[]) => CaseResult['results'];

/**
 * Masks an akt's findings, in the engine's array of them (made for this akt alone). The engine gives
 * akter that pass a rule, or fail or fall outside it, as one of the last few before did one finding
 * object (engine/run.ts), so each is masked once while it lasts; as many are kept per rule and
 * status, the latest first, so that the formats get the same masked object each time.
 */
function findingMasker(): FindingMasker {
  const seen: (Finding | undefined)[] = [];
  const masked: CaseResult['results'] = [];
  const quoteText = longTextsOnce();
  return (findings) => {
    const out: CaseResult['results'] = findings;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      const at = RECENT * (4 * i + (f.status === 'pass' ? 0 : f.status === 'fail' ? 1 : f.status === 'not-applicable' ? 2 : 3));
      let e = at;
      while (e < at + RECENT && seen[e] !== f) e++;
      if (e === at + RECENT) {
        for (let j = at + RECENT - 1; j > at; j--) {
          seen[j] = seen[j - 1];
          masked[j] = masked[j - 1]!;
        }
        e = at;
        seen[e] = f;
        masked[e] = maskFinding(f, quoteText);
      }
      out[i] = masked[e]!;
    }
    return out;
  };
}

/** Texts at least this long are quoted once (goals, notes): shorter ones (dates, plan ids) mostly differ. */
const LONG_TEXT = 16;
const LONG_TEXTS = 10_000;

/**
 * `quote`, each distinct long text quoted once while there are at most LONG_TEXTS: the findings an
 * akt has of its own quote the goal or note it shares with many (the masks look at every character).
 */
function longTextsOnce(): (text: string) => string {
  const quoted = new Map<string, string>();
  return (text) => {
    if (text.length < LONG_TEXT) return quote(text);
    let q = quoted.get(text);
    if (q === undefined) {
      q = quote(text);
      if (quoted.size < LONG_TEXTS) quoted.set(text, q);
    }
    return q;
  };
}

/** A finding with its template data masked; one with nothing to mask is kept as it is, so a large run copies little. */
function maskFinding(f: Finding, quoteText: (text: string) => string): CaseResult['results'][number] {
  let reasons: Finding['reasons'] | undefined;
  for (let i = 0; i < f.reasons.length; i++) {
    const r = f.reasons[i]!;
    const data = quoteData(r.data, quoteText);
    if (data !== r.data) (reasons ??= [...f.reasons])[i] = { code: r.code, data };
  }
  const evidence = quoteData(f.evidence, quoteText);
  if (!reasons && evidence === f.evidence) return f;
  return { ruleId: f.ruleId, status: f.status, severity: f.severity, reasons: reasons ?? f.reasons, ...(evidence ? { evidence } : {}) };
}

export function maskFiles(files: readonly FileStats[]): FileStats[] {
  return files.map((f) => ({ ...f, file: quote(f.file) }));
}

/**
 * A data problem quotes the export (file name, caseId, value): each passes the mask, and a bad
 * personId is never quoted at all, whatever shape it has.
 */
export function maskProblem(p: DataProblem, maskFile: (file: string) => string = quote): DataProblem {
  // A country-wide export has hundreds of thousands of problems, and most have nothing to mask: such
  // a problem is given as it is, which saves a copy of each (and the collections to free them).
  return unchanged(p, maskFile) ? withRealId(p, p.caseId) : maskedCopy(p, maskFile);
}

/** Whether masking leaves the problem as it is: every quote the same, no personId value, value (if any) its last key. */
function unchanged(p: DataProblem, maskFile: (file: string) => string): boolean {
  let value = false;
  for (const k in p) {
    // A key after the value would come before it in the copy.
    if (value) return false;
    if (k === 'value') {
      value = true;
      continue;
    }
    const v = (p as unknown as Record<string, unknown>)[k];
    if (k === 'file' ? maskFile(p.file) !== v : k === 'field' ? typeof v === 'string' && !fieldKept(v) : k === 'caseId' && typeof v === 'string' && quote(v) !== v) return false;
  }
  // A value key that holds undefined is left out of the copy.
  if (!value) return true;
  return p.value !== undefined && !personIdField(p.field) && quote(p.value) === p.value;
}

/*
 * A run's problems are mostly of one field after another (the future dates of follow-ups): what
 * masking makes of the field, and whether it is a personId, are worked out again only for another.
 */
let keptField: string | undefined;
let kept = true;
let personIdOf: string | undefined;
let isPersonId = false;

/** Whether `quote` leaves the field name as it is. */
function fieldKept(field: string): boolean {
  if (field !== keptField) {
    kept = quote(field) === field;
    keptField = field;
  }
  return kept;
}

function personIdField(field: string | undefined): boolean {
  if (field !== personIdOf) {
    isPersonId = /(^|\.)personId$/.test(field ?? '');
    personIdOf = field;
  }
  return isPersonId;
}

function maskedCopy(p: DataProblem, maskFile: (file: string) => string): DataProblem {
  // Built key by key in the problem's own order (value last), not by spreading: spread copies cost
  // three times the memory.
  const out: Record<string, unknown> = {};
  for (const k in p) {
    if (k === 'value') continue;
    const v = (p as unknown as Record<string, unknown>)[k];
    out[k] = k === 'file' ? maskFile(p.file) : (k === 'field' || k === 'caseId') && typeof v === 'string' ? quote(v) : v;
  }
  if (p.value !== undefined && !personIdField(p.field)) out.value = quote(p.value);
  return withRealId(out as unknown as DataProblem, p.caseId);
}
