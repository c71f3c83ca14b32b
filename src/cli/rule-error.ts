import { TERMS } from '../engine/common-reasons.js';
import type { RuleContractError } from '../engine/run.js';
import { UserError } from '../errors.js';
import { faultText, type FaultShown } from './fault-text.js';
import { pseudonym, type PseudonymKey } from '../privacy/pseudonym.js';
import { quote } from '../privacy/quote.js';
import { EVIDENCE_QUOTE } from '../report/messages.js';

/** What the public reports write for text they leave out. */
const REMOVED = TERMS.redacted!;

/** JavaScript's own kinds of error: their names say nothing of the export (a plug-in's own name might). */
const ERROR_NAMES: ReadonlySet<string> = new Set(['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'AggregateError']);

/** As the reports show the export: the akt by its caseId, the rule's text quoted (masked, then cut to one line of a quote's length). */
const PRIVATE: FaultShown = {
  akt: (caseId) => quote(caseId),
  thrown: (name, message) => quote(name === undefined ? message : `${name}: ${message}`, EVIDENCE_QUOTE),
  value: (v) => quote(v, EVIDENCE_QUOTE),
};

/**
 * As the public reports show the export: the akt by its pseudonym, and no text the rule wrote
 * (it may quote the export) beyond the kind of error it threw.
 */
function publicShown(key: PseudonymKey): FaultShown {
  return {
    akt: (caseId) => pseudonym(key.key, caseId),
    thrown: (name) => (name !== undefined && ERROR_NAMES.has(name) ? { sv: `${name}: ${REMOVED.sv}`, en: `${name}: ${REMOVED.en}` } : REMOVED),
    value: () => REMOVED,
  };
}

/**
 * A rule's bug as the one line the CLI prints (exit 2): the rule and its plug-in, the akt named as
 * the reports name it under the same flags (`key`: --public), and what the rule threw masked.
 */
export function ruleError(e: RuleContractError, key?: PseudonymKey): UserError {
  const { code, data } = faultText(e.fault, key ? publicShown(key) : PRIVATE);
  return new UserError(code, data);
}
