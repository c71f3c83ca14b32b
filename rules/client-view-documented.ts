import { z } from 'zod';
import { planInForce } from '../src/engine/akt-helpers.js';
import { NO_CURRENT_PLAN, OUTSIDE_NO_CURRENT_PLAN } from '../src/engine/common-reasons.js';
import { placeholderOf, wordCount } from '../src/engine/text.js';
import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'client-view-documented',
  title: { sv: 'Den enskildes uppfattning framgår', en: "The client's view is documented" },
  criterion: {
    sv: 'Arbetsplanen ska upprättas tillsammans med den enskilde, och hans eller hennes egen uppfattning om mål och insatser ska framgå.',
    en: "The work plan is drawn up together with the client, and the client's own view of goals and measures is documented.",
    source: 'Socialtjänstlagen (2025:400); rapport från stadens arbetsgrupp om stadsdelsnämndernas arbetsmarknadsinsatser (2013)',
    // SoL (2025:400) replaced SoL (2001:453) on 1 July 2025: an audit dated before then cites the old law.
    sourceUntil: [{ until: '2025-07-01', source: 'Socialtjänstlagen (2001:453); rapport från stadens arbetsgrupp om stadsdelsnämndernas arbetsmarknadsinsatser (2013)' }],
  },
  theme: 'planning',
  defaultSeverity: 'error',
  requires: ['plans'],
  fields: ['plans.clientView'],
  options: z.strictObject({
    minWords: z.number().int().min(1).default(1).describe("Words the client's view must have to count as documented"),
  }),
  reasons: {
    'missing-client-view': {
      sv: 'Den enskildes uppfattning framgår inte av den aktuella arbetsplanen ({planId}).',
      en: "The client's view is not documented in the current work plan ({planId}).",
    },
    'placeholder-client-view': {
      sv: 'Den enskildes uppfattning i den aktuella arbetsplanen ({planId}) är bara ”{placeholder}”, vilket inte återger någon uppfattning.',
      en: "The client's view in the current work plan ({planId}) is only “{placeholder}”, which records no view.",
    },
  },
  notApplicable: NO_CURRENT_PLAN,
  observation: {
    sv: 'I {failed} av {applicable} akter med aktuell arbetsplan framgår inte den enskildes egen uppfattning.',
    en: "In {failed} of {applicable} case files with a current work plan the client's own view is not documented.",
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att arbetsplanen upprättas tillsammans med den enskilde och att hans eller hennes uppfattning dokumenteras.',
    en: "The district committee should ensure that work plans are drawn up together with the client and that the client's view is documented.",
  },
  check(akt, ctx, options) {
    const plan = planInForce(akt, ctx.asOf);
    if (!plan) return OUTSIDE_NO_CURRENT_PLAN;
    const planId = plan.planId ?? '–';
    const placeholder = placeholderOf(plan.clientView, ctx.placeholders);
    if (placeholder !== undefined) return { status: 'fail', reasons: [{ code: 'placeholder-client-view', data: { planId, placeholder } }] };
    if (wordCount(plan.clientView ?? '') >= options.minWords) return { status: 'pass' };
    return { status: 'fail', reasons: [{ code: 'missing-client-view', data: { planId } }] };
  },
});
