import { akt, plan } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

const specific = 'Slutföra truckutbildning hos Lernia och ta truckkort B före mars';
const withGoal = (goal: string | undefined, extra: { caseId?: string; caseworker?: string; district?: string } = {}) =>
  akt({ caseId: extra.caseId ?? 'T-0001', caseworker: extra.caseworker, district: extra.district ?? 'Testområdet', plans: [plan({ planId: 'P1', goal })] });
const generic = (goal: string, words: string) => ({ goal, generic: words });

export const cases: RuleCase[] = [
  { description: 'a specific goal passes', akt: withGoal(specific), expect: { status: 'pass' } },
  { description: 'a short occupational goal passes', akt: withGoal('Bli undersköterska'), expect: { status: 'pass' } },
  { description: 'a licence passes', akt: withGoal('Ta truckkort'), expect: { status: 'pass' } },
  { description: 'an occupation after "arbeta som" passes', akt: withGoal('Arbeta som florist'), expect: { status: 'pass' } },
  { description: 'a named employer passes', akt: withGoal('Få anställning på Samhall'), expect: { status: 'pass' } },
  { description: 'a date passes', akt: withGoal('Egen försörjning senast juni 2011'), expect: { status: 'pass' } },
  { description: 'a treatment step passes', akt: withGoal('Fortsätta behandlingen på beroendemottagningen'), expect: { status: 'pass' } },
  { description: 'no current plan is not applicable', akt: akt(), expect: { status: 'not-applicable', codes: ['no-current-plan'] } },
  { description: 'empty goal', akt: withGoal(undefined), expect: { status: 'fail', codes: ['missing-goal'], data: [{ planId: 'P1' }] } },
  { description: 'a dash is a placeholder', akt: withGoal(' – '), expect: { status: 'fail', codes: ['placeholder-goal'], data: [{ planId: 'P1', placeholder: '–' }] } },
  { description: 'a reference is a placeholder', akt: withGoal('Se tidigare plan'), expect: { status: 'fail', codes: ['placeholder-goal'], data: [{ planId: 'P1', placeholder: 'Se tidigare plan' }] } },
  { description: 'a placeholder of the config', akt: withGoal('Oklart.'), placeholders: ['oklart'], expect: { status: 'fail', codes: ['placeholder-goal'], data: [{ planId: 'P1', placeholder: 'Oklart.' }] } },
  { description: 'a placeholder only where the config names it', akt: withGoal('Oklart.'), expect: { status: 'fail', codes: ['vague-goal'] } },
  { description: 'the 2011 audit’s generic goal', akt: withGoal('Bli självförsörjande genom arbete'), expect: { status: 'fail', codes: ['generic-goal'], data: [generic('Bli självförsörjande genom arbete', 'självförsörjande, arbete')] } },
  {
    description: 'a long generic sentence is generic however long',
    akt: withGoal('Hitta ett arbete och klara sig utan försörjningsstöd'),
    expect: { status: 'fail', codes: ['generic-goal'], data: [generic('Hitta ett arbete och klara sig utan försörjningsstöd', 'arbete, försörjningsstöd')] },
  },
  { description: 'a vague goal without general words', akt: withGoal('Må bättre'), expect: { status: 'fail', codes: ['vague-goal'], data: [{ goal: 'Må bättre' }] } },
  { description: 'general words by option win over anchors', akt: withGoal('Ta truckkort'), options: { extraGenericWords: ['truckkort'] }, expect: { status: 'fail', codes: ['generic-goal'], data: [generic('Ta truckkort', 'truckkort')] } },
  { description: 'anchors by option', akt: withGoal('Få ett arbete som florist'), options: { anchorWords: ['florist'] }, expect: { status: 'pass' } },
  { description: 'extra anchors by option', akt: withGoal('Arbeta i en gruva'), options: { anchorWords: [], extraAnchorWords: ['gruv'] }, expect: { status: 'pass' } },
  { description: 'without the extra anchor the same goal is generic', akt: withGoal('Arbeta i en gruva'), options: { anchorWords: [] }, expect: { status: 'fail', codes: ['generic-goal'], data: [generic('Arbeta i en gruva', 'Arbeta')] } },
  { description: 'without the anchor list an occupation is generic', akt: withGoal('Bli kock'), options: { anchorWords: [] }, expect: { status: 'fail', codes: ['vague-goal'] } },
  { description: 'an occupation by its ending needs no list', akt: withGoal('Bli vaktmästare'), options: { anchorWords: [] }, expect: { status: 'pass' } },
  { description: 'an occupation ending in -ör needs no list', akt: withGoal('Bli montör'), options: { anchorWords: [] }, expect: { status: 'pass' } },
  { description: 'a short word with the ending is none', akt: withGoal('Bli bra'), expect: { status: 'fail', codes: ['vague-goal'] } },
  { description: 'a comparative of a general adjective is no occupation', akt: withGoal('Bli tryggare'), expect: { status: 'fail', codes: ['generic-goal'], data: [generic('Bli tryggare', 'tryggare')] } },
  { description: 'a comparative in -igare is no occupation', akt: withGoal('Bli tydligare'), expect: { status: 'fail', codes: ['vague-goal'] } },
  { description: 'the handläggare is no occupation of the client', akt: withGoal('Hålla kontakt med handläggare'), expect: { status: 'fail', codes: ['vague-goal'] } },
  { description: 'a verb in -för is no occupation', akt: withGoal('Genomför planen'), expect: { status: 'fail', codes: ['vague-goal'] } },
  { description: '"jobb som" opening a clause is no occupation', akt: withGoal('Ta de jobb som erbjuds'), expect: { status: 'fail', codes: ['generic-goal'], data: [generic('Ta de jobb som erbjuds', 'jobb')] } },
  { description: '"jobb som helst" is no occupation', akt: withGoal('Ta vilket jobb som helst'), expect: { status: 'fail', codes: ['generic-goal'] } },
  { description: 'a frequency anchors a treatment step', akt: withGoal('Gå på samtal varannan vecka'), expect: { status: 'pass' } },
  { description: 'starting a business passes', akt: withGoal('Starta eget'), expect: { status: 'pass' } },
  { description: 'a loan is the person’s obstacle', akt: withGoal('Sluta ta sms-lån'), expect: { status: 'pass' } },
  { description: 'a common name is not an anchor', akt: withGoal('Vara inskriven på Arbetsförmedlingen'), expect: { status: 'fail', codes: ['vague-goal'] } },
  { description: 'a name left off the common names is', akt: withGoal('Vara inskriven på Arbetsförmedlingen'), options: { commonNames: [] }, expect: { status: 'pass' } },
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
    expect: { status: 'pass' },
  },
  {
    description: 'in two plans it is not yet boilerplate',
    akt: withGoal(specific, { caseworker: 'Handläggare A' }),
    others: [withGoal(specific, { caseId: 'T-0002', caseworker: 'Handläggare A' })],
    expect: { status: 'pass' },
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
    expect: { status: 'pass' },
  },
  {
    description: 'placeholders are not counted as boilerplate',
    akt: withGoal('-', { caseworker: 'A' }),
    others: [withGoal('-', { caseId: 'T-0002', caseworker: 'A' }), withGoal('-', { caseId: 'T-0003', caseworker: 'A' })],
    expect: { status: 'fail', codes: ['placeholder-goal'] },
  },
  {
    description: 'generic and boilerplate together',
    akt: withGoal('Egen försörjning', { caseworker: 'A' }),
    others: [withGoal('Egen försörjning', { caseId: 'T-0002', caseworker: 'A' }), withGoal('egen försörjning!', { caseId: 'T-0003', caseworker: 'A' })],
    expect: { status: 'fail', codes: ['generic-goal', 'boilerplate'], data: [generic('Egen försörjning', 'försörjning'), { goal: 'Egen försörjning', count: 3, caseworker: 'A' }] },
  },
  { description: 'no goal column in the export', akt: withGoal(specific), absentFields: ['plans.goal'], expect: { status: 'not-assessable', codes: ['missing-field'], data: [{ data: 'plans.goal', field: 'goal' }] } },
];
