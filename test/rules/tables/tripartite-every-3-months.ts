import { akt, followUp } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

const tp = (date: string, outcome?: string) => followUp(date, outcome, { type: 'trepartssamtal' });
const aspirant = { referred: '2009-01-01', enrolled: '2009-01-10' };
const quarterly = ['2009-12-01', '2010-03-01', '2010-06-01', '2010-09-01', '2010-11-01'].map((d) => tp(d));

export const cases: RuleCase[] = [
  { description: 'documented every quarter', akt: akt({ jobCenter: aspirant, followUps: quarterly }), expect: { status: 'pass', data: [] } },
  { description: 'not an aspirant', akt: akt({ followUps: quarterly }), expect: { status: 'not-applicable', codes: ['not-aspirant'], data: [undefined] } },
  { description: 'exited before D', akt: akt({ jobCenter: { ...aspirant, exited: '2010-10-01' } }), expect: { status: 'not-applicable', codes: ['not-aspirant'], data: [undefined] } },
  { description: 'enrolled 91 days before D', akt: akt({ jobCenter: { enrolled: '2010-08-16' } }), expect: { status: 'not-applicable', codes: ['recently-enrolled'], data: [{ enrolled: '2010-08-16' }] } },
  { description: 'enrolled 92 days before D with none held', akt: akt({ jobCenter: { enrolled: '2010-08-15' } }), options: { graceDays: 0 }, expect: { status: 'pass', data: [] } },
  { description: 'enrolled 107 days before D with none held', akt: akt({ jobCenter: { enrolled: '2010-07-31' } }), expect: { status: 'fail', codes: ['tripartite-gap'], data: [{ from: '2010-07-31', to: '2010-11-15', days: 107, limit: 106 }] } },
  { description: 'held but not documented', akt: akt({ jobCenter: aspirant, followUps: quarterly.map((f) => ({ ...f, outcome: '' })) }), expect: { status: 'fail', codes: ['tripartite-gap'], data: [{ from: '2009-11-15', to: '2010-11-15', days: 365, limit: 106 }] } },
  { description: 'other kinds of follow-up do not count', akt: akt({ jobCenter: aspirant, followUps: quarterly.map((f) => ({ ...f, type: 'narvarokontroll' as const })) }), expect: { status: 'fail', codes: ['tripartite-gap'], data: [{ from: '2009-11-15', to: '2010-11-15', days: 365, limit: 106 }] } },
  { description: 'a gap of exactly 106 days passes', akt: akt({ jobCenter: aspirant, followUps: [tp('2010-01-01'), tp('2010-04-17'), tp('2010-08-01'), tp('2010-11-01')] }), expect: { status: 'pass', data: [] } },
  { description: 'a gap of 107 days fails', akt: akt({ jobCenter: aspirant, followUps: [tp('2010-01-01'), tp('2010-04-18'), tp('2010-08-01'), tp('2010-11-01')] }), expect: { status: 'fail', codes: ['tripartite-gap'], data: [{ from: '2010-01-01', to: '2010-04-18', days: 107, limit: 106 }] } },
  { description: 'no follow-ups in the export', akt: akt({ jobCenter: aspirant }), datasets: ['jobCenter'], expect: { status: 'not-assessable', codes: ['missing-data'], data: [{ data: 'followUps' }] } },
];
