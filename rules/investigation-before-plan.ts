import { z } from 'zod';
import { minDate } from '../src/engine/akt-helpers.js';
import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'investigation-before-plan',
  title: { sv: 'Grundutredning före arbetsplan', en: 'Investigation before the work plan' },
  criterion: {
    sv: 'En grundutredning ska finnas i akten och vara gjord innan den första arbetsplanen upprättas, så att planen vilar på den enskildes behov.',
    en: "An initial investigation is in the case file and was made before the first work plan was drawn up, so that the plan rests on the client's needs.",
    source: 'Riktlinjer för handläggning av ekonomiskt bistånd; revisionsrapport 3-2011 §2.2.3; förvaltningslagen (2017:900) 23 §',
  },
  defaultSeverity: 'error',
  requires: ['plans', 'investigations'],
  fields: ['investigations.date'],
  options: z.strictObject({
    types: z.array(z.string().min(1)).default([]).describe('Investigation types that count (e.g. ["grundutredning"]); empty: every type'),
  }),
  reasons: {
    'no-investigation': {
      sv: 'Akten har arbetsplan men ingen utredning.',
      en: 'The case file has a work plan but no investigation.',
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
    const counted = akt.investigations.filter((i) => options.types.length === 0 || (i.type !== undefined && options.types.includes(i.type)));
    if (counted.length === 0) return { status: 'fail', reasons: [{ code: 'no-investigation' }] };
    const investigated = minDate(counted.map((i) => i.date));
    const planned = minDate(akt.plans.map((p) => p.created ?? p.validFrom));
    if (investigated !== undefined && planned !== undefined && investigated > planned) {
      return { status: 'fail', reasons: [{ code: 'investigation-after-plan', data: { investigated, planned } }] };
    }
    return { status: 'pass', evidence: { investigated: investigated ?? '–' } };
  },
});
