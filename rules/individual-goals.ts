import { z } from 'zod';
import { planInForce } from '../src/engine/akt-helpers.js';
import { NO_CURRENT_PLAN, OUTSIDE_NO_CURRENT_PLAN } from '../src/engine/common-reasons.js';
import { ANCHOR_PARTS, COMMON_NAMES, GENERIC_WORDS, goalMatcher } from '../src/engine/goal-text.js';
import { normalizeText, placeholderOf } from '../src/engine/text.js';
import { defineRule, type Reason } from '../src/engine/types.js';

type Fail = 'missing-goal' | 'placeholder-goal' | 'generic-goal' | 'vague-goal' | 'boilerplate' | 'boilerplate-district';

/** Per group (a handläggare, or a stadsdel), per goal as normalised, how many current plans have it. */
type Tally = Map<string, Map<string, number>>;

/**
 * Whose plans a boilerplate count is over: the handläggare's, or the stadsdel's where no handläggare
 * is recorded. Maps of maps rather than a key joined per akt: the store's strings are hashed once,
 * a joined key afresh for every look-up.
 */
interface Counts {
  byCaseworker: Tally;
  byDistrict: Tally;
}

const groupOf = (counts: Counts, akt: { caseworker?: string; district?: string }): Map<string, number> | undefined =>
  akt.caseworker ? counts.byCaseworker.get(akt.caseworker) : counts.byDistrict.get(akt.district ?? '');

function add(tally: Tally, group: string, key: string): void {
  let n = tally.get(group);
  if (n === undefined) tally.set(group, (n = new Map()));
  n.set(key, (n.get(key) ?? 0) + 1);
}

export default defineRule({
  id: 'individual-goals',
  title: { sv: 'Individuellt utformade mål', en: 'Individually designed goals' },
  criterion: {
    sv: 'Arbetsplanen ska ange mål för den enskilde, utformade utifrån den enskildes förutsättningar.',
    en: "The work plan states goals for the client, designed from the client's own circumstances.",
    source: 'Riktlinjer för handläggning av ekonomiskt bistånd (Stockholms kommunfullmäktige, 2007); revisionsrapport 3-2011 Stadens insatser för personer som uppbär ekonomiskt bistånd och är långvarigt arbetslösa (Stadsrevisionen, 2011), avsnitt 2.2.1 och 3',
  },
  theme: 'goals',
  defaultSeverity: 'error',
  requires: ['plans'],
  fields: ['plans.goal'],
  options: z.strictObject({
    genericWords: z.array(z.string()).default([...GENERIC_WORDS]).describe('The general vocabulary of self-support, matched on Swedish (Snowball) stems'),
    extraGenericWords: z.array(z.string()).default([]).describe('Added to genericWords; a general word is never an anchor'),
    anchorWords: z.array(z.string()).default([...ANCHOR_PARTS]).describe('Parts of words that anchor a goal in the person: occupations, courses, licences, fields, health and treatment'),
    extraAnchorWords: z.array(z.string()).default([]).describe('Added to anchorWords'),
    commonNames: z.array(z.string()).default([...COMMON_NAMES]).describe('Capitalised names everyone deals with (Arbetsförmedlingen): not an anchor'),
    boilerplateMinCases: z.number().int().min(2).default(3).describe('The same goal in this many current plans of one handläggare (else one stadsdel) is boilerplate'),
  }),
  reasons: {
    'missing-goal': { sv: 'Den aktuella arbetsplanen ({planId}) saknar mål.', en: 'The current work plan ({planId}) has no goal.' },
    'placeholder-goal': {
      sv: 'Den aktuella arbetsplanen ({planId}) har bara ”{placeholder}” som mål.',
      en: 'The current work plan ({planId}) has only “{placeholder}” as its goal.',
    },
    'generic-goal': {
      sv: 'Målet ”{goal}” är generellt: det består av allmänna ord (”{generic}”) och anger varken yrke, utbildning, arbetsgivare, insats, plats, behandling, tid eller omfattning.',
      en: 'The goal “{goal}” is generic: it consists of general words (“{generic}”) and names no occupation, education, employer, programme, place, treatment, time or extent.',
    },
    'vague-goal': {
      sv: 'Målet ”{goal}” är allmänt hållet: det anger varken yrke, utbildning, arbetsgivare, insats, plats, behandling, tid eller omfattning.',
      en: 'The goal “{goal}” is vague: it names no occupation, education, employer, programme, place, treatment, time or extent.',
    },
    boilerplate: {
      sv: 'Målet ”{goal}” står ordagrant i {count} aktuella arbetsplaner av samma handläggare, ”{caseworker}”.',
      en: 'The goal “{goal}” appears verbatim in {count} current work plans by the same case worker, “{caseworker}”.',
    },
    'boilerplate-district': {
      sv: 'Målet ”{goal}” står ordagrant i {count} aktuella arbetsplaner i stadsdelen {district} (handläggare är inte angiven).',
      en: 'The goal “{goal}” appears verbatim in {count} current work plans in {district} (no case worker recorded).',
    },
  },
  // The iakttagelser quote the goal and how many akter share it; the general words stand in the case list.
  evidence: {
    'generic-goal': {
      sv: 'Målet ”{goal}” står i {cases} och anger varken yrke, utbildning, arbetsgivare, insats, plats, behandling, tid eller omfattning.',
      en: 'The goal “{goal}” appears in {cases} and names no occupation, education, employer, programme, place, treatment, time or extent.',
    },
    'vague-goal': {
      sv: 'Målet ”{goal}” står i {cases} och anger varken yrke, utbildning, arbetsgivare, insats, plats, behandling, tid eller omfattning.',
      en: 'The goal “{goal}” appears in {cases} and names no occupation, education, employer, programme, place, treatment, time or extent.',
    },
  },
  notApplicable: NO_CURRENT_PLAN,
  observation: {
    sv: 'I {failed} av {applicable} akter med aktuell arbetsplan är målen generella eller standardiserade.',
    en: 'In {failed} of {applicable} case files with a current work plan the goals are general or standardised.',
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att målen i arbetsplanerna utformas utifrån den enskildes förutsättningar, så att de kan utgöra underlag för ett individuellt förändringsarbete.',
    en: "The district committee should ensure that the goals of work plans are designed from the client's circumstances, so that they can serve as the basis for individual change.",
  },
  // Word lists are made ready once per run; goal texts repeat, so each is normalised once.
  prepare(akter, ctx, options) {
    const matcher = goalMatcher({
      generic: [...options.genericWords, ...options.extraGenericWords],
      anchorParts: [...options.anchorWords, ...options.extraAnchorWords],
      commonNames: options.commonNames,
    });
    const counts: Counts = { byCaseworker: new Map(), byDistrict: new Map() };
    // The same goal in the stadsdel, however spelt: how many akter the iakttagelser say share it.
    const inDistrict: Tally = new Map();
    const keys = new Map<string, string>();
    for (const akt of akter) {
      const goal = planInForce(akt, ctx.asOf)?.goal;
      if (!goal || placeholderOf(goal, ctx.placeholders) !== undefined) continue;
      let key = keys.get(goal);
      if (key === undefined) keys.set(goal, (key = normalizeText(goal)));
      if (!key) continue;
      if (akt.caseworker) add(counts.byCaseworker, akt.caseworker, key);
      else add(counts.byDistrict, akt.district ?? '', key);
      add(inDistrict, akt.district ?? '', key);
    }
    return { counts, inDistrict, keys, matcher };
  },
  check(akt, ctx, options) {
    const plan = planInForce(akt, ctx.asOf);
    if (!plan) return OUTSIDE_NO_CURRENT_PLAN;
    const planId = plan.planId ?? '–';
    const goal = plan.goal?.trim() ?? '';
    const { counts, inDistrict, keys, matcher } = ctx.shared;
    const placeholder = placeholderOf(goal, ctx.placeholders);
    if (placeholder !== undefined) return { status: 'fail', reasons: [{ code: 'placeholder-goal', data: { planId, placeholder } }] };
    const key = keys.get(plan.goal ?? '') ?? normalizeText(goal);
    if (key === '') return { status: 'fail', reasons: [{ code: 'missing-goal', data: { planId } }] };
    const reasons: Reason<Fail>[] = [];
    const judgement = matcher.judge(goal);
    if (!judgement.individual) {
      // Stryker disable next-line OptionalChaining: equivalent, prepare counted every akt whose goal gets this far
      const shared = inDistrict.get(akt.district ?? '')?.get(key) ?? 1;
      reasons.push(judgement.generic.length > 0 ? { code: 'generic-goal', data: { goal, generic: judgement.generic.join(', '), shared } } : { code: 'vague-goal', data: { goal, shared } });
    }
    // Stryker disable next-line OptionalChaining: equivalent, as above
    const count = groupOf(counts, akt)?.get(key) ?? 0;
    if (count >= options.boilerplateMinCases) {
      reasons.push(akt.caseworker ? { code: 'boilerplate', data: { goal, count, caseworker: akt.caseworker } } : { code: 'boilerplate-district', data: { goal, count, district: akt.district ?? '–' } });
    }
    const evidence: Record<string, string> = judgement.anchor ? { goal, anchor: judgement.anchor } : { goal };
    return reasons.length > 0 ? { status: 'fail', reasons, evidence } : { status: 'pass', evidence };
  },
});
