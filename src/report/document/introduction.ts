import type { Lang } from '../../engine/types.js';
import { appendixText } from '../../i18n/appendix-text.js';
import { fill, formatInt, severityName } from '../../i18n/catalog.js';
import { sourceAt } from '../../engine/types.js';
import { criterionText, gradeName, text } from '../../i18n/report-text.js';
import { ui } from '../../i18n/ui.js';
import { delimiterName } from '../../load/delimiter.js';
import { assessedIndexes, districtName, notAssessedLines, ruleTitle, type FormatContext } from '../messages.js';
import { FEW_CASES } from '../stats.js';
import type { Report } from '../types.js';
import { groupName, groups, h, ofCases, p } from './parts.js';
import { byTheme, cannotAssess, gradable, THEME_TEXT } from './prose.js';
import type { Block, Cell, Inline } from './types.js';

/** Chapters 1 and 2: Sammanfattning, and Inledning with syfte, revisionsfrågor, revisionskriterier, metod. */
export function summary(ctx: FormatContext, r: Report): Block[] {
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
      if (s.grade === null) return { text: '–', grade: null };
      return gradable(s) ? { text: `${ofCases(ctx, s)} – ${gradeName(s.grade, lang)}`, grade: s.grade } : { text: `${ofCases(ctx, s)} – ${cannotAssess(lang)}`, grade: null };
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

export function introduction(ctx: FormatContext, r: Report): Block[] {
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
  ]);
  // A digest has its own table: beside six other columns it would not fit an A4 line unbroken.
  const hashes: Cell[][] = r.input.files.map((f) => [{ text: f.file, code: true }, f.sha256 ? { text: f.sha256, code: true } : '–']);
  // One row per option, so a reader need not parse JSON to see how a rule was set.
  const settings: Cell[][] = r.rules.flatMap((x) => {
    const options = Object.entries(x.options);
    const head: Cell[] = [{ text: x.ruleId, code: true }, severityName(x.severity, lang)];
    if (options.length === 0) return [[...head, '–', '–']];
    return options.map(([k, v], i): Cell[] => [...(i === 0 ? head : ['', '']), { text: k, code: true }, optionValue(v, lang)]);
  });
  const population =
    r.population.criteria.length > 0
      ? fill(text('populationCriteria', lang), { cases: formatInt(r.population.cases, lang), criteria: r.population.criteria.map((c) => criterionText(c, lang)).join('; ') })
      : fill(text('population', lang), { cases: formatInt(r.population.cases, lang) });
  return [
    h(2, text('introduction', lang)),
    h(3, text('purpose', lang)),
    p(text('purposeText', lang)),
    h(3, text('questions', lang)),
    // A few questions by theme, as 3-2011 asked them; each is answered per stadsdel in the Bedömning.
    {
      kind: 'list',
      items: byTheme(
        ctx,
        r.rules.map((x) => x.ruleId),
        shown,
      ).map(([theme, is]): Inline[] => [
        { strong: THEME_TEXT[theme].heading[lang] },
        ': ',
        `${THEME_TEXT[theme].question[lang]} `,
        fill(text('questionPoints', lang), { titles: is.map((i) => ruleTitle(ctx, r.rules[i]!.ruleId)).join(', ') }),
      ]),
    },
    h(3, text('criteria', lang)),
    { kind: 'list', items: shown.map((i) => [{ strong: ruleTitle(ctx, r.rules[i]!.ruleId) }, `: ${rule(i)?.criterion[lang] ?? ''} (${rule(i) ? sourceAt(rule(i)!.criterion, r.asOf) : ''})`]) },
    h(3, text('method', lang)),
    p(fill(text('methodText', lang), { asOf: r.asOf, tool: r.tool.name, version: r.tool.version })),
    ...(r.config !== undefined ? [p(fill(text('configNote', lang), { file: r.config }))] : []),
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
      header: [ui('file', lang), ui('format', lang), ui('encoding', lang), ui('delimiter', lang), ui('rowsRead', lang), ui('rowsRejected', lang)],
      rows: files,
      numeric: [4, 5],
    },
    p({ strong: appendixText('filesHashes', lang) }),
    { kind: 'table', header: [ui('file', lang), 'SHA-256'], rows: hashes },
    p({ strong: text('settingsHeading', lang) }),
    { kind: 'table', header: ['id', ui('severity', lang), appendixText('option', lang), appendixText('value', lang)], rows: settings },
  ];
}

/** An option's value as a reader writes it: lists of words quoted and joined, nothing as a dash. */
function optionValue(v: unknown, lang: Lang): string {
  const [open, close] = lang === 'sv' ? ['”', '”'] : ['“', '”'];
  if (Array.isArray(v)) return v.length === 0 ? '–' : v.map((x) => (typeof x === 'string' ? `${open}${x}${close}` : JSON.stringify(x))).join(', ');
  if (v === null || v === undefined || v === '') return '–';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
