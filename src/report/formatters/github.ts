import { ciText } from '../../i18n/ci-text.js';
import { fill, formatPercent } from '../../i18n/catalog.js';
import { ui } from '../../i18n/ui.js';
import { assessedIndexes, districtName, problemMessage, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import { table } from './markdown-table.js';
import type { Report } from '../types.js';
import { isBelow } from '../verdict.js';

/** GitHub shows only so many annotations per step; past this many per rule, one notice says how many more. */
export const ANNOTATIONS_PER_RULE = 10;

/** Workflow-command escaping, as the Actions runner reads it: data escapes % CR LF, properties also : and ,. */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(kind: 'error' | 'warning' | 'notice', props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${property(String(v))}`)
    .join(',');
  return `::${kind}${p ? ` ${p}` : ''}::${data(message)}\n`;
}

/**
 * GitHub Actions workflow commands: an annotation per failing akt (at the export file and line it was
 * read from) and per data problem, at most ANNOTATIONS_PER_RULE per rule or problem code, then a notice
 * of how many more.
 */
export function* formatGithub(report: Report, ctx: FormatContext): Generator<string> {
  const shown = new Map<string, number>();
  for (const c of report.cases) {
    for (const r of c.results) {
      if (r.status !== 'fail' || r.baseline === 'accepted') continue;
      const n = (shown.get(r.ruleId) ?? 0) + 1;
      shown.set(r.ruleId, n);
      if (n > ANNOTATIONS_PER_RULE) continue;
      const reasons = r.reasons.map((x) => reasonMessage(ctx, r.ruleId, x)).join(' ');
      const message = fill(ciText('aktResult', ctx.lang), { caseId: c.caseId, district: districtName(ctx, c), reasons });
      yield command(r.severity === 'error' ? 'error' : 'warning', { file: c.origin?.file, line: c.origin?.line, title: ruleTitle(ctx, r.ruleId) }, message);
    }
  }
  for (const [ruleId, n] of shown) {
    if (n > ANNOTATIONS_PER_RULE) yield command('notice', { title: ruleTitle(ctx, ruleId) }, fill(ciText('moreAnnotations', ctx.lang), { count: n - ANNOTATIONS_PER_RULE, title: ruleTitle(ctx, ruleId) }));
  }
  const problems = new Map<string, number>();
  for (const p of report.dataProblems) {
    const n = (problems.get(p.code) ?? 0) + 1;
    problems.set(p.code, n);
    if (n <= ANNOTATIONS_PER_RULE) yield command(p.level === 'error' ? 'error' : 'notice', { file: p.file, line: p.line, title: p.code }, problemMessage(ctx, p));
  }
  for (const [code, n] of problems) {
    if (n > ANNOTATIONS_PER_RULE) yield command('notice', { title: code }, fill(ciText('moreProblems', ctx.lang), { count: n - ANNOTATIONS_PER_RULE, code }));
  }
}

/** The job summary ($GITHUB_STEP_SUMMARY): the share per stadsdel and rule as a Markdown table. */
export function githubStepSummary(report: Report, ctx: FormatContext): string {
  const shown = assessedIndexes(report);
  const threshold = (id: string) => ctx.thresholds?.[id];
  const header = [ui('rule', ctx.lang), ...report.districts.map((d) => districtName(ctx, d))];
  const rows = shown.map((i) => {
    const id = report.rules[i]!.ruleId;
    const t = threshold(id);
    return [
      t === undefined ? ruleTitle(ctx, id) : `${ruleTitle(ctx, id)} (≥ ${ctx.lang === 'sv' ? `${t} %` : `${t}%`})`,
      ...report.districts.map((d) => {
        const s = d.rules[i]!;
        const below = t !== undefined && isBelow(s, t);
        return `${formatPercent(s.share, ctx.lang)} (${s.passed}/${s.applicable})${below ? ' ❌' : ''}`;
      }),
    ];
  });
  return `## ${fill(ciText('stepSummaryTitle', ctx.lang), { asOf: report.asOf })}\n\n${table(header, rows)}\n\n`;
}
