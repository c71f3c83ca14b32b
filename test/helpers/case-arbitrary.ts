import fc from 'fast-check';
import type { Reason } from '../../src/engine/types.js';
import { withRealId } from '../../src/privacy/real-id.js';
import type { CaseResult, RuleInfo } from '../../src/report/types.js';

/**
 * Akter with a result of each rule (pass, failing reasons from `reason`, or left out for a reason
 * from `leftOut`), in `districts`, some with a line and some with a real caseId: for the tests that
 * hold an aggregate counted in parts to one pass. Their caseIds are set by the test.
 */
export function caseArbitrary(rules: readonly RuleInfo[], opts: { districts: (string | null)[]; reason: fc.Arbitrary<Reason>; leftOut: fc.Arbitrary<Reason> }): fc.Arbitrary<CaseResult> {
  const result = (ruleId: string, severity: RuleInfo['severity']) =>
    fc.oneof(
      fc.constant({ ruleId, status: 'pass' as const, severity, reasons: [] as Reason[] }),
      fc.array(opts.reason, { minLength: 1, maxLength: 3 }).map((reasons) => ({ ruleId, status: 'fail' as const, severity, reasons })),
      fc.tuple(fc.constantFrom('not-assessable' as const, 'not-applicable' as const), opts.leftOut).map(([status, r]) => ({ ruleId, status, severity, reasons: [r] })),
    );
  return fc
    .record({
      district: fc.constantFrom(...opts.districts),
      results: fc.tuple(...rules.map((r) => result(r.ruleId, r.severity))),
      line: fc.option(fc.nat(99), { nil: undefined }),
      real: fc.boolean(),
    })
    .map(({ district, results, line, real }): CaseResult => {
      const c: CaseResult = { caseId: '', district, ...(line !== undefined ? { origin: { file: 'cases.csv', line } } : {}), results };
      return real ? withRealId(c, 'real') : c;
    });
}
