import { Chalk } from 'chalk';
import type { AnyRule, Lang } from '../engine/types.js';
import { fill, formatPercent } from '../i18n/catalog.js';
import { quote } from '../privacy/quote.js';
import { table } from '../report/formatters/markdown-table.js';
import { MIN_EXPECTED, type Comparison, type DistrictChange, type RuleChange } from './compare.js';

const T = {
  title: { sv: 'Uppföljande granskning – jämförelse', en: 'Follow-up audit – comparison' },
  lead: {
    sv: 'Jämförelse mellan granskningen per {before} ({beforeCases} akter) och per {after} ({afterCases} akter). En förändring räknas som statistiskt säkerställd när ett tvåsidigt test av två andelar (z-test) ger p < {alpha}.',
    en: 'Comparison of the audit as of {before} ({beforeCases} case files) with the audit as of {after} ({afterCases} case files). A change counts as statistically significant when a two-sided two-proportion z-test gives p < {alpha}.',
  },
  whole: { sv: 'Hela exporten', en: 'Whole export' },
  noDistrict: { sv: '(stadsdel saknas)', en: '(no district)' },
  increased: { sv: 'Andelen akter som uppfyller ”{title}” har ökat från {before} till {after} ({points} procentenheter).', en: 'The share of case files meeting “{title}” has increased from {before} to {after} ({points} percentage points).' },
  decreased: { sv: 'Andelen akter som uppfyller ”{title}” har minskat från {before} till {after} ({points} procentenheter).', en: 'The share of case files meeting “{title}” has decreased from {before} to {after} ({points} percentage points).' },
  unchanged: { sv: 'Andelen akter som uppfyller ”{title}” är oförändrad, {after}.', en: 'The share of case files meeting “{title}” is unchanged at {after}.' },
  noneAssessed: { sv: '”{title}”: inga akter att bedöma i den ena eller båda granskningarna.', en: '“{title}”: no case files to assess in one or both audits.' },
  significant: { sv: 'Förändringen är statistiskt säkerställd ({p}).', en: 'The change is statistically significant ({p}).' },
  chance: { sv: 'Förändringen kan bero på slumpen ({p}).', en: 'The change may be due to chance ({p}).' },
  tooFew: {
    sv: 'För få akter för att pröva om förändringen är större än slumpen (testet kräver minst {min} väntade akter med och utan brist i varje granskning); den prövas inte.',
    en: 'Too few case files to test whether the change is larger than chance (the test needs at least {min} expected case files with and without the deficiency in each audit); it is not tested.',
  },
  tooFewCell: { sv: 'för få', en: 'too few' },
  beforeOnly: { sv: '”{title}” granskades bara vid den tidigare granskningen.', en: '“{title}” was audited only in the earlier audit.' },
  afterOnly: { sv: '”{title}” granskades bara vid den senare granskningen.', en: '“{title}” was audited only in the later audit.' },
  districtBeforeOnly: { sv: 'Stadsdelen finns bara i den tidigare granskningen.', en: 'The district is only in the earlier audit.' },
  districtAfterOnly: { sv: 'Stadsdelen finns bara i den senare granskningen.', en: 'The district is only in the later audit.' },
  rule: { sv: 'Granskningspunkt', en: 'Audit point' },
  before: { sv: 'Före', en: 'Before' },
  after: { sv: 'Efter', en: 'After' },
  change: { sv: 'Förändring (procentenheter)', en: 'Change (percentage points)' },
  sig: { sv: 'Säkerställd', en: 'Significant' },
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  toFail: { sv: 'Akter som gått från uppfyllt till ej uppfyllt', en: 'Case files that went from met to not met' },
  toPass: { sv: 'Akter som gått från ej uppfyllt till uppfyllt', en: 'Case files that went from not met to met' },
  none: { sv: 'Inga.', en: 'None.' },
  caseId: { sv: 'Akt', en: 'Case file' },
  district: { sv: 'Stadsdel', en: 'District' },
} as const;

export interface CompareContext {
  lang: Lang;
  rules: ReadonlyMap<string, AnyRule>;
  color: boolean;
}

const title = (ctx: CompareContext, id: string) => ctx.rules.get(id)?.title[ctx.lang] ?? id;
const pct = (ctx: CompareContext, s: { share: number | null } | undefined) => formatPercent(s?.share ?? null, ctx.lang);
const num = (ctx: CompareContext, x: number, digits: number) => x.toFixed(digits).replace('.', ctx.lang === 'sv' ? ',' : '.');
const pValue = (ctx: CompareContext, p: number) => (p < 0.001 ? `p < ${num(ctx, 0.001, 3)}` : `p = ${num(ctx, p, 3)}`);
const districtName = (ctx: CompareContext, d: DistrictChange, total: boolean) => (total ? T.whole[ctx.lang] : d.district === null ? T.noDistrict[ctx.lang] : quote(d.district));

/** The sentence for one rule, in the style of an uppföljande granskning. */
export function changeSentence(ctx: CompareContext, r: RuleChange): string {
  const { lang } = ctx;
  const t = title(ctx, r.ruleId);
  if (r.presence === 'before-only') return fill(T.beforeOnly[lang], { title: t });
  if (r.presence === 'after-only') return fill(T.afterOnly[lang], { title: t });
  if (r.changePoints === null) return fill(T.noneAssessed[lang], { title: t });
  const data = { title: t, before: pct(ctx, r.before), after: pct(ctx, r.after), points: num(ctx, Math.abs(r.changePoints), 0) };
  const main = r.changePoints > 0 ? fill(T.increased[lang], data) : r.changePoints < 0 ? fill(T.decreased[lang], data) : fill(T.unchanged[lang], data);
  if (r.tooFewForTest && r.changePoints !== 0) return `${main} ${fill(T.tooFew[lang], { min: MIN_EXPECTED })}`;
  if (r.pValue === null || r.changePoints === 0) return main;
  return `${main} ${fill((r.significant ? T.significant : T.chance)[lang], { p: pValue(ctx, r.pValue) })}`;
}

function districtBlock(ctx: CompareContext, d: DistrictChange, total: boolean): string[] {
  const { lang } = ctx;
  const out = [`## ${districtName(ctx, d, total)}`, ''];
  if (d.presence !== 'both') out.push((d.presence === 'before-only' ? T.districtBeforeOnly : T.districtAfterOnly)[lang], '');
  out.push(...d.rules.map((r) => `- ${changeSentence(ctx, r)}`), '');
  out.push(
    table(
      [T.rule[lang], T.before[lang], T.after[lang], T.change[lang], 'p', T.sig[lang]],
      d.rules.map((r) => [
        title(ctx, r.ruleId),
        r.before ? `${r.before.passed}/${r.before.applicable} (${pct(ctx, r.before)})` : '–',
        r.after ? `${r.after.passed}/${r.after.applicable} (${pct(ctx, r.after)})` : '–',
        r.changePoints === null ? '–' : `${r.changePoints > 0 ? '+' : ''}${num(ctx, r.changePoints, 1)}`,
        r.tooFewForTest ? T.tooFewCell[lang] : r.pValue === null ? '–' : pValue(ctx, r.pValue).replace(/^p = /, ''),
        r.tooFewForTest ? T.tooFewCell[lang] : r.pValue === null ? '–' : (r.significant ? T.yes : T.no)[lang],
      ]),
    ),
    '',
  );
  return out;
}

export function comparisonMarkdown(c: Comparison, ctx: CompareContext): string {
  const { lang } = ctx;
  const out = [`# ${T.title[lang]}`, '', fill(T.lead[lang], { before: c.before.asOf, after: c.after.asOf, beforeCases: c.before.cases, afterCases: c.after.cases, alpha: num(ctx, c.alpha, 2) }), ''];
  for (const d of c.districts) out.push(...districtBlock(ctx, d, false));
  if (c.districts.length > 1) out.push(...districtBlock(ctx, c.total, true));
  for (const [heading, to] of [[T.toFail, 'fail'], [T.toPass, 'pass']] as const) {
    const rows = c.akter.filter((a) => a.to === to).map((a) => [`\`${quote(a.caseId)}\``, a.district === null ? T.noDistrict[lang] : quote(a.district), title(ctx, a.ruleId)]);
    out.push(`## ${heading[lang]}`, '', rows.length > 0 ? table([T.caseId[lang], T.district[lang], T.rule[lang]], rows) : T.none[lang], '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function comparisonTerminal(c: Comparison, ctx: CompareContext): string {
  const k = new Chalk({ level: ctx.color ? 1 : 0 });
  const out = [k.bold(T.title[ctx.lang]), fill(T.lead[ctx.lang], { before: c.before.asOf, after: c.after.asOf, beforeCases: c.before.cases, afterCases: c.after.cases, alpha: num(ctx, c.alpha, 2) }), ''];
  for (const d of [...c.districts, ...(c.districts.length > 1 ? [c.total] : [])]) {
    out.push(k.bold(districtName(ctx, d, d === c.total)));
    for (const r of d.rules) {
      const colour = r.changePoints === null || r.changePoints === 0 ? k.dim : r.changePoints > 0 ? k.green : k.red;
      out.push(colour(`  • ${changeSentence(ctx, r)}`));
    }
    out.push('');
  }
  const fails = c.akter.filter((a) => a.to === 'fail').length;
  out.push(`${T.toFail[ctx.lang]}: ${fails} · ${T.toPass[ctx.lang]}: ${c.akter.length - fails}`);
  return `${out.join('\n')}\n`;
}

export function comparisonJson(c: Comparison, ctx: CompareContext): string {
  const masked = { ...c, lang: ctx.lang, akter: c.akter.map((a) => ({ ...a, caseId: quote(a.caseId) })) };
  return `${JSON.stringify(masked, null, 2)}\n`;
}
