import { akt } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

const referred = { referred: '2010-03-01' };

export const cases: RuleCase[] = [
  { description: 'consent to the jobbtorg before the referral', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-20', scope: 'jobbtorg' }] }), expect: { status: 'pass' } },
  { description: 'consent on the day of the referral', akt: akt({ jobCenter: referred, consents: [{ date: '2010-03-01', scope: 'Jobbtorg' }] }), expect: { status: 'pass' } },
  { description: 'a general consent counts', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-01' }] }), expect: { status: 'pass' } },
  { description: 'not referred', akt: akt({ consents: [] }), expect: { status: 'not-applicable', codes: ['not-referred'] } },
  { description: 'referred after the audit date', akt: akt({ jobCenter: { referred: '2010-12-01' } }), expect: { status: 'not-applicable', codes: ['not-referred'] } },
  { description: 'no consent', akt: akt({ jobCenter: referred }), expect: { status: 'fail', codes: ['no-consent'] } },
  { description: 'consent for another recipient only', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-01', scope: 'region' }] }), expect: { status: 'fail', codes: ['no-consent'] } },
  { description: 'general consent not accepted', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-01' }] }), options: { acceptGeneral: false }, expect: { status: 'fail', codes: ['no-consent'] } },
  { description: 'consent a day after the referral', akt: akt({ jobCenter: referred, consents: [{ date: '2010-03-02', scope: 'jobbtorg' }] }), expect: { status: 'fail', codes: ['consent-after-referral'] } },
  { description: 'no consents table', akt: akt({ jobCenter: referred }), datasets: ['jobCenter'], expect: { status: 'not-assessable', codes: ['missing-data'] } },
];
