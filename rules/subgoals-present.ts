import { z } from 'zod';
import { currentPlan } from '../src/engine/akt-helpers.js';
import { NO_CURRENT_PLAN } from '../src/engine/common-reasons.js';
import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'subgoals-present',
  title: { sv: 'Delmål finns', en: 'Sub-goals present' },
  criterion: {
    sv: 'Arbetsplanen ska bryta ned målet i delmål, så att insatserna kan följas upp steg för steg.',
    en: 'The work plan breaks the goal down into sub-goals, so that measures can be followed up step by step.',
    source: 'Riktlinjer för handläggning av ekonomiskt bistånd (arbetsplanens mall: mål/delmål); revisionsrapport 3-2011 §2.2.3; arbetsgruppens rapport 2012–2013',
  },
  defaultSeverity: 'error',
  requires: ['plans', 'subGoals'],
  fields: ['subGoals.text'],
  options: z.strictObject({
    minSubGoals: z.number().int().min(1).default(1).describe('How many delmål with text the current plan must have'),
  }),
  reasons: {
    'no-subgoals': {
      sv: 'Den aktuella arbetsplanen ({planId}) har {count} delmål; minst {min} krävs.',
      en: 'The current work plan ({planId}) has {count} sub-goals; at least {min} required.',
    },
  },
  notApplicable: NO_CURRENT_PLAN,
  observation: {
    sv: 'I {failed} av {applicable} akter med aktuell arbetsplan saknas delmål.',
    en: 'In {failed} of {applicable} case files with a current work plan there are no sub-goals.',
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att arbetsplanerna innehåller delmål som gör det möjligt att följa den enskildes utveckling.',
    en: "The district committee should ensure that work plans contain sub-goals that make it possible to follow the client's progress.",
  },
  check(akt, ctx, options) {
    const plan = currentPlan(akt, ctx.asOf);
    if (!plan) return { status: 'not-applicable', reason: { code: 'no-current-plan' } };
    const count = plan.subGoals.filter((s) => s.text !== undefined && s.text.trim() !== '').length;
    if (count >= options.minSubGoals) return { status: 'pass', evidence: { count } };
    return { status: 'fail', reasons: [{ code: 'no-subgoals', data: { planId: plan.planId ?? '–', count, min: options.minSubGoals } }] };
  },
});
