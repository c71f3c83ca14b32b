import { akt, plan } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

export const cases: RuleCase[] = [
  { description: 'every delmål dated', akt: akt({ plans: [plan({ subGoals: [{ text: 'Truckkort', due: '2010-12-15' }, { text: 'SFI D', due: '2011-01-31' }] })] }), expect: { status: 'pass', data: [], evidence: { total: 2 } } },
  { description: 'no current plan', akt: akt(), expect: { status: 'not-applicable', codes: ['no-current-plan'], data: [undefined] } },
  { description: 'no delmål', akt: akt({ plans: [plan()] }), expect: { status: 'not-applicable', codes: ['no-subgoals'], data: [undefined] } },
  { description: 'one of two undated', akt: akt({ plans: [plan({ subGoals: [{ text: 'Truckkort', due: '2010-12-15' }, { text: 'Sjukgymnastik' }] })] }), expect: { status: 'fail', codes: ['undated-subgoal'], data: [{ count: 1, total: 2, planId: 'P1' }] } },
  { description: 'a dated delmål without text is not a delmål', akt: akt({ plans: [plan({ subGoals: [{ due: '2010-12-15' }] })] }), expect: { status: 'not-applicable', codes: ['no-subgoals'], data: [undefined] } },
  { description: 'a plan without planId is named by a dash', akt: akt({ plans: [plan({ planId: undefined, subGoals: [{ text: 'Truckkort' }] })] }), expect: { status: 'fail', codes: ['undated-subgoal'], data: [{ count: 1, total: 1, planId: '–' }] } },
];
