import { akt, followUp } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

const review = (date: string, type: 'utvardering' | 'arendegenomgang' | 'trepartssamtal' = 'utvardering') => followUp(date, 'Utvärdering efter ett år.', { type });

// D = 2010-11-15; 395 days before D is 2009-10-16.
export const cases: RuleCase[] = [
  { description: 'reviewed after a year', akt: akt({ jobCenter: { enrolled: '2009-06-01' }, followUps: [review('2010-06-15')] }), expect: { status: 'pass', data: [], evidence: { reviews: 1 } } },
  { description: 'a case review counts too', akt: akt({ jobCenter: { enrolled: '2009-06-01' }, followUps: [review('2010-06-15', 'arendegenomgang')] }), expect: { status: 'pass', data: [], evidence: { reviews: 1 } } },
  { description: 'enrolled exactly 395 days before D, no review', akt: akt({ jobCenter: { enrolled: '2009-10-16' } }), expect: { status: 'fail', codes: ['no-long-term-review'], data: [{ enrolled: '2009-10-16', due: '2010-10-16' }] } },
  { description: 'enrolled 394 days before D', akt: akt({ jobCenter: { enrolled: '2009-10-17' } }), expect: { status: 'not-applicable', codes: ['not-long-term'], data: [{ enrolled: '2009-10-17' }] } },
  { description: 'a review within the first year does not count', akt: akt({ jobCenter: { enrolled: '2009-06-01' }, followUps: [review('2010-05-15')] }), expect: { status: 'fail', codes: ['no-long-term-review'], data: [{ enrolled: '2009-06-01', due: '2010-06-01' }] } },
  { description: 'a three-party meeting is not the review', akt: akt({ jobCenter: { enrolled: '2009-06-01' }, followUps: [review('2010-07-01', 'trepartssamtal')] }), expect: { status: 'fail', codes: ['no-long-term-review'], data: [{ enrolled: '2009-06-01', due: '2010-06-01' }] } },
  { description: 'not an aspirant', akt: akt(), expect: { status: 'not-applicable', codes: ['not-aspirant'], data: [undefined] } },
  { description: 'a review on the day it falls due is still within the first year', akt: akt({ jobCenter: { enrolled: '2009-06-01' }, followUps: [review('2010-06-01')] }), expect: { status: 'fail', codes: ['no-long-term-review'], data: [{ enrolled: '2009-06-01', due: '2010-06-01' }] } },
  { description: 'a review the day after it falls due counts', akt: akt({ jobCenter: { enrolled: '2009-06-01' }, followUps: [review('2010-06-02')] }), expect: { status: 'pass', data: [], evidence: { reviews: 1 } } },
];
