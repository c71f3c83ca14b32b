import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { largeEnoughForTest, twoProportionP, type RuleChange } from '../../src/compare/compare.js';
import { changeSentence } from '../../src/compare/format.js';
import { table } from '../../src/report/formatters/markdown-table.js';
import { ruleMap } from '../../src/cli/shared.js';
import { cli } from '../helpers/cli.js';

const rules = ruleMap(builtinRules);

function change(x1: number, n1: number, x2: number, n2: number): RuleChange {
  const tooFewForTest = !largeEnoughForTest(x1, n1, x2, n2);
  const pValue = tooFewForTest ? null : twoProportionP(x1, n1, x2, n2);
  return {
    ruleId: 'current-plan',
    presence: 'both',
    before: { passed: x1, applicable: n1, share: x1 / n1 },
    after: { passed: x2, applicable: n2, share: x2 / n2 },
    changePoints: Math.round((x2 / n2 - x1 / n1) * 1000) / 10,
    pValue,
    significant: pValue !== null && pValue < 0.05,
    tooFewForTest,
  };
}

describe('compare: p-values and groups too small for the test', () => {
  it('prints "p < 0,001", never "p = < 0,001"', () => {
    expect(changeSentence({ lang: 'sv', rules, color: false }, change(20, 100, 90, 100))).toMatch(/Förändringen är statistiskt säkerställd \(p < 0,001\)\.$/);
    expect(changeSentence({ lang: 'en', rules, color: false }, change(20, 100, 90, 100))).toMatch(/statistically significant \(p < 0\.001\)\.$/);
    expect(changeSentence({ lang: 'sv', rules, color: false }, change(50, 100, 60, 100))).toMatch(/kan bero på slumpen \(p = 0,15\d\)\.$/);
  });

  it('runs no test when an expected count is below five, and says so', () => {
    // Pooled share 0.6 in 10 + 10 akter: 4 expected failures per side.
    expect(largeEnoughForTest(2, 10, 10, 10)).toBe(false);
    // 25 + 25 akter at a pooled 0.8: exactly 5 expected failures per side.
    expect(largeEnoughForTest(15, 25, 25, 25)).toBe(true);
    expect(largeEnoughForTest(16, 25, 25, 25)).toBe(false);
    const s = changeSentence({ lang: 'sv', rules, color: false }, change(2, 10, 10, 10));
    expect(s).toContain('För få akter för att pröva om förändringen är större än slumpen');
    expect(s).not.toMatch(/p [=<]/);
  });
});

describe('Markdown tables render as tables', () => {
  it('has no blank line between rows', () => {
    expect(table(['a', 'b'], [['1', '2'], ['3', '4']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |');
  });

  it('validate --format markdown: each table is one block', () => {
    const md = cli(['validate', 'fixtures/broken/csv', '--as-of', '2010-11-15', '--format', 'markdown']).stdout;
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    expect(rows.length).toBeGreaterThan(5);
    expect(md).toContain('| Kod | Nivå | Antal |\n| --- | --- | --- |\n| `invalid-date` | fel | 2 |\n| `missing-required` | fel | 2 |\n');
  });
});
