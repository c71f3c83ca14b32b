import { z } from 'zod';
import { aspirantSince, daysBefore, daysBetween, documentedDates, longestGap, maxDate } from '../src/engine/akt-helpers.js';
import { NOT_ASPIRANT } from '../src/engine/common-reasons.js';
import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'tripartite-every-3-months',
  title: { sv: 'Trepartssamtal minst var tredje månad', en: 'Three-party meeting at least every third month' },
  criterion: {
    sv: 'För aspiranter på jobbtorg ska trepartssamtal mellan den enskilde, handläggaren och coachen hållas minst var tredje månad och dokumenteras i akten.',
    en: 'For job centre aspirants, three-party meetings between client, case worker and job coach are held at least every third month and documented in the case file.',
    source: 'revisionsrapport 3-2011 Stadens insatser för personer som uppbär ekonomiskt bistånd och är långvarigt arbetslösa (Stadsrevisionen, 2011), avsnitt 2.1.2 och 2.2.3; Hägersten-Liljeholmens stadsdelsnämnds yttrande över revisionsrapport 3-2011 (2011)',
  },
  theme: 'follow-up',
  defaultSeverity: 'error',
  requires: ['jobCenter', 'followUps'],
  fields: ['followUps.date', 'followUps.type'],
  options: z.strictObject({
    windowDays: z.number().int().min(1).default(365).describe('How far back from the audit date meetings are looked for'),
    intervalDays: z.number().int().min(1).default(92).describe('Longest accepted time between documented three-party meetings'),
    graceDays: z.number().int().min(0).default(14).describe('Added to intervalDays before a gap counts'),
    minEnrolledDays: z.number().int().min(0).default(92).describe('Aspirants enrolled for fewer days than this are not yet judged'),
  }),
  reasons: {
    'tripartite-gap': {
      sv: 'Inget dokumenterat trepartssamtal under {days} dagar ({from} – {to}); högst {limit} dagar godtas.',
      en: 'No documented three-party meeting for {days} days ({from} – {to}); at most {limit} days accepted.',
    },
  },
  notApplicable: {
    ...NOT_ASPIRANT,
    'recently-enrolled': {
      sv: 'Inskriven på jobbtorget för kort tid sedan ({enrolled}) för att bedömas.',
      en: 'Enrolled at the job centre too recently ({enrolled}) to be judged.',
    },
  },
  observation: {
    sv: 'I {failed} av {applicable} akter för aspiranter på jobbtorg går det inte att utläsa att trepartssamtal hållits minst var tredje månad.',
    en: 'In {failed} of {applicable} case files of job centre aspirants it cannot be seen that three-party meetings were held at least every third month.',
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att trepartssamtal hålls minst var tredje månad och att vad som framkommit dokumenteras i akten.',
    en: 'The district committee should ensure that three-party meetings are held at least every third month and that what they found is documented in the case file.',
  },
  check(akt, ctx, options) {
    const enrolled = aspirantSince(akt, ctx.asOf);
    if (enrolled === undefined) return { status: 'not-applicable', reason: { code: 'not-aspirant' } };
    if (daysBetween(enrolled, ctx.asOf) < options.minEnrolledDays) return { status: 'not-applicable', reason: { code: 'recently-enrolled', data: { enrolled } } };
    const start = maxDate([daysBefore(ctx.asOf, options.windowDays), enrolled])!;
    const gap = longestGap(start, ctx.asOf, documentedDates(akt, ctx.asOf, ['trepartssamtal'], ctx.placeholders));
    const limit = options.intervalDays + options.graceDays;
    if (gap.days <= limit) return { status: 'pass' };
    return { status: 'fail', reasons: [{ code: 'tripartite-gap', data: { ...gap, limit } }] };
  },
});
