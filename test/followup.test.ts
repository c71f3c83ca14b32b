import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalCdf, twoProportionP } from '../src/compare/compare.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../src/errors.js';
import { cli } from './helpers/cli.js';

const Y2011 = 'fixtures/stockholm-2011/json';
const Y2012 = 'fixtures/stockholm-2012/json';
const AS_OF = ['--as-of', '2010-11-15'];
const tmp = () => mkdtempSync(path.join(tmpdir(), 'akt-followup-'));

function report(dir: string, file: string, extra: string[] = []): string {
  const r = cli(['check', dir, ...AS_OF, '--format', 'json', '--output', file, '--quiet', ...extra]);
  expect(r.stderr).toBe('');
  return file;
}

interface Comparison {
  districts: { district: string; presence: string; rules: { ruleId: string; presence: string; before?: { share: number }; after?: { share: number }; changePoints: number | null; pValue: number | null; significant: boolean }[] }[];
  akter: { caseId: string; ruleId: string; from: string; to: string }[];
}

describe('the two-proportion test', () => {
  it('matches known values', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    // 2/10 vs 10/10: z = 3.65, p ≈ 0.00026 (as R's prop.test(c(2,10), c(10,10), correct = FALSE)).
    expect(twoProportionP(2, 10, 10, 10)).toBeCloseTo(0.00026, 4);
    expect(twoProportionP(5, 10, 5, 10)).toBeCloseTo(1, 6);
    expect(twoProportionP(1, 0, 1, 2)).toBeNull();
  });
});

describe('compare', () => {
  const dir = tmp();
  const before = report(Y2011, path.join(dir, 'before.json'));
  const after = report(Y2012, path.join(dir, 'after.json'));

  it('shows what changed per stadsdel and rule, and whether it is larger than chance', () => {
    const r = cli(['compare', before, after, '--format', 'json']);
    expect(r.code).toBe(EXIT_OK);
    const c = JSON.parse(r.stdout) as Comparison;
    const st = c.districts.find((d) => d.district === 'Spånga-Tensta')!.rules.find((x) => x.ruleId === 'current-plan')!;
    // 2 of 10 → 10 of 10: too few akter for the z-test (fewer than 5 expected failures), so none is run.
    expect(st).toMatchObject({ presence: 'both', before: { share: 0.2 }, after: { share: 1 }, changePoints: 80, pValue: null, significant: false, tooFewForTest: true });
    const hl = c.districts.find((d) => d.district === 'Hägersten-Liljeholmen')!.rules.find((x) => x.ruleId === 'current-plan')!;
    expect(hl).toMatchObject({ changePoints: 0, significant: false });
  });

  it('lists the akter that changed, by caseId, or by pseudonym with --public', () => {
    const c = JSON.parse(cli(['compare', before, after, '--format', 'json']).stdout) as Comparison;
    const fixed = c.akter.filter((a) => a.ruleId === 'current-plan' && a.to === 'pass').map((a) => a.caseId);
    expect(fixed).toEqual(['ST-0003', 'ST-0004', 'ST-0005', 'ST-0006', 'ST-0007', 'ST-0008', 'ST-0009', 'ST-0010']);
    const pub = JSON.parse(cli(['compare', before, after, '--format', 'json', '--public'], { env: { AKTGRANSKNING_PSEUDONYM_KEY: 'k'.repeat(20) } }).stdout) as Comparison;
    expect(pub.akter.every((a) => /^AKT-/.test(a.caseId))).toBe(true);
  });

  it('writes in the style of an uppföljande granskning', () => {
    const md = cli(['compare', before, after, '--format', 'markdown']).stdout;
    expect(md).toContain('Andelen akter som uppfyller ”Aktuell arbetsplan” har ökat från 20 % till 100 % (80 procentenheter). För få akter för att pröva om förändringen är större än slumpen');
    expect(md).not.toMatch(/\|\n\n\|/);
    const en = cli(['compare', before, after, '--format', 'markdown', '--lang', 'en']).stdout;
    expect(en).toContain('The share of case files meeting “Current work plan” has increased from 20% to 100% (80 percentage points).');
  });

  it('compares exports directly when given their audit dates', () => {
    const r = cli(['compare', Y2011, Y2012, '--before-as-of', '2010-11-15', '--after-as-of', '2010-11-15', '--format', 'json']);
    expect(r.code).toBe(EXIT_OK);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(cli(['compare', before, after, '--format', 'json']).stdout));
    expect(cli(['compare', Y2011, after, '--lang', 'en']).stderr).toMatch(/give its audit date with --before-as-of/);
    expect(cli(['compare', Y2011, after]).stderr).toMatch(/ange exportens granskningsdatum med --before-as-of ÅÅÅÅ-MM-DD/);
  });

  it('reads a schemaVersion 2 report (last year’s) beside a version 3 one, as it reads the same report made now', () => {
    // Made by the version before schemaVersion 3 from the 2011 akter of Spånga-Tensta with only their
    // cases and plans tables: every akt has a not-assessable result for subgoals-present and follow-ups-traceable.
    const v2 = 'test/fixtures/report-v2/spanga-tensta-2011-plans-only.json';
    const v3 = path.join(dir, 'plans-only.json');
    const r = cli(['check', 'fixtures/stockholm-2011/csv/cases.csv', 'fixtures/stockholm-2011/csv/plans.csv', ...AS_OF, '--preset', 'core', '--district', 'Spånga-Tensta', '--format', 'json', '--output', v3, '--quiet']);
    expect(r.code).toBe(EXIT_FINDINGS);
    expect((JSON.parse(readFileSync(v2, 'utf8')) as { schemaVersion: number }).schemaVersion).toBe(2);
    for (const [x, y] of [[v2, after], [after, v2]]) {
      const old = cli(['compare', x!, y!, '--format', 'json']);
      expect(old.code).toBe(EXIT_OK);
      const now = cli(['compare', x === v2 ? v3 : x!, y === v2 ? v3 : y!, '--format', 'json']);
      expect(JSON.parse(old.stdout)).toEqual(JSON.parse(now.stdout));
    }
    const c = JSON.parse(cli(['compare', v2, after, '--format', 'json']).stdout) as Comparison;
    expect(c.akter.filter((a) => a.ruleId === 'current-plan' && a.to === 'pass')).toHaveLength(8);
    const follow = c.districts.find((d) => d.district === 'Spånga-Tensta')!.rules.find((x) => x.ruleId === 'follow-ups-traceable')!;
    expect(follow).toMatchObject({ presence: 'both', before: { share: null }, changePoints: null });
  });

  it('refuses a report of schemaVersion 1, naming the command that makes a readable one', () => {
    const old = JSON.parse(readFileSync('test/fixtures/report-v2/spanga-tensta-2011-plans-only.json', 'utf8')) as Record<string, unknown>;
    const file = path.join(dir, 'v1.json');
    writeFileSync(file, JSON.stringify({ ...old, schemaVersion: 1 }));
    const r = cli(['compare', file, after, '--lang', 'en']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/a report this version cannot read \(schemaVersion\); run check again/);
  });

  it('shows rules and stadsdelar that are in only one run as such', () => {
    const core = report(Y2011, path.join(dir, 'core.json'), ['--preset', 'core', '--district', 'Spånga-Tensta']);
    const c = JSON.parse(cli(['compare', core, after, '--format', 'json']).stdout) as Comparison;
    expect(c.districts.find((d) => d.district === 'Hägersten-Liljeholmen')!.presence).toBe('after-only');
    const st = c.districts.find((d) => d.district === 'Spånga-Tensta')!;
    expect(st.rules.find((x) => x.ruleId === 'waiting-time')!.presence).toBe('after-only');
  });
});

describe('baselines for CI', () => {
  const core = ['--preset', 'core'];
  function setup(): { dir: string; file: string } {
    const dir = tmp();
    const file = path.join(dir, 'baseline.json');
    const r = cli(['check', Y2011, ...AS_OF, ...core, '--write-baseline', file, '--baseline-reason', 'Känt sedan 2011', '--baseline-expires', '2011-06-30']);
    expect(r.code).toBe(EXIT_OK);
    return { dir, file };
  }

  it('round trip: a baseline of the failures makes the same run pass, and is stable under re-writing', () => {
    const { file } = setup();
    const first = readFileSync(file, 'utf8');
    expect(JSON.parse(first)).toMatchObject({ version: 1 });
    expect(cli(['check', Y2011, ...AS_OF, ...core, '--baseline', file]).code).toBe(EXIT_OK);
    // Re-written without reason or expiry: every entry is known, so nothing changes.
    cli(['check', Y2011, ...AS_OF, ...core, '--write-baseline', file]);
    expect(readFileSync(file, 'utf8')).toBe(first);
    const entries = (JSON.parse(first) as { entries: { ruleId: string; caseId: string }[] }).entries;
    const sorted = [...entries].sort((a, b) => (a.ruleId + a.caseId < b.ruleId + b.caseId ? -1 : 1));
    expect(entries).toEqual(sorted);
  });

  it('new failures set exit 1; the report shows the baseline failures apart', () => {
    const { file } = setup();
    const r = cli(['check', Y2012, ...AS_OF, ...core, '--baseline', file, '--format', 'json']);
    expect(r.code).toBe(EXIT_FINDINGS);
    const rep = JSON.parse(r.stdout) as { baseline: { accepted: number; fresh: number; expired: number; stale: unknown[] }; cases: { results: { baseline?: string }[] }[] };
    // ST-0001 (both years) and ST-0005 (2012) have only attendance checks between trepartssamtal,
    // which are not follow-ups of the plan: one more accepted and one more fresh failure than before issue 16.
    expect(rep.baseline).toMatchObject({ accepted: 31, fresh: 24, expired: 0 });
    expect(rep.baseline.stale).toHaveLength(8);
    expect(rep.cases.flatMap((c) => c.results).filter((x) => x.baseline === 'accepted')).toHaveLength(31);
  });

  it('expired entries count as failures again', () => {
    const { file } = setup();
    const r = cli(['check', Y2011, '--as-of', '2011-07-01', ...core, '--baseline', file, '--format', 'json']);
    expect(r.code).toBe(EXIT_FINDINGS);
    expect((JSON.parse(r.stdout) as { baseline: { expired: number } }).baseline.expired).toBeGreaterThan(0);
  });

  it('--prune-baseline removes the entries that no longer fail', () => {
    const { dir, file } = setup();
    const copy = path.join(dir, 'copy.json');
    copyFileSync(file, copy);
    cli(['check', Y2012, ...AS_OF, ...core, '--baseline', copy, '--prune-baseline']);
    const before = (JSON.parse(readFileSync(file, 'utf8')) as { entries: unknown[] }).entries.length;
    const after = (JSON.parse(readFileSync(copy, 'utf8')) as { entries: { ruleId: string; caseId: string }[] }).entries;
    expect(after).toHaveLength(before - 8);
    expect(after.some((e) => e.ruleId === 'current-plan' && e.caseId === 'ST-0003')).toBe(false);
  });

  it('the akter are checked once: the baseline takes its failures from the pass that aggregates', () => {
    const { dir, file } = setup();
    // A rule that counts how often it is asked, and says so as the run ends.
    writeFileSync(
      path.join(dir, 'count.mjs'),
      `let n = 0;\nprocess.on('exit', () => process.stderr.write('checked ' + n + '\\n'));\nexport default { id: 'count-checks', title: { sv: 'x', en: 'x' }, criterion: { sv: 'x', en: 'x', source: 's' }, defaultSeverity: 'error', reasons: { x: { sv: 'x', en: 'x' } }, observation: { sv: 'x', en: 'x' }, recommendation: { sv: 'x', en: 'x' }, check: () => (n++, { status: 'pass' }) };\n`,
    );
    const config = path.join(dir, 'aktgranskning.config.json');
    writeFileSync(config, JSON.stringify({ plugins: ['./count.mjs'], preset: 'core', rules: { 'count-checks': 'error' } }));
    const checked = (...extra: string[]) => {
      const r = cli(['check', Y2011, ...AS_OF, '--config', config, ...extra]);
      expect(r.code).toBe(extra.length === 0 ? EXIT_FINDINGS : EXIT_OK);
      return Number(/^checked (\d+)$/m.exec(r.stderr)?.[1]);
    };
    // The fixture's 20 akter, each asked once.
    expect(checked()).toBe(20);
    expect(checked('--baseline', file)).toBe(20);
    expect(checked('--write-baseline', path.join(dir, 'again.json'), '--baseline-reason', 'x', '--baseline-expires', '2011-06-30')).toBe(20);
    expect(readFileSync(path.join(dir, 'again.json'), 'utf8')).toBe(readFileSync(file, 'utf8').replaceAll('Känt sedan 2011', 'x'));
  });

  it('edited entries keep their reason; bad files and missing reasons are user errors', () => {
    const { dir, file } = setup();
    const b = JSON.parse(readFileSync(file, 'utf8')) as { entries: { reason: string; expires: string }[] };
    b.entries[0]!.reason = 'Omprövas i maj';
    writeFileSync(file, JSON.stringify(b));
    cli(['check', Y2011, ...AS_OF, ...core, '--write-baseline', file]);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { entries: { reason: string }[] }).entries[0]!.reason).toBe('Omprövas i maj');
    const fresh = path.join(dir, 'new.json');
    expect(cli(['check', Y2011, ...AS_OF, ...core, '--write-baseline', fresh, '--lang', 'en']).stderr).toMatch(/need --baseline-reason/);
    writeFileSync(fresh, '{"version":1,"entries":[{"ruleId":"x","caseId":"y","reason":"","expires":"2011-01-01"}]}');
    const r = cli(['check', Y2011, ...AS_OF, '--baseline', fresh, '--lang', 'en']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/entries\.0\.reason: give every entry a reason/);
    expect(cli(['check', Y2011, ...AS_OF, '--baseline', fresh]).stderr).toMatch(/entries\.0\.reason: ge varje post ett skäl$/m);
  });
});
