import { akt } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

const referred = { referred: '2010-03-01' };

export const cases: RuleCase[] = [
  { description: 'consent to the jobbtorg before the referral', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-20', scope: 'jobbtorg' }] }), expect: { status: 'pass', data: [], evidence: { consented: '2010-02-20' } } },
  { description: 'consent on the day of the referral', akt: akt({ jobCenter: referred, consents: [{ date: '2010-03-01', scope: 'Jobbtorg' }] }), expect: { status: 'pass', data: [], evidence: { consented: '2010-03-01' } } },
  { description: 'a general consent counts', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-01' }] }), expect: { status: 'pass', data: [], evidence: { consented: '2010-02-01' } } },
  { description: 'not referred', akt: akt({ consents: [] }), expect: { status: 'not-applicable', codes: ['not-referred'], data: [undefined] } },
  { description: 'referred after the audit date', akt: akt({ jobCenter: { referred: '2010-12-01' } }), expect: { status: 'not-applicable', codes: ['not-referred'], data: [undefined] } },
  { description: 'no consent', akt: akt({ jobCenter: referred }), expect: { status: 'fail', codes: ['no-consent'], data: [{ referred: '2010-03-01' }] } },
  { description: 'a scope naming Jobbtorg Stockholm covers it', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-20', scope: 'Jobbtorg Stockholm' }] }), expect: { status: 'pass', data: [], evidence: { consented: '2010-02-20' } } },
  { description: 'a scope in capitals with the definite form covers it', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-20', scope: 'JOBBTORGET KISTA' }] }), expect: { status: 'pass', data: [], evidence: { consented: '2010-02-20' } } },
  { description: 'scope words by option', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-20', scope: 'SAF arbetsmarknadsavdelning' }] }), options: { scopes: ['arbetsmarknadsavdelning'] }, expect: { status: 'pass', data: [], evidence: { consented: '2010-02-20' } } },
  { description: 'the default word alone no longer covers under another option', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-20', scope: 'jobbtorg' }] }), options: { scopes: ['arbetsmarknadsavdelning'] }, expect: { status: 'fail', codes: ['no-consent'], data: [{ referred: '2010-03-01' }] } },
  { description: 'consent for another recipient only', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-01', scope: 'region' }] }), expect: { status: 'fail', codes: ['no-consent'], data: [{ referred: '2010-03-01' }] } },
  { description: 'general consent not accepted', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-01' }] }), options: { acceptGeneral: false }, expect: { status: 'fail', codes: ['no-consent'], data: [{ referred: '2010-03-01' }] } },
  { description: 'consent a day after the referral', akt: akt({ jobCenter: referred, consents: [{ date: '2010-03-02', scope: 'jobbtorg' }] }), expect: { status: 'fail', codes: ['consent-after-referral'], data: [{ consented: '2010-03-02', referred: '2010-03-01' }] } },
  { description: 'a consent dated after the audit date does not count', akt: akt({ jobCenter: referred, consents: [{ date: '2010-11-16', scope: 'jobbtorg' }] }), expect: { status: 'fail', codes: ['no-consent'], data: [{ referred: '2010-03-01' }] } },
  { description: 'a consent on the audit date counts (late)', akt: akt({ jobCenter: referred, consents: [{ date: '2010-11-15', scope: 'jobbtorg' }] }), expect: { status: 'fail', codes: ['consent-after-referral'], data: [{ consented: '2010-11-15', referred: '2010-03-01' }] } },
  { description: 'no consents table', akt: akt({ jobCenter: referred }), datasets: ['jobCenter'], expect: { status: 'not-assessable', codes: ['missing-data'], data: [{ data: 'consents' }] } },
  { description: 'no job-centre record at all', akt: akt(), expect: { status: 'not-applicable', codes: ['not-referred'], data: [undefined] } },
  { description: 'referred on the audit date', akt: akt({ jobCenter: { referred: '2010-11-15' }, consents: [{ date: '2010-11-01', scope: 'jobbtorg' }] }), expect: { status: 'pass', data: [], evidence: { consented: '2010-11-01' } } },
  { description: 'an undated general consent counts, with no date to name', akt: akt({ jobCenter: referred, consents: [{ scope: 'jobbtorg' }] }), expect: { status: 'pass', data: [], evidence: { consented: '–' } } },
  { description: 'the earliest covering consent counts', akt: akt({ jobCenter: referred, consents: [{ date: '2010-05-01', scope: 'jobbtorg' }, { date: '2010-02-01', scope: 'jobbtorg' }, { date: '2010-01-01', scope: 'region' }] }), expect: { status: 'pass', data: [], evidence: { consented: '2010-02-01' } } },
  { description: 'a general consent is refused, a scoped one still counts', akt: akt({ jobCenter: referred, consents: [{ date: '2010-01-01' }, { date: '2010-02-01', scope: 'jobbtorg' }] }), options: { acceptGeneral: false }, expect: { status: 'pass', data: [], evidence: { consented: '2010-02-01' } } },
  { description: 'any of several scope words covers', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-01', scope: 'Arbetsförmedlingen' }] }), options: { scopes: ['jobbtorg', 'arbetsformedling'] }, expect: { status: 'pass', data: [], evidence: { consented: '2010-02-01' } } },
  { description: 'an empty scope covers nothing', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-01', scope: '' }] }), expect: { status: 'fail', codes: ['no-consent'], data: [{ referred: '2010-03-01' }] } },
  { description: 'a scope word of punctuation only covers nothing', akt: akt({ jobCenter: referred, consents: [{ date: '2010-02-01', scope: 'region' }] }), options: { scopes: ['–'] }, expect: { status: 'fail', codes: ['no-consent'], data: [{ referred: '2010-03-01' }] } },
];
