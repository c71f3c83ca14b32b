import { fill, formatInt, severityName } from '../../i18n/catalog.js';
import { sourceAt } from '../../engine/types.js';
import { statusName, text } from '../../i18n/report-text.js';
import { ui } from '../../i18n/ui.js';
import { districtName, location, problemMessage, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import type { Report } from '../types.js';
import { h, p } from './parts.js';
import type { Block, Cell } from './types.js';

/** Bilagor: A every akt, B data problems, C the rule catalogue, D stale baseline entries. */
export function appendices(ctx: FormatContext, r: Report): Block[] {
  const { lang } = ctx;
  function* caseRows(): Generator<Cell[]> {
    for (const c of r.cases) {
      for (const res of c.results) {
        yield [
          { text: c.caseId, code: true },
          districtName(ctx, c),
          ruleTitle(ctx, res.ruleId),
          res.baseline ? `${statusName(res.status, lang)} ${text(res.baseline === 'accepted' ? 'inBaseline' : 'baselineExpired', lang)}` : statusName(res.status, lang),
          res.reasons.map((x) => reasonMessage(ctx, res.ruleId, x)).join(' '),
        ];
      }
    }
  }
  const totals = fill(ui('inputTotals', lang), {
    rowsRead: formatInt(r.input.rowsRead, lang),
    casesChecked: formatInt(r.input.casesChecked, lang),
    rowsRejected: formatInt(r.input.rowsRejected, lang),
  });
  const problems: Block =
    r.dataProblems.length === 0
      ? p(ui('noDataProblems', lang))
      : {
          kind: 'table',
          header: [ui('file', lang), ui('line', lang), ui('caseId', lang), ui('field', lang), ui('code', lang), ui('problem', lang)],
          rows: (function* () {
            for (const x of r.dataProblems) yield [{ text: x.file, code: true }, location(x), x.caseId ?? '', x.field ?? '', { text: x.code, code: true }, problemMessage(ctx, x)] as Cell[];
          })(),
        };
  const catalogue: Cell[][] = r.rules.map((x) => {
    const rule = ctx.rules.get(x.ruleId);
    return [ruleTitle(ctx, x.ruleId), { text: x.ruleId, code: true }, rule?.criterion[lang] ?? '', rule ? sourceAt(rule.criterion, r.asOf) : '', severityName(x.severity, lang)];
  });
  return [
    h(2, text('appendixCases', lang)),
    { kind: 'table', header: [ui('caseId', lang), ui('district', lang), ui('rule', lang), text('status', lang), ui('reasons', lang)], rows: caseRows() },
    h(2, text('appendixProblems', lang)),
    p(totals),
    problems,
    h(2, text('appendixRules', lang)),
    { kind: 'table', header: [ui('rule', lang), 'id', ui('criterion', lang), ui('source', lang), ui('severity', lang)], rows: catalogue },
    ...(r.baseline && r.baseline.stale.length > 0
      ? [
          h(2, text('appendixBaseline', lang)),
          {
            kind: 'table',
            header: [ui('caseId', lang), 'id', text('reasonCol', lang), text('expires', lang)],
            rows: r.baseline.stale.map((e): Cell[] => [{ text: e.caseId, code: true }, { text: e.ruleId, code: true }, e.reason.startsWith('term:') ? '–' : e.reason, e.expires]),
          } as Block,
        ]
      : []),
  ];
}
