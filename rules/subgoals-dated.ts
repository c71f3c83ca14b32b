import { z } from 'zod';
import { planInForce } from '../src/engine/akt-helpers.js';
import { NO_CURRENT_PLAN, OUTSIDE_NO_CURRENT_PLAN } from '../src/engine/common-reasons.js';
import { isWritten } from '../src/engine/text.js';
import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'subgoals-dated',
  title: { sv: 'Delmål är tidsatta', en: 'Sub-goals are dated' },
  criterion: {
    sv: 'Delmålen i arbetsplanen ska vara tidsatta, så att det går att följa upp om de nåtts.',
    en: 'The sub-goals of the work plan have due dates, so that it can be followed up whether they were reached.',
    source: 'Riktlinjer för handläggning av ekonomiskt bistånd (Stockholms kommunfullmäktige, 2007); revisionsrapport 3-2011 Stadens insatser för personer som uppbär ekonomiskt bistånd och är långvarigt arbetslösa (Stadsrevisionen, 2011), avsnitt 2.2.1 och 2.2.3; rapport från stadens arbetsgrupp om stadsdelsnämndernas arbetsmarknadsinsatser (2013)',
  },
  theme: 'goals',
  defaultSeverity: 'error',
  requires: ['plans', 'subGoals'],
  fields: ['subGoals.text', 'subGoals.due'],
  options: z.strictObject({}),
  reasons: {
    'undated-subgoal': {
      sv: '{count} av {total} delmål i den aktuella arbetsplanen ({planId}) saknar tidpunkt.',
      en: '{count} of {total} sub-goals in the current work plan ({planId}) have no due date.',
    },
  },
  notApplicable: {
    ...NO_CURRENT_PLAN,
    'no-subgoals': {
      sv: 'Den aktuella arbetsplanen har inga delmål (räknas i regeln om delmål).',
      en: 'The current work plan has no sub-goals (counted by the subgoals-present rule).',
    },
  },
  observation: {
    sv: 'I {failed} av {applicable} akter med delmål är delmålen inte tidsatta.',
    en: 'In {failed} of {applicable} case files with sub-goals the sub-goals have no due dates.',
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att delmålen i arbetsplanerna tidsätts.',
    en: 'The district committee should ensure that the sub-goals of work plans have due dates.',
  },
  check(akt, ctx) {
    const plan = planInForce(akt, ctx.asOf);
    if (!plan) return OUTSIDE_NO_CURRENT_PLAN;
    // Counted, not filtered into arrays: the delmål with text, and of them those without a due date.
    let total = 0;
    let count = 0;
    for (const s of plan.subGoals) {
      if (!isWritten(s.text, ctx.placeholders)) continue;
      total++;
      if (s.due === undefined) count++;
    }
    if (total === 0) return { status: 'not-applicable', reason: { code: 'no-subgoals' } };
    if (count === 0) return { status: 'pass', evidence: { total } };
    return { status: 'fail', reasons: [{ code: 'undated-subgoal', data: { count, total, planId: plan.planId ?? '–' } }] };
  },
});
