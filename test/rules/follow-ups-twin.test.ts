import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { currentPlan, daysBefore, isDocumented, longestGap, maxDate, minDate } from '../../src/engine/akt-helpers.js';
import { runRules } from '../../src/engine/run.js';
import { placeholderOf } from '../../src/engine/text.js';
import { provides } from '../../src/model/fields.js';
import type { Akt, FollowUp } from '../../src/model/schema.js';

const AS_OF = '2011-06-01';
const rule = builtinRules.find((r) => r.id === 'follow-ups-traceable')!;

/** The rule's check as it was written before it walked the follow-ups once: what the rule must still say. */
function plainCheck(akt: Akt, placeholders: readonly string[] | undefined) {
  const options = rule.options.parse({}) as { windowDays: number; intervalDays: number; graceDays: number; countedTypes: string[] };
  const plan = currentPlan(akt, AS_OF);
  if (!plan) return { status: 'not-applicable', reasons: [{ code: 'no-current-plan' }] };
  const reasons: { code: string; data?: Record<string, unknown> }[] = [];
  if (!plan.nextFollowUp) reasons.push({ code: 'no-planned-follow-up', data: { planId: plan.planId ?? '–' } });
  const earliest = minDate([akt.supportStart, ...akt.plans.map((p) => p.validFrom)]);
  const start = maxDate([daysBefore(AS_OF, options.windowDays), earliest])!;
  const counted = akt.followUps.filter((f) => f.type === undefined || options.countedTypes.includes(f.type));
  const documented = counted.filter((f) => isDocumented(f, AS_OF, placeholders)).map((f) => f.date);
  const gap = longestGap(start, AS_OF, documented);
  const limit = options.intervalDays + options.graceDays;
  if (gap.days > limit) reasons.push({ code: 'follow-up-gap', data: { ...gap, limit } });
  let empty: { date: string; placeholder: string } | undefined;
  for (const f of counted) {
    if (!f.date || f.date < start || f.date > AS_OF || (empty && empty.date >= f.date)) continue;
    const placeholder = placeholderOf(f.outcome, placeholders);
    if (placeholder !== undefined) empty = { date: f.date, placeholder };
  }
  if (empty) reasons.push({ code: 'placeholder-outcome', data: empty });
  for (const f of akt.followUps) {
    if (!f.goalsRevised || !f.date || f.date > AS_OF) continue;
    if (!akt.plans.some((p) => p.created !== undefined && p.created >= f.date!)) reasons.push({ code: 'revision-not-traceable', data: { date: f.date } });
  }
  return reasons.length > 0 ? { status: 'fail', reasons } : { status: 'pass', evidence: { documented: documented.length } };
}

const date = fc.constantFrom(undefined, '2010-01-15', '2010-06-01', '2010-09-30', '2011-01-10', '2011-03-01', '2011-05-31', '2011-06-01', '2011-07-01');
const followUp: fc.Arbitrary<FollowUp> = fc.record(
  {
    date,
    type: fc.constantFrom(undefined, 'uppfoljning', 'trepartssamtal', 'narvarokontroll'),
    outcome: fc.constantFrom(undefined, '', ' ', '-', 'Oförändrat', 'Uppföljning hållen, planen står fast.', 'se journal', 'Eget ord', 'Praktik hos Coop'),
    goalsRevised: fc.boolean(),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<FollowUp>;

describe('follow-ups-traceable, walking the follow-ups once', () => {
  it('finds what the rule written plainly finds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ planId: fc.constantFrom('P1', 'P2'), validFrom: date, validTo: fc.constantFrom(undefined, '2011-12-31', '2011-06-01'), created: date, nextFollowUp: date }, { requiredKeys: [] }), { maxLength: 3 }),
        fc.array(followUp, { maxLength: 8 }),
        fc.option(date, { nil: undefined }),
        fc.constantFrom(undefined, ['Eget ord'], []),
        (plans, followUps, supportStart, placeholders) => {
          const akt = { caseId: 'A-1', ...(supportStart ? { supportStart } : {}), plans: plans.map((p) => ({ ...p, subGoals: [] })), followUps } as unknown as Akt;
          const [result] = runRules([{ akt, origin: { file: 't' }, datasets: provides(['plans', 'followUps']) }], [{ rule, severity: 'error', options: rule.options.parse({}) }], { asOf: AS_OF, ...(placeholders ? { placeholders } : {}) });
          const finding = result!.findings[0]!;
          const plain = plainCheck(akt, placeholders);
          expect({ status: finding.status, reasons: finding.reasons, ...(finding.status === 'pass' ? { evidence: finding.evidence } : {}) }).toStrictEqual({ status: plain.status, reasons: plain.reasons ?? [], ...(plain.status === 'pass' ? { evidence: plain.evidence } : {}) });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
