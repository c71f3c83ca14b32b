import { createRequire } from 'node:module';
import { ciText } from '../../i18n/ci-text.js';
import { fill, formatPercent } from '../../i18n/catalog.js';
import { districtName, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import { isBelow } from '../verdict.js';
import type { DistrictSummary, Report, RuleInfo, RuleSummary } from '../types.js';

/** Characters XML 1.0 cannot hold at all, even escaped; the builder escapes the rest. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const clean = (s: string) => s.replace(NOT_XML, '\uFFFD');

const pct = (ctx: FormatContext, n: number) => (ctx.lang === 'sv' ? `${n} %` : `${n}%`);

/** Why a stadsdel fails a rule, or undefined when it does not: by its threshold when any is set, else by failing akter of severity error. */
function failure(ctx: FormatContext, info: RuleInfo, s: RuleSummary, d: DistrictSummary): { message: string; body: string } | undefined {
  const thresholds = ctx.thresholds ?? {};
  const judged = Object.keys(thresholds).length > 0;
  const threshold = thresholds[s.ruleId];
  const below = threshold !== undefined && isBelow(s, threshold);
  if (judged ? !below : info.severity !== 'error' || s.failed === 0) return undefined;
  const figures = fill(ciText('junitFailure', ctx.lang), {
    district: districtName(ctx, d),
    passed: s.passed,
    applicable: s.applicable,
    title: ruleTitle(ctx, s.ruleId),
    share: formatPercent(s.share, ctx.lang),
  });
  const message = below ? `${figures}, ${fill(ciText('junitThreshold', ctx.lang), { threshold: pct(ctx, threshold) })}` : figures;
  const examples = (s.examples ?? []).map((e) => `- ${e.caseId}: ${reasonMessage(ctx, s.ruleId, e)}`);
  return { message, body: [message, ...(examples.length > 0 ? ['', ciText('junitFirst', ctx.lang), ...examples] : [])].join('\n') };
}

/**
 * JUnit XML for CI test views (Jenkins, GitLab): a testsuite per granskningspunkt, a testcase per
 * stadsdel, failing as the exit code would judge it; a stadsdel with nothing to assess is skipped.
 */
export function formatJunit(report: Report, ctx: FormatContext): string {
  const suites = report.rules.map((info, i) => {
    const cases = report.districts.map((d) => {
      const s = d.rules[i]!;
      const f = failure(ctx, info, s, d);
      return {
        '@_name': clean(districtName(ctx, d)),
        '@_classname': `aktgranskning.${info.ruleId}`,
        ...(s.applicable === 0 ? { skipped: { '@_message': ciText('junitNone', ctx.lang) } } : {}),
        ...(f ? { failure: { '@_message': clean(f.message), '@_type': info.ruleId, '#text': clean(f.body) } } : {}),
      };
    });
    return {
      '@_name': clean(`${info.ruleId}: ${ruleTitle(ctx, info.ruleId)}`),
      '@_tests': cases.length,
      '@_failures': cases.filter((c) => 'failure' in c).length,
      '@_errors': 0,
      '@_skipped': cases.filter((c) => 'skipped' in c).length,
      properties: { property: [{ '@_name': 'asOf', '@_value': report.asOf }, { '@_name': 'severity', '@_value': info.severity }] },
      testcase: cases,
    };
  });
  const root = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'aktgranskning',
      '@_tests': suites.reduce((n, s) => n + s['@_tests'], 0),
      '@_failures': suites.reduce((n, s) => n + s['@_failures'], 0),
      testsuite: suites,
    },
  };
  // Loaded when used: the XML library would add to every run's start-up otherwise.
  const { XMLBuilder } = createRequire(import.meta.url)('fast-xml-parser') as typeof import('fast-xml-parser');
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true, indentBy: '  ' });
  return builder.build(root) as string;
}
