import { akt, plan } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

export const cases: RuleCase[] = [
  { description: 'one delmål passes', akt: akt({ plans: [plan({ subGoals: [{ text: 'Truckkort', due: '2010-12-01' }] })] }), expect: { status: 'pass', data: [], evidence: { count: 1 } } },
  { description: 'no current plan', akt: akt({ plans: [plan({ validTo: '2010-01-01' })] }), expect: { status: 'not-applicable', codes: ['no-current-plan'], data: [undefined] } },
  { description: 'no delmål', akt: akt({ plans: [plan()] }), expect: { status: 'fail', codes: ['no-subgoals'], data: [{ planId: 'P1', count: 0, min: 1 }] } },
  { description: 'delmål without text does not count', akt: akt({ plans: [plan({ subGoals: [{ text: ' ', due: '2010-12-01' }] })] }), expect: { status: 'fail', codes: ['no-subgoals'], data: [{ planId: 'P1', count: 0, min: 1 }] } },
  { description: 'delmål only in an expired plan do not count', akt: akt({ plans: [plan({ planId: 'P0', validFrom: '2009-01-01', validTo: '2009-12-31', subGoals: [{ text: 'x' }] }), plan()] }), expect: { status: 'fail', codes: ['no-subgoals'], data: [{ planId: 'P1', count: 0, min: 1 }] } },
  { description: 'a "-" delmål is a placeholder', akt: akt({ plans: [plan({ subGoals: [{ text: '-', due: '2010-12-01' }] })] }), expect: { status: 'fail', codes: ['placeholder-subgoals'], data: [{ planId: 'P1', count: 0, min: 1, placeholder: '-' }] } },
  { description: 'a placeholder beside a real delmål is not counted', akt: akt({ plans: [plan({ subGoals: [{ text: 'Truckkort' }, { text: 'Saknas' }] })] }), options: { minSubGoals: 2 }, expect: { status: 'fail', codes: ['placeholder-subgoals'], data: [{ planId: 'P1', count: 1, min: 2, placeholder: 'Saknas' }] } },
  { description: 'minSubGoals 2 with one', akt: akt({ plans: [plan({ subGoals: [{ text: 'a' }] })] }), options: { minSubGoals: 2 }, expect: { status: 'fail', codes: ['no-subgoals'], data: [{ planId: 'P1', count: 1, min: 2 }] } },
  { description: 'no subgoals table in the export', akt: akt({ plans: [plan()] }), datasets: ['plans', 'followUps'], expect: { status: 'not-assessable', codes: ['missing-data'], data: [{ data: 'subGoals' }] } },
  { description: 'a plan without planId is named by a dash', akt: akt({ plans: [plan({ planId: undefined })] }), expect: { status: 'fail', codes: ['no-subgoals'], data: [{ planId: '–', count: 0, min: 1 }] } },
];
