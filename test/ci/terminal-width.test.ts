import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const run = (columns: string | undefined, lang = 'sv') =>
  cli(['check', 'fixtures/stockholm-2011/csv', 'fixtures/broken/extra', '--as-of', '2010-11-15', '--format', 'terminal', '--lang', lang], { env: columns === undefined ? {} : { COLUMNS: columns } }).stdout.split('\n');
const widest = (lines: string[]) => Math.max(...lines.map((l) => [...l].length));
const tableWidth = (lines: string[]) => [...lines.find((l) => l.startsWith('┌'))!].length;

describe('the terminal format fits the terminal', () => {
  it.each(['80', '100', '120'])('at COLUMNS=%s no line is wider, and the tables use the width', (columns) => {
    for (const lang of ['sv', 'en']) {
      const lines = run(columns, lang);
      expect(widest(lines)).toBeLessThanOrEqual(Number(columns));
      expect(tableWidth(lines)).toBe(Number(columns));
    }
  });

  it('at 80 columns passed and failed become one column ("2 av 10"); wide terminals are used up to 160 columns', () => {
    const narrow = run('80');
    expect(narrow.filter((l) => l.includes('Aktuell arbetsplan'))).toContainEqual(expect.stringMatching(/│ 2 av 10 +│ 20 % \(6–51 %\)\* +│ Ej uppfyllt +│$/));
    expect(tableWidth(run('200'))).toBe(160);
  });

  it('without a terminal or COLUMNS it is 100 columns wide', () => {
    expect(tableWidth(run(undefined))).toBe(100);
  });
});
