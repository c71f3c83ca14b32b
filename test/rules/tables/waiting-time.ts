import { akt } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

export const cases: RuleCase[] = [
  { description: 'exactly 14 days passes', akt: akt({ jobCenter: { referred: '2010-03-01', firstMeeting: '2010-03-15' } }), expect: { status: 'pass', data: [], evidence: { days: 14 } } },
  { description: '15 days fails', akt: akt({ jobCenter: { referred: '2010-03-01', firstMeeting: '2010-03-16' } }), expect: { status: 'fail', codes: ['waiting-time-exceeded'], data: [{ referred: '2010-03-01', firstMeeting: '2010-03-16', days: 15, limit: 14 }] } },
  { description: 'not referred', akt: akt({ jobCenter: { enrolled: '2010-01-01' } }), expect: { status: 'not-applicable', codes: ['not-referred'], data: [undefined] } },
  { description: 'no meeting yet, referred 14 days before D', akt: akt({ jobCenter: { referred: '2010-11-01' } }), expect: { status: 'pass', data: [], evidence: { days: 14 } } },
  { description: 'no meeting yet, referred 15 days before D', akt: akt({ jobCenter: { referred: '2010-10-31' } }), expect: { status: 'fail', codes: ['waiting-time-exceeded'], data: [{ referred: '2010-10-31', firstMeeting: 'term:none', days: 15, limit: 14 }] } },
  { description: 'a meeting after D is not yet held', akt: akt({ jobCenter: { referred: '2010-10-01', firstMeeting: '2010-11-20' } }), expect: { status: 'fail', codes: ['waiting-time-exceeded'], data: [{ referred: '2010-10-01', firstMeeting: 'term:none', days: 45, limit: 14 }] } },
  { description: 'maxDays 7', akt: akt({ jobCenter: { referred: '2010-03-01', firstMeeting: '2010-03-09' } }), options: { maxDays: 7 }, expect: { status: 'fail', codes: ['waiting-time-exceeded'], data: [{ referred: '2010-03-01', firstMeeting: '2010-03-09', days: 8, limit: 7 }] } },
  { description: 'no jobbtorg data in the export', akt: akt(), datasets: ['plans'], expect: { status: 'not-assessable', codes: ['missing-data'], data: [{ data: 'jobCenter' }] } },
  { description: 'no job-centre record at all', akt: akt(), expect: { status: 'not-applicable', codes: ['not-referred'], data: [undefined] } },
  { description: 'a referral after D is not yet made', akt: akt({ jobCenter: { referred: '2010-11-16' } }), expect: { status: 'not-applicable', codes: ['not-referred'], data: [undefined] } },
  { description: 'referred on D, no meeting yet: 0 days', akt: akt({ jobCenter: { referred: '2010-11-15' } }), expect: { status: 'pass', data: [], evidence: { days: 0 } } },
  { description: 'a meeting on D counts', akt: akt({ jobCenter: { referred: '2010-10-31', firstMeeting: '2010-11-15' } }), expect: { status: 'fail', codes: ['waiting-time-exceeded'], data: [{ referred: '2010-10-31', firstMeeting: '2010-11-15', days: 15, limit: 14 }] } },
  { description: 'maxDays 0: a meeting on the day of the referral passes', akt: akt({ jobCenter: { referred: '2010-03-01', firstMeeting: '2010-03-01' } }), options: { maxDays: 0 }, expect: { status: 'pass', data: [], evidence: { days: 0 } } },
];
