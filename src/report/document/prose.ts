import { numberWord } from '../../i18n/catalog.js';
import type { AnyRule, Lang, Theme } from '../../engine/types.js';
import { THEMES } from '../../engine/types.js';
import { grade as gradeOfShare, type Grade, type GradeThresholds } from '../stats.js';
import type { FormatContext } from '../messages.js';
import type { RuleSummary } from '../types.js';

/**
 * The argued prose of the report, built from the figures: revisionsfrågor by theme, a "Vi bedömer
 * att … då …" per theme and stadsdel, number words that agree ("i båda akterna"). Wording only:
 * the figures come from the aggregation.
 */

/** Below this many assessed akter a share is not graded: "kan inte bedömas". */
export const MIN_CASES_FOR_GRADE = 5;

export const THEME_TEXT: Record<Theme, { question: Record<Lang, string>; subject: Record<Lang, string>; heading: Record<Lang, string> }> = {
  planning: {
    heading: { sv: 'Planering', en: 'Planning' },
    question: {
      sv: 'Finns det aktuella arbetsplaner som vilar på en utredning och där krav och den enskildes egen uppfattning framgår?',
      en: "Are there current work plans, resting on an investigation, that state the requirements and the client's own view?",
    },
    subject: { sv: 'planeringen', en: 'planning' },
  },
  goals: {
    heading: { sv: 'Mål och delmål', en: 'Goals and sub-goals' },
    question: {
      sv: 'Är målen i arbetsplanerna utformade utifrån den enskildes förutsättningar och nedbrutna i tidsatta delmål?',
      en: "Are the goals of the work plans designed from the client's circumstances and broken down into dated sub-goals?",
    },
    subject: { sv: 'mål och delmål', en: 'goals and sub-goals' },
  },
  'follow-up': {
    heading: { sv: 'Uppföljning', en: 'Follow-up' },
    question: {
      sv: 'Följs arbetsplanerna upp regelbundet, och går det att utläsa vad uppföljningarna har lett till?',
      en: 'Are the work plans followed up regularly, and can it be seen what the follow-ups led to?',
    },
    subject: { sv: 'uppföljningen', en: 'follow-up' },
  },
  cooperation: {
    heading: { sv: 'Samverkan med jobbtorget', en: 'Cooperation with the job centre' },
    question: {
      sv: 'Fungerar samverkan med jobbtorget: samtycke före överföring, väntetider, jobbplaner och samråd med Arbetsförmedlingen?',
      en: 'Does cooperation with the job centre work: consent before transfer, waiting times, job plans and consultation with the Public Employment Service?',
    },
    subject: { sv: 'samverkan med jobbtorget', en: 'cooperation with the job centre' },
  },
  other: {
    heading: { sv: 'Övriga granskningspunkter', en: 'Other audit points' },
    question: { sv: 'Uppfylls övriga granskningspunkter i akterna?', en: 'Are the other audit points met in the case files?' },
    subject: { sv: 'övriga granskningspunkter', en: 'the other audit points' },
  },
};

export function themeOf(rule: AnyRule | undefined): Theme {
  return rule?.theme ?? 'other';
}

/** Rule indexes grouped by theme, in the themes' order; themes without a rule are left out. */
export function byTheme(ctx: FormatContext, ruleIds: readonly string[], indexes: readonly number[]): [Theme, number[]][] {
  return THEMES.map((t) => [t, indexes.filter((i) => themeOf(ctx.rules.get(ruleIds[i]!)) === t)] as [Theme, number[]]).filter(([, is]) => is.length > 0);
}

/** Whether a share may be graded: it rests on at least MIN_CASES_FOR_GRADE akter. */
export function gradable(s: Pick<RuleSummary, 'applicable' | 'grade'>): boolean {
  return s.grade !== null && s.applicable >= MIN_CASES_FOR_GRADE;
}

const CANNOT = { sv: 'Kan inte bedömas', en: 'Cannot be assessed' };
export function cannotAssess(lang: Lang): string {
  return CANNOT[lang];
}

/** "två av tio akter", "ingen av tio akter", "samtliga tio akter", "den enda akten", "båda akterna". */
export function ofAkter(passed: number, applicable: number, lang: Lang): string {
  const n = (x: number) => numberWord(x, lang);
  if (lang === 'sv') {
    if (applicable === 1) return passed === 1 ? 'den enda akten' : 'inte den enda akten';
    if (applicable === 2 && passed === 2) return 'båda akterna';
    if (passed === applicable) return `samtliga ${n(applicable)} akter`;
    if (passed === 0) return `ingen av ${n(applicable)} akter`;
    return `${n(passed)} av ${n(applicable)} akter`;
  }
  if (applicable === 1) return passed === 1 ? 'the only case file' : 'not the only case file';
  if (applicable === 2 && passed === 2) return 'both case files';
  if (passed === applicable) return `all ${n(applicable)} case files`;
  if (passed === 0) return `none of ${n(applicable)} case files`;
  return `${n(passed)} of ${n(applicable)} case files`;
}

/** Swedish lists: "a, b och c"; English: "a, b and c". */
export function listOf(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'sv' ? 'och' : 'and'} ${items[items.length - 1]}`;
}

const MET: Record<Grade, Record<Lang, string>> = {
  fulfilled: { sv: 'är uppfyllda', en: 'are met' },
  'largely-fulfilled': { sv: 'i huvudsak är uppfyllda', en: 'are largely met' },
  'partly-fulfilled': { sv: 'delvis är uppfyllda', en: 'are partly met' },
  'not-fulfilled': { sv: 'inte är uppfyllda', en: 'are not met' },
};

/**
 * One argued sentence per theme: "Vi bedömer att kraven på uppföljningen inte är uppfyllda, då
 * en av tio akter uppfyller kriteriet ”Spårbar uppföljning” …". The theme's grade is that of the
 * mean share of its gradable points; points on fewer than five akter are named as not assessable.
 */
export function themeJudgement(lang: Lang, theme: Theme, points: { title: string; s: RuleSummary }[], thresholds?: GradeThresholds): string | undefined {
  const subject = THEME_TEXT[theme].subject[lang];
  const assessed = points.filter((x) => x.s.applicable > 0);
  if (assessed.length === 0) return undefined;
  const graded = assessed.filter((x) => gradable(x.s)).sort((a, b) => a.s.share! - b.s.share!);
  const few = assessed.filter((x) => !gradable(x.s));
  const why = graded.map((x) =>
    lang === 'sv' ? `${ofAkter(x.s.passed, x.s.applicable, lang)} uppfyller kriteriet ”${x.title}”` : `${ofAkter(x.s.passed, x.s.applicable, lang)} ${x.s.passed === 1 ? 'meets' : 'meet'} the criterion “${x.title}”`,
  );
  const akter = (n: number) => (lang === 'sv' ? `${numberWord(n, lang)} ${n === 1 ? 'akt' : 'akter'}` : `${numberWord(n, lang)} ${n === 1 ? 'case file' : 'case files'}`);
  const fewText = few.map((x) => (lang === 'sv' ? `”${x.title}” (${akter(x.s.applicable)})` : `“${x.title}” (${akter(x.s.applicable)})`));
  if (graded.length === 0) {
    return lang === 'sv'
      ? `Kraven på ${subject} kan inte bedömas, då underlaget är för litet: färre än fem akter för ${listOf(fewText, lang)}.`
      : `The requirements on ${subject} cannot be assessed, as the basis is too small: fewer than five case files for ${listOf(fewText, lang)}.`;
  }
  // The weakest point sets the theme's grade: eight akter of ten without a current plan is not
  // made up for by investigations in order (3-2011 judged Spånga-Tensta's planning by that lack).
  const g = gradeOfShare(graded[0]!.s.share!, thresholds);
  const met = MET[g][lang];
  // The argument names the points that fall short; where all are met, all of them.
  const short = g === 'fulfilled' ? why : why.filter((_, k) => gradeOfShare(graded[k]!.s.share!, thresholds) !== 'fulfilled');
  const tail = few.length === 0 ? '' : lang === 'sv' ? ` För ${listOf(fewText, lang)} är underlaget för litet för en bedömning.` : ` For ${listOf(fewText, lang)} the basis is too small to assess.`;
  return lang === 'sv' ? `Vi bedömer att kraven på ${subject} ${met}, då ${listOf(short, lang)}.${tail}` : `We assess that the requirements on ${subject} ${met}, as ${listOf(short, lang)}.${tail}`;
}

/**
 * Recommendations of one addressee and theme as one paragraph: the addressee is named once
 * ("Stadsdelsnämnden bör säkerställa … Vidare bör nämnden säkerställa …").
 */
export function mergeRecommendations(recs: readonly string[], lang: Lang): string {
  const [verb, again] = lang === 'sv' ? [' bör ', 'Vidare bör nämnden '] : [' should ', 'It should also '];
  return recs
    .map((r, k) => {
      const at = r.indexOf(verb);
      return k === 0 || at < 0 ? r : again + r.slice(at + verb.length);
    })
    .join(' ');
}
