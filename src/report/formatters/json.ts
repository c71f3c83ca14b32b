import { ENGINE_MESSAGES, PROBLEM_MESSAGES } from '../../i18n/catalog.js';
import type { DataProblem } from '../../model/problems.js';
import { problemMessage, reasonMessage, type FormatContext } from '../messages.js';
import type { CaseResult, Report } from '../types.js';
import { batched, textOf, type CaseWriter, type Out, type ReportHead, type WriterFactory } from './stream.js';

const NONE: ReadonlySet<string> = new Set();

/** The rules listed in notAssessed: the data formats give them no result in any akt. */
export function omitted(head: Pick<ReportHead, 'notAssessed'>): ReadonlySet<string> {
  return head.notAssessed.length === 0 ? NONE : new Set(head.notAssessed.map((x) => x.ruleId));
}

/**
 * One akt for machines: per rule run on it its status and the reasons' codes and data; `omit`, the
 * rules the export cannot assess in any akt, are left out (the same sentence in every akt). The
 * severity is in rules[]; the sentence for a reason is in the message catalogue (or here with --messages).
 */
export function caseJson(ctx: FormatContext, c: CaseResult, omit: ReadonlySet<string> = NONE): Record<string, unknown> {
  return {
    caseId: c.caseId,
    district: c.district,
    ...(c.origin ? { origin: c.origin } : {}),
    results: (omit.size === 0 ? c.results : c.results.filter((r) => !omit.has(r.ruleId))).map((r) => resultJson(ctx, r)),
  };
}

type Result = CaseResult['results'][number];

function resultJson(ctx: FormatContext, r: Result): Record<string, unknown> {
  return {
    ruleId: r.ruleId,
    status: r.status,
    ...(r.reasons.length > 0 ? { reasons: ctx.messages ? r.reasons.map((x) => ({ ...x, message: reasonMessage(ctx, r.ruleId, x) })) : r.reasons } : {}),
    ...(r.evidence && ctx.evidence ? { evidence: r.evidence } : {}),
    ...(r.baseline ? { baseline: r.baseline } : {}),
  };
}

/** Rule ids, statuses and stadsdelar recur in every akt: each is quoted once. */
const quoted = new Map<string, string>();
function q(s: string): string {
  let x = quoted.get(s);
  if (x === undefined) {
    x = JSON.stringify(s);
    if (quoted.size < 10_000) quoted.set(s, x);
  }
  return x;
}

/** `JSON.stringify(resultJson(ctx, r))`, built as text. */
function resultText(ctx: FormatContext, r: Result): string {
  if (ctx.messages) return JSON.stringify(resultJson(ctx, r));
  let s = `{"ruleId":${q(r.ruleId)},"status":${q(r.status)}`;
  if (r.reasons.length > 0) s += `,"reasons":${JSON.stringify(r.reasons)}`;
  if (r.evidence && ctx.evidence) s += `,"evidence":${JSON.stringify(r.evidence)}`;
  if (r.baseline) s += `,"baseline":${q(r.baseline)}`;
  return `${s}}`;
}

/** The akt's text up to its results: `{"caseId":…,"district":…,"origin":…,"results":[`. */
function caseStart(c: CaseResult): string {
  let s = `{"caseId":${JSON.stringify(c.caseId)}`;
  if (c.district !== undefined) s += `,"district":${c.district === null ? 'null' : q(c.district)}`;
  if (c.origin) s += `,"origin":${JSON.stringify(c.origin)}`;
  return `${s},"results":[`;
}

/**
 * `JSON.stringify(caseJson(ctx, c, omit))` without the object in between: the data formats write
 * this for every akt, so it is built as text (a property test holds the two equal).
 */
export function caseText(ctx: FormatContext, c: CaseResult, omit: ReadonlySet<string> = NONE): string {
  let s = caseStart(c);
  let first = true;
  for (const r of c.results) {
    if (omit.size > 0 && omit.has(r.ruleId)) continue;
    s += (first ? '' : ',') + resultText(ctx, r);
    first = false;
  }
  return `${s}]}`;
}

/** Message templates once, keyed by rule and code: {name} in a template is the reason's data. */
export function messageCatalogue(ctx: FormatContext, head: ReportHead): Record<string, unknown> {
  const rules: Record<string, Record<string, string>> = {};
  for (const { ruleId } of head.rules) {
    const rule = ctx.rules.get(ruleId);
    if (!rule) continue;
    // Made as entries, not by assignment, where a code named `__proto__` would set the prototype instead.
    rules[ruleId] = Object.fromEntries([...Object.entries(rule.reasons), ...Object.entries(rule.notApplicable)].map(([code, t]) => [code, (t as { sv: string; en: string })[ctx.lang]]));
  }
  const pick = (m: Record<string, { sv: string; en: string }>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v[ctx.lang]]));
  return { rules, engine: pick(ENGINE_MESSAGES), problems: pick(PROBLEM_MESSAGES) };
}

/** What follows the akter: the figures and the data problems. */
export function tailJson(report: Report, ctx: FormatContext): Record<string, unknown> {
  return { ...figuresJson(report), dataProblems: report.dataProblems.map((p) => problemJson(ctx, p)) };
}

/** The tail without its last key, dataProblems, which the streamed writers write one problem at a time. */
function figuresJson(report: Report): Record<string, unknown> {
  const { listed: _l, leftOut: _o, cases: _c, schemaVersion: _s, tool: _t, asOf: _a, rules: _r, grades: _g, privacy: _p, dataProblems: _d, ...rest } = report;
  return rest;
}

function headJson(head: ReportHead, ctx: FormatContext): Record<string, unknown> {
  const { schemaVersion, tool, asOf, rules, grades, privacy } = head;
  return { schemaVersion, tool, lang: ctx.lang, asOf, rules, grades, privacy };
}

/** Indents a whole value (with --pretty) or leaves it on one line. */
const text = (ctx: FormatContext, x: unknown) => JSON.stringify(x, null, ctx.pretty ? 2 : undefined);

/**
 * The whole result for machines, written as the akter are made: the head, every akt, then the
 * figures. Compact (one line) unless --pretty.
 */
export const jsonWriter: WriterFactory = (head, ctx, to: Out): CaseWriter => {
  const out = batched(to);
  const nl = ctx.pretty ? '\n' : '';
  const indent = (s: string) => (ctx.pretty ? s.replace(/\n/g, '\n  ') : s);
  const fields = (o: Record<string, unknown>) =>
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${ctx.pretty ? '  ' : ''}${JSON.stringify(k)}:${ctx.pretty ? ' ' : ''}${indent(text(ctx, v))}`);
  const start = fields({ ...headJson(head, ctx), messages: messageCatalogue(ctx, head) });
  out.write(`{${nl}${start.join(`,${nl}`)},${nl}${ctx.pretty ? '  ' : ''}"cases":${ctx.pretty ? ' ' : ''}[`);
  const omit = omitted(head);
  let first = true;
  return {
    add(c) {
      const item = ctx.pretty ? `\n    ${text(ctx, caseJson(ctx, c, omit)).replace(/\n/g, '\n    ')}` : caseText(ctx, c, omit);
      out.write(first ? item : `,${item}`);
      first = false;
    },
    finish(report) {
      const end = () => {
        out.write('}\n');
        out.flush();
      };
      if (ctx.pretty) {
        out.write(`${first ? '' : '\n  '}],${nl}${fields(tailJson(report, ctx)).join(`,${nl}`)}${nl}`);
        return end();
      }
      const rest = figuresJson(report);
      out.write(`],${fields(rest).join(',')},"dataProblems":`);
      const wait = writeProblems(ctx, report.dataProblems, out);
      return wait ? wait.then(end) : end();
    },
  };
};

export function formatJson(report: Report, ctx: FormatContext): Generator<string> {
  return textOf(jsonWriter, report, ctx);
}

/**
 * NDJSON: one line per akt (as in cases[] of the JSON report), then one summary line: the JSON
 * report without cases[]. Streams into jq, DuckDB or pandas.
 */
export const ndjsonWriter: WriterFactory = (head, ctx, to: Out): CaseWriter => {
  const out = batched(to);
  const omit = omitted(head);
  return {
    add(c) {
      out.write(`${caseText(ctx, c, omit)}\n`);
    },
    finish(report) {
      const rest = figuresJson(report);
      // The summary line's last key is dataProblems, written one problem at a time.
      out.write(`${JSON.stringify({ ...headJson(head, ctx), messages: messageCatalogue(ctx, head), ...rest }).slice(0, -1)},"dataProblems":`);
      const wait = writeProblems(ctx, report.dataProblems, out);
      const end = () => {
        out.write('}\n');
        out.flush();
      };
      return wait ? wait.then(end) : end();
    },
  };
};

export function formatNdjson(report: Report, ctx: FormatContext): Generator<string> {
  return textOf(ndjsonWriter, report, ctx);
}

/**
 * The data problems as a JSON array, one at a time: a country-wide export has hundreds of
 * thousands, too many to hold as one string beside the report.
 */
function writeProblems(ctx: FormatContext, problems: readonly DataProblem[], out: ReturnType<typeof batched>, from = 0): Promise<void> | undefined {
  // Synchronous unless the output is full, so that formatJson (pieces collected in memory) gets all.
  if (from === 0) out.write('[');
  for (let i = from; i < problems.length; i++) {
    out.write(`${i === 0 ? '' : ','}${JSON.stringify(problemJson(ctx, problems[i]!))}`);
    const wait = i % 1000 === 999 ? out.settle() : undefined;
    if (wait) return wait.then(() => writeProblems(ctx, problems, out, i + 1));
  }
  out.write(']');
  return undefined;
}

/** One data problem with every key present, so consumers need no existence checks; its sentence only with --messages. */
export function problemJson(ctx: Pick<FormatContext, 'lang' | 'messages'>, p: DataProblem): Record<string, unknown> {
  return {
    file: p.file,
    line: p.line ?? null,
    index: p.index ?? null,
    caseId: p.caseId ?? null,
    field: p.field ?? null,
    level: p.level,
    code: p.code,
    rejected: p.rejected ?? false,
    value: p.value ?? null,
    ...(ctx.messages ? { message: problemMessage(ctx, p) } : {}),
  };
}
