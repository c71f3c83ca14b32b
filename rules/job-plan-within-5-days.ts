import { z } from 'zod';
import { daysBetween, weekdaysBetween } from '../src/engine/akt-helpers.js';
import { term } from '../src/engine/common-reasons.js';
import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'job-plan-within-5-days',
  title: { sv: 'Jobbplan inom fem dagar', en: 'Job plan within five days' },
  criterion: {
    sv: 'Jobbtorget ska upprätta en första jobbplan inom fem dagar från det första mötet.',
    en: 'The job centre draws up a first job plan within five days of the first meeting.',
    source: 'Rutiner för samarbete och informationsöverföring mellan stadsdelsförvaltningarna och Jobbtorg Stockholm (2008); revisionsrapport 3-2011 Stadens insatser för personer som uppbär ekonomiskt bistånd och är långvarigt arbetslösa (Stadsrevisionen, 2011), avsnitt 2.1.2; Socialtjänst- och arbetsmarknadsnämndens svar på revisionsrapport 4-2010 Jobbtorg Stockholm (2010) (den första jobbplanen)',
  },
  addressee: 'jobcenter',
  theme: 'cooperation',
  defaultSeverity: 'error',
  requires: ['jobCenter'],
  fields: ['jobCenter.firstMeeting', 'jobCenter.jobPlanCreated'],
  options: z.strictObject({
    maxDays: z.number().int().min(0).default(5).describe('Longest accepted time from the first meeting to the job plan'),
    weekdays: z.boolean().default(false).describe('Count Monday–Friday only instead of calendar days'),
  }),
  reasons: {
    'job-plan-late': {
      sv: 'Första möte {firstMeeting}, jobbplan {jobPlanCreated}: {days} {unit}; högst {limit} godtas.',
      en: 'First meeting {firstMeeting}, job plan {jobPlanCreated}: {days} {unit}; at most {limit} accepted.',
    },
  },
  notApplicable: {
    'no-first-meeting': { sv: 'Inget första möte på jobbtorget före granskningsdagen.', en: 'No first meeting at the job centre before the audit date.' },
  },
  observation: {
    sv: 'I {failed} av {applicable} akter upprättades ingen jobbplan inom fem dagar från det första mötet.',
    en: 'In {failed} of {applicable} case files no job plan was drawn up within five days of the first meeting.',
  },
  recommendation: {
    sv: 'Den nämnd som ansvarar för Jobbtorg Stockholm bör säkerställa att en jobbplan upprättas inom fem dagar från det första mötet.',
    en: 'The committee responsible for Jobbtorg Stockholm should ensure that a job plan is drawn up within five days of the first meeting.',
  },
  check(akt, ctx, options) {
    const firstMeeting = akt.jobCenter?.firstMeeting;
    if (firstMeeting === undefined || firstMeeting > ctx.asOf) return { status: 'not-applicable', reason: { code: 'no-first-meeting' } };
    // Stryker disable next-line OptionalChaining: equivalent, jobCenter is there (firstMeeting was read from it above)
    const made = akt.jobCenter?.jobPlanCreated;
    const jobPlanCreated = made !== undefined && made <= ctx.asOf ? made : undefined;
    const end = jobPlanCreated ?? ctx.asOf;
    const days = options.weekdays ? weekdaysBetween(firstMeeting, end) : daysBetween(firstMeeting, end);
    if (days <= options.maxDays) return { status: 'pass', evidence: { days } };
    const data = { firstMeeting, jobPlanCreated: jobPlanCreated ?? term('none'), days, unit: term(options.weekdays ? 'weekdays' : 'days'), limit: options.maxDays };
    return { status: 'fail', reasons: [{ code: 'job-plan-late', data }] };
  },
});
