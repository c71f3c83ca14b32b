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
  { description: 'a 2004 investigation for a period from 2009', akt: akt({ supportStart: '2009-03-01', plans: [plan()], investigations: [inv('2004-05-01')] }), expect: { status: 'fail', codes: ['investigation-before-period'], data: [{ investigated: '2004-05-01', supportStart: '2009-03-01', limit: 90 }] } },
  { description: 'an investigation 90 days before supportStart counts', akt: akt({ supportStart: '2009-03-01', plans: [plan()], investigations: [inv('2008-12-01')] }), expect: { status: 'pass' } },
  { description: 'one 91 days before does not', akt: akt({ supportStart: '2009-03-01', plans: [plan()], investigations: [inv('2008-11-30')] }), expect: { status: 'fail', codes: ['investigation-before-period'], data: [{ investigated: '2008-11-30', supportStart: '2009-03-01', limit: 90 }] } },
  { description: 'periodDaysBefore 0: only from supportStart', akt: akt({ supportStart: '2009-03-01', plans: [plan()], investigations: [inv('2009-02-28')] }), options: { periodDaysBefore: 0 }, expect: { status: 'fail', codes: ['investigation-before-period'], data: [{ investigated: '2009-02-28', supportStart: '2009-03-01', limit: 0 }] } },
  { description: 'periodDaysBefore 0: the day itself counts', akt: akt({ supportStart: '2009-03-01', plans: [plan()], investigations: [inv('2009-03-01')] }), options: { periodDaysBefore: 0 }, expect: { status: 'pass' } },
  { description: 'the latest old investigation is named', akt: akt({ supportStart: '2009-03-01', plans: [plan()], investigations: [inv('2004-05-01'), inv('2006-01-10')] }), expect: { status: 'fail', codes: ['investigation-before-period'], data: [{ investigated: '2006-01-10', supportStart: '2009-03-01', limit: 90 }] } },
  { description: 'without supportStart any investigation counts', akt: akt({ plans: [plan()], investigations: [inv('2004-05-01')] }), expect: { status: 'pass' } },
  { description: 'an old plan of an earlier period is not the period’s first plan', akt: akt({ supportStart: '2009-03-01', plans: [plan({ planId: 'P0', created: '2004-06-01' }), plan()], investigations: [inv('2009-03-10')] }), expect: { status: 'pass' } },
  { description: 'the period’s plan before its investigation', akt: akt({ supportStart: '2009-03-01', plans: [plan({ created: '2009-03-05' })], investigations: [inv('2009-03-10')] }), expect: { status: 'fail', codes: ['investigation-after-plan'], data: [{ investigated: '2009-03-10', planned: '2009-03-05' }] } },
  { description: 'an undated investigation gets the benefit of the doubt', akt: akt({ supportStart: '2009-03-01', plans: [plan()], investigations: [{ type: 'grundutredning' }] }), expect: { status: 'pass' } },
  { description: 'no investigations in the export', akt: akt({ plans: [plan()] }), datasets: ['plans'], expect: { status: 'not-assessable', codes: ['missing-data'] } },
];
