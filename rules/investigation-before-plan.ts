import { z } from 'zod';
import { daysBefore, maxDate, minDate } from '../src/engine/akt-helpers.js';
import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'investigation-before-plan',
  title: { sv: 'Grundutredning före arbetsplan', en: 'Investigation before the work plan' },
  criterion: {
    sv: 'En grundutredning ska finnas i akten och vara gjord innan den första arbetsplanen upprättas, så att planen vilar på den enskildes behov.',
    en: "An initial investigation is in the case file and was made before the first work plan was drawn up, so that the plan rests on the client's needs.",
    source: 'Riktlinjer för handläggning av ekonomiskt bistånd (Stockholms kommunfullmäktige, 2007); revisionsrapport 3-2011 Stadens insatser för personer som uppbär ekonomiskt bistånd och är långvarigt arbetslösa (Stadsrevisionen, 2011), avsnitt 2.2.1 och 2.2.3',
  },
  theme: 'planning',
  defaultSeverity: 'error',
  requires: ['plans', 'investigations'],
  fields: ['investigations.date'],
  options: z.strictObject({
    types: z.array(z.string().min(1)).default([]).describe('Investigation types that count (e.g. ["grundutredning"]); empty: every type'),
    periodDaysBefore: z
      .number()
      .int()
      .min(0)
      .default(90)
      .describe('How many days before supportStart an investigation may be dated and still belong to the current period of support'),
  }),
  reasons: {
    'no-investigation': {
      sv: 'Akten har arbetsplan men ingen utredning.',
      en: 'The case file has a work plan but no investigation.',
    },
    'investigation-before-period': {
      sv: 'Den senaste utredningen ({investigated}) är gjord före den nuvarande biståndsperioden (bistånd sedan {supportStart}; högst {limit} dagar före godtas).',
      en: 'The latest investigation ({investigated}) was made before the current period of support (support since {supportStart}; at most {limit} days before accepted).',
    },
    'investigation-after-plan': {
      sv: 'Den första utredningen ({investigated}) är gjord efter att den första arbetsplanen upprättades ({planned}).',
      en: 'The first investigation ({investigated}) was made after the first work plan was drawn up ({planned}).',
    },
  },
  notApplicable: {
    'no-plan': { sv: 'Akten har ingen arbetsplan.', en: 'The case file has no work plan.' },
  },
  observation: {
    sv: 'I {failed} av {applicable} akter med arbetsplan saknas en grundutredning som gjorts före planen.',
    en: 'In {failed} of {applicable} case files with a work plan there is no initial investigation made before the plan.',
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att en grundutredning görs och dokumenteras innan arbetsplanen upprättas.',
    en: 'The district committee should ensure that an initial investigation is made and documented before the work plan is drawn up.',
  },
  check(akt, ctx, options) {
    if (akt.plans.length === 0) return { status: 'not-applicable', reason: { code: 'no-plan' } };
    const typed = akt.investigations.filter((i) => options.types.length === 0 || (i.type !== undefined && options.types.includes(i.type)));
    if (typed.length === 0) return { status: 'fail', reasons: [{ code: 'no-investigation' }] };
    // Only the current period's investigation underlies its plan; an undated one is given the benefit of the doubt.
    const earliest = akt.supportStart === undefined ? undefined : daysBefore(akt.supportStart, options.periodDaysBefore);
    const counted = typed.filter((i) => earliest === undefined || i.date === undefined || i.date >= earliest);
    if (counted.length === 0) {
      const data = { investigated: maxDate(typed.map((i) => i.date))!, supportStart: akt.supportStart!, limit: options.periodDaysBefore };
      return { status: 'fail', reasons: [{ code: 'investigation-before-period', data }] };
    }
    const investigated = minDate(counted.map((i) => i.date));
    // The period's first plan: plans from an earlier period are judged by that period's investigation.
    const planned = minDate(akt.plans.map((p) => p.created ?? p.validFrom).filter((d) => earliest === undefined || d === undefined || d >= earliest));
    if (investigated !== undefined && planned !== undefined && investigated > planned) {
      return { status: 'fail', reasons: [{ code: 'investigation-after-plan', data: { investigated, planned } }] };
    }
    return { status: 'pass', evidence: { investigated: investigated ?? '–' } };
  },
});
