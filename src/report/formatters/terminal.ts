import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { fill, formatInt, formatPercent } from '../../i18n/catalog.js';
import { ui } from '../../i18n/ui.js';
import { assessedIndexes, districtName, notAssessedLines, observation, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import type { DistrictSummary, Report, RuleSummary } from '../types.js';

const MAX_FINDINGS = 10;

function shareColour(c: ChalkInstance, s: RuleSummary): (t: string) => string {
  if (s.share === null) return c.dim;
  if (s.share >= 0.9) return c.green;
  if (s.share >= 0.75) return c.cyan;
  if (s.share >= 0.4) return c.yellow;
  return c.red;
}

function districtTable(ctx: FormatContext, c: ChalkInstance, d: DistrictSummary, shown: readonly number[]): string {
  const { lang } = ctx;
  const t = new Table({
    head: [ui('rule', lang), ui('passed', lang), ui('failed', lang), ui('share', lang), ui('notAssessable', lang)],
    style: { head: [], border: [] },
    colWidths: [34, 10, 12, 16, 15],
    wordWrap: true,
  });
  for (const s of shown.map((i) => d.rules[i]!)) {
    t.push([ruleTitle(ctx, s.ruleId), String(s.passed), String(s.failed), shareColour(c, s)(formatPercent(s.share, lang)), String(s.notAssessable)]);
  }
  return t.toString();
}

/** A compact summary for a person at a terminal: per stadsdel, worst first, a few findings each. */
export function formatTerminal(report: Report, ctx: FormatContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const { lang } = ctx;
  const out: string[] = [
    c.bold(ui('title', lang)),
    `${ui('asOf', lang)}: ${report.asOf} · ${ui('casesChecked', lang)}: ${formatInt(report.input.casesChecked, lang)} · ` +
      fill(ui('inputTotals', lang), {
        rowsRead: formatInt(report.input.rowsRead, lang),
        casesChecked: formatInt(report.input.casesChecked, lang),
        rowsRejected: formatInt(report.input.rowsRejected, lang),
      }),
    ...notAssessedLines(ctx, report).map((l) => c.dim(l)),
    '',
  ];
  const shown = assessedIndexes(report);
  const worstFirst = [...report.districts].sort((a, b) => b.failingCases / (b.cases || 1) - a.failingCases / (a.cases || 1));
  for (const d of worstFirst) {
    out.push(c.bold(`${districtName(ctx, d)} – ${d.cases} ${ui('cases', lang).toLowerCase()}, ${d.failingCases} ${ui('failingCases', lang).toLowerCase()}`));
    out.push(districtTable(ctx, c, d, shown));
    for (const s of d.rules) if (s.failed > 0) out.push(`  • ${observation(ctx, s)}`);
    const findings = report.cases
      .filter((x) => x.district === d.district)
      .flatMap((x) => x.results.filter((r) => r.status === 'fail').map((r) => `    ${x.caseId}  ${ruleTitle(ctx, r.ruleId)}: ${reasonMessage(ctx, r.ruleId, r.reasons[0]!)}`));
    out.push(...findings.slice(0, MAX_FINDINGS).map((f) => c.dim(f)));
    if (findings.length > MAX_FINDINGS) out.push(c.dim(`    ${fill(ui('moreFindings', lang), { count: findings.length - MAX_FINDINGS })}`));
    out.push('');
  }
  if (report.dataProblems.length > 0) {
    out.push(c.yellow(`${ui('dataProblems', lang)}: ${report.dataProblems.length}`));
  }
  return `${out.join('\n')}\n`;
}
