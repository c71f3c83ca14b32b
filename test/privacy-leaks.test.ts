import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

/**
 * The nine leaks of issue 14, one test each, on small exports written here. Each failed on the
 * commit before the fix (01c0346); test/privacy.test.ts then scans every output for all of them.
 */
const AS_OF = ['--as-of', '2010-11-15'];
const KEY = { AKTGRANSKNING_PSEUDONYM_KEY: 'test-key-0123456789abcdef' };
const tmp = () => mkdtempSync(path.join(tmpdir(), 'akt-leaks-'));

function exportOf(files: Record<string, string>): string {
  const dir = tmp();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const akt = (caseId: string, extra: Record<string, unknown> = {}) => JSON.stringify({ caseId, district: 'Norrmalm', supportReason: 'arbetsloshet', plans: [], followUps: [], ...extra });
type Problem = { code: string; value?: string; field?: string; file: string };
const problemsOf = (stdout: string) => (JSON.parse(stdout) as { dataProblems: Problem[] }).dataProblems;

// Several runs of the binary each: the machine may be busy.
describe('issue 14: each leak, closed', { timeout: 120_000 }, () => {
  it('1. a value cut at 80 characters keeps no part of a personnummer', () => {
    // The cut at 79 characters falls after "19811218-987": date and birth number, from which Luhn gives the check digit.
    const long = `${'Anteckning '.repeat(5)}${'x'.repeat(5)} se om 19811218-9876 och mer`;
    const dir = exportOf({ 'a.ndjson': `${akt('A1', { supportStart: long, supportReason: long })}\n` });
    const r = cli(['check', dir, ...AS_OF, '--format', 'json']);
    const values = problemsOf(r.stdout).map((p) => p.value ?? '');
    expect(values.length).toBeGreaterThan(1);
    for (const v of values) {
      expect(v).not.toMatch(/811218/);
      expect(v.length).toBeLessThanOrEqual(80);
    }
  });

  it('2. a JSON parse error gives line, column, byte offset and kind, not the text', () => {
    const dir = exportOf({ 'a.json': '[\n {"caseId": "A1",\n  "personId":“811218987"}]', 'b.ndjson': `${akt('B1')}\n{"caseId": "B2", "personId": 19811218-987}\n` });
    const r = cli(['check', dir, ...AS_OF, '--format', 'json']);
    const values = problemsOf(r.stdout).filter((x) => x.code === 'invalid-json').map((x) => x.value);
    // The NDJSON line is line 2 of its file; the .json file gives its byte offset too (“ is three bytes in UTF-8).
    expect(values).toEqual(['3:14 (byte 33): invalid-symbol', '2:38: comma-expected']);
  });

  it('3. a record that is not an object is described by type and keys, never quoted', () => {
    const dir = exportOf({ 'a.ndjson': `${akt('A1')}\n["19811218-9876", {"personId": "X-HEMLIG"}]\n${akt('A2', { plans: [{ personId: 'X-HEMLIG' }, 'X-HEMLIG'] })}\n` });
    const r = cli(['check', dir, ...AS_OF, '--format', 'json']);
    expect(r.stdout).not.toContain('X-HEMLIG');
    expect(problemsOf(r.stdout).filter((p) => p.code === 'not-an-object').map((p) => p.value)).toEqual(['array, 2 items', 'string']);
  });

  it('4. a CSV whose first row is data is reported by its column count, not its cells', () => {
    const dir = exportOf({ 'cases.csv': 'X-4711,Anna Andersson,Norrmalm,arbetsloshet\nX-4712,Bo Bengtsson,Kista,arbetsloshet\n' });
    for (const args of [['check', dir, ...AS_OF], ['init', dir, '--output', '-']]) {
      const r = cli([...args, '--lang', 'en']);
      expect(r.stderr).toMatch(/the first row looks like data, not column names \(4 columns\)/);
      expect(r.stdout + r.stderr).not.toMatch(/Anna|X-4711/);
    }
  });

  it('5. --public names no file or directory and quotes no unknown column', () => {
    const dir = exportOf({
      'Anna Andersson.json': akt('A1'),
      'Bo Bengtsson/cases.csv': 'caseId,district,supportReason,Carl Carlsson\nA2,Kista,arbetsloshet,x\n',
    });
    const r = cli(['check', dir, ...AS_OF, '--format', 'markdown', '--public'], { env: KEY });
    expect(r.code, r.stderr).toBeLessThan(2);
    expect(r.stdout).not.toMatch(/Anna|Bo Bengtsson|Carl/);
    expect(r.stdout).toContain('`fil 1`');
    expect(r.stdout).toContain('`fil 2`');
    const v = cli(['validate', dir, ...AS_OF, '--format', 'json', '--public'], { env: KEY });
    expect(v.stdout).not.toMatch(/Anna|Bo Bengtsson|Carl/);
  });

  it('6. --public gives akter whose caseIds are personnummer different pseudonyms', () => {
    const dir = exportOf({ 'a.ndjson': `${akt('19811218-9876')}\n${akt('19900101-0017')}\n${akt('811218-9876')}\n` });
    const r = cli(['check', dir, ...AS_OF, '--format', 'json', '--public'], { env: KEY });
    const ids = (JSON.parse(r.stdout) as { cases: { caseId: string }[] }).cases.map((c) => c.caseId);
    expect(new Set(ids).size).toBe(3);
  });

  it('7. a baseline entry for one akt whose caseId is a personnummer does not accept another', () => {
    const one = exportOf({ 'a.ndjson': `${akt('19811218-9876')}\n` });
    const two = exportOf({ 'a.ndjson': `${akt('19811218-9876')}\n${akt('19900101-0017')}\n` });
    for (const env of [{}, KEY]) {
      const file = path.join(tmp(), 'baseline.json');
      const w = cli(['check', one, ...AS_OF, '--write-baseline', file, '--baseline-reason', 'känd', '--baseline-expires', '2011-12-31'], { env });
      expect(w.code, w.stderr).toBeLessThan(2);
      expect(cli(['check', one, ...AS_OF, '--baseline', file], { env }).code).toBe(0);
      expect(cli(['check', two, ...AS_OF, '--baseline', file], { env }).code).toBe(1);
      const written = readFileSync(file, 'utf8');
      if (env === KEY) {
        expect(written).toMatch(/"privacy": "pseudonymised"[\s\S]*"pseudonym": "AKT-/);
        expect(written).not.toMatch(/19811218|ÅÅMMDD/);
        expect(cli(['check', one, ...AS_OF, '--baseline', file, '--lang', 'en']).stderr).toMatch(/names akter by pseudonym; give the key/);
      } else {
        expect(written).toMatch(/"privacy": "working-paper"[\s\S]*"caseId": "19811218-9876"/);
      }
    }
  });

  it('7b. a baseline written before (no privacy field, caseIds as written) still reads', () => {
    const dir = exportOf({ 'a.ndjson': `${akt('A-1')}\n` });
    const file = path.join(tmp(), 'old.json');
    const entry = { ruleId: 'current-plan', caseId: 'A-1', reason: 'känd', expires: '2011-12-31' };
    writeFileSync(file, JSON.stringify({ version: 1, entries: [entry] }));
    const r = cli(['check', dir, ...AS_OF, '--rule', 'current-plan', '--baseline', file, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { baseline: { accepted: number } }).baseline.accepted).toBe(1);
  });

  it('8. init proposes the real file names, so that its mapping finds the files', () => {
    const dir = exportOf({ 'klienter-19811218-9876.csv': 'Aktnummer,Stadsdel,Orsak\nA1,Norrmalm,arbetsloshet\n' });
    const config = path.join(tmp(), 'aktgranskning.config.json');
    expect(cli(['init', dir, '--output', config]).code).toBe(0);
    expect(readFileSync(config, 'utf8')).toContain('klienter-19811218-9876.csv');
    const r = cli(['check', dir, ...AS_OF, '--config', config, '--format', 'json']);
    expect(r.code, r.stderr).toBeLessThan(2);
  });

  it('9. README lists the sampled export (personId included) among the working files', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Personal data'), readme.indexOf('## Development'));
    expect(section).toMatch(/`sample --output-dir`[^\n]*personId/);
    expect(section).toMatch(/`init`/);
  });
});
