import type { RuleFault } from '../engine/run.js';
import type { ErrorCode, ErrorData } from '../errors.js';
import type { Localized } from '../model/lang.js';

/** The error text (ERROR_TEXT) of each kind of a rule's fault. */
const FAULT_CODES: Record<RuleFault['kind'], (f: RuleFault) => ErrorCode> = {
  threw: (f) => (f.where === 'prepare' ? 'rule-threw-in-prepare' : 'rule-threw'),
  undeclared: () => 'rule-undeclared-code',
  'no-reason': () => 'rule-no-reason',
  'unknown-status': () => 'rule-unknown-status',
  'bad-data': (f) => (f.kind === 'bad-data' && f.key !== undefined ? 'rule-bad-data-value' : 'rule-bad-data'),
};

/** The error code (src/i18n/error-text.ts) and template data of a fault; `shown` words what may quote the export. */
export function faultText(fault: RuleFault, shown: FaultShown): { code: ErrorCode; data: ErrorData } {
  return { code: FAULT_CODES[fault.kind](fault), data: faultData(fault, shown) };
}

/** How a fault's parts from the export are shown: the akt, what the rule threw, a value it gave. */
export interface FaultShown {
  akt(caseId: string): string;
  thrown(name: string | undefined, message: string): string | Localized;
  value(v: string): string | Localized;
}

function faultData(f: RuleFault, shown: FaultShown): ErrorData {
  const rule: Localized = { sv: `${f.plugin !== undefined ? `${f.plugin}: ` : ''}regeln ${f.ruleId}`, en: `${f.plugin !== undefined ? `${f.plugin}: ` : ''}rule ${f.ruleId}` };
  const akt: ErrorData = f.caseId !== undefined ? { akt: shown.akt(f.caseId) } : {};
  switch (f.kind) {
    case 'threw':
      return { rule, ...akt, thrown: shown.thrown(f.name, f.message) };
    case 'undeclared':
      return { rule, ...akt, code: shown.value(f.code), outcome: f.outcome === 'fail' ? { sv: 'underkänt', en: 'fail reason' } : { sv: 'ej tillämplig', en: 'not-applicable' } };
    case 'unknown-status':
      return { rule, ...akt, status: shown.value(f.status) };
    case 'bad-data': {
      const what: Localized = f.code === undefined ? { sv: 'evidens', en: 'evidence' } : { sv: `data till skälet "${f.code}"`, en: `data of reason "${f.code}"` };
      return { rule, ...akt, what, ...(f.key !== undefined ? { key: shown.value(f.key), type: f.type === 'list' ? { sv: 'en lista', en: 'a list' } : (f.type ?? '') } : {}) };
    }
    default:
      return { rule, ...akt };
  }
}

