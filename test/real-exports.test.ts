import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../src/errors.js';
import { cli } from './helpers/cli.js';

const FIXTURE = 'fixtures/stockholm-2011';
const MAPPING = ['--mapping', 'fixtures/mappings/stockholm-2011-mapped.json'];
const AS_OF = ['--as-of', '2010-11-15'];

interface JsonReport {
  cases: { caseId: string; district: string; results: unknown[] }[];
  input: { files: { file: string; encoding: string; delimiter: string; sha256: string; rowsRead: number; rowsRejected: number }[] };
  dataProblems: { code: string }[];
}

function check(args: string[]): JsonReport {
  const r = cli(['check', ...args, ...AS_OF, '--format', 'json', '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(EXIT_FINDINGS);
  return JSON.parse(r.stdout) as JsonReport;
}
const results = (r: JsonReport) => r.cases.map((c) => ({ caseId: c.caseId, district: c.district, results: c.results }));

describe('every layout of the 2011 fixture gives the same akt-level results as its clean twin', () => {
  const clean = check([`${FIXTURE}/csv`]);
  it.each([
    ['excel: Windows-1252, semicolons, CRLF, Swedish names and values', [`${FIXTURE}/excel`], 'windows-1252', ';'],
    ['tab: UTF-8 with BOM, tabs, LF', [`${FIXTURE}/tab`], 'utf-8', '\t'],
    ['mapped: own file names, columns, codes and dates through a mapping', [`${FIXTURE}/mapped`, ...MAPPING], 'utf-8', '|'],
  ])('%s', (_name, args, encoding, delimiter) => {
    const r = check(args);
    expect(r.dataProblems).toEqual([]);
    expect(results(r)).toEqual(results(clean));
    // A file with nothing but ASCII in it is UTF-8 as much as Windows-1252, and is reported as UTF-8.
    const ascii = (file: string) => readFileSync(file).every((b) => b < 0x80);
    expect(r.input.files.map((f) => [f.encoding, f.delimiter, f.rowsRead, f.rowsRejected])).toEqual(
      r.input.files.map((f, i) => [ascii(f.file) ? 'utf-8' : encoding, delimiter, clean.input.files[i]!.rowsRead, 0]),
    );
    for (const f of r.input.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes å, ä and ö right from a Windows-1252 export', () => {
    const r = cli(['check', `${FIXTURE}/excel`, ...AS_OF, '--format', 'markdown']);
    expect(r.stdout).toContain('Hägersten-Liljeholmen');
    expect(r.stdout).toContain('Spånga-Tensta');
    expect(r.stdout).not.toContain('\uFFFD');
  });

  it('--encoding and --delimiter override detection', () => {
    const wrong = cli(['check', `${FIXTURE}/excel`, ...AS_OF, '--format', 'json', '--delimiter', ',', '--lang', 'en']);
    expect(wrong.code).toBe(EXIT_USAGE);
    expect(wrong.stderr).toMatch(/no caseId column; found Aktnummer;Stadsdel/);
    const utf8 = JSON.parse(cli(['check', `${FIXTURE}/excel`, ...AS_OF, '--format', 'json', '--encoding', 'utf-8']).stdout) as JsonReport;
    expect(utf8.dataProblems.map((p) => p.code)).toContain('undecodable-text');
  });
});

describe('validate', () => {
  it('exits 0 on a clean export, and lists nothing', () => {
    const r = cli(['validate', `${FIXTURE}/excel`, ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(EXIT_OK);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, errors: 0, notices: 0, counts: [], problems: [], input: { casesRead: 20, rowsRejected: 0 } });
  });

  it('finds every kind of problem the contract names in the broken fixture, and exits 1', () => {
    const r = cli(['validate', 'fixtures/broken', ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(EXIT_FINDINGS);
    const out = JSON.parse(r.stdout) as {
      counts: { code: string; count: number }[];
      problems: { code: string; file: string }[];
      errors: number;
      notices: number;
      input: { files: { file: string; sha256: string }[] };
      absentFields: unknown[];
    };
    const codes = out.counts.map((c) => c.code);
    for (const code of [
      'invalid-date',
      'invalid-value',
      'wrong-type',
      'missing-required',
      'missing-case-id',
      'duplicate-case-id',
      'unknown-case-id',
      'unknown-plan-id',
      'plan-dates-reversed',
      'future-date',
      'unterminated-quote',
      'wrong-field-count',
      'empty-file',
      'not-text',
      'invalid-json',
      'duplicate-column',
    ]) {
      expect(codes, code).toContain(code);
    }
    expect(out.counts.reduce((n, c) => n + c.count, 0)).toBe(out.problems.length);
    // Even files that could not be used are named by their digest.
    for (const f of out.input.files) expect(f.sha256, f.file).toMatch(/^[0-9a-f]{64}$/);
    expect(out.errors + out.notices).toBe(out.problems.length + out.absentFields.length);
  });

  it('--max-problems caps the listing, never the counts', () => {
    const all = JSON.parse(cli(['validate', 'fixtures/broken', ...AS_OF, '--format', 'json']).stdout) as { counts: unknown[]; problems: unknown[] };
    const r = cli(['validate', 'fixtures/broken', ...AS_OF, '--format', 'json', '--max-problems', '3']);
    const capped = JSON.parse(r.stdout) as { counts: unknown[]; problems: unknown[]; omitted: number };
    expect(capped.problems).toHaveLength(3);
    expect(capped.omitted).toBe(all.problems.length - 3);
    expect(capped.counts).toEqual(all.counts);
  });

  it('groups problems by code in the terminal and markdown formats', () => {
    const r = cli(['validate', 'fixtures/broken/extra', ...AS_OF, '--lang', 'en']);
    expect(r.stdout).toMatch(/^not-text \(2\)$/m);
    expect(r.stdout).toMatch(/fixtures\/broken\/extra\/uppfoljningar\.csv:2 {2}date · E-1/);
    const md = cli(['validate', 'fixtures/broken/extra', ...AS_OF, '--format', 'markdown']);
    expect(md.stdout).toContain('| `not-text` | fel | 2 |');
  });

  it('exits 2 on unusable input and bad flags, naming what to do', () => {
    const cases: [string[], RegExp][] = [
      [['validate', 'docs/rules'], /docs\/rules: no export files found/],
      [['validate', `${FIXTURE}/csv`, '--max-problems', 'many'], /give a whole number/],
      [['validate', `${FIXTURE}/csv`, '--encoding', 'klingon'], /--encoding klingon: unknown encoding/],
      [['validate', `${FIXTURE}/csv`, '--delimiter', '::'], /--delimiter ::: give one character/],
      [['validate', `${FIXTURE}/mapped`, '--mapping', 'no/such.json'], /no\/such.json: cannot read the mapping file \(ENOENT\)/],
    ];
    for (const [args, message] of cases) {
      const r = cli([...args, '--lang', 'en']);
      expect(r.code, args.join(' ')).toBe(EXIT_USAGE);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('check --strict', () => {
  it('exits 1 for data problems even when every akt passes', () => {
    const args = ['check', 'fixtures/broken/extra', ...AS_OF, '--format', 'json', '--rule', 'subgoals-present', '--quiet'];
    const relaxed = cli(args);
    expect(relaxed.stderr).toBe('');
    const strict = cli([...args, '--strict']);
    expect(strict.code).toBe(EXIT_FINDINGS);
    expect(relaxed.code).toBe(EXIT_OK);
  });
});

describe('init', () => {
  it('proposes a mapping a Swedish Excel export validates cleanly with', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'akt-init-'));
    const config = path.join(dir, 'aktgranskning.config.json');
    const r = cli(['init', `${FIXTURE}/excel`, '--output', config]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stderr).toMatch(/uppföljningar\.csv → followups \(windows-1252, ;\)/);
    const written = JSON.parse(readFileSync(config, 'utf8')) as { mapping: { encoding: string; delimiter: string; files: Record<string, string> } };
    expect(written.mapping).toMatchObject({ encoding: 'windows-1252', delimiter: ';', files: { 'delmål.csv': 'subgoals' } });
    expect(cli(['validate', `${FIXTURE}/excel`, ...AS_OF, '--config', config]).code).toBe(EXIT_OK);
    const again = cli(['init', `${FIXTURE}/excel`, '--output', config, '--lang', 'en']);
    expect(again.code).toBe(EXIT_USAGE);
    expect(again.stderr).toMatch(/already exists; use --force/);
  });

  it("places a case system's files by header and name, finds its date form, and lists what it could not place", () => {
    const r = cli(['init', `${FIXTURE}/mapped`, '--output', '-', '--lang', 'en']);
    expect(r.code).toBe(EXIT_OK);
    const { mapping } = JSON.parse(r.stdout) as { mapping: { files: Record<string, string>; columns: Record<string, Record<string, string | null>>; dateFormats: string[] } };
    expect(mapping.files).toEqual({
      'ANVISN.TXT': 'placements',
      'ARBPLAN.TXT': 'plans',
      'DELMAL.TXT': 'subgoals',
      'HANDELSE.TXT': 'followups',
      // Nothing in its name or header says jobbtorg: left for the user, and said so.
      'JT_AKT.TXT': null,
      'KLIENT.TXT': 'cases',
      'SAMTYCKE.TXT': 'consents',
      'UTREDN.TXT': 'investigations',
    });
    expect(mapping.columns.cases).toMatchObject({ AKT_NR: 'caseId', PNR: 'personId', ENHET: null, REG_ANV: null });
    expect(mapping.dateFormats).toEqual(['dd.MM.yyyy']);
    expect(r.stderr).toMatch(/KLIENT\.TXT → cases \(utf-8, \|\); columns not placed \(null, not read\): ENHET, HANDL_SIGN/);
    expect(r.stderr).toMatch(/JT_AKT\.TXT → not placed: set its table under mapping\.files/);
    const sv = cli(['init', `${FIXTURE}/mapped`, '--output', '-']).stderr;
    expect(sv).toMatch(/KLIENT\.TXT → cases \(utf-8, \|\); kolumner som inte placerats \(null, läses inte\): ENHET, HANDL_SIGN/);
    expect(sv).toMatch(/JT_AKT\.TXT → inte placerad: ange dess tabell under mapping\.files/);
  });
});
