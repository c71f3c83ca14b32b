import { ciText } from '../../i18n/ci-text.js';
import { fill, formatInt, formatPercent } from '../../i18n/catalog.js';
import { ui } from '../../i18n/ui.js';
import { quote } from '../../privacy/quote.js';
import { ruleTitle, type FormatContext } from '../messages.js';
import type { Report } from '../types.js';
import type { Breach, Verdict } from '../verdict.js';

const SHOWN_BREACHES = 3;

export function breachText(ctx: FormatContext, b: Breach): string {
  return fill(ciText('breach', ctx.lang), {
    district: b.district === null ? ui('unknownDistrict', ctx.lang) : quote(b.district),
    title: ruleTitle(ctx, b.ruleId),
    share: formatPercent(b.passed / b.applicable, ctx.lang),
    threshold: ctx.lang === 'sv' ? `${b.threshold} %` : `${b.threshold}%`,
  });
}

/** Why the run exits as it does, in words. */
export function verdictText(report: Report, v: Verdict, ctx: FormatContext): string {
  const n = (x: number) => formatInt(x, ctx.lang);
  switch (v.reason) {
    case 'clean':
      return ciText(Object.keys(ctx.thresholds ?? {}).length > 0 ? 'cleanThresholds' : 'clean', ctx.lang);
    case 'failures':
      return ciText('failures', ctx.lang);
    case 'new-failures':
      return fill(ciText('newFailures', ctx.lang), { fresh: n(report.baseline?.fresh ?? 0), expired: n(report.baseline?.expired ?? 0) });
    case 'data-problems':
      return ciText('dataProblems', ctx.lang);
    case 'below-threshold': {
      const shown = v.breaches.slice(0, SHOWN_BREACHES).map((b) => breachText(ctx, b));
      if (v.breaches.length > SHOWN_BREACHES) shown.push(fill(ciText('moreBreaches', ctx.lang), { count: n(v.breaches.length - SHOWN_BREACHES) }));
      return fill(ciText('belowThreshold', ctx.lang), { count: n(v.breaches.length), list: shown.join('; ') });
    }
  }
}

/** The one line on stderr that says how the run went when the report itself went elsewhere. */
export function summaryLine(report: Report, v: Verdict, ctx: FormatContext): string {
  const n = (x: number) => formatInt(x, ctx.lang);
  return `${fill(ciText('summary', ctx.lang), {
    checked: n(report.input.casesChecked),
    failing: n(report.total.failingCases),
    problems: n(report.dataProblems.length),
    code: v.code,
    why: verdictText(report, v, ctx),
  })}\n`;
}
