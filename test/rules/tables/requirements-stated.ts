import { akt, plan } from '../../helpers/akt.js';
import type { RuleCase } from '../table.js';

export const cases: RuleCase[] = [
  { description: 'requirements written', akt: akt({ plans: [plan({ requirements: 'Delta heltid på jobbtorget.' })] }), expect: { status: 'pass', data: [] } },
  { description: 'no current plan', akt: akt({ plans: [plan({ validTo: '2010-01-01', requirements: 'x' })] }), expect: { status: 'not-applicable', codes: ['no-current-plan'], data: [undefined] } },
  { description: 'requirements missing', akt: akt({ plans: [plan()] }), expect: { status: 'fail', codes: ['missing-requirements'], data: [{ planId: 'P1' }] } },
  { description: 'only punctuation is a placeholder', akt: akt({ plans: [plan({ requirements: ' – ' })] }), expect: { status: 'fail', codes: ['placeholder-requirements'], data: [{ planId: 'P1', placeholder: '–' }] } },
  { description: '"Inga" is a placeholder', akt: akt({ plans: [plan({ requirements: 'Inga.' })] }), expect: { status: 'fail', codes: ['placeholder-requirements'], data: [{ planId: 'P1', placeholder: 'Inga.' }] } },
  { description: 'a placeholder of the config', akt: akt({ plans: [plan({ requirements: 'Enl. tidigare beslut om heltid' })] }), placeholders: ['enl tidigare beslut om heltid'], expect: { status: 'fail', codes: ['placeholder-requirements'] } },
  { description: 'a sentence beginning with "inga" is content', akt: akt({ plans: [plan({ requirements: 'Inga frånvarodagar utan giltigt skäl' })] }), expect: { status: 'pass' } },
  { description: 'empty requirements are missing', akt: akt({ plans: [plan({ requirements: '' })] }), expect: { status: 'fail', codes: ['missing-requirements'], data: [{ planId: 'P1' }] } },
  { description: 'minWords 2 with two words', akt: akt({ plans: [plan({ requirements: 'Söka arbete' })] }), options: { minWords: 2 }, expect: { status: 'pass' } },
  { description: 'no requirements column in the export', akt: akt({ plans: [plan()] }), absentFields: ['plans.requirements'], expect: { status: 'not-assessable', codes: ['missing-field'], data: [{ data: 'plans.requirements', field: 'requirements' }] } },
  { description: 'minWords 3 with two words', akt: akt({ plans: [plan({ requirements: 'Söka arbete' })] }), options: { minWords: 3 }, expect: { status: 'fail', codes: ['missing-requirements'], data: [{ planId: 'P1' }] } },
  { description: 'a plan without planId is named by a dash', akt: akt({ plans: [plan({ planId: undefined })] }), expect: { status: 'fail', codes: ['missing-requirements'], data: [{ planId: '–' }] } },
];
