import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../../src/errors.js';
import type { Report } from '../../src/report/types.js';
import { thresholdBreaches, verdict } from '../../src/report/verdict.js';
import { cli } from '../helpers/cli.js';

const CHECK = ['check', path.resolve('fixtures/stockholm-2011/csv'), '--as-of', '2010-11-15', '--quiet', '--format', 'json'];
const report = JSON.parse(cli(CHECK).stdout) as Report;

describe('thresholds decide the exit code when given', () => {
  // Spånga-Tensta has a current plan in 2 of 10 akter (20 %), Hägersten-Liljeholmen in 10 of 10.
  it('a stadsdel exactly at its threshold is not below it; one akt less is', () => {
    expect(thresholdBreaches(report, { 'current-plan': 20 })).toEqual([]);
    expect(thresholdBreaches(report, { 'current-plan': 20.1 })).toEqual([
      { ruleId: 'current-plan', district: 'Spånga-Tensta', passed: 2, applicable: 10, threshold: 20.1 },
    ]);
    expect(verdict(report, { thresholds: { 'current-plan': 20 } })).toMatchObject({ code: 0, reason: 'clean' });
    expect(verdict(report, { thresholds: { 'current-plan': 21 } })).toMatchObject({ code: 1, reason: 'below-threshold' });
    expect(verdict(report)).toMatchObject({ code: 1, reason: 'failures' });
  });

  it('end to end: --threshold, repeatable, and rules without one do not count', () => {
    expect(cli([...CHECK, '--threshold', 'current-plan=20']).code).toBe(EXIT_OK);
    expect(cli([...CHECK, '--threshold', 'current-plan=21']).code).toBe(EXIT_FINDINGS);
    expect(cli([...CHECK, '--threshold', 'current-plan=20', '--threshold', 'current-plan=30']).code).toBe(EXIT_FINDINGS);
    expect(cli([...CHECK, '--threshold', 'current-plan=20%', '--threshold', 'subgoals-present=0']).code).toBe(EXIT_OK);
  });

  it('the config has "thresholds"; --threshold wins for its rule', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'akt-thr-'));
    writeFileSync(path.join(dir, 'aktgranskning.config.json'), JSON.stringify({ thresholds: { 'current-plan': 90 } }));
    expect(cli(CHECK, { cwd: dir }).code).toBe(EXIT_FINDINGS);
    expect(cli([...CHECK, '--threshold', 'current-plan=20'], { cwd: dir }).code).toBe(EXIT_OK);
  });

  it('with a baseline, the failures it accepts count as passed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'akt-thr-'));
    const baseline = path.join(dir, 'baseline.json');
    const written = cli([...CHECK, '--write-baseline', baseline, '--baseline-reason', 'känt', '--baseline-expires', '2011-12-31', '--output', path.join(dir, 'r.json')]);
    expect(written.code).toBe(EXIT_OK);
    expect(cli([...CHECK, '--baseline', baseline, '--threshold', 'current-plan=100']).code).toBe(EXIT_OK);
    // Expired entries count as failures again.
    expect(cli([...CHECK, '--as-of', '2012-01-15', '--baseline', baseline, '--threshold', 'current-plan=100']).code).toBe(EXIT_FINDINGS);
  });

  it('a threshold for an unknown rule, one that does not run, or a bad per cent is a usage error', () => {
    const unknown = cli([...CHECK, '--threshold', 'current-plans=90']);
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toBe('aktgranskning: --threshold: okänd regel "current-plans" (menade du current-plan?); kör \'aktgranskning rules\' för listan\n');
    expect(cli([...CHECK, '--threshold', 'current-plans=90', '--lang', 'en']).stderr).toContain('did you mean current-plan?');
    expect(cli([...CHECK, '--threshold', 'current-plan=90', '--skip-rule', 'current-plan']).code).toBe(EXIT_USAGE);
    expect(cli([...CHECK, '--threshold', 'current-plan=101']).code).toBe(EXIT_USAGE);
    expect(cli([...CHECK, '--threshold', 'current-plan']).code).toBe(EXIT_USAGE);
  });
});
