import { z } from 'zod';
import { aspirantSince, daysBefore, documentedDates, firstWholeMonth, maxDate, monthsFrom, previousMonth } from '../src/engine/akt-helpers.js';
import { NOT_ASPIRANT } from '../src/engine/common-reasons.js';
import { defineRule } from '../src/engine/types.js';

export default defineRule({
  id: 'attendance-monthly',
  title: { sv: 'Närvaro kontrolleras varje månad', en: 'Attendance checked every month' },
  criterion: {
    sv: 'För aspiranter på jobbtorg ska närvaron kontrolleras och dokumenteras varje månad, eftersom biståndet förutsätter att den enskilde deltar.',
    en: 'For job centre aspirants, attendance is checked and documented every month, since assistance depends on taking part.',
    source: 'revisionsrapport 3-2011 Stadens insatser för personer som uppbär ekonomiskt bistånd och är långvarigt arbetslösa (Stadsrevisionen, 2011), avsnitt 2.2.3; Hägersten-Liljeholmens stadsdelsnämnds yttrande över revisionsrapport 3-2011 (2011)',
  },
  theme: 'follow-up',
  defaultSeverity: 'error',
  requires: ['jobCenter', 'followUps'],
  fields: ['followUps.date', 'followUps.type'],
  options: z.strictObject({
    windowDays: z.number().int().min(1).default(365).describe('How far back from the audit date months are checked'),
  }),
  reasons: {
    'attendance-month-missing': {
      sv: 'Ingen dokumenterad närvarokontroll under {count|månad|månader}: {months}.',
      en: 'No documented attendance check in {count|month|months}: {months}.',
    },
  },
  notApplicable: {
    ...NOT_ASPIRANT,
    'no-whole-month': {
      sv: 'Ingen hel kalendermånad som aspirant före granskningsmånaden.',
      en: 'No whole calendar month as an aspirant before the month of the audit date.',
    },
  },
  observation: {
    sv: 'I {failed} av {applicable} akter för aspiranter på jobbtorg saknas dokumenterade närvarokontroller för en eller flera månader.',
    en: 'In {failed} of {applicable} case files of job centre aspirants documented attendance checks are missing for one or more months.',
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att närvaron på jobbtorget kontrolleras varje månad och att kontrollen dokumenteras i akten.',
    en: 'The district committee should ensure that attendance at the job centre is checked every month and that the check is documented in the case file.',
  },
  check(akt, ctx, options) {
    const enrolled = aspirantSince(akt, ctx.asOf);
    if (enrolled === undefined) return { status: 'not-applicable', reason: { code: 'not-aspirant' } };
    const start = maxDate([daysBefore(ctx.asOf, options.windowDays), enrolled])!;
    const months = monthsFrom(firstWholeMonth(start), previousMonth(ctx.asOf));
    if (months.length === 0) return { status: 'not-applicable', reason: { code: 'no-whole-month' } };
    const checked = new Set(documentedDates(akt, ctx.asOf, ['narvarokontroll'], ctx.placeholders).map((d) => d.slice(0, 7)));
    const missing = months.filter((m) => !checked.has(m));
    if (missing.length === 0) return { status: 'pass', evidence: { months: months.length } };
    return { status: 'fail', reasons: [{ code: 'attendance-month-missing', data: { count: missing.length, months: missing.join(', ') } }] };
  },
});
