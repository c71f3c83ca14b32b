import { problemMessage, reasonMessage, type FormatContext } from '../messages.js';
import type { DataProblem } from '../../model/problems.js';
import type { Report } from '../types.js';

/** The full result for machines; each reason and problem carries its code and the sentence for it. */
export function formatJson(report: Report, ctx: FormatContext): string {
  const out = {
    ...report,
    lang: ctx.lang,
    cases: report.cases.map((c) => ({
      ...c,
      results: c.results.map((r) => ({ ...r, reasons: r.reasons.map((x) => ({ ...x, message: reasonMessage(ctx, r.ruleId, x) })) })),
    })),
    dataProblems: report.dataProblems.map((p) => problemJson(ctx, p)),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** One data problem with every key present, so consumers need no existence checks. */
export function problemJson(ctx: Pick<FormatContext, 'lang'>, p: DataProblem): Record<string, unknown> {
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
    message: problemMessage(ctx, p),
  };
}
