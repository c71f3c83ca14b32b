import { akt, plan } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

const specific = 'Slutföra SFI kurs D och söka arbete inom barnomsorgen';
const withGoal = (goal: string | undefined, caseId = 'T-0001') => akt({ caseId, plans: [plan({ goal })] });

export const cases: RuleCase[] = [
  { description: 'a specific goal passes', akt: withGoal(specific), expect: { status: 'pass' } },
  { description: 'exactly three specific words pass', akt: withGoal('Ta truckkort snarast'), expect: { status: 'pass' } },
  { description: 'no current plan is not applicable', akt: akt(), expect: { status: 'not-applicable', codes: ['no-current-plan'] } },
  { description: 'empty goal', akt: withGoal(undefined), expect: { status: 'fail', codes: ['missing-goal'] } },
  { description: 'punctuation only counts as empty', akt: withGoal(' – . '), expect: { status: 'fail', codes: ['missing-goal'] } },
  { description: 'the 2011 audit’s generic goal', akt: withGoal('Bli självförsörjande genom arbete'), expect: { status: 'fail', codes: ['generic-goal'] } },
  { description: 'two specific words are too few', akt: withGoal('Egen försörjning med truckkort och lager'), expect: { status: 'fail', codes: ['generic-goal'] } },
  { description: 'extra generic words by option', akt: withGoal('Ta truckkort snarast'), options: { extraGenericWords: ['truckkort'] }, expect: { status: 'fail', codes: ['generic-goal'] } },
  { description: 'lower threshold by option', akt: withGoal('Egen försörjning via truckkort'), options: { minSpecificWords: 1 }, expect: { status: 'pass' } },
  {
    description: 'the same specific goal in three akter is boilerplate',
    akt: withGoal(specific),
    others: [withGoal(`${specific}.`, 'T-0002'), withGoal(specific.toUpperCase(), 'T-0003')],
    expect: { status: 'fail', codes: ['boilerplate'] },
  },
  {
    description: 'in two akter it is not yet boilerplate',
    akt: withGoal(specific),
    others: [withGoal(specific, 'T-0002')],
    expect: { status: 'pass' },
  },
  {
    description: 'generic and boilerplate together',
    akt: withGoal('Egen försörjning'),
    others: [withGoal('Egen försörjning', 'T-0002'), withGoal('egen försörjning!', 'T-0003')],
    expect: { status: 'fail', codes: ['generic-goal', 'boilerplate'] },
  },
];
