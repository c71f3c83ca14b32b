import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { goalMatcher } from '../src/engine/goal-text.js';
import { placeholderOf } from '../src/engine/text.js';

/**
 * Fidelity of the goal judgement against hand labels: test/data/goal-corpus.tsv holds goal texts
 * written to resemble real arbetsplaner, each labelled generic or individual as an auditor would,
 * before the heuristic was written. A placeholder ("-", "Se tidigare plan") is no goal: generic.
 */
const read = (file: string) =>
  readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => {
    const [label, goal, reason] = l.split('\t') as [string, string, string];
    return { label, goal, reason };
  });
const corpus = read('test/data/goal-corpus.tsv');
const holdout = read('test/data/goal-holdout.tsv');
const holdout2 = read('test/data/goal-holdout-2.tsv');
const rows = [...corpus, ...holdout, ...holdout2];

// A matcher per test: it remembers judgements, and a mutation run must see each test judge its goals.
let matcher = goalMatcher();
beforeEach(() => {
  matcher = goalMatcher();
});
const judged = (goal: string) => (placeholderOf(goal) !== undefined || goal.trim() === '' ? 'generic' : matcher.judge(goal).individual ? 'individual' : 'generic');

describe('goal corpus', () => {
  it('has at least 300 labelled goals, each with a reason, of both kinds', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    for (const r of rows) {
      expect(['generic', 'individual'], r.goal).toContain(r.label);
      expect(r.reason.trim(), r.goal).not.toBe('');
    }
    expect(rows.filter((r) => r.label === 'generic').length).toBeGreaterThan(100);
    expect(rows.filter((r) => r.label === 'individual').length).toBeGreaterThan(100);
  });

  const agreement = (set: typeof rows, name: string): number => {
    const misses = set.filter((r) => judged(r.goal) !== r.label);
    // Printed so that a run shows the measured figure and the misses, not only pass or fail.
    const lines = [`${name}: ${set.length - misses.length} of ${set.length} agree (${((1 - misses.length / set.length) * 100).toFixed(1)} %)`];
    for (const m of misses) lines.push(`  miss: labelled ${m.label}: ${m.goal}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 1 - misses.length / set.length;
  };

  it('agrees with the auditor on at least 95 % of all labelled goals', () => {
    expect(agreement(rows, 'all labelled goals')).toBeGreaterThanOrEqual(0.95);
  });

  it('agrees on every labelled goal of the tuning corpus', () => {
    expect(agreement(corpus, 'corpus (in-sample)')).toBe(1);
  });

  // Measured once, when the set was written: 52 of 60 (86.7 %). Its misses then led to occupation
  // endings, frequencies and practical steps (issue 16), so from then on it is in-sample too.
  it('agrees on at least 85 % of the first held-out goals', () => {
    expect(agreement(holdout, 'held-out goals')).toBeGreaterThanOrEqual(0.85);
  });

  // Written and committed before the heuristic was first run on it; measured then: 105 of 107 (98.1 %),
  // missing a masked name ("NN") and a region ("Stockholmsregionen") read as named anchors. Not tuned on.
  it('agrees on at least 95 % of the second held-out set', () => {
    expect(agreement(holdout2, 'held-out goals 2')).toBeGreaterThanOrEqual(0.95);
  });
});
