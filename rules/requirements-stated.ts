import { z } from 'zod';
import { planInForce } from '../src/engine/akt-helpers.js';
import { NO_CURRENT_PLAN, OUTSIDE_NO_CURRENT_PLAN } from '../src/engine/common-reasons.js';
import { placeholderOf, wordCount } from '../src/engine/text.js';
import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'requirements-stated',
  title: { sv: 'Krav på motprestation framgår', en: 'Requirements stated' },
  criterion: {
    sv: 'Av arbetsplanen ska det framgå vilka krav som ställs på den enskilde (motprestation) för att bistånd ska lämnas.',
    en: 'The work plan states what the client is required to do in return for assistance.',
    source: 'Riktlinjer för handläggning av ekonomiskt bistånd (Stockholms kommunfullmäktige, 2007); revisionsrapport 3-2011 Stadens insatser för personer som uppbär ekonomiskt bistånd och är långvarigt arbetslösa (Stadsrevisionen, 2011), avsnitt 2.2.1',
  },
  theme: 'planning',
  defaultSeverity: 'error',
  requires: ['plans'],
  fields: ['plans.requirements'],
  options: z.strictObject({
    minWords: z.number().int().min(1).default(1).describe('Words the requirements text must have to count as stated'),
  }),
  reasons: {
    'missing-requirements': {
      sv: 'Den aktuella arbetsplanen ({planId}) anger inga krav på motprestation.',
      en: 'The current work plan ({planId}) states no requirements.',
    },
    'placeholder-requirements': {
      sv: 'Kraven på motprestation i den aktuella arbetsplanen ({planId}) är bara ”{placeholder}”, vilket inte anger något krav.',
      en: 'The requirements in the current work plan ({planId}) are only “{placeholder}”, which states no requirement.',
    },
  },
  notApplicable: NO_CURRENT_PLAN,
  observation: {
    sv: 'I {failed} av {applicable} akter med aktuell arbetsplan framgår inte vilka krav som ställs på den enskilde.',
    en: 'In {failed} of {applicable} case files with a current work plan it is not stated what is required of the client.',
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att kraven på motprestation framgår av arbetsplanen.',
    en: 'The district committee should ensure that the work plan states what is required of the client.',
  },
  check(akt, ctx, options) {
    const plan = planInForce(akt, ctx.asOf);
    if (!plan) return OUTSIDE_NO_CURRENT_PLAN;
    const planId = plan.planId ?? '–';
    const placeholder = placeholderOf(plan.requirements, ctx.placeholders);
    if (placeholder !== undefined) return { status: 'fail', reasons: [{ code: 'placeholder-requirements', data: { planId, placeholder } }] };
    if (wordCount(plan.requirements ?? '') >= options.minWords) return { status: 'pass' };
    return { status: 'fail', reasons: [{ code: 'missing-requirements', data: { planId } }] };
  },
});
