import { appendixText } from '../../i18n/appendix-text.js';
import { fill, formatInt, severityName } from '../../i18n/catalog.js';
import { sourceAt } from '../../engine/types.js';
import { statusName, text } from '../../i18n/report-text.js';
import { ui } from '../../i18n/ui.js';
import type { DataProblem } from '../../model/problems.js';
import { districtName, location, problemMessage, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import type { Report } from '../types.js';
import { h, p } from './parts.js';
import type { Block, Cell } from './types.js';

/** The limit as the report says it: a number, or every akt. */
const limitOf = (r: Report) => r.listed?.limit ?? Infinity;

/**
 * Bilaga A: per stadsdel and granskningspunkt the first failing akter (up to the limit), and how
 * many more there are. Passing akter and rows that do not apply are counted, not listed, so the
 * appendix's size does not grow with the export; the data formats list every akt.
 */
function caseAppendix(ctx: FormatContext, r: Report): Block[] {
  const { lang } = ctx;
  const limit = limitOf(r);
  const lead = limit === 0 ? appendixText('casesLeadNone', lang) : limit === Infinity ? appendixText('casesLeadAll', lang) : fill(appendixText('casesLead', lang), { limit });
  const listed = r.listed?.districts ?? [];
  const counts: Cell[][] = listed.map((l, i) => {
    const d = r.districts[i]!;
    const shown = l.rules.reduce((n, x) => n + x.cases.length, 0);
    return [districtName(ctx, d), formatInt(d.cases, lang), formatInt(l.withFindings, lang), formatInt(d.cases - l.withFindings, lang), formatInt(shown, lang)];
  });
  const out: Block[] = [
    h(2, text('appendixCases', lang)),
    p(lead),
    { kind: 'table', header: [ui('district', lang), ui('cases', lang), appendixText('withFindings', lang), appendixText('clean', lang), appendixText('listedCol', lang)], rows: counts, numeric: [1, 2, 3, 4] },
  ];
  if (limit === 0) return out;
  const baseline = r.baseline !== undefined;
  listed.forEach((l, i) => {
    const d = r.districts[i]!;
    out.push(h(3, districtName(ctx, d)));
    const rows: Cell[][] = [];
    l.rules.forEach((x, j) => {
      const title = ruleTitle(ctx, x.ruleId);
      for (const c of x.cases) {
        const res = c.results[0]!;
        const reasons = res.reasons.map((y) => reasonMessage(ctx, x.ruleId, y)).join(' ');
        const mark = res.baseline ? `${statusName(res.status, lang)} ${text(res.baseline === 'accepted' ? 'inBaseline' : 'baselineExpired', lang)}` : statusName(res.status, lang);
        rows.push([title, { text: c.caseId, code: true }, ...(baseline ? [mark] : []), reasons]);
      }
      const failed = d.rules[j]!.failed;
      if (failed > x.cases.length) {
        rows.push([title, '…', ...(baseline ? [''] : []), fill(appendixText('more', lang), { more: formatInt(failed - x.cases.length, lang), failed: formatInt(failed, lang) })]);
      }
    });
    if (rows.length === 0) out.push(p(appendixText('notListed', lang)));
    else out.push({ kind: 'table', header: [ui('rule', lang), ui('caseId', lang), ...(baseline ? [text('status', lang)] : []), ui('reasons', lang)], rows });
  });
  return out;
}

/** Bilaga B: data problems counted per code, with at most `limit` of each listed. */
function problemAppendix(ctx: FormatContext, r: Report): Block[] {
  const { lang } = ctx;
  const totals = fill(ui('inputTotals', lang), {
    rowsRead: formatInt(r.input.rowsRead, lang),
    casesChecked: formatInt(r.input.casesChecked, lang),
    rowsRejected: formatInt(r.input.rowsRejected, lang),
  });
  if (r.dataProblems.length === 0) return [h(2, text('appendixProblems', lang)), p(totals), p(ui('noDataProblems', lang))];
  const limit = limitOf(r);
  const byCode = new Map<string, DataProblem[]>();
  const count = new Map<string, number>();
  for (const x of r.dataProblems) {
    count.set(x.code, (count.get(x.code) ?? 0) + 1);
    let list = byCode.get(x.code);
    if (!list) byCode.set(x.code, (list = []));
    if (list.length < limit) list.push(x);
  }
  const codes = [...count.keys()];
  const level = (x: DataProblem) => ui(x.level === 'error' ? 'levelError' : 'levelNotice', lang);
  const countRows: Cell[][] = codes.map((code) => {
    const first = r.dataProblems.find((x) => x.code === code)!;
    return [{ text: code, code: true }, level(first), formatInt(count.get(code)!, lang), formatInt(byCode.get(code)!.length, lang)];
  });
  const rows: Cell[][] = [];
  for (const code of codes) {
    const list = byCode.get(code)!;
    for (const x of list) rows.push([{ text: x.file, code: true }, location(x), x.caseId ?? '', x.field ?? '', { text: x.code, code: true }, problemMessage(ctx, x)]);
    const more = count.get(code)! - list.length;
    if (more > 0 && limit > 0) rows.push(['…', '', '', '', { text: code, code: true }, fill(appendixText('moreProblems', lang), { more: formatInt(more, lang), code })]);
  }
  return [
    h(2, text('appendixProblems', lang)),
    p(totals),
    p(limit === Infinity ? appendixText('problemsLeadAll', lang) : fill(appendixText('problemsLead', lang), { limit })),
    { kind: 'table', header: [ui('code', lang), ui('level', lang), appendixText('count', lang), appendixText('listedCol', lang)], rows: countRows, numeric: [2, 3] },
    ...(rows.length > 0
      ? [{ kind: 'table', header: [ui('file', lang), ui('line', lang), ui('caseId', lang), ui('field', lang), ui('code', lang), ui('problem', lang)], rows } as Block]
      : []),
  ];
}

/** Bilagor: A akter with findings, B data problems, C the rule catalogue, D stale baseline entries. */
export function appendices(ctx: FormatContext, r: Report): Block[] {
  const { lang } = ctx;
  const catalogue: Cell[][] = r.rules.map((x) => {
    const rule = ctx.rules.get(x.ruleId);
    return [ruleTitle(ctx, x.ruleId), { text: x.ruleId, code: true }, rule?.criterion[lang] ?? '', rule ? sourceAt(rule.criterion, r.asOf) : '', severityName(x.severity, lang)];
  });
  return [
    ...caseAppendix(ctx, r),
    ...problemAppendix(ctx, r),
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
