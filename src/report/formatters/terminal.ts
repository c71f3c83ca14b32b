import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { fill, formatInt } from '../../i18n/catalog.js';
import { gradeName, text } from '../../i18n/report-text.js';
import { ui } from '../../i18n/ui.js';
import { shareWithInterval } from '../document/build.js';
import { cannotAssess, gradable } from '../document/prose.js';
import { assessedIndexes, districtName, notAssessedLines, observation, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import type { Grade } from '../stats.js';
import { shorten } from '../../privacy/quote.js';
import type { DistrictSummary, Report, RuleSummary } from '../types.js';

const MAX_FINDINGS = 10;
/** Without a terminal to measure (a file, a pipe) the report is 100 columns wide. */
export const DEFAULT_COLUMNS = 100;
/** Wider than this, lines get hard to read, however wide the terminal. */
const MAX_COLUMNS = 160;
/** Below this the table drops its passed and failed columns for one "2 av 10". */
const WIDE = 100;

/** Column widths that, with the borders, make the table exactly `width` columns wide. */
function widths(width: number): number[] {
  if (width >= WIDE) return [width - 67, 10, 10, 21, 20];
  return [Math.max(width - 57, 10), 12, 19, 21];
}
/** No rule between rows: a district's table stays short. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** Wraps at word boundaries within the width, indenting continuation lines. */
function wrap(line: string, indent: string, columns: number): string[] {
  const out: string[] = [];
  const lead = /^\s*/.exec(line)![0];
  let current = lead;
  for (const word of line.slice(lead.length).split(' ')) {
    if (current !== '' && current.length + 1 + word.length > columns) {
      out.push(current);
      current = indent + word;
    } else {
      current = current.trim() === '' ? current + word : `${current} ${word}`;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** One line per finding, cut at the width (the privacy cut: no digits left at the cut); the full text is in the Markdown and JSON reports. */
function cut(line: string, columns: number): string {
  return shorten(line, columns);
}

function gradeColour(c: ChalkInstance, g: Grade | null): (t: string) => string {
  if (g === 'fulfilled') return c.green;
  if (g === 'largely-fulfilled') return c.cyan;
  if (g === 'partly-fulfilled') return c.yellow;
  if (g === 'not-fulfilled') return c.red;
  return c.dim;
}

/** Worst first: the lowest share at the top, rules with nothing to judge last. */
function byShare(a: RuleSummary, b: RuleSummary): number {
  return (a.share ?? 2) - (b.share ?? 2);
}

function districtTable(ctx: FormatContext, c: ChalkInstance, rules: RuleSummary[], width: number): string {
  const { lang } = ctx;
  const wide = width >= WIDE;
  const t = new Table({
    head: [ui('rule', lang), ...(wide ? [ui('passed', lang), ui('failed', lang)] : [ui('passed', lang)]), text('shareInterval', lang), text('grade', lang)],
    style: { head: [], border: [] },
    chars: COMPACT,
    colWidths: widths(width),
    wordWrap: true,
  });
  for (const s of rules) {
    const counts = wide ? [String(s.passed), String(s.failed)] : [fill(ui('ofCases', lang), { passed: s.passed, applicable: s.applicable })];
    // As in the document formats: a share of fewer than five akter is not graded.
    const grade = s.applicable === 0 || gradable(s) ? gradeColour(c, s.grade)(gradeName(s.grade, lang)) : c.dim(cannotAssess(lang));
    t.push([ruleTitle(ctx, s.ruleId), ...counts, shareWithInterval(ctx, s), grade]);
  }
  return t.toString();
}

/** The terminal's width (ctx.columns), used up to MAX_COLUMNS. */
function widthOf(ctx: FormatContext): number {
  return Math.min(ctx.columns ?? DEFAULT_COLUMNS, MAX_COLUMNS);
}

/** A compact summary for a person at a terminal: per stadsdel, worst first, coloured grades, the worst findings first. */
export function formatTerminal(report: Report, ctx: FormatContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const { lang } = ctx;
  const width = widthOf(ctx);
  const out: string[] = [
    c.bold(ui('title', lang)),
    ...wrap(
      `${ui('asOf', lang)}: ${report.asOf} · ` +
        fill(ui('inputTotals', lang), {
          rowsRead: formatInt(report.input.rowsRead, lang),
          casesChecked: formatInt(report.input.casesChecked, lang),
          rowsRejected: formatInt(report.input.rowsRejected, lang),
        }),
      '  ',
      width,
    ),
    ...notAssessedLines(ctx, report).flatMap((l) => wrap(l, '  ', width).map((x) => c.dim(x))),
    ...(report.baseline
      ? wrap(
          fill(text('baselineNote', lang), { file: report.baseline.file, accepted: report.baseline.accepted, fresh: report.baseline.fresh, expired: report.baseline.expired, stale: report.baseline.stale.length }),
          '  ',
          width,
        )
      : []),
    '',
  ];
  const shown = assessedIndexes(report);
  const worstFirst = [...report.districts].sort((a, b) => b.failingCases / (b.cases || 1) - a.failingCases / (a.cases || 1));
  for (const d of worstFirst) out.push(...district(ctx, c, d, shown, width));
  if (report.dataProblems.length > 0) out.push(c.yellow(`${ui('dataProblems', lang)}: ${report.dataProblems.length}`));
  return `${out.join('\n')}\n`;
}

/** The rules of a stadsdel as shown: the worst share first. */
function shownRules(d: DistrictSummary, shown: number[]): RuleSummary[] {
  return shown.map((i) => d.rules[i]!).sort(byShare);
}

function district(ctx: FormatContext, c: ChalkInstance, d: DistrictSummary, shown: number[], width: number): string[] {
  const { lang } = ctx;
  const rules = shownRules(d, shown);
  const grade = gradeColour(c, d.grade)(`${text('overallGrade', lang)}: ${gradeName(d.grade, lang)}`);
  const out = [
    c.bold(districtName(ctx, d)),
    ...wrap(`${d.cases} ${ui('cases', lang).toLowerCase()}, ${d.failingCases} ${ui('failingCases', lang).toLowerCase()} · ${grade}`, '  ', width),
    districtTable(ctx, c, rules, width),
  ];
  for (const s of rules) if (s.failed > 0) out.push(...wrap(`  • ${observation(ctx, s)}`, '    ', width));
  // The failing findings of the worst rules first, as the report's examples name them.
  const lines = rules
    .flatMap((s) => (s.examples ?? []).map((e) => `    ${e.caseId}  ${ruleTitle(ctx, s.ruleId)}: ${reasonMessage(ctx, s.ruleId, { code: e.code, ...(e.data ? { data: e.data } : {}) })}`))
    .slice(0, MAX_FINDINGS);
  const count = d.rules.reduce((n, s) => n + s.failed, 0);
  out.push(...lines.map((l) => c.dim(cut(l, width))));
  if (count > MAX_FINDINGS) out.push(c.dim(`    ${fill(ui('moreFindings', lang), { count: count - MAX_FINDINGS })}`));
  out.push('');
  return out;
}
