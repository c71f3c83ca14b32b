import { akt } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

export const cases: RuleCase[] = [
  { description: 'received', akt: akt({ jobCenter: { jobPlanCreated: '2010-03-10', jobPlanReceived: '2010-03-12' } }), expect: { status: 'pass', data: [], evidence: { received: '2010-03-12' } } },
  { description: 'no job plan', akt: akt({ jobCenter: { firstMeeting: '2010-03-05' } }), expect: { status: 'not-applicable', codes: ['no-job-plan'], data: [undefined] } },
  { description: 'not received', akt: akt({ jobCenter: { jobPlanCreated: '2010-03-10' } }), expect: { status: 'fail', codes: ['job-plan-not-received'], data: [{ jobPlanCreated: '2010-03-10' }] } },
  { description: 'received only after D', akt: akt({ jobCenter: { jobPlanCreated: '2010-03-10', jobPlanReceived: '2010-12-01' } }), expect: { status: 'fail', codes: ['job-plan-not-received'], data: [{ jobPlanCreated: '2010-03-10' }] } },
  { description: 'written on D, not yet received', akt: akt({ jobCenter: { jobPlanCreated: '2010-11-15' } }), expect: { status: 'pass', data: [], evidence: { received: 'term:none' } } },
  { description: 'within graceDays', akt: akt({ jobCenter: { jobPlanCreated: '2010-11-08' } }), options: { graceDays: 7 }, expect: { status: 'pass', data: [], evidence: { received: 'term:none' } } },
  { description: 'no job-centre record at all', akt: akt(), expect: { status: 'not-applicable', codes: ['no-job-plan'], data: [undefined] } },
  { description: 'a job plan written after D is not yet known', akt: akt({ jobCenter: { jobPlanCreated: '2010-11-16' } }), expect: { status: 'not-applicable', codes: ['no-job-plan'], data: [undefined] } },
  { description: 'received on D', akt: akt({ jobCenter: { jobPlanCreated: '2010-03-10', jobPlanReceived: '2010-11-15' } }), expect: { status: 'pass', data: [], evidence: { received: '2010-11-15' } } },
  { description: 'one day past graceDays', akt: akt({ jobCenter: { jobPlanCreated: '2010-11-07' } }), options: { graceDays: 7 }, expect: { status: 'fail', codes: ['job-plan-not-received'], data: [{ jobPlanCreated: '2010-11-07' }] } },
  { description: 'written the day before D, not received', akt: akt({ jobCenter: { jobPlanCreated: '2010-11-14' } }), expect: { status: 'fail', codes: ['job-plan-not-received'], data: [{ jobPlanCreated: '2010-11-14' }] } },
];
