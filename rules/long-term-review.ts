import { z } from 'zod';
import { addDays, aspirantSince, daysBetween, documentedDates } from '../src/engine/akt-helpers.js';
import { NOT_ASPIRANT } from '../src/engine/common-reasons.js';
import { defineRule } from '../src/engine/types.js';
import { FOLLOW_UP_TYPES } from '../src/model/schema.js';

export default defineRule({
  id: 'long-term-review',
  title: { sv: 'Särskild uppföljning efter ett års inskrivning', en: 'Special review after a year at the job centre' },
  criterion: {
    sv: 'Aspiranter som varit inskrivna på jobbtorg längre än ett år ska följas upp särskilt, genom en utvärdering eller ärendegenomgång.',
    en: 'Aspirants enrolled at a job centre for more than a year are reviewed specially, through an evaluation or a case review.',
    source: 'Socialtjänst- och arbetsmarknadsnämndens verksamhetsplan 2010, enligt revisionsrapport 3-2011 Stadens insatser för personer som uppbär ekonomiskt bistånd och är långvarigt arbetslösa (Stadsrevisionen, 2011), avsnitt 2.1.1 och 2.1.2',
  },
  addressee: 'jobcenter',
  theme: 'follow-up',
  defaultSeverity: 'error',
  requires: ['jobCenter', 'followUps'],
  fields: ['followUps.date', 'followUps.type'],
  options: z.strictObject({
    afterDays: z.number().int().min(1).default(365).describe('Days of enrolment after which the review is due'),
    allowanceDays: z.number().int().min(0).default(30).describe('Days after that before a missing review counts'),
    types: z.array(z.enum(FOLLOW_UP_TYPES)).min(1).default(['utvardering', 'arendegenomgang']).describe('Follow-up types that count as the review'),
  }),
  reasons: {
    'no-long-term-review': {
      sv: 'Inskriven sedan {enrolled}, men ingen dokumenterad utvärdering eller ärendegenomgång efter {due}.',
      en: 'Enrolled since {enrolled}, but no documented evaluation or case review after {due}.',
    },
  },
  notApplicable: {
    ...NOT_ASPIRANT,
    'not-long-term': {
      sv: 'Inskriven på jobbtorget kortare tid än ett år ({enrolled}).',
      en: 'Enrolled at the job centre for less than a year ({enrolled}).',
    },
  },
  observation: {
    sv: 'I {failed} av {applicable} akter för aspiranter inskrivna längre än ett år saknas en särskild uppföljning.',
    en: 'In {failed} of {applicable} case files of aspirants enrolled for more than a year there is no special review.',
  },
  recommendation: {
    sv: 'Den nämnd som ansvarar för Jobbtorg Stockholm bör säkerställa att aspiranter som varit inskrivna längre än ett år följs upp särskilt och att uppföljningen dokumenteras.',
    en: 'The committee responsible for Jobbtorg Stockholm should ensure that aspirants enrolled for more than a year are reviewed specially and that the review is documented.',
  },
  check(akt, ctx, options) {
    const enrolled = aspirantSince(akt, ctx.asOf);
    if (enrolled === undefined) return { status: 'not-applicable', reason: { code: 'not-aspirant' } };
    if (daysBetween(enrolled, ctx.asOf) < options.afterDays + options.allowanceDays) {
      return { status: 'not-applicable', reason: { code: 'not-long-term', data: { enrolled } } };
    }
    const due = addDays(enrolled, options.afterDays);
    const reviews = documentedDates(akt, ctx.asOf, options.types, ctx.placeholders).filter((d) => d > due);
    if (reviews.length > 0) return { status: 'pass', evidence: { reviews: reviews.length } };
    return { status: 'fail', reasons: [{ code: 'no-long-term-review', data: { enrolled, due } }] };
  },
});
