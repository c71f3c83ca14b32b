import { fill, formatInt } from '../../i18n/catalog.js';
import { gradeName, text } from '../../i18n/report-text.js';
import { ui } from '../../i18n/ui.js';
import { assessedIndexes, districtName, evidenceMessage, observation, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import { Aggregator } from '../aggregate.js';
import type { DistrictSummary, LeftOut, LeftOutTallies, Report, RuleSummary } from '../types.js';
import { groupName, groups, h, p, shareWithInterval } from './parts.js';
import { byTheme, cannotAssess, gradable, listOf, mergeRecommendations, THEME_TEXT, themeJudgement } from './prose.js';
import type { Block, Inline } from './types.js';

/** Chapters 3 to 5: Iakttagelser, Bedömning, Rekommendationer. */

type OutOfScope = keyof LeftOutTallies;

/**
 * The akter each rule left out, per reason: counted by the pass that aggregated the report; a
 * report made otherwise (read back, built by hand) has its akter walked once more to count them.
 */
function leftOut(r: Report): LeftOut {
  if (r.leftOut) return r.leftOut;
  const again = new Aggregator(r.rules, r.grades);
  for (const c of r.cases) again.add(c);
  return again.finish().leftOut;
}

/**
 * Akter a rule could not assess or did not cover, counted per reason; rules that leave out the same
 * akter for the same reason share one sentence.
 */
function notes(ctx: FormatContext, r: Report, d: DistrictSummary, tallies: LeftOutTallies | undefined): string[] {
  const out: string[] = [];
  if (!tallies) return out;
  const notApplicable = new Map<string, string[]>();
  for (const i of assessedIndexes(r)) {
    const ruleId = r.rules[i]!.ruleId;
    const title = ruleTitle(ctx, ruleId);
    // Reasons whose data the message does not show read the same: counted together.
    const byMessage = (status: OutOfScope): Map<string, number> => {
      const m = new Map<string, number>();
      for (const { reason, count } of tallies[status][i]!.values()) {
        const message = reasonMessage(ctx, ruleId, reason);
        m.set(message, (m.get(message) ?? 0) + count);
      }
      return m;
    };
    for (const [reason, count] of byMessage('not-assessable')) out.push(fill(ui('notAssessableNote', ctx.lang), { title, count, reason }));
    for (const [reason, count] of byMessage('not-applicable')) {
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
  const reason = { code: s.evidence.code, ...(s.evidence.data ? { data: s.evidence.data } : {}) };
  // The rule's own evidence wording says how many akter share the reason; the case list keeps the full message.
  const own = evidenceMessage(ctx, s.ruleId, reason, s.evidence.cases);
  if (own !== undefined) return own;
  const message = reasonMessage(ctx, s.ruleId, reason);
  return s.evidence.cases > 1
    ? fill(text('evidenceMost', ctx.lang), { count: formatInt(s.evidence.cases, ctx.lang), message })
    : fill(text('evidenceExample', ctx.lang), { message });
}

export function observations(ctx: FormatContext, r: Report): Block[] {
  const { lang } = ctx;
  const out: Block[] = [h(2, text('observations', lang))];
  const shown = assessedIndexes(r);
  const tallies = leftOut(r);
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
    for (const n of notes(ctx, r, d, d === r.total ? tallies.total : tallies.districts.get(d.district))) items.push([n]);
    out.push({ kind: 'list', items });
    out.push({
      kind: 'table',
      header: [ui('rule', lang), ui('passed', lang), ui('failed', lang), text('shareInterval', lang), ui('notAssessable', lang), ui('notApplicable', lang), text('grade', lang)],
      rows: shown.map((i) => {
        const s = d.rules[i]!;
        const g = s.applicable === 0 || gradable(s) ? { text: gradeName(s.grade, lang), grade: s.grade } : { text: cannotAssess(lang), grade: null };
        return [ruleTitle(ctx, s.ruleId), String(s.passed), String(s.failed), shareWithInterval(ctx, s), String(s.notAssessable), String(s.notApplicable), g];
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

/** Per stadsdel, each revisionsfråga answered by an argued sentence from the figures, then the overall grade. */
export function assessment(ctx: FormatContext, r: Report): Block[] {
  const { lang } = ctx;
  const out: Block[] = [h(2, text('assessment', lang))];
  const ids = r.rules.map((x) => x.ruleId);
  const themes = byTheme(ctx, ids, assessedIndexes(r));
  for (const d of r.districts) {
    out.push(h(3, districtName(ctx, d)));
    const items: Inline[][] = [];
    for (const [theme, is] of themes) {
      const sentence = themeJudgement(lang, theme, is.map((i) => ({ title: ruleTitle(ctx, ids[i]!), s: d.rules[i]! })), r.grades);
      if (sentence) items.push([{ strong: THEME_TEXT[theme].heading[lang] }, '. ', sentence]);
    }
    if (items.length > 0) out.push({ kind: 'list', items });
    out.push(p(fill(text('assessmentLine', lang), { district: districtName(ctx, d), grade: gradeName(d.grade, lang) })));
  }
  return out;
}

/**
 * Recommendations merged per addressee and theme: the stadsdelsnämnd's per stadsdel, then those for
 * the nämnd responsible for Jobbtorg Stockholm, naming the stadsdelar where the akter showed the lack.
 */
export function recommendations(ctx: FormatContext, r: Report): Block[] {
  const { lang } = ctx;
  const out: Block[] = [h(2, text('recommendations', lang))];
  const ids = r.rules.map((x) => x.ruleId);
  const open = (d: DistrictSummary, i: number) => gradable(d.rules[i]!) && d.rules[i]!.grade !== 'fulfilled';
  const addressedTo = (i: number) => ctx.rules.get(ids[i]!)?.addressee ?? 'district';
  const themes = byTheme(ctx, ids, assessedIndexes(r));
  const merged = (is: number[]): Inline[][] =>
    themes.flatMap(([theme, inTheme]) => {
      const recs = inTheme.filter((i) => is.includes(i)).map((i) => ctx.rules.get(ids[i]!)?.recommendation[lang] ?? ids[i]!);
      return recs.length === 0 ? [] : [[{ strong: THEME_TEXT[theme].heading[lang] }, '. ', mergeRecommendations(recs, lang)]];
    });
  for (const d of r.districts) {
    out.push(h(3, districtName(ctx, d)));
    const mine = assessedIndexes(r).filter((i) => addressedTo(i) === 'district' && open(d, i));
    if (mine.length === 0) {
      out.push(p(text('noRecommendations', lang)));
      continue;
    }
    out.push(p(fill(text('recommendationsLead', lang), { district: districtName(ctx, d) })));
    out.push({ kind: 'list', items: merged(mine) });
  }
  const jobcenter = assessedIndexes(r).filter((i) => addressedTo(i) === 'jobcenter' && r.districts.some((d) => open(d, i)));
  if (jobcenter.length > 0) {
    const where = r.districts.filter((d) => jobcenter.some((i) => open(d, i))).map((d) => districtName(ctx, d));
    out.push(h(3, text('jobcenterAddressee', lang)));
    out.push(p(fill(text('jobcenterLead', lang), { districts: listOf(where, lang) })));
    out.push({ kind: 'list', items: merged(jobcenter) });
  }
  return out;
}
