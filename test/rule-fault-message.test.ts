import { describe, expect, it } from 'vitest';
import { RuleContractError, type RuleFault } from '../src/engine/run.js';

// The library's English message of each kind of fault, for programs that use aktgranskning as a
// library (the CLI words the fault itself, masked). Every branch of the message has a row.
const base = { ruleId: 'r', where: 'check', caseId: 'C-1' } as const;

describe('RuleContractError.message', () => {
  it.each<[string, RuleFault, string]>([
    ['threw, an Error', { ...base, kind: 'threw', name: 'TypeError', message: 'boom' }, 'rule r threw on akt C-1: TypeError: boom'],
    ['threw, no Error', { ...base, kind: 'threw', message: 'plain' }, 'rule r threw on akt C-1: plain'],
    ['threw in prepare', { ruleId: 'r', where: 'prepare', kind: 'threw', name: 'RangeError', message: 'deep' }, 'rule r threw in prepare: RangeError: deep'],
    ['a plug-in', { ...base, plugin: 'plug-in ./p.mjs', kind: 'no-reason' }, 'plug-in ./p.mjs: rule r failed akt C-1 without giving a reason'],
    ['no akt known', { ruleId: 'r', where: 'check', kind: 'no-reason' }, 'rule r failed akt ? without giving a reason'],
    ['undeclared fail code', { ...base, kind: 'undeclared', outcome: 'fail', code: 'x' }, 'rule r reported fail reason code "x" on akt C-1, which it does not declare'],
    ['undeclared not-applicable code', { ...base, kind: 'undeclared', outcome: 'not-applicable', code: 'y' }, 'rule r reported not-applicable code "y" on akt C-1, which it does not declare'],
    ['unknown status', { ...base, kind: 'unknown-status', status: 'maybe' }, 'rule r returned unknown status "maybe" on akt C-1'],
    ['evidence not an object', { ...base, kind: 'bad-data' }, 'rule r gave evidence on akt C-1 that is not an object of texts and numbers'],
    ['reason data not an object', { ...base, kind: 'bad-data', code: 'c' }, 'rule r gave data of reason "c" on akt C-1 that is not an object of texts and numbers'],
    ['a list in reason data', { ...base, kind: 'bad-data', code: 'c', key: 'k', type: 'list' }, 'rule r gave data of reason "c" on akt C-1 with "k" as a list; it may hold texts and numbers only'],
    ['null in evidence', { ...base, kind: 'bad-data', key: 'k', type: 'null' }, 'rule r gave evidence on akt C-1 with "k" as null; it may hold texts and numbers only'],
  ])('%s', (_, fault, message) => {
    const e = new RuleContractError(fault);
    expect(e.message).toBe(message);
    expect(e.name).toBe('RuleContractError');
    expect(e.fault).toBe(fault);
  });
});
