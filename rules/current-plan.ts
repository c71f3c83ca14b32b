import { z } from 'zod';
import { newestPlan, planInForce } from '../src/engine/akt-helpers.js';
import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'current-plan',
  title: { sv: 'Aktuell arbetsplan', en: 'Current work plan' },
  criterion: {
    sv: 'För den som är arbetslös ska en tidsbegränsad arbetsplan upprättas utifrån utredningen och hållas aktuell.',
    en: 'For a client who is unemployed, a time-limited work plan is drawn up from the investigation and kept current.',
    source: 'Riktlinjer för handläggning av ekonomiskt bistånd (Stockholms kommunfullmäktige, 2007); revisionsrapport 3-2011 Stadens insatser för personer som uppbär ekonomiskt bistånd och är långvarigt arbetslösa (Stadsrevisionen, 2011), avsnitt 2.2.1',
  },
  theme: 'planning',
  defaultSeverity: 'error',
  requires: ['plans'],
  fields: ['plans.validFrom', 'plans.validTo'],
  options: z.strictObject({
    appliesToReasons: z
      .array(z.enum(['arbetsloshet', 'sociala-medicinska', 'ovrigt']))
      .default(['arbetsloshet'])
      .describe('Försörjningshinder the rule applies to (akter with no supportReason always count)'),
  }),
  reasons: {
    'no-plan': { sv: 'Akten saknar arbetsplan.', en: 'The case file has no work plan.' },
    'not-time-bound': {
      sv: 'Den senaste arbetsplanen ({planId}) saknar giltighetstid (giltig från–till).',
      en: 'The newest work plan ({planId}) has no period of validity (valid from–to).',
    },
    expired: {
      sv: 'Den senaste arbetsplanen ({planId}) gällde till {validTo}.',
      en: 'The newest work plan ({planId}) expired on {validTo}.',
    },
    'not-yet-in-force': {
      sv: 'Den senaste arbetsplanen ({planId}) gäller först från {validFrom}; ingen plan gäller nu.',
      en: 'The newest work plan ({planId}) only applies from {validFrom}; no plan is in force now.',
    },
  },
  notApplicable: {
    'other-support-reason': {
      sv: 'Försörjningshindret är annat än arbetslöshet ({supportReason}).',
      en: 'The support reason is other than unemployment ({supportReason}).',
    },
  },
  observation: {
    sv: 'I {failed} av {applicable} akter saknas aktuell arbetsplan.',
    en: 'In {failed} of {applicable} case files there is no current work plan.',
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att det för varje arbetslös person med ekonomiskt bistånd finns en aktuell och tidsatt arbetsplan.',
    en: 'The district committee should ensure that every unemployed person receiving financial assistance has a current, time-limited work plan.',
  },
  check(akt, ctx, options) {
    if (akt.supportReason && !options.appliesToReasons.includes(akt.supportReason)) {
      return { status: 'not-applicable', reason: { code: 'other-support-reason', data: { supportReason: akt.supportReason } } };
    }
    const current = planInForce(akt, ctx.asOf);
    if (current) return { status: 'pass', evidence: { planId: current.planId ?? '', validTo: current.validTo! } };
    const newest = newestPlan(akt);
    if (!newest) return { status: 'fail', reasons: [{ code: 'no-plan' }] };
    const planId = newest.planId ?? '–';
    if (!newest.validFrom || !newest.validTo) return { status: 'fail', reasons: [{ code: 'not-time-bound', data: { planId } }] };
    if (newest.validFrom > ctx.asOf) {
      return { status: 'fail', reasons: [{ code: 'not-yet-in-force', data: { planId, validFrom: newest.validFrom } }] };
    }
    return { status: 'fail', reasons: [{ code: 'expired', data: { planId, validTo: newest.validTo } }] };
  },
});
