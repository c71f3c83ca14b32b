import { akt, plan } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

const specific = 'Slutföra truckutbildning hos Lernia och ta truckkort B före mars';
const withGoal = (goal: string | undefined, extra: { caseId?: string; caseworker?: string; district?: string } = {}) =>
  akt({ caseId: extra.caseId ?? 'T-0001', caseworker: extra.caseworker, district: extra.district ?? 'Testområdet', plans: [plan({ planId: 'P1', goal })] });
const generic = (goal: string, words: string) => ({ goal, generic: words });

export const cases: RuleCase[] = [
  { description: 'a specific goal passes', akt: withGoal(specific), expect: { status: 'pass', data: [], evidence: { goal: specific, anchor: 'truckutbildning' } } },
  { description: 'a short occupational goal passes', akt: withGoal('Bli undersköterska'), expect: { status: 'pass', data: [], evidence: { goal: 'Bli undersköterska', anchor: 'undersköterska' } } },
  { description: 'a licence passes', akt: withGoal('Ta truckkort'), expect: { status: 'pass', data: [], evidence: { goal: 'Ta truckkort', anchor: 'truckkort' } } },
  { description: 'an occupation after "arbeta som" passes', akt: withGoal('Arbeta som florist'), expect: { status: 'pass', data: [], evidence: { goal: 'Arbeta som florist', anchor: 'florist' } } },
  { description: 'a named employer passes', akt: withGoal('Få anställning på Samhall'), expect: { status: 'pass', data: [], evidence: { goal: 'Få anställning på Samhall', anchor: 'Samhall' } } },
  { description: 'a date passes', akt: withGoal('Egen försörjning senast juni 2011'), expect: { status: 'pass', data: [], evidence: { goal: 'Egen försörjning senast juni 2011', anchor: 'juni' } } },
  { description: 'a treatment step passes', akt: withGoal('Fortsätta behandlingen på beroendemottagningen'), expect: { status: 'pass', data: [], evidence: { goal: 'Fortsätta behandlingen på beroendemottagningen', anchor: 'behandlingen' } } },
  { description: 'no current plan is not applicable', akt: akt(), expect: { status: 'not-applicable', codes: ['no-current-plan'], data: [undefined] } },
  { description: 'empty goal', akt: withGoal(undefined), expect: { status: 'fail', codes: ['missing-goal'], data: [{ planId: 'P1' }] } },
  { description: 'a dash is a placeholder', akt: withGoal(' – '), expect: { status: 'fail', codes: ['placeholder-goal'], data: [{ planId: 'P1', placeholder: '–' }] } },
  { description: 'a reference is a placeholder', akt: withGoal('Se tidigare plan'), expect: { status: 'fail', codes: ['placeholder-goal'], data: [{ planId: 'P1', placeholder: 'Se tidigare plan' }] } },
  { description: 'a placeholder of the config', akt: withGoal('Oklart.'), placeholders: ['oklart'], expect: { status: 'fail', codes: ['placeholder-goal'], data: [{ planId: 'P1', placeholder: 'Oklart.' }] } },
  { description: 'a placeholder only where the config names it', akt: withGoal('Oklart.'), expect: { status: 'fail', codes: ['vague-goal'], data: [{ goal: 'Oklart.' }], evidence: { goal: 'Oklart.' } } },
  { description: 'the 2011 audit’s generic goal', akt: withGoal('Bli självförsörjande genom arbete'), expect: { status: 'fail', codes: ['generic-goal'], data: [generic('Bli självförsörjande genom arbete', 'självförsörjande, arbete')] } },
  {
    description: 'a long generic sentence is generic however long',
    akt: withGoal('Hitta ett arbete och klara sig utan försörjningsstöd'),
    expect: { status: 'fail', codes: ['generic-goal'], data: [generic('Hitta ett arbete och klara sig utan försörjningsstöd', 'arbete, försörjningsstöd')] },
  },
  { description: 'a vague goal without general words', akt: withGoal('Må bättre'), expect: { status: 'fail', codes: ['vague-goal'], data: [{ goal: 'Må bättre' }], evidence: { goal: 'Må bättre' } } },
  { description: 'general words by option win over anchors', akt: withGoal('Ta truckkort'), options: { extraGenericWords: ['truckkort'] }, expect: { status: 'fail', codes: ['generic-goal'], data: [generic('Ta truckkort', 'truckkort')] } },
  { description: 'anchors by option', akt: withGoal('Få ett arbete som florist'), options: { anchorWords: ['florist'] }, expect: { status: 'pass', data: [], evidence: { goal: 'Få ett arbete som florist', anchor: 'florist' } } },
  { description: 'extra anchors by option', akt: withGoal('Bli gruvarbetare'), options: { anchorWords: [], extraAnchorWords: ['gruv'] }, expect: { status: 'pass', data: [], evidence: { goal: 'Bli gruvarbetare', anchor: 'gruvarbetare' } } },
  { description: 'without the anchor list an occupation is generic', akt: withGoal('Bli undersköterska'), options: { anchorWords: [] }, expect: { status: 'fail', codes: ['vague-goal'], data: [{ goal: 'Bli undersköterska' }], evidence: { goal: 'Bli undersköterska' } } },
  { description: 'a common name is not an anchor', akt: withGoal('Vara inskriven på Arbetsförmedlingen'), expect: { status: 'fail', codes: ['vague-goal'], data: [{ goal: 'Vara inskriven på Arbetsförmedlingen' }], evidence: { goal: 'Vara inskriven på Arbetsförmedlingen' } } },
  { description: 'a name left off the common names is', akt: withGoal('Vara inskriven på Arbetsförmedlingen'), options: { commonNames: [] }, expect: { status: 'pass', data: [], evidence: { goal: 'Vara inskriven på Arbetsförmedlingen', anchor: 'Arbetsförmedlingen' } } },
  {
    description: 'one specific goal in three plans by one handläggare is boilerplate',
    akt: withGoal(specific, { caseworker: 'Handläggare A' }),
    others: [withGoal(`${specific}.`, { caseId: 'T-0002', caseworker: 'Handläggare A' }), withGoal(specific.toUpperCase(), { caseId: 'T-0003', caseworker: 'Handläggare A' })],
    expect: { status: 'fail', codes: ['boilerplate'], data: [{ goal: specific, count: 3, caseworker: 'Handläggare A' }] },
  },
  {
    description: 'the same goal by three handläggare is not boilerplate',
    akt: withGoal(specific, { caseworker: 'Handläggare A' }),
    others: [withGoal(specific, { caseId: 'T-0002', caseworker: 'Handläggare B' }), withGoal(specific, { caseId: 'T-0003', caseworker: 'Handläggare C' })],
    expect: { status: 'pass', data: [], evidence: { goal: specific, anchor: 'truckutbildning' } },
  },
  {
    description: 'in two plans it is not yet boilerplate',
    akt: withGoal(specific, { caseworker: 'Handläggare A' }),
    others: [withGoal(specific, { caseId: 'T-0002', caseworker: 'Handläggare A' })],
    expect: { status: 'pass', data: [], evidence: { goal: specific, anchor: 'truckutbildning' } },
  },
  {
    description: 'two plans are boilerplate when the option says two',
    akt: withGoal(specific, { caseworker: 'Handläggare A' }),
    others: [withGoal(specific, { caseId: 'T-0002', caseworker: 'Handläggare A' })],
    options: { boilerplateMinCases: 2 },
    expect: { status: 'fail', codes: ['boilerplate'], data: [{ goal: specific, count: 2, caseworker: 'Handläggare A' }] },
  },
  {
    description: 'without a handläggare, the stadsdel is the group',
    akt: withGoal(specific),
    others: [withGoal(specific, { caseId: 'T-0002' }), withGoal(specific, { caseId: 'T-0003' })],
    expect: { status: 'fail', codes: ['boilerplate-district'], data: [{ goal: specific, count: 3, district: 'Testområdet' }] },
  },
  {
    description: 'without a handläggare, other stadsdelar do not count',
    akt: withGoal(specific),
    others: [withGoal(specific, { caseId: 'T-0002', district: 'Annat' }), withGoal(specific, { caseId: 'T-0003' })],
    expect: { status: 'pass', data: [], evidence: { goal: specific, anchor: 'truckutbildning' } },
  },
  {
    description: 'placeholders are not counted as boilerplate',
    akt: withGoal('-', { caseworker: 'A' }),
    others: [withGoal('-', { caseId: 'T-0002', caseworker: 'A' }), withGoal('-', { caseId: 'T-0003', caseworker: 'A' })],
    expect: { status: 'fail', codes: ['placeholder-goal'], data: [{ planId: 'P1', placeholder: '-' }] },
  },
  {
    description: 'generic and boilerplate together',
    akt: withGoal('Egen försörjning', { caseworker: 'A' }),
    others: [withGoal('Egen försörjning', { caseId: 'T-0002', caseworker: 'A' }), withGoal('egen försörjning!', { caseId: 'T-0003', caseworker: 'A' })],
    expect: { status: 'fail', codes: ['generic-goal', 'boilerplate'], data: [generic('Egen försörjning', 'försörjning'), { goal: 'Egen försörjning', count: 3, caseworker: 'A' }] },
  },
  { description: 'no goal column in the export', akt: withGoal(specific), absentFields: ['plans.goal'], expect: { status: 'not-assessable', codes: ['missing-field'], data: [{ data: 'plans.goal', field: 'goal' }] } },
  { description: 'a goal is named without the spaces around it', akt: withGoal('  Må bättre  '), expect: { status: 'fail', codes: ['vague-goal'], data: [{ goal: 'Må bättre' }], evidence: { goal: 'Må bättre' } } },
  { description: 'a plan without planId is named by a dash', akt: akt({ plans: [plan({ planId: undefined, goal: undefined })] }), expect: { status: 'fail', codes: ['missing-goal'], data: [{ planId: '–' }] } },
  {
    description: 'without a handläggare or a stadsdel, the akter without a stadsdel are the group',
    akt: akt({ district: undefined, plans: [plan({ goal: specific })] }),
    others: [akt({ caseId: 'T-0002', district: undefined, plans: [plan({ goal: specific })] }), akt({ caseId: 'T-0003', district: undefined, plans: [plan({ goal: specific })] })],
    expect: { status: 'fail', codes: ['boilerplate-district'], data: [{ goal: specific, count: 3, district: '–' }] },
  },
];
