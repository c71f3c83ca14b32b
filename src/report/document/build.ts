import { fill, formatInt, formatPercent, severityName } from '../../i18n/catalog.js';
import { criterionText, gradeName, statusName, text } from '../../i18n/report-text.js';
import { ui } from '../../i18n/ui.js';
import { delimiterName } from '../../load/delimiter.js';
import { assessedIndexes, districtName, location, notAssessedLines, observation, problemMessage, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import { FEW_CASES } from '../stats.js';
import type { DistrictSummary, Report, RuleSummary } from '../types.js';
import type { Block, Cell, Doc, Inline } from './types.js';

const h = (level: 1 | 2 | 3, t: string): Block => ({ kind: 'heading', level, text: t });
const p = (...content: Inline[]): Block => ({ kind: 'paragraph', content });

/** "20 % (6–51 %)", with * where the share rests on few akter. */
export function shareWithInterval(ctx: FormatContext, s: RuleSummary): string {
  if (s.share === null || s.interval === null) return '–';
  const pct = (x: number) => formatPercent(x, ctx.lang).replace(/\s?%$/, '');
  const unit = ctx.lang === 'sv' ? ' %' : '%';
  return `${formatPercent(s.share, ctx.lang)} (${pct(s.interval.low)}–${pct(s.interval.high)}${unit})${s.fewCases ? '*' : ''}`;
}

function ofCases(ctx: FormatContext, s: RuleSummary): string {
  return s.applicable === 0 ? '–' : fill(ui('ofCases', ctx.lang), { passed: s.passed, applicable: s.applicable });
}

/** The districts, and the whole export after them when there is more than one. */
function groups(r: Report): DistrictSummary[] {
  return r.districts.length > 1 ? [...r.districts, r.total] : r.districts;
}

function groupName(ctx: FormatContext, r: Report, d: DistrictSummary): string {
  return d === r.total ? ui('total', ctx.lang) : districtName(ctx, d);
}

function summary(ctx: FormatContext, r: Report): Block[] {
  const { lang } = ctx;
  const shown = assessedIndexes(r);
  const gs = groups(r);
  const lead = fill(text('summaryLead', lang), {
    cases: formatInt(r.total.cases, lang),
    districts: formatInt(r.districts.length, lang),
    asOf: r.asOf,
    rules: formatInt(shown.length, lang),
  });
  const rows: Cell[][] = shown.map((i) => [
    ruleTitle(ctx, r.rules[i]!.ruleId),
    ...gs.map((d) => {
      const s = d.rules[i]!;
      return { text: s.grade === null ? '–' : `${ofCases(ctx, s)} – ${gradeName(s.grade, lang)}`, grade: s.grade };
    }),
  ]);
  rows.push([{ text: text('overallGrade', lang), strong: true }, ...gs.map((d) => ({ text: gradeName(d.grade, lang), grade: d.grade, strong: true }))]);
  return [
    h(2, text('summary', lang)),
    p(lead),
    { kind: 'list', items: r.districts.map((d) => [{ strong: districtName(ctx, d) }, `: ${gradeName(d.grade, lang)}.`]) },
    { kind: 'table', header: [ui('rule', lang), ...gs.map((d) => groupName(ctx, r, d))], rows },
  ];
}

function introduction(ctx: FormatContext, r: Report): Block[] {
  const { lang } = ctx;
  const shown = assessedIndexes(r);
  const rule = (i: number) => ctx.rules.get(r.rules[i]!.ruleId);
  const files: Cell[][] = r.input.files.map((f) => [
    { text: f.file, code: true },
    f.table ? `${f.format} (${f.table})` : f.format,
    f.encoding ?? '–',
    f.delimiter === undefined ? '–' : { text: delimiterName(f.delimiter), code: true },
    String(f.rowsRead),
    String(f.rowsRejected),
    f.sha256 ? { text: f.sha256, code: true } : '–',
  ]);
  const settings: Cell[][] = r.rules.map((x) => [
    { text: x.ruleId, code: true },
    severityName(x.severity, lang),
    { text: Object.keys(x.options).length > 0 ? JSON.stringify(x.options) : '–', code: Object.keys(x.options).length > 0 },
  ]);
  const population =
    r.population.criteria.length > 0
      ? fill(text('populationCriteria', lang), { cases: formatInt(r.population.cases, lang), criteria: r.population.criteria.map((c) => criterionText(c, lang)).join('; ') })
      : fill(text('population', lang), { cases: formatInt(r.population.cases, lang) });
  return [
    h(2, text('introduction', lang)),
    h(3, text('purpose', lang)),
    p(text('purposeText', lang)),
    h(3, text('questions', lang)),
    { kind: 'list', items: shown.map((i) => [fill(text('question', lang), { title: ruleTitle(ctx, r.rules[i]!.ruleId) })]) },
    h(3, text('criteria', lang)),
    { kind: 'list', items: shown.map((i) => [{ strong: ruleTitle(ctx, r.rules[i]!.ruleId) }, `: ${rule(i)?.criterion[lang] ?? ''} (${rule(i)?.criterion.source ?? ''})`]) },
    h(3, text('method', lang)),
    p(fill(text('methodText', lang), { asOf: r.asOf, tool: r.tool.name, version: r.tool.version })),
    p(population, ' ', r.districts.map((d) => `${districtName(ctx, d)}: ${formatInt(d.cases, lang)}`).join(', '), '.'),
    ...(r.privacy.mode === 'public' ? [p(text('publicNote', lang), ...(r.privacy.pseudonymKey === 'per-run' ? [' ', text('perRunKey', lang)] : []))] : []),
    ...(r.baseline
      ? [p(fill(text('baselineNote', lang), { file: r.baseline.file, accepted: r.baseline.accepted, fresh: r.baseline.fresh, expired: r.baseline.expired, stale: r.baseline.stale.length }))]
      : []),
    p(fill(text('intervalNote', lang), { few: FEW_CASES })),
    p(fill(text('scale', lang), { ...r.grades })),
    ...(r.notAssessed.length > 0 ? [{ kind: 'list', items: notAssessedLines(ctx, r).map((l) => [l]) } as Block] : []),
    p({ strong: text('inputHeading', lang) }),
    {
      kind: 'table',
      header: [ui('file', lang), ui('format', lang), ui('encoding', lang), ui('delimiter', lang), ui('rowsRead', lang), ui('rowsRejected', lang), 'SHA-256'],
      rows: files,
      numeric: [4, 5],
    },
    p({ strong: text('settingsHeading', lang) }),
    { kind: 'table', header: ['id', ui('severity', lang), text('options', lang)], rows: settings },
  ];
}

/**
 * Akter a rule could not assess or did not cover, counted per reason; rules that leave out the same
 * akter for the same reason share one sentence.
 */
function notes(ctx: FormatContext, r: Report, d: DistrictSummary): string[] {
  const out: string[] = [];
  const notApplicable = new Map<string, string[]>();
  const cases = d === r.total ? r.cases : r.cases.filter((c) => c.district === d.district);
  for (const i of assessedIndexes(r)) {
    const ruleId = r.rules[i]!.ruleId;
    const title = ruleTitle(ctx, ruleId);
    const byReason = (status: string): Map<string, number> => {
      const m = new Map<string, number>();
      for (const c of cases) {
        const res = c.results[i]!;
        if (res.status !== status) continue;
        const message = reasonMessage(ctx, ruleId, res.reasons[0]!);
        m.set(message, (m.get(message) ?? 0) + 1);
      }
      return m;
    };
    for (const [reason, count] of byReason('not-assessable')) out.push(fill(ui('notAssessableNote', ctx.lang), { title, count, reason }));
    for (const [reason, count] of byReason('not-applicable')) {
      const key = `${count}\0${reason}`;
      notApplicable.set(key, [...(notApplicable.get(key) ?? []), title]);
    }
  }
  for (const [key, titles] of notApplicable) {
    const [count, reason] = key.split('\0') as [string, string];
    out.push(fill(ui('notApplicableNote', ctx.lang), { titles: titles.join(', '), count, reason }));
  }
  return out;
}

function evidence(ctx: FormatContext, s: RuleSummary): string | undefined {
  if (!s.evidence) return undefined;
  const message = reasonMessage(ctx, s.ruleId, { code: s.evidence.code, ...(s.evidence.data ? { data: s.evidence.data } : {}) });
  return s.evidence.cases > 1
    ? fill(text('evidenceMost', ctx.lang), { count: formatInt(s.evidence.cases, ctx.lang), message })
    : fill(text('evidenceExample', ctx.lang), { message });
}

function observations(ctx: FormatContext, r: Report): Block[] {
  const { lang } = ctx;
  const out: Block[] = [h(2, text('observations', lang))];
  const shown = assessedIndexes(r);
  for (const d of groups(r)) {
    out.push(h(3, groupName(ctx, r, d)));
    const items: Inline[][] = [];
    for (const i of shown) {
      const s = d.rules[i]!;
      if (s.notAssessable >= d.cases) continue;
      items.push([observation(ctx, s)]);
      const e = evidence(ctx, s);
      if (e) items.push([e]);
    }
    for (const n of notes(ctx, r, d)) items.push([n]);
    out.push({ kind: 'list', items });
    out.push({
      kind: 'table',
      header: [ui('rule', lang), ui('passed', lang), ui('failed', lang), text('shareInterval', lang), ui('notAssessable', lang), ui('notApplicable', lang), text('grade', lang)],
      rows: shown.map((i) => {
        const s = d.rules[i]!;
        return [ruleTitle(ctx, s.ruleId), String(s.passed), String(s.failed), shareWithInterval(ctx, s), String(s.notAssessable), String(s.notApplicable), { text: gradeName(s.grade, lang), grade: s.grade }];
      }),
      numeric: [1, 2, 4, 5],
    });
  }
  const chartGroups = r.districts.map((d) => ({
    label: districtName(ctx, d),
    bars: shown.flatMap((i) => {
      const s = d.rules[i]!;
      return s.share === null || s.interval === null || s.grade === null ? [] : [{ label: ruleTitle(ctx, s.ruleId), share: s.share, low: s.interval.low, high: s.interval.high, grade: s.grade }];
    }),
  }));
  out.push({ kind: 'chart', title: text('chartTitle', lang), groups: chartGroups });
  return out;
}

function assessment(ctx: FormatContext, r: Report): Block[] {
  const { lang } = ctx;
  const out: Block[] = [h(2, text('assessment', lang))];
  for (const d of r.districts) {
    out.push(p(fill(text('assessmentLine', lang), { district: districtName(ctx, d), grade: gradeName(d.grade, lang) })));
    const items = assessedIndexes(r)
      .map((i) => d.rules[i]!)
      .filter((s) => s.grade !== null)
      .map((s): Inline[] => [`${ruleTitle(ctx, s.ruleId)}: `, { strong: gradeName(s.grade, lang) }, ` (${ofCases(ctx, s)})`]);
    out.push({ kind: 'list', items });
  }
  return out;
}

function recommendations(ctx: FormatContext, r: Report): Block[] {
  const { lang } = ctx;
  const out: Block[] = [h(2, text('recommendations', lang))];
  for (const d of r.districts) {
    const open = assessedIndexes(r)
      .map((i) => d.rules[i]!)
      .filter((s) => s.grade !== null && s.grade !== 'fulfilled');
    out.push(h(3, districtName(ctx, d)));
    if (open.length === 0) {
      out.push(p(text('noRecommendations', lang)));
      continue;
    }
    out.push(p(fill(text('recommendationsLead', lang), { district: districtName(ctx, d) })));
    out.push({ kind: 'list', items: open.map((s) => [ctx.rules.get(s.ruleId)?.recommendation[lang] ?? s.ruleId]) });
  }
  return out;
}

function appendices(ctx: FormatContext, r: Report): Block[] {
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
    return [ruleTitle(ctx, x.ruleId), { text: x.ruleId, code: true }, rule?.criterion[lang] ?? '', rule?.criterion.source ?? '', severityName(x.severity, lang)];
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

/** The revisionsrapport: Sammanfattning, Inledning, Iakttagelser, Bedömning, Rekommendationer, Bilagor. */
export function reportDocument(ctx: FormatContext, r: Report): Doc {
  const { lang } = ctx;
  return [
    h(1, text('reportTitle', lang)),
    p(fill(text('meta', lang), { asOf: r.asOf, cases: formatInt(r.total.cases, lang), tool: r.tool.name, version: r.tool.version })),
    ...summary(ctx, r),
    ...introduction(ctx, r),
    ...observations(ctx, r),
    ...assessment(ctx, r),
    ...recommendations(ctx, r),
    ...appendices(ctx, r),
  ];
}
