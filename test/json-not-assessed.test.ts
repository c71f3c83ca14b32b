import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

const FIXTURE = 'fixtures/stockholm-2011/csv';
const AS_OF = ['--as-of', '2010-11-15'];
/** The 2011 akter with only their cases and plans tables: twelve rules lack their data in every akt. */
const PLANS_ONLY = [`${FIXTURE}/cases.csv`, `${FIXTURE}/plans.csv`];

interface Result {
  ruleId: string;
  status: string;
  reasons?: { code: string; data?: Record<string, unknown> }[];
}
interface Summary {
  ruleId: string;
  applicable: number;
  passed: number;
  failed: number;
  notAssessable: number;
}
interface Json {
  schemaVersion: number;
  rules: { ruleId: string }[];
  notAssessed: { ruleId: string; missing: string }[];
  cases: { caseId: string; results: Result[] }[];
  districts: { cases: number; rules: Summary[] }[];
  total: { cases: number; rules: Summary[] };
  tool: unknown;
}

const json = (args: string[]) => {
  const r = cli(['check', ...args, ...AS_OF, '--format', 'json', '--quiet']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Json;
};

describe('schemaVersion 3: a rule the export cannot assess in any akt has no result per akt', () => {
  const report = json(PLANS_ONLY);
  const omitted = new Set(report.notAssessed.map((x) => x.ruleId));

  it('leaves the rules in notAssessed out of every akt, and gives every other rule run a result, in the order of rules[]', () => {
    expect(report.schemaVersion).toBe(3);
    expect(report.notAssessed).toHaveLength(12);
    expect(report.notAssessed).toContainEqual({ ruleId: 'waiting-time', missing: 'jobCenter' });
    const run = report.rules.map((r) => r.ruleId).filter((id) => !omitted.has(id));
    expect(run).toEqual(['current-plan', 'individual-goals', 'requirements-stated', 'client-view-documented']);
    expect(report.cases).toHaveLength(20);
    for (const c of report.cases) expect(c.results.map((r) => r.ruleId)).toEqual(run);
  });

  it('keeps their figures in districts[] and total: every akt not assessable', () => {
    const waiting = report.total.rules.find((s) => s.ruleId === 'waiting-time')!;
    expect(waiting).toMatchObject({ applicable: 0, passed: 0, failed: 0, notAssessable: 20 });
    for (const d of report.districts) expect(d.rules.find((s) => s.ruleId === 'waiting-time')!.notAssessable).toBe(d.cases);
    expect(report.total.rules.map((s) => s.ruleId)).toEqual(report.rules.map((r) => r.ruleId));
  });

  it('writes the same akter in NDJSON, one per line, then the summary', () => {
    const lines = cli(['check', ...PLANS_ONLY, ...AS_OF, '--format', 'ndjson']).stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines.slice(0, -1)).toEqual(report.cases);
    const { cases: _cases, ...summary } = report;
    expect(lines.at(-1)).toEqual(summary);
  });

  it('writes the same with --output-dir, several formats in one pass', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'akt-v3-dir-')), 'out');
    cli(['check', ...PLANS_ONLY, ...AS_OF, '--format', 'json,ndjson', '--output-dir', dir, '--quiet']);
    expect(JSON.parse(readFileSync(path.join(dir, 'aktgranskning.json'), 'utf8'))).toEqual(report);
    const lines = readFileSync(path.join(dir, 'aktgranskning.ndjson'), 'utf8').trimEnd().split('\n');
    expect(lines.slice(0, -1).map((l) => JSON.parse(l) as unknown)).toEqual(report.cases);
  });

  it('leaves them out with --pretty --messages, with --public and with --baseline too', () => {
    const stripped = (x: unknown): unknown =>
      Array.isArray(x) ? x.map(stripped) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'message').map(([k, v]) => [k, stripped(v)])) : x;
    expect(stripped(json([...PLANS_ONLY, '--pretty', '--messages']))).toEqual(report);
    const key = { AKTGRANSKNING_PSEUDONYM_KEY: 'k'.repeat(20) };
    const pub = JSON.parse(cli(['check', ...PLANS_ONLY, ...AS_OF, '--format', 'json', '--public'], { env: key }).stdout) as Json;
    expect(pub.cases.map((c) => c.results.map((r) => r.ruleId))).toEqual(report.cases.map((c) => c.results.map((r) => r.ruleId)));
    const dir = mkdtempSync(path.join(tmpdir(), 'akt-v3-'));
    const baseline = path.join(dir, 'baseline.json');
    cli(['check', ...PLANS_ONLY, ...AS_OF, '--write-baseline', baseline, '--baseline-reason', 'känt', '--baseline-expires', '2011-06-30']);
    const withBaseline = JSON.parse(cli(['check', ...PLANS_ONLY, ...AS_OF, '--format', 'json', '--baseline', baseline]).stdout) as Json;
    expect(withBaseline.cases.flatMap((c) => c.results).filter((r) => omitted.has(r.ruleId))).toEqual([]);
    expect(withBaseline.cases.flatMap((c) => c.results)).toHaveLength(80);
  });

  it('is the schemaVersion 2 report of the same export without those results (test/fixtures/report-v2, made by the version before)', () => {
    const v2 = JSON.parse(readFileSync('test/fixtures/report-v2/spanga-tensta-2011-plans-only.json', 'utf8')) as Json;
    const v3 = json([...PLANS_ONLY, '--district', 'Spånga-Tensta', '--preset', 'core', '--evidence']);
    expect(v2.schemaVersion).toBe(2);
    expect(v3.notAssessed).toEqual(v2.notAssessed);
    const skip = new Set(v2.notAssessed.map((x) => x.ruleId));
    expect(v2.cases.flatMap((c) => c.results).filter((r) => skip.has(r.ruleId))).toHaveLength(20);
    const { tool: _t, ...rest } = v2;
    const { tool: _u, ...now } = v3;
    expect(now).toEqual({ ...rest, schemaVersion: 3, cases: v2.cases.map((c) => ({ ...c, results: c.results.filter((r) => !skip.has(r.ruleId)) })) });
    // Without --evidence, the same with each result's evidence left out.
    const plain = json([...PLANS_ONLY, '--district', 'Spånga-Tensta', '--preset', 'core']);
    const noEvidence = (r: object) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'evidence'));
    expect(v2.cases.some((c) => c.results.some((r) => 'evidence' in r))).toBe(true);
    expect(plain.cases).toEqual(v3.cases.map((c) => ({ ...c, results: c.results.map(noEvidence) })));
  });
});

describe('not assessable in some akter only: kept in their results', () => {
  // Two export directories: the full 2011 export, and one with the same akter (renamed) but only cases and plans.
  const dir = mkdtempSync(path.join(tmpdir(), 'akt-mixed-'));
  cpSync(FIXTURE, path.join(dir, 'full'), { recursive: true });
  mkdirSync(path.join(dir, 'part'));
  for (const table of ['cases.csv', 'plans.csv']) {
    writeFileSync(path.join(dir, 'part', table), readFileSync(path.join(FIXTURE, table), 'utf8').replace(/\b([A-Z]{2}-\d{4})/g, 'X$1'));
  }
  const report = json([dir]);

  it('lists no rule as not assessed, and gives the akter without the data a not-assessable result naming it', () => {
    expect(report.notAssessed).toEqual([]);
    expect(report.cases).toHaveLength(40);
    for (const c of report.cases) expect(c.results).toHaveLength(16);
    const part = report.cases.find((c) => c.caseId === 'XHL-0001')!;
    expect(part.results.find((r) => r.ruleId === 'waiting-time')).toEqual({ ruleId: 'waiting-time', status: 'not-assessable', reasons: [{ code: 'missing-data', data: { data: 'jobCenter' } }] });
    const full = report.cases.find((c) => c.caseId === 'HL-0001')!;
    expect(full.results.find((r) => r.ruleId === 'waiting-time')!.status).not.toBe('not-assessable');
    expect(report.total.rules.find((s) => s.ruleId === 'waiting-time')!.notAssessable).toBe(20);
  });
});

describe('a column absent from the whole export', () => {
  it('leaves the rules reading it out of every akt, as notAssessed lists them (missing-field)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'akt-nogoal-'));
    cpSync(FIXTURE, dir, { recursive: true });
    const plans = path.join(dir, 'plans.csv');
    const rows = parse(readFileSync(plans, 'utf8')) as string[][];
    const at = rows[0]!.indexOf('goal');
    writeFileSync(plans, stringify(rows.map((r) => r.filter((_, i) => i !== at))));
    const report = json([dir]);
    expect(report.notAssessed).toEqual([{ ruleId: 'individual-goals', missing: 'plans.goal' }]);
    expect(report.cases.flatMap((c) => c.results).filter((r) => r.ruleId === 'individual-goals')).toEqual([]);
    expect(report.cases.flatMap((c) => c.results).filter((r) => r.status === 'not-assessable')).toEqual([]);
    expect(report.total.rules.find((s) => s.ruleId === 'individual-goals')).toMatchObject({ applicable: 0, notAssessable: 20 });
  });
});
