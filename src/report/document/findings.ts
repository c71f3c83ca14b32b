import { fill, formatInt } from '../../i18n/catalog.js';
import { gradeName, text } from '../../i18n/report-text.js';
import { ui } from '../../i18n/ui.js';
import { assessedIndexes, districtName, observation, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import type { Reason } from '../../engine/types.js';
import type { DistrictSummary, Report, RuleSummary } from '../types.js';
import { groupName, groups, h, ofCases, p, shareWithInterval } from './parts.js';
import type { Block, Inline } from './types.js';

/** Chapters 3 to 5: Iakttagelser, Bedömning, Rekommendationer. */

type OutOfScope = 'not-assessable' | 'not-applicable';
/** Per rule: the akter left out for each reason (code and data), in the order first seen. */
type Tallies = Record<OutOfScope, Map<string, { reason: Reason; count: number }>[]>;

/**
 * Akter left out by each rule, counted per reason, per stadsdel and for the whole export, in one
 * walk through the akter (a report for the whole country makes them again for each walk).
 */
function outOfScope(r: Report): { byDistrict: Map<string | null, Tallies>; total: Tallies } {
  const shown = assessedIndexes(r);
  const empty = (): Tallies => ({ 'not-assessable': r.rules.map(() => new Map()), 'not-applicable': r.rules.map(() => new Map()) });
  const total = empty();
  const byDistrict = new Map<string | null, Tallies>();
  for (const c of r.cases) {
    let mine = byDistrict.get(c.district);
    if (!mine) byDistrict.set(c.district, (mine = empty()));
    for (const i of shown) {
      const res = c.results[i]!;
      if (res.status !== 'not-assessable' && res.status !== 'not-applicable') continue;
      const reason = res.reasons[0]!;
      let key = reason.code;
      if (reason.data) for (const k in reason.data) key += `\0${k}\0${reason.data[k]}`;
      for (const t of [mine, total]) {
        const m = t[res.status][i]!;
        const e = m.get(key);
        if (e) e.count++;
        else m.set(key, { reason, count: 1 });
      }
    }
  }
  return { byDistrict, total };
}

/**
 * Akter a rule could not assess or did not cover, counted per reason; rules that leave out the same
 * akter for the same reason share one sentence.
 */
function notes(ctx: FormatContext, r: Report, d: DistrictSummary, tallies: Tallies | undefined): string[] {
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
  const message = reasonMessage(ctx, s.ruleId, { code: s.evidence.code, ...(s.evidence.data ? { data: s.evidence.data } : {}) });
  return s.evidence.cases > 1
    ? fill(text('evidenceMost', ctx.lang), { count: formatInt(s.evidence.cases, ctx.lang), message })
    : fill(text('evidenceExample', ctx.lang), { message });
}

export function observations(ctx: FormatContext, r: Report): Block[] {
  const { lang } = ctx;
  const out: Block[] = [h(2, text('observations', lang))];
  const shown = assessedIndexes(r);
  const tallies = outOfScope(r);
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
    for (const n of notes(ctx, r, d, d === r.total ? tallies.total : tallies.byDistrict.get(d.district))) items.push([n]);
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

export function assessment(ctx: FormatContext, r: Report): Block[] {
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

export function recommendations(ctx: FormatContext, r: Report): Block[] {
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
