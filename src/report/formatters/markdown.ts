import { fill, formatInt, formatPercent, severityName } from '../../i18n/catalog.js';
import { ui } from '../../i18n/ui.js';
import { delimiterName } from '../../load/delimiter.js';
import { table } from './markdown-table.js';
import { assessedIndexes, districtName, location, notAssessedLines, observation, problemMessage, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import type { DistrictSummary, Report, RuleSummary } from '../types.js';


function ratio(ctx: FormatContext, s: RuleSummary): string {
  if (s.applicable === 0) return '–';
  return `${fill(ui('ofCases', ctx.lang), { passed: s.passed, applicable: s.applicable })} (${formatPercent(s.share, ctx.lang)})`;
}

function summaryTable(ctx: FormatContext, r: Report): string {
  const { lang } = ctx;
  const shown = assessedIndexes(r);
  const header = [ui('district', lang), ui('cases', lang), ui('failingCases', lang), ...shown.map((i) => ruleTitle(ctx, r.rules[i]!.ruleId))];
  const row = (d: DistrictSummary, name: string): string[] => [name, String(d.cases), String(d.failingCases), ...shown.map((i) => ratio(ctx, d.rules[i]!))];
  return table(header, [...r.districts.map((d) => row(d, districtName(ctx, d))), row(r.total, `**${ui('total', lang)}**`)]);
}

/** Akter a rule could not assess or did not cover, with the reason given once for rules that share it. */
function notes(ctx: FormatContext, r: Report, d: DistrictSummary): string[] {
  const out: string[] = [];
  const notApplicable = new Map<string, string[]>();
  const cases = r.cases.filter((c) => c.district === d.district);
  const shown = new Set(assessedIndexes(r));
  d.rules.forEach((s, i) => {
    if (!shown.has(i)) return;
    const title = ruleTitle(ctx, s.ruleId);
    const first = (status: string) => cases.map((c) => c.results[i]!).find((x) => x.status === status)!;
    if (s.notAssessable > 0) {
      out.push(fill(ui('notAssessableNote', ctx.lang), { title, count: s.notAssessable, reason: reasonMessage(ctx, s.ruleId, first('not-assessable').reasons[0]!) }));
    }
    if (s.notApplicable > 0) {
      const key = `${s.notApplicable}\0${reasonMessage(ctx, s.ruleId, first('not-applicable').reasons[0]!)}`;
      notApplicable.set(key, [...(notApplicable.get(key) ?? []), title]);
    }
  });
  for (const [key, titles] of notApplicable) {
    const [count, reason] = key.split('\0') as [string, string];
    out.push(fill(ui('notApplicableNote', ctx.lang), { titles: titles.join(', '), count, reason }));
  }
  return out;
}

function districtSection(ctx: FormatContext, r: Report, d: DistrictSummary): string {
  const { lang } = ctx;
  const parts = [`## ${districtName(ctx, d)}`, '', `### ${ui('observations', lang)}`, ''];
  const rules = assessedIndexes(r).map((i) => d.rules[i]!);
  for (const s of rules) if (s.notAssessable < d.cases) parts.push(`- ${observation(ctx, s)}`);
  for (const n of notes(ctx, r, d)) parts.push(`- ${n}`);
  parts.push('', `### ${ui('resultsPerRule', lang)}`, '');
  parts.push(
    table(
      [ui('rule', lang), ui('applicable', lang), ui('passed', lang), ui('failed', lang), ui('share', lang), ui('notAssessable', lang), ui('notApplicable', lang)],
      rules.map((s) => [ruleTitle(ctx, s.ruleId), String(s.applicable), String(s.passed), String(s.failed), formatPercent(s.share, lang), String(s.notAssessable), String(s.notApplicable)]),
    ),
  );
  const rows: string[][] = [];
  for (const c of r.cases) {
    if (c.district !== d.district) continue;
    for (const res of c.results) {
      if (res.status !== 'fail') continue;
      rows.push([c.caseId, ruleTitle(ctx, res.ruleId), res.reasons.map((x) => reasonMessage(ctx, res.ruleId, x)).join(' ')]);
    }
  }
  parts.push('', `### ${ui('findings', lang)}`, '', rows.length > 0 ? table([ui('caseId', lang), ui('rule', lang), ui('reasons', lang)], rows) : ui('noFindings', lang));
  return parts.join('\n');
}

function inputSection(ctx: FormatContext, r: Report): string {
  const { lang } = ctx;
  const files = table(
    [ui('file', lang), ui('format', lang), ui('encoding', lang), ui('delimiter', lang), ui('rowsRead', lang), ui('rowsRejected', lang), 'SHA-256'],
    r.input.files.map((f) => [
      f.file,
      f.table ? `${f.format} (${f.table})` : f.format,
      f.encoding ?? '–',
      f.delimiter === undefined ? '–' : `\`${delimiterName(f.delimiter)}\``,
      String(f.rowsRead),
      String(f.rowsRejected),
      f.sha256 ? `\`${f.sha256}\`` : '–',
    ]),
  );
  const totals = fill(ui('inputTotals', lang), {
    rowsRead: formatInt(r.input.rowsRead, lang),
    casesChecked: formatInt(r.input.casesChecked, lang),
    rowsRejected: formatInt(r.input.rowsRejected, lang),
  });
  const problems =
    r.dataProblems.length === 0
      ? ui('noDataProblems', lang)
      : table(
          [ui('file', lang), ui('line', lang), ui('caseId', lang), ui('field', lang), ui('problem', lang)],
          r.dataProblems.map((p) => [p.file, location(p), p.caseId ?? '', p.field ?? '', problemMessage(ctx, p)]),
        );
  return [`## ${ui('input', lang)}`, '', totals, '', files, '', `### ${ui('dataProblems', lang)} (${r.dataProblems.length})`, '', problems].join('\n');
}

function catalogue(ctx: FormatContext, r: Report): string {
  const { lang } = ctx;
  const rows = r.rules.map((x) => {
    const rule = ctx.rules.get(x.ruleId);
    return [`${ruleTitle(ctx, x.ruleId)} (\`${x.ruleId}\`)`, rule?.criterion[lang] ?? '', rule?.criterion.source ?? '', severityName(x.severity, lang)];
  });
  return [`## ${ui('ruleCatalogue', lang)}`, '', table([ui('rule', lang), ui('criterion', lang), ui('source', lang), ui('severity', lang)], rows)].join('\n');
}

/** GitHub-flavoured Markdown whose headings and tables an auditor can paste into a revisionsrapport. */
export function formatMarkdown(report: Report, ctx: FormatContext): string {
  const { lang } = ctx;
  const head = [
    `# ${ui('title', lang)}`,
    '',
    `${ui('asOf', lang)}: ${report.asOf} · ${ui('casesChecked', lang)}: ${formatInt(report.input.casesChecked, lang)}`,
    '',
    `## ${ui('summary', lang)}`,
    '',
    summaryTable(ctx, report),
    ...(report.notAssessed.length > 0 ? ['', `### ${ui('notAssessedHeading', lang)}`, '', ...notAssessedLines(ctx, report).map((l) => `- ${l}`)] : []),
  ].join('\n');
  const sections = [head, ...report.districts.map((d) => districtSection(ctx, report, d)), inputSection(ctx, report), catalogue(ctx, report)];
  sections.push(`_${fill(ui('generatedBy', lang), { tool: report.tool.name, version: report.tool.version })}_`);
  return `${sections.join('\n\n')}\n`;
}
