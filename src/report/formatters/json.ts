import { problemMessage, reasonMessage, type FormatContext } from '../messages.js';
import type { DataProblem } from '../../model/problems.js';
import type { Report } from '../types.js';

/**
 * The full result for machines; each reason and problem carries its code and the sentence for it.
 * Written piece by piece: for a whole country the report is larger than a string may be. The
 * pieces join to exactly what JSON.stringify(report, null, 2) would give.
 */
export function* formatJson(report: Report, ctx: FormatContext): Generator<string> {
  const { listed: _listed, ...data } = report;
  const head: Record<string, unknown> = { ...data, lang: ctx.lang, cases: [], dataProblems: [] };
  const lists: Record<string, Iterable<unknown>> = {
    cases: mapIter(report.cases, (c) => ({
      ...c,
      results: c.results.map((r) => ({ ...r, reasons: r.reasons.map((x) => ({ ...x, message: reasonMessage(ctx, r.ruleId, x) })) })),
    })),
    dataProblems: mapIter(report.dataProblems, (p) => problemJson(ctx, p)),
  };
  const keys = Object.keys(head).filter((k) => head[k] !== undefined);
  yield '{\n';
  for (const [i, key] of keys.entries()) {
    const comma = i < keys.length - 1 ? ',' : '';
    if (!Object.hasOwn(lists, key)) {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(head[key], null, 2).replace(/\n/g, '\n  ')}${comma}\n`;
      continue;
    }
    let first = true;
    for (const item of lists[key]!) {
      yield `${first ? `  ${JSON.stringify(key)}: [\n` : ',\n'}    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`;
      first = false;
    }
    yield first ? `  ${JSON.stringify(key)}: []${comma}\n` : `\n  ]${comma}\n`;
  }
  yield '}\n';
}

function* mapIter<T, U>(items: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of items) yield f(x);
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
