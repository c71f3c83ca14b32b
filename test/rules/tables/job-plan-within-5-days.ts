import { akt } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

// 2010-03-05 was a Friday.
export const cases: RuleCase[] = [
  { description: 'exactly 5 days passes', akt: akt({ jobCenter: { firstMeeting: '2010-03-05', jobPlanCreated: '2010-03-10' } }), expect: { status: 'pass', data: [], evidence: { days: 5 } } },
  { description: '6 days fails', akt: akt({ jobCenter: { firstMeeting: '2010-03-05', jobPlanCreated: '2010-03-11' } }), expect: { status: 'fail', codes: ['job-plan-late'], data: [{ firstMeeting: '2010-03-05', jobPlanCreated: '2010-03-11', days: 6, unit: 'term:days', limit: 5 }] } },
  { description: '6 calendar days are 4 weekdays (Fri → Thu)', akt: akt({ jobCenter: { firstMeeting: '2010-03-05', jobPlanCreated: '2010-03-11' } }), options: { weekdays: true }, expect: { status: 'pass', data: [], evidence: { days: 4 } } },
  { description: 'exactly 5 weekdays passes (Fri → Fri)', akt: akt({ jobCenter: { firstMeeting: '2010-03-05', jobPlanCreated: '2010-03-12' } }), options: { weekdays: true }, expect: { status: 'pass', data: [], evidence: { days: 5 } } },
  { description: '6 weekdays fails (Fri → Mon)', akt: akt({ jobCenter: { firstMeeting: '2010-03-05', jobPlanCreated: '2010-03-15' } }), options: { weekdays: true }, expect: { status: 'fail', codes: ['job-plan-late'], data: [{ firstMeeting: '2010-03-05', jobPlanCreated: '2010-03-15', days: 6, unit: 'term:weekdays', limit: 5 }] } },
  { description: 'no first meeting', akt: akt({ jobCenter: { referred: '2010-03-01' } }), expect: { status: 'not-applicable', codes: ['no-first-meeting'], data: [undefined] } },
  { description: 'no plan yet, met 5 days before D', akt: akt({ jobCenter: { firstMeeting: '2010-11-10' } }), expect: { status: 'pass', data: [], evidence: { days: 5 } } },
  { description: 'no plan yet, met 6 days before D', akt: akt({ jobCenter: { firstMeeting: '2010-11-09' } }), expect: { status: 'fail', codes: ['job-plan-late'], data: [{ firstMeeting: '2010-11-09', jobPlanCreated: 'term:none', days: 6, unit: 'term:days', limit: 5 }] } },
  { description: 'no job-centre record at all', akt: akt(), expect: { status: 'not-applicable', codes: ['no-first-meeting'], data: [undefined] } },
  { description: 'a first meeting after D is not yet held', akt: akt({ jobCenter: { firstMeeting: '2010-11-16' } }), expect: { status: 'not-applicable', codes: ['no-first-meeting'], data: [undefined] } },
  { description: 'a first meeting on D, no plan yet: 0 days', akt: akt({ jobCenter: { firstMeeting: '2010-11-15' } }), expect: { status: 'pass', data: [], evidence: { days: 0 } } },
  { description: 'a plan written on D counts', akt: akt({ jobCenter: { firstMeeting: '2010-11-01', jobPlanCreated: '2010-11-15' } }), expect: { status: 'fail', codes: ['job-plan-late'], data: [{ firstMeeting: '2010-11-01', jobPlanCreated: '2010-11-15', days: 14, unit: 'term:days', limit: 5 }] } },
  { description: 'a plan written after D is not yet known', akt: akt({ jobCenter: { firstMeeting: '2010-11-01', jobPlanCreated: '2010-11-20' } }), expect: { status: 'fail', codes: ['job-plan-late'], data: [{ firstMeeting: '2010-11-01', jobPlanCreated: 'term:none', days: 14, unit: 'term:days', limit: 5 }] } },
  { description: 'maxDays 0: a plan on the day of the meeting passes', akt: akt({ jobCenter: { firstMeeting: '2010-03-05', jobPlanCreated: '2010-03-05' } }), options: { maxDays: 0 }, expect: { status: 'pass', data: [], evidence: { days: 0 } } },
];
