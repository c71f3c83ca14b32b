// A worked example of a rule pack: rules a stadsdel adds to the built-in catalogue.
// Use it with `"plugins": ["./examples/egna-regler.mjs"]` in aktgranskning.config.json.
// A plug-in is plain JavaScript; `defineRule` and `z` come from the aktgranskning package.
import { currentPlan, defineRule, z } from 'aktgranskning';

const caseworkerAssigned = defineRule({
  id: 'caseworker-assigned',
  title: { sv: 'Ansvarig handläggare framgår', en: 'Responsible case worker named' },
  criterion: {
    sv: 'Av akten ska det framgå vem som är ansvarig handläggare, så att den enskilde vet vem hon eller han ska vända sig till.',
    en: 'The case file names the responsible case worker, so that the client knows whom to turn to.',
    source: 'Stadsdelens egen rutin för aktföring (exempel)',
  },
  defaultSeverity: 'warning',
  requires: [],
  options: z.strictObject({
    placeholders: z.array(z.string()).default(['okänd', 'vakant', '-']).describe('Values that do not name anyone'),
  }),
  reasons: {
    'no-caseworker': { sv: 'Ingen ansvarig handläggare anges.', en: 'No responsible case worker is named.' },
  },
  notApplicable: {},
  observation: {
    sv: 'I {failed} av {applicable} akter framgår inte vem som är ansvarig handläggare.',
    en: 'In {failed} of {applicable} case files the responsible case worker is not named.',
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att ansvarig handläggare framgår av varje akt.',
    en: 'The district committee should ensure that every case file names its responsible case worker.',
  },
  check(akt, _ctx, options) {
    const name = (akt.caseworker ?? '').trim().toLowerCase();
    if (name === '' || options.placeholders.includes(name)) return { status: 'fail', reasons: [{ code: 'no-caseworker' }] };
    return { status: 'pass' };
  },
});

const planActivities = defineRule({
  id: 'plan-activities-stated',
  title: { sv: 'Planerade aktiviteter framgår', en: 'Planned activities stated' },
  criterion: {
    sv: 'Den aktuella arbetsplanen ska ange vilka aktiviteter den enskilde ska delta i.',
    en: 'The current work plan states the activities the client is to take part in.',
    source: 'Riktlinjer för handläggning av ekonomiskt bistånd (arbetsplanens mall)',
  },
  defaultSeverity: 'error',
  requires: ['plans'],
  reasons: {
    'no-activities': { sv: 'Den aktuella arbetsplanen ({planId}) anger inga aktiviteter.', en: 'The current work plan ({planId}) states no activities.' },
  },
  notApplicable: {
    'no-current-plan': { sv: 'Ingen aktuell arbetsplan.', en: 'No current work plan.' },
  },
  observation: {
    sv: 'I {failed} av {applicable} akter med aktuell arbetsplan framgår inte vilka aktiviteter som planerats.',
    en: 'In {failed} of {applicable} case files with a current work plan the planned activities are not stated.',
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att arbetsplanerna anger planerade aktiviteter.',
    en: 'The district committee should ensure that work plans state the planned activities.',
  },
  docs: '# plan-activities-stated — Planerade aktiviteter framgår (Planned activities stated)\n\nThe current work plan has a non-empty `activities` text. Reason codes: `no-activities` (fail), `no-current-plan` (not applicable).\n',
  check(akt, ctx) {
    const plan = currentPlan(akt, ctx.asOf);
    if (!plan) return { status: 'not-applicable', reason: { code: 'no-current-plan' } };
    if ((plan.activities ?? '').trim() !== '') return { status: 'pass' };
    return { status: 'fail', reasons: [{ code: 'no-activities', data: { planId: plan.planId ?? '–' } }] };
  },
});

export default { name: 'egna-regler', rules: [caseworkerAssigned, planActivities] };
