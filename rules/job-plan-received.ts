import { z } from 'zod';
import { daysBetween } from '../src/engine/akt-helpers.js';
import { term } from '../src/engine/common-reasons.js';
import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'job-plan-received',
  title: { sv: 'Jobbplanen har nått stadsdelen', en: 'The job plan has reached the district' },
  criterion: {
    sv: 'Jobbplanen som jobbtorget upprättar ska överföras till stadsdelen och finnas i akten, så att handläggaren kan följa planeringen.',
    en: 'The job plan the job centre draws up is passed to the district and kept in the case file, so that the case worker can follow the planning.',
    source: 'Rutiner för samarbete och informationsöverföring mellan stadsdelsförvaltningarna och Jobbtorg Stockholm (2008); revisionsrapport 3-2011 Stadens insatser för personer som uppbär ekonomiskt bistånd och är långvarigt arbetslösa (Stadsrevisionen, 2011), avsnitt 2.1.2; Socialtjänst- och arbetsmarknadsnämndens svar på revisionsrapport 4-2010 Jobbtorg Stockholm (2010), punkt 4',
  },
  addressee: 'jobcenter',
  theme: 'cooperation',
  defaultSeverity: 'error',
  requires: ['jobCenter'],
  fields: ['jobCenter.jobPlanCreated', 'jobCenter.jobPlanReceived'],
  options: z.strictObject({
    graceDays: z.number().int().min(0).default(0).describe('Days after the job plan was written before its absence counts'),
  }),
  reasons: {
    'job-plan-not-received': {
      sv: 'Jobbplanen upprättades {jobPlanCreated} men har inte kommit in till stadsdelen.',
      en: 'The job plan was drawn up on {jobPlanCreated} but has not reached the district.',
    },
  },
  notApplicable: {
    'no-job-plan': { sv: 'Jobbtorget har inte upprättat någon jobbplan före granskningsdagen.', en: 'The job centre has drawn up no job plan before the audit date.' },
  },
  observation: {
    sv: 'I {failed} av {applicable} akter med jobbplan har jobbplanen inte nått stadsdelen.',
    en: 'In {failed} of {applicable} case files with a job plan the job plan has not reached the district.',
  },
  recommendation: {
    sv: 'Den nämnd som ansvarar för Jobbtorg Stockholm bör se över rutinen för att jobbplanerna verkligen överförs till stadsdelen.',
    en: 'The committee responsible for Jobbtorg Stockholm should review its routine so that job plans actually reach the district.',
  },
  check(akt, ctx, options) {
    const jobPlanCreated = akt.jobCenter?.jobPlanCreated;
    if (jobPlanCreated === undefined || jobPlanCreated > ctx.asOf) return { status: 'not-applicable', reason: { code: 'no-job-plan' } };
    // Stryker disable next-line OptionalChaining: equivalent, jobCenter is there (jobPlanCreated was read from it above)
    const received = akt.jobCenter?.jobPlanReceived;
    if (received !== undefined && received <= ctx.asOf) return { status: 'pass', evidence: { received } };
    if (daysBetween(jobPlanCreated, ctx.asOf) <= options.graceDays) return { status: 'pass', evidence: { received: term('none') } };
    return { status: 'fail', reasons: [{ code: 'job-plan-not-received', data: { jobPlanCreated } }] };
  },
});
