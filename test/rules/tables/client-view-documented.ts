import { akt, plan } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

export const cases: RuleCase[] = [
  { description: 'view written', akt: akt({ plans: [plan({ clientView: 'Vill arbeta inom handeln.' })] }), expect: { status: 'pass', data: [] } },
  { description: 'no current plan', akt: akt(), expect: { status: 'not-applicable', codes: ['no-current-plan'], data: [undefined] } },
  { description: 'view missing', akt: akt({ plans: [plan({ clientView: '' })] }), expect: { status: 'fail', codes: ['missing-client-view'], data: [{ planId: 'P1' }] } },
  { description: 'a view in an expired plan does not count', akt: akt({ plans: [plan({ planId: 'P0', validFrom: '2009-01-01', validTo: '2009-12-31', clientView: 'Vill plugga.' }), plan()] }), expect: { status: 'fail', codes: ['missing-client-view'], data: [{ planId: 'P1' }] } },
];
