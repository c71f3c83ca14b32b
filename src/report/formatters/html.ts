import { reportDocument } from '../document/build.js';
import { appendixText } from '../../i18n/appendix-text.js';
import type { Block, Cell, ChartBar, Doc, Inline } from '../document/types.js';
import type { FormatContext } from '../messages.js';
import type { Grade } from '../stats.js';
import type { Report } from '../types.js';

// Each at least 4.5:1 against white and against the table header's grey (WCAG 2.1 AA, 1.4.3).
export const GRADE_COLOURS: Record<Grade, string> = {
  fulfilled: '#1a7f37',
  'largely-fulfilled': '#4b6e12',
  'partly-fulfilled': '#8a5a00',
  'not-fulfilled': '#b71c1c',
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inline(parts: readonly Inline[]): string {
  return parts.map((x) => (typeof x === 'string' ? esc(x) : 'strong' in x ? `<strong>${esc(x.strong)}</strong>` : `<code>${esc(x.code)}</code>`)).join('');
}

function cell(c: Cell, tag: 'td' | 'th', numeric: boolean): string {
  const cls = numeric ? ' class="num"' : '';
  if (typeof c === 'string') return `<${tag}${cls}>${esc(c)}</${tag}>`;
  let body = c.code ? `<code>${esc(c.text)}</code>` : esc(c.text);
  if (c.strong) body = `<strong>${body}</strong>`;
  if (c.grade) body = `<span class="grade ${c.grade}">${body}</span>`;
  return `<${tag}${cls}>${body}</${tag}>`;
}

const LABEL_W = 300;
const BAR_W = 360;
const ROW_H = 22;

/** Horizontal bars with the Wilson interval as a whisker: no script, no fonts to fetch. */
function chart(title: string, groups: { label: string; bars: ChartBar[] }[]): string {
  const out = [`<figure class="chart"><figcaption>${esc(title)}</figcaption>`];
  for (const g of groups) {
    if (g.bars.length === 0) continue;
    const height = g.bars.length * ROW_H + 24;
    const width = LABEL_W + BAR_W + 60;
    const rows = g.bars.map((b, i) => {
      const y = i * ROW_H + 4;
      const x = (v: number) => (LABEL_W + v * BAR_W).toFixed(1);
      const mid = y + ROW_H / 2 - 2;
      return [
        `<text x="${LABEL_W - 8}" y="${mid + 4}" text-anchor="end">${esc(b.label)}</text>`,
        `<rect x="${LABEL_W}" y="${y}" width="${(b.share * BAR_W).toFixed(1)}" height="${ROW_H - 8}" fill="${GRADE_COLOURS[b.grade]}"/>`,
        `<line x1="${x(b.low)}" x2="${x(b.high)}" y1="${mid}" y2="${mid}" stroke="#222"/>`,
        `<line x1="${x(b.low)}" x2="${x(b.low)}" y1="${mid - 4}" y2="${mid + 4}" stroke="#222"/>`,
        `<line x1="${x(b.high)}" x2="${x(b.high)}" y1="${mid - 4}" y2="${mid + 4}" stroke="#222"/>`,
        `<text x="${LABEL_W + BAR_W + 6}" y="${mid + 4}">${Math.round(b.share * 100)} %</text>`,
      ].join('');
    });
    const axis = [0, 0.25, 0.5, 0.75, 1]
      .map((v) => {
        const x = (LABEL_W + v * BAR_W).toFixed(1);
        return `<line x1="${x}" x2="${x}" y1="0" y2="${height - 20}" stroke="#ddd"/><text x="${x}" y="${height - 6}" text-anchor="middle">${v * 100}</text>`;
      })
      .join('');
    out.push(
      `<h4>${esc(g.label)}</h4><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(`${title}: ${g.label}`)}" viewBox="0 0 ${width} ${height}" width="100%">${axis}${rows.join('')}</svg>`,
    );
  }
  out.push('</figure>');
  return out.join('\n');
}

function* block(b: Block, id: string | undefined): Generator<string> {
  switch (b.kind) {
    case 'heading':
      yield `<h${b.level}${id ? ` id="${id}"` : ''}>${esc(b.text)}</h${b.level}>`;
      return;
    case 'paragraph':
      yield `<p>${inline(b.content)}</p>`;
      return;
    case 'list':
      if (b.items.length > 0) yield `<ul>\n${b.items.map((i) => `<li>${inline(i)}</li>`).join('\n')}\n</ul>`;
      return;
    case 'table': {
      const numeric = new Set(b.numeric ?? []);
      yield `<table>\n<thead><tr>${b.header.map((x, i) => cell(x, 'th', numeric.has(i))).join('')}</tr></thead>\n<tbody>`;
      // Row by row: Bilaga A of a whole country is longer than a string may be.
      for (const r of b.rows) yield `\n<tr>${r.map((x, i) => cell(x, 'td', numeric.has(i))).join('')}</tr>`;
      yield '\n</tbody>\n</table>';
      return;
    }
    case 'chart':
      yield chart(b.title, b.groups);
  }
}

const CSS = `
@page { size: A4; margin: 18mm 16mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; color: #444; } }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1b1b1b; max-width: 60em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.7em; border-bottom: 2px solid #1b1b1b; padding-bottom: .2em; }
h2 { font-size: 1.35em; margin-top: 1.8em; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.1em; margin-top: 1.4em; }
h4 { font-size: 1em; margin: 1em 0 .2em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1.2em; font-size: .9em; }
th, td { border: 1px solid #ccc; padding: .25em .45em; text-align: left; vertical-align: top; }
th { background: #f1f1f1; }
td.num, th.num { text-align: right; }
code { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: .92em; white-space: nowrap; }
nav.toc ul { list-style: none; padding-left: 0; }
nav.toc a { color: #0b4f9c; }
.grade { font-weight: 600; }
.grade.fulfilled { color: ${GRADE_COLOURS.fulfilled}; }
.grade.largely-fulfilled { color: ${GRADE_COLOURS['largely-fulfilled']}; }
.grade.partly-fulfilled { color: ${GRADE_COLOURS['partly-fulfilled']}; }
.grade.not-fulfilled { color: ${GRADE_COLOURS['not-fulfilled']}; }
figure.chart { margin: 1em 0; }
figure.chart svg text { font-size: 11px; font-family: inherit; fill: #1b1b1b; }
figcaption { font-weight: 600; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { break-before: page; }
  nav.toc h2 { break-before: avoid; }
  h2, h3, h4 { break-after: avoid; }
  figure, svg, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  nav.toc a { color: inherit; text-decoration: none; }
}
`;

function toc(ctx: FormatContext, doc: Doc, ids: ReadonlyMap<Block, string>): string {
  const items = doc.flatMap((b) => (b.kind === 'heading' && ids.has(b) ? [`<li><a href="#${ids.get(b)}">${esc(b.text)}</a></li>`] : []));
  const title = appendixText('contents', ctx.lang);
  return `<nav class="toc" aria-label="${esc(title)}">\n<h2>${esc(title)}</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</nav>`;
}

/**
 * One self-contained HTML file: inline CSS and SVG, no script, and a Content-Security-Policy that
 * forbids any request, so a report opened from a mail or a USB stick can never call out.
 */
export function* formatHtml(report: Report, ctx: FormatContext): Generator<string> {
  const doc = reportDocument(ctx, report);
  const title = doc[0]?.kind === 'heading' ? doc[0].text : 'aktgranskning';
  yield `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(`${report.tool.name} ${report.tool.version}`)}">
<title>${esc(`${title} – ${report.asOf}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
`;
  // Chapters and appendices get ids, so the table of contents after the title page can link them.
  const ids = new Map<Block, string>();
  for (const b of doc) if (b.kind === 'heading' && b.level === 2) ids.set(b, `s${ids.size + 1}`);
  let first = true;
  for (const [i, b] of doc.entries()) {
    let started = false;
    for (const piece of block(b, ids.get(b))) {
      if (!started && !first) yield '\n';
      started = true;
      yield piece;
    }
    if (started) first = false;
    // After the title and its line of metadata.
    if (i === 1) yield `\n${toc(ctx, doc, ids)}`;
  }
  yield '\n</main>\n</body>\n</html>\n';
}
