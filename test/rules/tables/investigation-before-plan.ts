import { akt, plan } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

const inv = (date: string, type = 'grundutredning') => ({ date, type });

export const cases: RuleCase[] = [
  { description: 'investigation before the first plan passes', akt: akt({ plans: [plan()], investigations: [inv('2010-05-01')] }), expect: { status: 'pass' } },
  { description: 'investigation on the day the plan is drawn up passes', akt: akt({ plans: [plan()], investigations: [inv('2010-06-01')] }), expect: { status: 'pass' } },
  { description: 'no plan at all', akt: akt(), expect: { status: 'not-applicable', codes: ['no-plan'] } },
  { description: 'plan without investigation', akt: akt({ plans: [plan()] }), expect: { status: 'fail', codes: ['no-investigation'] } },
  { description: 'investigation a day after the earliest plan', akt: akt({ plans: [plan(), plan({ planId: 'P0', created: '2009-06-01' })], investigations: [inv('2009-06-02')] }), expect: { status: 'fail', codes: ['investigation-after-plan'] } },
  { description: 'the earliest investigation counts', akt: akt({ plans: [plan()], investigations: [inv('2010-09-01'), inv('2010-01-01')] }), expect: { status: 'pass' } },
  { description: 'only listed types count', akt: akt({ plans: [plan()], investigations: [inv('2010-01-01', 'hembesök')] }), options: { types: ['grundutredning'] }, expect: { status: 'fail', codes: ['no-investigation'] } },
  { description: 'no investigations in the export', akt: akt({ plans: [plan()] }), datasets: ['plans'], expect: { status: 'not-assessable', codes: ['missing-data'] } },
];
