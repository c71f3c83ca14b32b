import { reportDocument } from '../document/build.js';
import type { Block, Cell, Inline } from '../document/types.js';
import type { FormatContext } from '../messages.js';
import type { Report } from '../types.js';
import { table } from './markdown-table.js';

function inline(parts: readonly Inline[]): string {
  return parts.map((x) => (typeof x === 'string' ? x : 'strong' in x ? `**${x.strong}**` : `\`${x.code}\``)).join('');
}

function cell(c: Cell): string {
  if (typeof c === 'string') return c;
  if (c.code) return `\`${c.text}\``;
  return c.strong ? `**${c.text}**` : c.text;
}

function block(b: Block): string | undefined {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${b.text}`;
    case 'paragraph':
      return inline(b.content);
    case 'list':
      return b.items.length === 0 ? undefined : b.items.map((i) => `- ${inline(i)}`).join('\n');
    case 'table':
      return table(b.header, b.rows.map((r) => r.map(cell)));
    case 'chart':
      // The chart is drawn in HTML; in Markdown its figures are in the tables already.
      return undefined;
  }
}

/** GitHub-flavoured Markdown whose headings and tables an auditor can paste into a revisionsrapport. */
export function formatMarkdown(report: Report, ctx: FormatContext): string {
  const parts = reportDocument(ctx, report).map(block).filter((x): x is string => x !== undefined);
  return `${parts.join('\n\n')}\n`;
}
