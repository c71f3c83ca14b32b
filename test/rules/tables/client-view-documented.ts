import { akt, plan } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

export const cases: RuleCase[] = [
  { description: 'view written', akt: akt({ plans: [plan({ clientView: 'Vill arbeta inom handeln.' })] }), expect: { status: 'pass', data: [] } },
  { description: 'no current plan', akt: akt(), expect: { status: 'not-applicable', codes: ['no-current-plan'], data: [undefined] } },
  { description: 'view missing', akt: akt({ plans: [plan({ clientView: '' })] }), expect: { status: 'fail', codes: ['missing-client-view'], data: [{ planId: 'P1' }] } },
  { description: '"Ej tillfrågad" is a placeholder', akt: akt({ plans: [plan({ clientView: 'Ej tillfrågad' })] }), expect: { status: 'fail', codes: ['placeholder-client-view'], data: [{ planId: 'P1', placeholder: 'Ej tillfrågad' }] } },
  { description: 'folded case, diacritics and punctuation', akt: akt({ plans: [plan({ clientView: 'EJ TILLFRAGAD!' })] }), expect: { status: 'fail', codes: ['placeholder-client-view'], data: [{ planId: 'P1', placeholder: 'EJ TILLFRAGAD!' }] } },
  { description: 'a reference of four words is a placeholder', akt: akt({ plans: [plan({ clientView: 'Se journal, maj 2010' })] }), expect: { status: 'fail', codes: ['placeholder-client-view'] } },
  { description: 'a sentence of five words starting "se" is content', akt: akt({ plans: [plan({ clientView: 'Se till att få jobb' })] }), expect: { status: 'pass' } },
  { description: 'no clientView column in the export', akt: akt({ plans: [plan()] }), absentFields: ['plans.clientView'], expect: { status: 'not-assessable', codes: ['missing-field'], data: [{ data: 'plans.clientView', field: 'clientView' }] } },
  { description: 'a view in an expired plan does not count', akt: akt({ plans: [plan({ planId: 'P0', validFrom: '2009-01-01', validTo: '2009-12-31', clientView: 'Vill plugga.' }), plan()] }), expect: { status: 'fail', codes: ['missing-client-view'], data: [{ planId: 'P1' }] } },
  { description: 'a plan without planId is named by a dash', akt: akt({ plans: [plan({ planId: undefined })] }), expect: { status: 'fail', codes: ['missing-client-view'], data: [{ planId: '–' }] } },
  { description: 'one word is enough by default', akt: akt({ plans: [plan({ clientView: 'Truckkort' })] }), expect: { status: 'pass', data: [] } },
  { description: 'minWords 2 with two words', akt: akt({ plans: [plan({ clientView: 'Vill jobba' })] }), options: { minWords: 2 }, expect: { status: 'pass', data: [] } },
  { description: 'minWords 3 with two words', akt: akt({ plans: [plan({ clientView: 'Vill jobba' })] }), options: { minWords: 3 }, expect: { status: 'fail', codes: ['missing-client-view'], data: [{ planId: 'P1' }] } },
];
