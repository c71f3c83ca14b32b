import { akt, followUp } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

const nk = (date: string) => followUp(date, 'Närvaron kontrollerad.', { type: 'narvarokontroll' });
const monthly = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => nk(`2010-${String(from + i).padStart(2, '0')}-20`));

// D = 2010-11-15: the window runs from 2009-11-15, so its first whole month is 2009-12 and its last 2010-10.
export const cases: RuleCase[] = [
  { description: 'every whole month checked', akt: akt({ jobCenter: { enrolled: '2009-01-01' }, followUps: [nk('2009-12-10'), ...monthly(1, 10)] }), expect: { status: 'pass', data: [], evidence: { months: 11 } } },
  { description: 'first month of the window missing', akt: akt({ jobCenter: { enrolled: '2009-01-01' }, followUps: monthly(1, 10) }), expect: { status: 'fail', codes: ['attendance-month-missing'], data: [{ count: 1, months: '2009-12' }] } },
  { description: 'last month of the window missing', akt: akt({ jobCenter: { enrolled: '2009-01-01' }, followUps: [nk('2009-12-10'), ...monthly(1, 9)] }), expect: { status: 'fail', codes: ['attendance-month-missing'], data: [{ count: 1, months: '2010-10' }] } },
  { description: "D's own month is not required", akt: akt({ jobCenter: { enrolled: '2010-10-01' }, followUps: [nk('2010-10-05')] }), expect: { status: 'pass', data: [], evidence: { months: 1 } } },
  { description: 'enrolled on the 1st: that month is whole', akt: akt({ jobCenter: { enrolled: '2010-10-01' } }), expect: { status: 'fail', codes: ['attendance-month-missing'], data: [{ count: 1, months: '2010-10' }] } },
  { description: 'enrolled on the 2nd: the month is not whole', akt: akt({ jobCenter: { enrolled: '2010-10-02' } }), expect: { status: 'not-applicable', codes: ['no-whole-month'], data: [undefined] } },
  { description: 'not an aspirant', akt: akt(), expect: { status: 'not-applicable', codes: ['not-aspirant'], data: [undefined] } },
  { description: 'undocumented checks do not count', akt: akt({ jobCenter: { enrolled: '2010-09-01' }, followUps: [{ ...nk('2010-09-10'), outcome: '' }, nk('2010-10-10')] }), expect: { status: 'fail', codes: ['attendance-month-missing'], data: [{ count: 1, months: '2010-09' }] } },
  { description: 'another kind of follow-up is no attendance check', akt: akt({ jobCenter: { enrolled: '2010-09-01' }, followUps: [followUp('2010-09-10'), nk('2010-10-10')] }), expect: { status: 'fail', codes: ['attendance-month-missing'], data: [{ count: 1, months: '2010-09' }] } },
  { description: 'every missing month is named', akt: akt({ jobCenter: { enrolled: '2010-08-01' }, followUps: [nk('2010-09-10')] }), expect: { status: 'fail', codes: ['attendance-month-missing'], data: [{ count: 2, months: '2010-08, 2010-10' }] } },
];
