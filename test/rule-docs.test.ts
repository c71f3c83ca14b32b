import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules, PRESETS } from '../rules/index.js';
import { optionsTable, reasonsTable, rulePage, rulesTable, withGenerated } from '../src/report/formatters/rule-reference.js';
import currentPlan from '../rules/current-plan.js';
import subgoalsDated from '../rules/subgoals-dated.js';
import { cli } from './helpers/cli.js';

describe('rule pages made from the rules', () => {
  it.each(builtinRules.map((r) => [r.id, r] as const))('docs/rules/%s.md is up to date (npm run docs:rules)', (id, rule) => {
    const page = readFileSync(`docs/rules/${id}.md`, 'utf8');
    expect(page).toBe(rulePage(page, rule));
  });

  it("README's rule table is up to date (npm run docs:rules)", () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toBe(withGenerated(readme, 'rules', rulesTable(builtinRules, PRESETS)));
  });

  it('lists every option with its default and meaning, and every code with its status and data', () => {
    expect(optionsTable(currentPlan).split('\n')[2]).toBe(
      '| `appliesToReasons` | `["arbetsloshet"]` | Försörjningshinder the rule applies to (akter with no supportReason always count) |',
    );
    expect(optionsTable(subgoalsDated)).toBe('This rule has no options.');
    const rows = reasonsTable(currentPlan).split('\n');
    expect(rows).toHaveLength(2 + 4 + 1);
    expect(rows[4]).toMatch(/^\| `expired` \| fail \| `planId`, `validTo` \| Den senaste arbetsplanen/);
    expect(rows[6]).toMatch(/^\| `other-support-reason` \| not applicable \| `supportReason` \|/);
  });

  it('keeps the prose around a section and refuses a page without its markers', () => {
    const page = 'före\n<!-- generated: x -->\ngammalt\n<!-- /generated: x -->\nefter\n';
    expect(withGenerated(page, 'x', 'nytt')).toBe('före\n<!-- generated: x -->\nnytt\n<!-- /generated: x -->\nefter\n');
    expect(() => withGenerated(page, 'y', 'nytt')).toThrow(/no generated section "y"/);
  });

  it('shows long built-in lists by their length and escapes pipes', () => {
    expect(rulesTable(builtinRules, PRESETS).split('\n')).toHaveLength(2 + builtinRules.length);
    expect(rulesTable(builtinRules, PRESETS)).toContain('| [`current-plan`](docs/rules/current-plan.md) | Aktuell arbetsplan | Current work plan | core | error | stadsdelsnämnden |');
  });

  it('explain --lang en prints the page without the markers', () => {
    const r = cli(['explain', 'current-plan', '--lang', 'en']);
    expect(r.stdout).toContain('## Options\n| option | default | meaning |');
    expect(r.stdout).not.toContain('generated:');
  });
});
