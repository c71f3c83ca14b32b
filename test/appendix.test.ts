import { describe, expect, it } from 'vitest';
import { EXIT_USAGE } from '../src/errors.js';
import { cli } from './helpers/cli.js';

const FIXTURE = 'fixtures/stockholm-2011/csv';
const check = (...args: string[]) => cli(['check', FIXTURE, '--as-of', '2010-11-15', ...args]);
type Json = { cases: { caseId: string; results: { ruleId: string; status: string }[] }[] };

/** Rows of Bilaga A's per-stadsdel tables that name an akt: "| title | `ID` | …". */
function listedRows(md: string): string[] {
  const a = md.slice(md.indexOf('## Bilaga A'), md.indexOf('## Bilaga B'));
  return a.split('\n').filter((l) => /^\| [^|]+ \| `[^`]+` \|/.test(l));
}

describe('Bilaga A lists akter with findings, capped per stadsdel and granskningspunkt', () => {
  it('the 2011 fixture lists every failing (akt, granskningspunkt) and nothing that passed or did not apply', () => {
    const json = JSON.parse(check('--format', 'json').stdout) as Json;
    const failing = json.cases.flatMap((c) => c.results.filter((r) => r.status === 'fail').map((r) => `${r.ruleId} ${c.caseId}`));
    const rows = listedRows(check('--format', 'markdown').stdout);
    expect(rows).toHaveLength(failing.length);
    expect(failing.length).toBe(77);
    for (const r of rows) expect(r).not.toMatch(/Ej tillämplig|Uppfyllt \|/);
    expect(rows.some((r) => r.includes('`HL-0001`'))).toBe(true);
  });

  it('--appendix-limit 2 says how many more there are and where they all are', () => {
    const md = check('--format', 'markdown', '--appendix-limit', '2').stdout;
    const rows = listedRows(md);
    // Subgoals-present fails in 8 akter of Hägersten-Liljeholmen: 2 listed, 6 more.
    expect(rows.filter((r) => r.startsWith('| Delmål finns |'))).toHaveLength(4);
    expect(md).toContain('| Delmål finns | … | … och 6 akter till (totalt 8); samtliga i dataformaten |');
    expect(md).toMatch(/högst 2 per grupp/);
  });

  it('--appendix-limit 0 lists no akt, only the counts; all lists every one', () => {
    const none = check('--format', 'markdown', '--appendix-limit', '0').stdout;
    expect(listedRows(none)).toEqual([]);
    expect(none).toContain('| Hägersten-Liljeholmen | 10 | 9 | 1 | 0 |');
    expect(listedRows(check('--format', 'markdown', '--appendix-limit', 'all').stdout)).toHaveLength(77);
    expect(check('--appendix-limit', 'many').code).toBe(EXIT_USAGE);
  });
});

describe('Bilaga B counts data problems per code and lists a few of each', () => {
  it('with --appendix-limit 1 each code has one example and a line with the rest', () => {
    const md = cli(['check', 'fixtures/broken/csv', '--as-of', '2010-11-15', '--format', 'markdown', '--appendix-limit', '1']).stdout;
    const b = md.slice(md.indexOf('## Bilaga B'), md.indexOf('## Bilaga C'));
    const counts = [...b.matchAll(/^\| `([a-z-]+)` \| (fel|notering) \| (\d+) \| (\d+) \|$/gm)];
    expect(counts.length).toBeGreaterThan(2);
    for (const [, code, , n, listed] of counts) {
      expect(Number(listed)).toBe(Math.min(1, Number(n)));
      if (Number(n) > 1) expect(b).toContain(`… och ${Number(n) - 1} till med koden ${code}`);
    }
  });
});
