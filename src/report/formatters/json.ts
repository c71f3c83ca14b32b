import { ENGINE_MESSAGES, PROBLEM_MESSAGES } from '../../i18n/catalog.js';
import type { DataProblem } from '../../model/problems.js';
import { problemMessage, reasonMessage, type FormatContext } from '../messages.js';
import type { CaseResult, Report } from '../types.js';
import { batched, textOf, type CaseWriter, type Out, type ReportHead, type WriterFactory } from './stream.js';

/**
 * One akt for machines: per rule its status and the reasons' codes and data. The severity is in
 * rules[]; the sentence for a reason is in the message catalogue (or here with --messages).
 */
export function caseJson(ctx: FormatContext, c: CaseResult): Record<string, unknown> {
  return {
    caseId: c.caseId,
    district: c.district,
    ...(c.origin ? { origin: c.origin } : {}),
    results: c.results.map((r) => ({
      ruleId: r.ruleId,
      status: r.status,
      ...(r.reasons.length > 0
        ? { reasons: ctx.messages ? r.reasons.map((x) => ({ ...x, message: reasonMessage(ctx, r.ruleId, x) })) : r.reasons }
        : {}),
      ...(r.evidence ? { evidence: r.evidence } : {}),
      ...(r.baseline ? { baseline: r.baseline } : {}),
    })),
  };
}

/** Message templates once, keyed by rule and code: {name} in a template is the reason's data. */
export function messageCatalogue(ctx: FormatContext, head: ReportHead): Record<string, unknown> {
  const rules: Record<string, Record<string, string>> = {};
  for (const { ruleId } of head.rules) {
    const rule = ctx.rules.get(ruleId);
    if (!rule) continue;
    const own: Record<string, string> = {};
    for (const [code, t] of [...Object.entries(rule.reasons), ...Object.entries(rule.notApplicable)]) own[code] = (t as { sv: string; en: string })[ctx.lang];
    rules[ruleId] = own;
  }
  const pick = (m: Record<string, { sv: string; en: string }>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v[ctx.lang]]));
  return { rules, engine: pick(ENGINE_MESSAGES), problems: pick(PROBLEM_MESSAGES) };
}

/** What follows the akter: the figures and the data problems. */
export function tailJson(report: Report, ctx: FormatContext): Record<string, unknown> {
  const { listed: _l, cases: _c, schemaVersion: _s, tool: _t, asOf: _a, rules: _r, grades: _g, privacy: _p, dataProblems, ...rest } = report;
  return { ...rest, dataProblems: dataProblems.map((p) => problemJson(ctx, p)) };
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
  let first = true;
  return {
    add(c) {
      const item = ctx.pretty ? `\n    ${text(ctx, caseJson(ctx, c)).replace(/\n/g, '\n    ')}` : text(ctx, caseJson(ctx, c));
      out.write(first ? item : `,${item}`);
      first = false;
    },
    finish(report) {
      const end = fields(tailJson(report, ctx));
      out.write(`${first || !ctx.pretty ? '' : '\n  '}],${nl}${end.join(`,${nl}`)}${nl}}\n`);
      out.flush();
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
  return {
    add(c) {
      out.write(`${JSON.stringify(caseJson(ctx, c))}\n`);
    },
    finish(report) {
      out.write(`${JSON.stringify({ ...headJson(head, ctx), messages: messageCatalogue(ctx, head), ...tailJson(report, ctx) })}\n`);
      out.flush();
    },
  };
};

export function formatNdjson(report: Report, ctx: FormatContext): Generator<string> {
  return textOf(ndjsonWriter, report, ctx);
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
