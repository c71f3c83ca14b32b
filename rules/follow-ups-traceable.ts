import { z } from 'zod';
import { daysBefore, longestGapWithin, planInForce } from '../src/engine/akt-helpers.js';
import { NO_CURRENT_PLAN, OUTSIDE_NO_CURRENT_PLAN } from '../src/engine/common-reasons.js';
import { placeholderOf } from '../src/engine/text.js';
import { FOLLOW_UP_TYPES } from '../src/model/schema.js';
import { defineRule, type Reason } from '../src/engine/types.js';

export default defineRule({
  id: 'follow-ups-traceable',
  title: { sv: 'Spårbar uppföljning', en: 'Traceable follow-up' },
  criterion: {
    sv: 'Arbetsplanen ska följas upp löpande, minst var tredje månad, och det som uppföljningen visar ska dokumenteras i akten.',
    en: 'The work plan is followed up continuously, at least every third month, and what each follow-up finds is documented in the case file.',
    source: 'Riktlinjer för handläggning av ekonomiskt bistånd (Stockholms kommunfullmäktige, 2007); revisionsrapport 3-2011 Stadens insatser för personer som uppbär ekonomiskt bistånd och är långvarigt arbetslösa (Stadsrevisionen, 2011), avsnitt 2.2.3 och 3; Hägersten-Liljeholmens stadsdelsnämnds yttrande över revisionsrapport 3-2011 (2011); rapport från stadens arbetsgrupp om stadsdelsnämndernas arbetsmarknadsinsatser (2013)',
  },
  theme: 'follow-up',
  defaultSeverity: 'error',
  requires: ['plans', 'followUps'],
  fields: ['followUps.date', 'followUps.outcome'],
  options: z.strictObject({
    windowDays: z.number().int().min(1).default(365).describe('How far back from the audit date follow-ups are looked for'),
    intervalDays: z.number().int().min(1).default(92).describe('Longest accepted time between documented follow-ups'),
    graceDays: z.number().int().min(0).default(14).describe('Added to intervalDays before a gap counts'),
    // 3-2011 §2.2.3 keeps the two apart: evaluations of the plan's insatser vs attendance that "kontrolleras också".
    countedTypes: z
      .array(z.enum(FOLLOW_UP_TYPES))
      .min(1)
      .default(FOLLOW_UP_TYPES.filter((t) => t !== 'narvarokontroll'))
      .describe('Follow-up types that are follow-ups of the plan (an attendance check is not); a follow-up without a type counts'),
  }),
  reasons: {
    'no-planned-follow-up': {
      sv: 'Den aktuella arbetsplanen ({planId}) anger inget datum för nästa uppföljning.',
      en: 'The current work plan ({planId}) gives no date for the next follow-up.',
    },
    'follow-up-gap': {
      sv: 'Ingen dokumenterad uppföljning under {days} dagar ({from} – {to}); högst {limit} dagar godtas.',
      en: 'No documented follow-up for {days} days ({from} – {to}); at most {limit} days accepted.',
    },
    'placeholder-outcome': {
      sv: 'Uppföljningen {date} har bara ”{placeholder}” som anteckning; vad den visade framgår inte.',
      en: 'The follow-up on {date} has only “{placeholder}” as its note; what it found is not recorded.',
    },
    'revision-not-traceable': {
      sv: 'Uppföljningen {date} reviderade målen, men ingen arbetsplan upprättades därefter.',
      en: 'The follow-up on {date} revised the goals, but no work plan was drawn up afterwards.',
    },
  },
  notApplicable: NO_CURRENT_PLAN,
  observation: {
    sv: 'I {failed} av {applicable} akter med aktuell arbetsplan går det inte att utläsa att uppföljningar genomförts och vad de lett till.',
    en: 'In {failed} of {applicable} case files with a current work plan it cannot be seen that follow-ups were held and what they led to.',
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att uppföljningar av arbetsplanen genomförs minst var tredje månad och att vad som framkommit dokumenteras i akten.',
    en: 'The district committee should ensure that work plans are followed up at least every third month and that what each follow-up found is documented in the case file.',
  },
  // The window's first day is the same for every akt: counted once, not per akt.
  prepare: (_akter, ctx, options) => ({ windowFrom: daysBefore(ctx.asOf, options.windowDays) }),
  check(akt, ctx, options) {
    const plan = planInForce(akt, ctx.asOf);
    if (!plan) return OUTSIDE_NO_CURRENT_PLAN;
    const reasons: Reason<'no-planned-follow-up' | 'follow-up-gap' | 'placeholder-outcome' | 'revision-not-traceable'>[] = [];
    if (!plan.nextFollowUp) reasons.push({ code: 'no-planned-follow-up', data: { planId: plan.planId ?? '–' } });

    // The window starts at its first day, or later at the akt's earliest date (support start, a plan's validFrom).
    let earliest = akt.supportStart;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a comparison with undefined is false, and an equal date changes nothing
    for (const p of akt.plans) if (p.validFrom !== undefined && (earliest === undefined || p.validFrom < earliest)) earliest = p.validFrom;
    const windowFrom = ctx.shared.windowFrom;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, as above
    const start = earliest !== undefined && earliest > windowFrom ? earliest : windowFrom;
    const asOf = ctx.asOf;
    // One walk through the follow-ups of the counted types, each note looked at once: documented
    // (held by asOf, with a note that is not a placeholder; those in the window kept for the gaps),
    // and the latest one in the window whose note is a placeholder ("-", "oförändrat"), named as the
    // auditor would.
    let documented = 0;
    const within: string[] = [];
    let empty: { date: string; placeholder: string } | undefined;
    for (const f of akt.followUps) {
      if (f.type !== undefined && !options.countedTypes.includes(f.type)) continue;
      const date = f.date;
      if (date === undefined || date > asOf) continue;
      const placeholder = placeholderOf(f.outcome, ctx.placeholders);
      if (placeholder === undefined) {
        if (f.outcome !== undefined && f.outcome.trim() !== '') {
          documented++;
          // Stryker disable next-line EqualityOperator: equivalent, a date on the window's first day makes a gap of 0 days from it
          if (date >= start) within.push(date);
        }
      } else if (date >= start && !(empty && empty.date >= date)) empty = { date, placeholder };
    }
    const limit = options.intervalDays + options.graceDays;
    const gap = longestGapWithin(start, asOf, within);
    if (gap.days > limit) reasons.push({ code: 'follow-up-gap', data: { from: gap.from, to: gap.to, days: gap.days, limit } });
    if (empty) reasons.push({ code: 'placeholder-outcome', data: empty });

    for (const f of akt.followUps) {
      if (!f.goalsRevised || !f.date || f.date > asOf) continue;
      let revisedPlan = false;
      for (const p of akt.plans) {
        if (p.created !== undefined && p.created >= f.date) {
          revisedPlan = true;
          break;
        }
      }
      if (!revisedPlan) reasons.push({ code: 'revision-not-traceable', data: { date: f.date } });
    }
    return reasons.length > 0 ? { status: 'fail', reasons } : { status: 'pass', evidence: { documented } };
  },
});
