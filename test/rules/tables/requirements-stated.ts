import { akt, plan } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

export const cases: RuleCase[] = [
  { description: 'requirements written', akt: akt({ plans: [plan({ requirements: 'Delta heltid på jobbtorget.' })] }), expect: { status: 'pass', data: [] } },
  { description: 'no current plan', akt: akt({ plans: [plan({ validTo: '2010-01-01', requirements: 'x' })] }), expect: { status: 'not-applicable', codes: ['no-current-plan'], data: [undefined] } },
  { description: 'requirements missing', akt: akt({ plans: [plan()] }), expect: { status: 'fail', codes: ['missing-requirements'], data: [{ planId: 'P1' }] } },
  { description: 'only punctuation', akt: akt({ plans: [plan({ requirements: ' – ' })] }), expect: { status: 'fail', codes: ['missing-requirements'], data: [{ planId: 'P1' }] } },
  { description: 'minWords 3 with two words', akt: akt({ plans: [plan({ requirements: 'Söka arbete' })] }), options: { minWords: 3 }, expect: { status: 'fail', codes: ['missing-requirements'], data: [{ planId: 'P1' }] } },
];
