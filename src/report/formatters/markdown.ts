import { reportDocument } from '../document/build.js';
import type { Block, Cell, Inline } from '../document/types.js';
import type { FormatContext } from '../messages.js';
import type { Report } from '../types.js';
import { tableLines } from './markdown-table.js';

function inline(parts: readonly Inline[]): string {
  return parts.map((x) => (typeof x === 'string' ? x : 'strong' in x ? `**${x.strong}**` : `\`${x.code}\``)).join('');
}

function cell(c: Cell): string {
  if (typeof c === 'string') return c;
  if (c.code) return `\`${c.text}\``;
  return c.strong ? `**${c.text}**` : c.text;
}

function* cells(rows: Iterable<Cell[]>): Generator<string[]> {
  for (const r of rows) yield r.map(cell);
}

function block(b: Block): Iterable<string> | undefined {
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${b.text}`];
    case 'paragraph':
      return [inline(b.content)];
    case 'list':
      return b.items.length === 0 ? undefined : [b.items.map((i) => `- ${inline(i)}`).join('\n')];
    case 'table':
      return tableLines(b.header, cells(b.rows));
    case 'chart':
      // The chart is drawn in HTML; in Markdown its figures are in the tables already.
      return undefined;
  }
}

/** GitHub-flavoured Markdown whose headings and tables an auditor can paste into a revisionsrapport. Written piece by piece. */
export function* formatMarkdown(report: Report, ctx: FormatContext): Generator<string> {
  let first = true;
  for (const b of reportDocument(ctx, report)) {
    const pieces = block(b);
    if (!pieces) continue;
    if (!first) yield '\n\n';
    first = false;
    yield* pieces;
  }
  yield '\n';
}
