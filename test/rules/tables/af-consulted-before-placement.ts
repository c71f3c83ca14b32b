import { akt } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

export const cases: RuleCase[] = [
  { description: 'consulted before the start', akt: akt({ placements: [{ start: '2010-03-01', type: 'praktik', afConsulted: '2010-02-20' }] }), expect: { status: 'pass', data: [], evidence: { placements: 1 } } },
  { description: 'consulted on the day of the start', akt: akt({ placements: [{ start: '2010-03-01', type: 'kompetenshojande', afConsulted: '2010-03-01' }] }), expect: { status: 'pass', data: [], evidence: { placements: 1 } } },
  { description: 'no placement of those types', akt: akt({ placements: [{ start: '2010-03-01', type: 'arbetstraning' }] }), expect: { status: 'not-applicable', codes: ['no-placement'], data: [undefined] } },
  { description: 'a placement starting after D', akt: akt({ placements: [{ start: '2010-12-01', type: 'praktik' }] }), expect: { status: 'not-applicable', codes: ['no-placement'], data: [undefined] } },
  { description: 'not consulted', akt: akt({ placements: [{ start: '2010-03-01', type: 'praktik' }] }), expect: { status: 'fail', codes: ['af-not-consulted'], data: [{ count: 1, starts: '2010-03-01' }] } },
  { description: 'consulted after the start', akt: akt({ placements: [{ start: '2010-03-01', type: 'praktik', afConsulted: '2010-03-02' }] }), expect: { status: 'fail', codes: ['af-not-consulted'], data: [{ count: 1, starts: '2010-03-01' }] } },
  { description: 'no placements in the export', akt: akt(), datasets: ['plans'], expect: { status: 'not-assessable', codes: ['missing-data'], data: [{ data: 'placements' }] } },
  { description: 'a placement starting on D counts', akt: akt({ placements: [{ start: '2010-11-15', type: 'praktik' }] }), expect: { status: 'fail', codes: ['af-not-consulted'], data: [{ count: 1, starts: '2010-11-15' }] } },
  { description: 'late placements are named in date order', akt: akt({ placements: [{ start: '2010-05-01', type: 'praktik' }, { start: '2010-03-01', type: 'kompetenshojande', afConsulted: '2010-03-05' }, { start: '2010-04-01', type: 'praktik', afConsulted: '2010-03-01' }] }), expect: { status: 'fail', codes: ['af-not-consulted'], data: [{ count: 2, starts: '2010-03-01, 2010-05-01' }] } },
  { description: 'placement types by option', akt: akt({ placements: [{ start: '2010-03-01', type: 'arbetstraning' }] }), options: { types: ['arbetstraning'] }, expect: { status: 'fail', codes: ['af-not-consulted'], data: [{ count: 1, starts: '2010-03-01' }] } },
];
