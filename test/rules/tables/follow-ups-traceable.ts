import { akt, followUp, plan } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

// D = 2010-11-15; D − 365 = 2009-11-15; the limit is 92 + 14 = 106 days.
const quarterly = ['2009-12-10', '2010-03-05', '2010-06-01', '2010-08-30', '2010-11-01'].map((d) => followUp(d));
const base = { supportStart: '2009-01-01', plans: [plan()] };

export const cases: RuleCase[] = [
  { description: 'documented follow-ups every quarter pass', akt: akt({ ...base, followUps: quarterly }), expect: { status: 'pass', data: [], evidence: { documented: 5 } } },
  { description: 'no current plan', akt: akt({ followUps: quarterly }), expect: { status: 'not-applicable', codes: ['no-current-plan'], data: [undefined] } },
  { description: 'no planned follow-up date', akt: akt({ ...base, plans: [plan({ nextFollowUp: undefined })], followUps: quarterly }), expect: { status: 'fail', codes: ['no-planned-follow-up'], data: [{ planId: 'P1' }] } },
  { description: 'held but not documented (no outcome)', akt: akt({ ...base, followUps: quarterly.map((f) => ({ ...f, outcome: '' })) }), expect: { status: 'fail', codes: ['follow-up-gap'], data: [{ from: '2009-11-15', to: '2010-11-15', days: 365, limit: 106 }] } },
  { description: 'a gap of exactly 106 days passes', akt: akt({ ...base, followUps: [followUp('2009-12-10'), followUp('2010-03-26'), followUp('2010-07-10'), followUp('2010-10-24')] }), expect: { status: 'pass', data: [], evidence: { documented: 4 } } },
  { description: 'a gap of 107 days fails', akt: akt({ ...base, followUps: [followUp('2009-12-10'), followUp('2010-03-27'), followUp('2010-07-10'), followUp('2010-10-24')] }), expect: { status: 'fail', codes: ['follow-up-gap'], data: [{ from: '2009-12-10', to: '2010-03-27', days: 107, limit: 106 }] } },
  { description: 'the gap up to D counts', akt: akt({ ...base, followUps: quarterly.slice(0, 4) }), expect: { status: 'pass', data: [], evidence: { documented: 4 } } },
  { description: 'a follow-up dated after D does not count', akt: akt({ ...base, followUps: [...quarterly.slice(0, 3), followUp('2010-11-20')] }), expect: { status: 'fail', codes: ['follow-up-gap'], data: [{ from: '2010-06-01', to: '2010-11-15', days: 167, limit: 106 }] } },
  { description: 'window starts at the first plan when support is recent', akt: akt({ supportStart: '2010-09-01', plans: [plan({ validFrom: '2010-09-01' })], followUps: [] }), expect: { status: 'pass', data: [], evidence: { documented: 0 } } },
  { description: 'longer interval by option', akt: akt({ ...base, followUps: [followUp('2010-03-01'), followUp('2010-09-01')] }), options: { intervalDays: 190 }, expect: { status: 'pass', data: [], evidence: { documented: 2 } } },
  { description: 'goals revised without a new plan', akt: akt({ ...base, followUps: quarterly.map((f) => (f.date === '2010-08-30' ? { ...f, goalsRevised: true } : f)) }), expect: { status: 'fail', codes: ['revision-not-traceable'], data: [{ date: '2010-08-30' }] } },
  { description: 'goals revised and a new plan drawn up the same day', akt: akt({ ...base, followUps: quarterly.map((f) => (f.date === '2010-06-01' ? { ...f, goalsRevised: true } : f)) }), expect: { status: 'pass', data: [], evidence: { documented: 5 } } },
  { description: 'all three reasons together', akt: akt({ ...base, plans: [plan({ nextFollowUp: undefined })], followUps: [followUp('2010-08-30', '', { goalsRevised: true })] }), expect: { status: 'fail', codes: ['no-planned-follow-up', 'follow-up-gap', 'revision-not-traceable'], data: [{ planId: 'P1' }, { from: '2009-11-15', to: '2010-11-15', days: 365, limit: 106 }, { date: '2010-08-30' }] } },
  { description: 'no follow-ups table in the export', akt: akt(base), datasets: ['plans', 'subGoals'], expect: { status: 'not-assessable', codes: ['missing-data'], data: [{ data: 'followUps' }] } },
];

const attendance = (date: string) => followUp(date, 'Närvaro ok.', { type: 'narvarokontroll' });
cases.push(
  { description: 'monthly attendance checks are not follow-ups of the plan', akt: akt({ ...base, followUps: ['2009-12-01', '2010-02-01', '2010-04-01', '2010-06-01', '2010-08-01', '2010-10-01'].map(attendance) }), expect: { status: 'fail', codes: ['follow-up-gap'], data: [{ from: '2009-11-15', to: '2010-11-15', days: 365, limit: 106 }] } },
  { description: 'attendance checks count when the option lists them', akt: akt({ ...base, followUps: ['2009-12-01', '2010-02-01', '2010-04-01', '2010-06-01', '2010-08-01', '2010-10-01'].map(attendance) }), options: { countedTypes: ['narvarokontroll'] }, expect: { status: 'pass', data: [], evidence: { documented: 6 } } },
  { description: 'a follow-up without a type counts', akt: akt({ ...base, followUps: quarterly.map((f) => ({ ...f, type: undefined })) }), expect: { status: 'pass', data: [], evidence: { documented: 5 } } },
  { description: 'a type left off the option does not count', akt: akt({ ...base, followUps: quarterly }), options: { countedTypes: ['uppfoljning'] }, expect: { status: 'fail', codes: ['follow-up-gap'], data: [{ from: '2009-11-15', to: '2010-11-15', days: 365, limit: 106 }] } },
  {
    description: 'a placeholder note is not a documented follow-up, and is named',
    akt: akt({ ...base, followUps: quarterly.map((f) => (f.date === '2010-06-01' ? { ...f, outcome: 'Oförändrat.' } : f)) }),
    expect: { status: 'fail', codes: ['follow-up-gap', 'placeholder-outcome'], data: [{ from: '2010-03-05', to: '2010-08-30', days: 178, limit: 106 }, { date: '2010-06-01', placeholder: 'Oförändrat.' }] },
  },
  {
    description: 'the latest placeholder note in the window is named',
    akt: akt({ ...base, followUps: [...quarterly, followUp('2010-10-01', '-'), followUp('2010-02-01', 'x')] }),
    expect: { status: 'fail', codes: ['placeholder-outcome'], data: [{ date: '2010-10-01', placeholder: '-' }] },
  },
  { description: 'a placeholder note before the window is not named', akt: akt({ ...base, followUps: [...quarterly, followUp('2009-10-01', '-')] }), expect: { status: 'pass', data: [], evidence: { documented: 5 } } },
  { description: 'a placeholder note after the audit date is not named', akt: akt({ ...base, followUps: [...quarterly, followUp('2010-11-20', '-')] }), expect: { status: 'pass', data: [], evidence: { documented: 5 } } },
  { description: 'a placeholder note of an attendance check is not named', akt: akt({ ...base, followUps: [...quarterly, followUp('2010-10-01', '-', { type: 'narvarokontroll' })] }), expect: { status: 'pass', data: [], evidence: { documented: 5 } } },
  { description: 'no outcome column in the export', akt: akt({ ...base, followUps: quarterly }), absentFields: ['followUps.outcome'], expect: { status: 'not-assessable', codes: ['missing-field'], data: [{ data: 'followUps.outcome', field: 'outcome' }] } },
);
cases.push(
  { description: 'a placeholder note on the first day of the window is named', akt: akt({ ...base, followUps: [...quarterly, followUp('2009-11-15', '-')] }), expect: { status: 'fail', codes: ['placeholder-outcome'], data: [{ date: '2009-11-15', placeholder: '-' }] } },
  { description: 'a placeholder note the day before the window is not', akt: akt({ ...base, followUps: [...quarterly, followUp('2009-11-14', '-')] }), expect: { status: 'pass', data: [], evidence: { documented: 5 } } },
  { description: 'a placeholder note on D is named', akt: akt({ ...base, followUps: [...quarterly, followUp('2010-11-15', '-')] }), expect: { status: 'fail', codes: ['placeholder-outcome'], data: [{ date: '2010-11-15', placeholder: '-' }] } },
  { description: 'of two placeholder notes on one day, the first is named', akt: akt({ ...base, followUps: [...quarterly, followUp('2010-10-01', '-'), followUp('2010-10-01', 'Oförändrat.')] }), expect: { status: 'fail', codes: ['placeholder-outcome'], data: [{ date: '2010-10-01', placeholder: '-' }] } },
  { description: 'an undated placeholder note is not named', akt: akt({ ...base, followUps: [...quarterly, { type: 'trepartssamtal', outcome: '-' }] }), expect: { status: 'pass', data: [], evidence: { documented: 5 } } },
  { description: 'goals revised on D without a new plan', akt: akt({ ...base, followUps: [...quarterly, followUp('2010-11-15', 'Nya mål.', { goalsRevised: true })] }), expect: { status: 'fail', codes: ['revision-not-traceable'], data: [{ date: '2010-11-15' }] } },
  { description: 'goals revised after D are not yet judged', akt: akt({ ...base, followUps: [...quarterly, followUp('2010-11-20', 'Nya mål.', { goalsRevised: true })] }), expect: { status: 'pass', data: [], evidence: { documented: 5 } } },
  { description: 'an undated revision is not judged', akt: akt({ ...base, followUps: [...quarterly, { type: 'trepartssamtal', outcome: 'Nya mål.', goalsRevised: true }] }), expect: { status: 'pass', data: [], evidence: { documented: 5 } } },
  { description: 'a plan dated only by validFrom is no revision', akt: akt({ ...base, plans: [plan(), plan({ planId: 'P2', created: undefined, validFrom: '2010-09-01', validTo: '2010-09-30' })], followUps: quarterly.map((f) => (f.date === '2010-08-30' ? { ...f, goalsRevised: true } : f)) }), expect: { status: 'fail', codes: ['revision-not-traceable'], data: [{ date: '2010-08-30' }] } },
  { description: 'a plan without a planId is named by a dash', akt: akt({ ...base, plans: [plan({ planId: undefined, nextFollowUp: undefined })], followUps: quarterly }), expect: { status: 'fail', codes: ['no-planned-follow-up'], data: [{ planId: '–' }] } },
  { description: 'windowDays 200: the window starts 200 days before D', akt: akt({ ...base, followUps: [] }), options: { windowDays: 200 }, expect: { status: 'fail', codes: ['follow-up-gap'], data: [{ from: '2010-04-29', to: '2010-11-15', days: 200, limit: 106 }] } },
  { description: 'graceDays 0: a day over intervalDays fails', akt: akt({ ...base, followUps: quarterly }), options: { graceDays: 0, intervalDays: 89 }, expect: { status: 'fail', codes: ['follow-up-gap'], data: [{ from: '2010-06-01', to: '2010-08-30', days: 90, limit: 89 }] } },
  { description: 'graceDays 0: exactly intervalDays passes', akt: akt({ ...base, followUps: quarterly }), options: { graceDays: 0, intervalDays: 90 }, expect: { status: 'pass', data: [], evidence: { documented: 5 } } },
  { description: 'without supportStart the window starts at the first plan', akt: akt({ plans: [plan()], followUps: [] }), expect: { status: 'fail', codes: ['follow-up-gap'], data: [{ from: '2010-06-01', to: '2010-11-15', days: 167, limit: 106 }] } },
  { description: 'a plan earlier than supportStart starts the window', akt: akt({ supportStart: '2010-09-01', plans: [plan()], followUps: [] }), expect: { status: 'fail', codes: ['follow-up-gap'], data: [{ from: '2010-06-01', to: '2010-11-15', days: 167, limit: 106 }] } },
  { description: 'the latest placeholder note is named, wherever it stands in the akt', akt: akt({ ...base, followUps: [followUp('2010-02-01', '-'), ...quarterly, followUp('2010-10-01', 'Oförändrat.')] }), expect: { status: 'fail', codes: ['placeholder-outcome'], data: [{ date: '2010-10-01', placeholder: 'Oförändrat.' }] } },
  { description: 'a revision is traced to any plan drawn up on or after it, not only the oldest', akt: akt({ ...base, plans: [plan(), plan({ planId: 'P2', created: '2010-09-01', validFrom: '2010-09-01' })], followUps: quarterly.map((f) => (f.date === '2010-08-30' ? { ...f, goalsRevised: true } : f)) }), expect: { status: 'pass', data: [], evidence: { documented: 5 } } },
);
