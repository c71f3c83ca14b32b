import { z } from 'zod';
import { daysBetween } from '../src/engine/akt-helpers.js';
import { NOT_REFERRED, term } from '../src/engine/common-reasons.js';
import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'waiting-time',
  title: { sv: 'Väntetid till jobbtorg', en: 'Waiting time for the job centre' },
  criterion: {
    sv: 'Den som remitteras till jobbtorget ska få ett första möte inom två veckor.',
    en: 'A client referred to the job centre has a first meeting there within two weeks.',
    source: 'Socialtjänst- och arbetsmarknadsnämndens svar på revisionsrapport 4-2010 Jobbtorg Stockholm (2010) (väntetider)',
  },
  addressee: 'jobcenter',
  theme: 'cooperation',
  defaultSeverity: 'error',
  requires: ['jobCenter'],
  fields: ['jobCenter.referred', 'jobCenter.firstMeeting'],
  options: z.strictObject({
    maxDays: z.number().int().min(0).default(14).describe('Longest accepted time, in calendar days, from referral to first meeting'),
  }),
  reasons: {
    'waiting-time-exceeded': {
      sv: 'Remiss {referred}, första möte {firstMeeting}: {days} dagars väntan; högst {limit} dagar godtas.',
      en: 'Referred {referred}, first meeting {firstMeeting}: {days} days of waiting; at most {limit} days accepted.',
    },
  },
  notApplicable: NOT_REFERRED,
  observation: {
    sv: 'I {failed} av {applicable} akter som remitterats till jobbtorg dröjde det första mötet längre än två veckor.',
    en: 'In {failed} of {applicable} case files referred to a job centre the first meeting took longer than two weeks.',
  },
  recommendation: {
    sv: 'Den nämnd som ansvarar för Jobbtorg Stockholm bör säkerställa att väntetiden till ett första möte på jobbtorget inte överstiger två veckor.',
    en: 'The committee responsible for Jobbtorg Stockholm should ensure that the wait for a first meeting at the job centre does not exceed two weeks.',
  },
  check(akt, ctx, options) {
    const referred = akt.jobCenter?.referred;
    if (referred === undefined || referred > ctx.asOf) return { status: 'not-applicable', reason: { code: 'not-referred' } };
    // A first meeting after D is not known at D: the wait is still running.
    // Stryker disable next-line OptionalChaining: equivalent, jobCenter is there (referred was read from it above)
    const met = akt.jobCenter?.firstMeeting;
    const firstMeeting = met !== undefined && met <= ctx.asOf ? met : undefined;
    const days = daysBetween(referred, firstMeeting ?? ctx.asOf);
    if (days <= options.maxDays) return { status: 'pass', evidence: { days } };
    return {
      status: 'fail',
      reasons: [{ code: 'waiting-time-exceeded', data: { referred, firstMeeting: firstMeeting ?? term('none'), days, limit: options.maxDays } }],
    };
  },
});
