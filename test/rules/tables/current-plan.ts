import { akt, plan } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

export const cases: RuleCase[] = [
  { description: 'a plan in force at D passes', akt: akt({ plans: [plan()] }), expect: { status: 'pass', data: [], evidence: { planId: 'P1', validTo: '2011-05-31' } } },
  { description: 'D on the last valid day passes', akt: akt({ plans: [plan({ validTo: '2010-11-15' })] }), expect: { status: 'pass', data: [], evidence: { planId: 'P1', validTo: '2010-11-15' } } },
  { description: 'D on the first valid day passes', akt: akt({ plans: [plan({ validFrom: '2010-11-15' })] }), expect: { status: 'pass', data: [], evidence: { planId: 'P1', validTo: '2011-05-31' } } },
  { description: 'no supportReason still applies', akt: akt({ supportReason: undefined, plans: [plan()] }), expect: { status: 'pass', data: [], evidence: { planId: 'P1', validTo: '2011-05-31' } } },
  { description: 'an older plan in force counts even if a newer one is undated', akt: akt({ plans: [plan(), plan({ planId: 'P2', created: '2010-09-01', validFrom: undefined, validTo: undefined })] }), expect: { status: 'pass', data: [], evidence: { planId: 'P1', validTo: '2011-05-31' } } },
  { description: 'no plans', akt: akt(), expect: { status: 'fail', codes: ['no-plan'], data: [undefined] } },
  { description: 'newest plan without validTo', akt: akt({ plans: [plan({ validTo: undefined })] }), expect: { status: 'fail', codes: ['not-time-bound'], data: [{ planId: 'P1' }] } },
  { description: 'newest plan without validFrom', akt: akt({ plans: [plan({ validFrom: undefined })] }), expect: { status: 'fail', codes: ['not-time-bound'], data: [{ planId: 'P1' }] } },
  { description: 'plan ended the day before D', akt: akt({ plans: [plan({ validTo: '2010-11-14' })] }), expect: { status: 'fail', codes: ['expired'], data: [{ planId: 'P1', validTo: '2010-11-14' }] } },
  { description: 'only plan starts after D', akt: akt({ plans: [plan({ created: '2010-11-10', validFrom: '2010-12-01' })] }), expect: { status: 'fail', codes: ['not-yet-in-force'], data: [{ planId: 'P1', validFrom: '2010-12-01' }] } },
  { description: 'other support reason is outside scope', akt: akt({ supportReason: 'sociala-medicinska' }), expect: { status: 'not-applicable', codes: ['other-support-reason'], data: [{ supportReason: 'sociala-medicinska' }] } },
  { description: 'scope widened by option', akt: akt({ supportReason: 'sociala-medicinska' }), options: { appliesToReasons: ['arbetsloshet', 'sociala-medicinska'] }, expect: { status: 'fail', codes: ['no-plan'], data: [undefined] } },
  { description: 'no plans table in the export', akt: akt(), datasets: ['followUps'], expect: { status: 'not-assessable', codes: ['missing-data'], data: [{ data: 'plans' }] } },
  { description: 'a plan in force without planId', akt: akt({ plans: [plan({ planId: undefined })] }), expect: { status: 'pass', data: [], evidence: { planId: '', validTo: '2011-05-31' } } },
  { description: 'an expired plan without planId is named by a dash', akt: akt({ plans: [plan({ planId: undefined, validTo: '2010-11-14' })] }), expect: { status: 'fail', codes: ['expired'], data: [{ planId: '–', validTo: '2010-11-14' }] } },
  { description: 'a plan from D that ended before it (dates the wrong way round) is expired', akt: akt({ plans: [plan({ validFrom: '2010-11-15', validTo: '2010-11-14' })] }), expect: { status: 'fail', codes: ['expired'], data: [{ planId: 'P1', validTo: '2010-11-14' }] } },
];
