import { z } from 'zod';
import { currentPlan } from '../src/engine/akt-helpers.js';
import { normalizeText } from '../src/engine/text.js';
import { NO_CURRENT_PLAN } from '../src/engine/common-reasons.js';
import { defineRule, type Reason } from '../src/engine/types.js';

/** Function words that say nothing about the individual. */
const STOP_WORDS = [
  'att', 'och', 'i', 'på', 'till', 'genom', 'en', 'ett', 'som', 'för', 'med', 'av', 'det', 'den', 'de', 'om',
  'eller', 'så', 'ska', 'skall', 'kunna', 'kan', 'bli', 'vara', 'få', 'ha', 'han', 'hon', 'hen', 'sig', 'sin',
  'sitt', 'sina', 'egen', 'eget', 'egna', 'mer', 'mål', 'målet', 'är', 'inom', 'vid', 'från', 'ut', 'in',
];

/** The generic vocabulary of self-support: a goal made only of these is the same for everyone. */
const GENERIC_WORDS = [
  'självförsörjande', 'självförsörjning', 'egenförsörjning', 'försörjning', 'försörja', 'försörjer',
  'arbete', 'arbeta', 'arbetet', 'jobb', 'jobba', 'jobbet', 'anställning', 'sysselsättning',
  'inkomst', 'inkomster', 'lön', 'arbetsmarknaden', 'arbetsmarknad', 'komma', 'bidrag', 'bidragsberoende',
  'ekonomiskt', 'bistånd', 'oberoende', 'långsiktigt', 'varaktigt', 'varaktig', 'hel', 'heltid',
];

export default defineRule({
  id: 'individual-goals',
  title: { sv: 'Individuellt utformade mål', en: 'Individually designed goals' },
  criterion: {
    sv: 'Arbetsplanen ska ange mål för den enskilde, utformade utifrån den enskildes förutsättningar.',
    en: "The work plan states goals for the client, designed from the client's own circumstances.",
    source: 'Riktlinjer för handläggning av ekonomiskt bistånd, KF 2007-01-01; revisionsrapport 3-2011 §2.2.1 och §3',
  },
  defaultSeverity: 'error',
  requires: ['plans'],
  fields: ['plans.goal'],
  options: z.strictObject({
    minSpecificWords: z.number().int().min(1).default(3).describe('Words that must remain once stop words and generic words are removed'),
    genericWords: z.array(z.string()).default(GENERIC_WORDS).describe('The generic vocabulary of self-support'),
    extraGenericWords: z.array(z.string()).default([]).describe('Added to genericWords'),
    stopWords: z.array(z.string()).default(STOP_WORDS).describe('Function words that are ignored'),
    boilerplateMinCases: z.number().int().min(2).default(3).describe('A goal text standing in this many akter is boilerplate'),
  }),
  reasons: {
    'missing-goal': { sv: 'Den aktuella arbetsplanen ({planId}) saknar mål.', en: 'The current work plan ({planId}) has no goal.' },
    'generic-goal': {
      sv: 'Målet ”{goal}” är generellt: {remaining} ord återstår utöver allmänna ord (”{matched}”); minst {min} krävs.',
      en: 'The goal “{goal}” is generic: {remaining} words remain besides general words (“{matched}”); at least {min} required.',
    },
    boilerplate: {
      sv: 'Målet ”{goal}” står ordagrant i {count} akter.',
      en: 'The goal “{goal}” appears verbatim in {count} case files.',
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
  // Word lists are normalized once per run, not once per akt.
  prepare(akter, ctx, options) {
    const generic = new Set([...options.genericWords, ...options.extraGenericWords].map(normalizeText));
    const stop = new Set(options.stopWords.map(normalizeText));
    const counts = new Map<string, number>();
    // Goal texts repeat from akt to akt: each is normalised once here, and check looks it up.
    const keys = new Map<string, string>();
    for (const akt of akter) {
      const goal = currentPlan(akt, ctx.asOf)?.goal;
      if (!goal) continue;
      let key = keys.get(goal);
      if (key === undefined) keys.set(goal, (key = normalizeText(goal)));
      if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return { counts, keys, generic, stop };
  },
  check(akt, ctx, options) {
    const plan = currentPlan(akt, ctx.asOf);
    if (!plan) return { status: 'not-applicable', reason: { code: 'no-current-plan' } };
    const planId = plan.planId ?? '–';
    const goal = plan.goal?.trim() ?? '';
    const { counts, keys, generic, stop } = ctx.shared;
    const key = keys.get(plan.goal ?? '') ?? normalizeText(goal);
    const all = key === '' ? [] : key.split(' ');
    if (all.length === 0) return { status: 'fail', reasons: [{ code: 'missing-goal', data: { planId } }] };
    const matched = [...new Set(all.filter((w) => generic.has(w)))];
    const remaining = all.filter((w) => !generic.has(w) && !stop.has(w)).length;
    const reasons: Reason<'generic-goal' | 'boilerplate'>[] = [];
    if (remaining < options.minSpecificWords) {
      reasons.push({ code: 'generic-goal', data: { goal, remaining, matched: matched.join(', ') || '–', min: options.minSpecificWords } });
    }
    const count = counts.get(key) ?? 0;
    if (count >= options.boilerplateMinCases) reasons.push({ code: 'boilerplate', data: { goal, count } });
    return reasons.length > 0 ? { status: 'fail', reasons, evidence: { goal } } : { status: 'pass', evidence: { goal } };
  },
});
