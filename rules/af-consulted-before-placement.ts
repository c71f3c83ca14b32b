import { z } from 'zod';
import { defineRule } from '../src/engine/types.js';
import { PLACEMENT_TYPES } from '../src/model/schema.js';

export default defineRule({
  id: 'af-consulted-before-placement',
  title: { sv: 'Samråd med Arbetsförmedlingen före anvisning', en: 'Arbetsförmedlingen consulted before a placement' },
  criterion: {
    sv: 'Innan den enskilde anvisas praktik eller kompetenshöjande verksamhet ska nämnden samråda med Arbetsförmedlingen.',
    en: 'Before a client is placed in work practice or skills training, the committee consults Arbetsförmedlingen.',
    source: 'Socialtjänstlagen (2025:400)',
    // SoL (2025:400) replaced SoL (2001:453) on 1 July 2025: an audit dated before then cites the old law.
    sourceUntil: [{ until: '2025-07-01', source: 'Socialtjänstlagen (2001:453)' }],
  },
  theme: 'cooperation',
  defaultSeverity: 'error',
  requires: ['placements'],
  fields: ['placements.afConsulted'],
  options: z.strictObject({
    types: z.array(z.enum(PLACEMENT_TYPES)).min(1).default(['praktik', 'kompetenshojande']).describe('Placement types that require consultation'),
  }),
  reasons: {
    'af-not-consulted': {
      sv: '{count|anvisning|anvisningar} utan samråd med Arbetsförmedlingen före start: {starts}.',
      en: '{count|placement|placements} without consulting Arbetsförmedlingen before the start: {starts}.',
    },
  },
  notApplicable: {
    'no-placement': {
      sv: 'Ingen anvisning till praktik eller kompetenshöjande verksamhet före granskningsdagen.',
      en: 'No placement in work practice or skills training before the audit date.',
    },
  },
  observation: {
    sv: 'I {failed} av {applicable} akter med anvisning till praktik eller kompetenshöjande verksamhet framgår inte att Arbetsförmedlingen konsulterats.',
    en: 'In {failed} of {applicable} case files with a placement in work practice or skills training it is not documented that Arbetsförmedlingen was consulted.',
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att samråd med Arbetsförmedlingen sker och dokumenteras innan den enskilde anvisas praktik eller kompetenshöjande verksamhet.',
    en: 'The district committee should ensure that Arbetsförmedlingen is consulted, and this documented, before a client is placed in work practice or skills training.',
  },
  check(akt, ctx, options) {
    const placements = akt.placements.filter((p) => p.type !== undefined && options.types.includes(p.type) && p.start !== undefined && p.start <= ctx.asOf);
    if (placements.length === 0) return { status: 'not-applicable', reason: { code: 'no-placement' } };
    const late = placements.filter((p) => p.afConsulted === undefined || p.afConsulted > p.start!);
    if (late.length === 0) return { status: 'pass', evidence: { placements: placements.length } };
    return { status: 'fail', reasons: [{ code: 'af-not-consulted', data: { count: late.length, starts: late.map((p) => p.start!).sort().join(', ') } }] };
  },
});
