import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { disagreements, lastLine, type PeerFigures, type ReportFigures } from '../scripts/bench/agreement.mjs';
import { foldText, PLACEHOLDERS, REFERENCE_MAX_WORDS, REFERENCE_WORDS } from '../src/engine/text.js';
import { cli } from './helpers/cli.js';

// The benchmark's DuckDB peer (scripts/bench/duckdb-rules.sql) must compute what `check` computes;
// its speed is measured by `npm run bench`, never here.

const dir = mkdtempSync(path.join(tmpdir(), 'akt-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const figure = (district: string | null, ruleId: string, passed: number, failed: number): PeerFigures => ({
  district, ruleId, applicable: passed + failed, passed, failed, notAssessable: 0, notApplicable: 1,
});
const report = (figures: PeerFigures[]): ReportFigures => ({
  rules: [...new Set(figures.map((f) => f.ruleId))].map((ruleId) => ({ ruleId })),
  districts: [...new Set(figures.map((f) => f.district))].map((district) => ({
    district,
    rules: figures.filter((f) => f.district === district).map((f) => ({ ...f })),
  })),
});

describe('disagreements', () => {
  const same = [figure('Bromma', 'current-plan', 3, 4), figure(null, 'current-plan', 1, 0)];

  it('finds none when every figure is equal', () => {
    expect(disagreements(report(same), same)).toEqual([]);
  });

  it('names the rule, the stadsdel and both figures', () => {
    const peer = [figure('Bromma', 'current-plan', 2, 5), same[1]!];
    expect(disagreements(report(same), peer)).toEqual([
      'current-plan, stadsdel Bromma: passed is 3 in check, 2 in DuckDB',
      'current-plan, stadsdel Bromma: failed is 4 in check, 5 in DuckDB',
    ]);
  });

  it('reports a stadsdel only one side has, and a rule check did not run', () => {
    const peer = [same[0]!, figure('Farsta', 'subgoals-present', 1, 1)];
    expect(disagreements(report(same), peer)).toEqual([
      'subgoals-present: computed by DuckDB but not run by check',
      'current-plan, stadsdel (no stadsdel): no figures from DuckDB',
    ]);
  });

  it('compares only the rules the peer computes', () => {
    const tool = report([...same, figure('Bromma', 'individual-goals', 0, 9)]);
    expect(disagreements(tool, same)).toEqual([]);
  });
});

describe('lastLine', () => {
  it('reads the last line, with or without a final newline, also past a read of 1 MB', () => {
    const long = 'y'.repeat(1_500_000);
    for (const [text, last] of [['a\nb\n', 'b'], ['a\nb', 'b'], ['only', 'only'], [`a\n${long}\n`, long]] as const) {
      const file = path.join(dir, 'lines.ndjson');
      writeFileSync(file, text);
      expect(lastLine(file)).toBe(last);
    }
  });
});

describe('duckdb-rules.sql', () => {
  const sql = readFileSync('scripts/bench/duckdb-rules.sql', 'utf8');
  const quoted = (s: string) => [...s.matchAll(/'([^']*)'/g)].map((m) => m[1]);

  it("holds the tool's placeholder and reference lists, folded", () => {
    const list = /list_contains\(\[([^\]]*)\]/.exec(sql)![1]!;
    expect(quoted(list)).toEqual(PLACEHOLDERS.map(foldText));
    const reference = /regexp_full_match\(f, '\(([^)]*)\)\( \[\^ \]\+\)\{1,(\d)\}'\)/.exec(sql)!;
    expect(reference[1]!.split('|')).toEqual(REFERENCE_WORDS.map(foldText));
    expect(Number(reference[2]) + 1).toBe(REFERENCE_MAX_WORDS);
  });
});

// A small export with the data problems the tool must absorb: duplicate and unknown caseIds, blank
// and padded values, compact and timed dates, days that do not exist, coded values in other spellings,
// placeholders and references, a planId used twice, two plans in force from the same day; and
// follow-ups whose type, window start or gap decides the akt.
const EXPORT = {
  'cases.csv': `caseId,district,personId,caseworker,supportReason,supportStart
A1,Bromma,,H1,arbetsloshet,2010-01-01
 A2 , Bromma ,,H1,Arbetslöshet,20100301
A3,Farsta,,H2,Sociala medicinska,2010-01-01
A4,,,H2,okänd,2010-01-01
A1,Farsta,,H3,ovrigt,2010-01-01
,Farsta,,H3,arbetsloshet,2010-01-01
A5,Farsta,,H3,,2010-02-30
A6,Farsta,,H3,arbetsloshet,
A7,Bromma,,H1,ovrigt,2010-01-01
A8,Bromma,,H1,arbetsloshet,2010-06-01
A9,Bromma,,H1,arbetsloshet,2009-01-01
A10,Farsta,,H3,arbetsloshet,2009-01-01
A11,Farsta,,H3,arbetsloshet,2009-01-01
A12,Farsta,,H3,arbetsloshet,2010-12-01
A13,Farsta,,H3,arbetsloshet,2010-12-01
A14,Farsta,,H3,arbetsloshet,2010-12-01
`,
  'plans.csv': `caseId,planId,created,validFrom,validTo,goal,activities,requirements,clientView,nextFollowUp,replaces
A1,P1,2011-01-01,2011-01-01,2011-12-31,Mål,Akt,Ej tillfrågad.,,2011-07-01,
A2,P1,2011-01-01,20110101,2011-12-31T00:00,Mål,Akt,Delta heltid.,,2011-07-01,
A3,P1,2011-01-01,2011-01-01,2011-12-31,Mål,Akt,Delta.,,,
A5,P1,2011-01-01,2011-13-01,2011-12-31,Mål,Akt,Delta.,,2011-07-01,
A5,P2,2011-01-01 09:30,2011-01-02 10:00:00+01:00,2011-12-31,Mål,Akt,-,,2011-07-01,
A6,P1,2010-12-01,2011-01-01,2011-12-31,Mål,Akt,Delta.,,2011-07-01,
A6,P2,2010-12-02,2011-01-01,2011-06-30,Mål,Akt,  ,,2011-07-01,
A7,P1,2011-02-01,2011-02-01,2011-12-31,Mål,Akt,Delta.,,2011-07-01,
A7,P1,2011-01-01,2011-01-01,2011-12-31,Mål,Akt,Delta.,,2011-07-01,
A8,P1,2011-03-01,2011-03-01,2011-12-31,Mål,Akt,se ovan,,2011-07-01,
A9,P1,2010-06-01,2010-06-01,2010-12-31,Mål,Akt,Delta.,,2010-09-01,
A9,P2,2011-01-01,2011-01-01,2011-12-31,Mål,Akt,Delta.,,2011-07-01,
A10,P1,2010-01-01,2010-01-01,2010-12-31,Mål,Akt,Delta.,,2010-04-01,
A10,P2,2011-01-01,2011-01-01,2011-12-31,Mål,Akt,Delta.,,2011-07-01,
A11,P1,2011-01-01,2011-01-01,2011-12-31,Mål,Akt,Delta.,,2011-07-01,
A12,P1,2011-01-01,2011-01-01,2011-12-31,Mål,Akt,Delta.,,2011-07-01,
A13,P1,2011-01-01,2011-01-01,2011-12-31,Mål,Akt,Delta.,,2011-07-01,
A14,P1,2011-01-01,2011-01-01,2011-12-31,Mål,Akt,Delta.,,2011-07-01,
Z9,P1,2011-01-01,2011-01-01,2011-12-31,Mål,Akt,Delta.,,2011-07-01,
`,
  'subgoals.csv': `caseId,planId,text,due
A1,P1,-,
A1,P1,Truckkort klart,
A2,P1,Ej aktuellt,
A3,P1,Se journalanteckning 3/5,
A5,P2,Godkänd SFI,
A6,P1,Truckkort,
A7,P1,Praktik,
A8,P1,se journalanteckning 2011-03-01 och 2011-04-01,
A9,P2,Ok.,
A9,P9,Truckkort,
A9,,Truckkort,
Z9,P1,Truckkort,
`,
  'followups.csv': `caseId,date,planId,type,outcome,goalsRevised
A1,2011-02-01,P1,uppfoljning,Hållen.,false
A1,2011-04-15,P1,Trepartssamtal,Bra.,nej
A1,2011-05-20,P1,narvarokontroll,Närvaro ok.,false
A2,2011-01-15,P1,uppfoljning,Hållen,false
A2,2011-03-01,P1,bogus,Hållen,false
A2,2011-05-01,P1,,Hållen,x
A3,2011-05-01,P1,uppfoljning,Oförändrat,false
A5,2011-04-01,P2,uppfoljning,Hållen,Ja
A8,2011-03-15,P1,uppfoljning,Hållen,false
A8,2011-04-30,P1,uppföljning,"se journal, 2011-03-01",false
A8,2011-05-25,P1,UPPFÖLJNING,  ,false
A9,2010-06-15,P1,uppfoljning,Hållen,false
A9,2010-09-15,P1,uppfoljning,Hållen,false
A9,2010-12-20,P1,uppfoljning,Hållen,false
A9,2011-02-30,P2,uppfoljning,Hållen,false
A9,2011-03-01,P2,Närvarokontroll,Hållen,false
A9,2011-03-20,P2,uppfoljning,Hållen,false
A9,2011-05-15,P2,uppfoljning,Hållen,false
A9,2011-07-01,P2,uppfoljning,Hållen,false
A10,2010-08-01,P1,,Hållen,false
A10,2010-11-01,P1,Ärendegenomgång,Hållen,false
A10,2011-02-01,P2,bogus,Hållen,false
A10,2011-05-01,P2,uppfoljning,Hållen,false
A11,2010-10-01,P1,uppfoljning,Hållen,false
A11,2011-01-01,P1,uppfoljning,Hållen,false
A11,2011-04-01,P1,uppfoljning,Hållen,false
A11,2011-05-20,P1,uppfoljning,Hållen,false
A12,2010-10-01,P1,uppfoljning,-,false
A12,2010-11-01,P1,uppfoljning,Hållen,false
A12,2011-03-01,P1,uppfoljning,Hållen,false
A12,2011-05-01,P1,uppfoljning,Hållen,false
A13,2011-03-01,P1,Närvarokontroll,Hållen,false
A13,2011-05-01,P1,uppfoljning,Hållen,false
A14,2011-03-01,P1,uppfoljning,Hållen,false
A14,2011-04-01,P1,uppfoljning,Oförändrat.,false
A14,2011-05-01,P1,uppfoljning,Hållen,false
Z9,2011-01-01,P1,uppfoljning,Hållen,false
`,
};

describe('the DuckDB peer against check', () => {
  it('gives the same figures per stadsdel and rule on an export with data problems', () => {
    const csv = path.join(dir, 'csv');
    rmSync(csv, { recursive: true, force: true });
    mkdirSync(csv);
    for (const [name, text] of Object.entries(EXPORT)) writeFileSync(path.join(csv, name), text);
    const out = path.join(dir, 'report.json');
    const run = cli(['check', csv, '--as-of', '2011-06-01', '--format', 'json', '--quiet', '-o', out]);
    expect(run.stderr).toBe('');
    const tool = JSON.parse(readFileSync(out, 'utf8')) as ReportFigures & { input: { rowsRejected: number } };
    expect(tool.input.rowsRejected).toBe(7);

    const peer = spawnSync(process.execPath, ['scripts/bench/duckdb.mjs', csv, '2011-06-01'], { encoding: 'utf8' });
    expect(peer.stderr).toBe('');
    const { figures } = JSON.parse(peer.stdout) as { figures: PeerFigures[] };
    expect(new Set(figures.map((f) => f.ruleId))).toEqual(new Set(['current-plan', 'subgoals-present', 'requirements-stated', 'follow-ups-traceable']));
    // Each rule both passes and fails somewhere, so an agreement says something.
    for (const ruleId of ['current-plan', 'subgoals-present', 'requirements-stated', 'follow-ups-traceable']) {
      const mine = figures.filter((f) => f.ruleId === ruleId);
      expect(mine.reduce((n, f) => n + f.passed, 0), ruleId).toBeGreaterThan(0);
      expect(mine.reduce((n, f) => n + f.failed, 0), ruleId).toBeGreaterThan(0);
    }
    expect(disagreements(tool, figures)).toEqual([]);
  });
});
