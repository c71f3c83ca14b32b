import { z } from 'zod';
import { planInForce } from '../src/engine/akt-helpers.js';
import { NO_CURRENT_PLAN, OUTSIDE_NO_CURRENT_PLAN } from '../src/engine/common-reasons.js';
import { isWritten, placeholderOf } from '../src/engine/text.js';
import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'subgoals-present',
  title: { sv: 'Delmål finns', en: 'Sub-goals present' },
  criterion: {
    sv: 'Arbetsplanen ska bryta ned målet i delmål, så att insatserna kan följas upp steg för steg.',
    en: 'The work plan breaks the goal down into sub-goals, so that measures can be followed up step by step.',
    source: 'Riktlinjer för handläggning av ekonomiskt bistånd (Stockholms kommunfullmäktige, 2007) (arbetsplanens mall med mål och delmål); revisionsrapport 3-2011 Stadens insatser för personer som uppbär ekonomiskt bistånd och är långvarigt arbetslösa (Stadsrevisionen, 2011), avsnitt 2.2.1 och 2.2.3; rapport från stadens arbetsgrupp om stadsdelsnämndernas arbetsmarknadsinsatser (2013)',
  },
  theme: 'goals',
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
    'placeholder-subgoals': {
      sv: 'Den aktuella arbetsplanen ({planId}) har {count} delmål; minst {min} krävs (delmålet ”{placeholder}” anger inget delmål).',
      en: 'The current work plan ({planId}) has {count} sub-goals; at least {min} required (the sub-goal “{placeholder}” states none).',
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
    const plan = planInForce(akt, ctx.asOf);
    if (!plan) return OUTSIDE_NO_CURRENT_PLAN;
    let count = 0;
    for (const s of plan.subGoals) if (isWritten(s.text, ctx.placeholders)) count++;
    if (count >= options.minSubGoals) return { status: 'pass', evidence: { count } };
    const data = { planId: plan.planId ?? '–', count, min: options.minSubGoals };
    const placeholder = plan.subGoals.map((s) => placeholderOf(s.text, ctx.placeholders)).find((p) => p !== undefined);
    if (placeholder !== undefined) return { status: 'fail', reasons: [{ code: 'placeholder-subgoals', data: { ...data, placeholder } }] };
    return { status: 'fail', reasons: [{ code: 'no-subgoals', data }] };
  },
});
