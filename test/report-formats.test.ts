import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { EXIT_FINDINGS, EXIT_USAGE } from '../src/errors.js';
import { cli } from './helpers/cli.js';

const FIXTURE = 'fixtures/stockholm-2011/csv';
const AS_OF = ['--as-of', '2010-11-15'];
const check = (...args: string[]) => cli(['check', FIXTURE, ...AS_OF, ...args]);

describe('the JSON report keeps its published schema', () => {
  it('docs/report-v3.schema.json is what `schema --report` prints', () => {
    expect(cli(['schema', '--report']).stdout).toBe(readFileSync('docs/report-v3.schema.json', 'utf8'));
  });

  it.each(['sv', 'en'])('output in %s validates against it', (lang) => {
    const ajv = new Ajv.default({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync('docs/report-v3.schema.json', 'utf8')) as object);
    for (const paths of [[FIXTURE], ['fixtures/broken/csv', 'fixtures/broken/json'], [`${FIXTURE}/cases.csv`, `${FIXTURE}/plans.csv`]]) {
      const report = JSON.parse(cli(['check', ...paths, ...AS_OF, '--format', 'json', '--lang', lang]).stdout) as unknown;
      expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });
});

describe('JSON and NDJSON for machines', () => {
  type Json = { schemaVersion: number; messages: { rules: Record<string, Record<string, string>> }; cases: { caseId: string; results: { ruleId: string; status: string; reasons?: { code: string; message?: string }[] }[] }[]; districts: unknown[]; total: unknown; dataProblems: { message?: string }[] };
  const withoutMessages = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(withoutMessages) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'message').map(([k, v]) => [k, withoutMessages(v)])) : x;

  it('is compact by default, sentences once in the catalogue; --pretty indents and --messages adds them per reason', () => {
    const compact = check('--format', 'json').stdout;
    expect(compact.trimEnd().split('\n')).toHaveLength(1);
    const full = check('--format', 'json', '--pretty', '--messages').stdout;
    expect(full.split('\n').length).toBeGreaterThan(1000);
    const c = JSON.parse(compact) as Json;
    expect(c.schemaVersion).toBe(3);
    expect(withoutMessages(JSON.parse(full))).toEqual(c);
    expect(compact).not.toContain('"message"');
    const f = JSON.parse(full) as Json;
    const reason = f.cases[0]!.results.find((r) => r.ruleId === 'individual-goals')!.reasons![0]!;
    expect(reason).toMatchObject({ code: 'generic-goal', message: expect.stringMatching(/^Målet ”Bli självförsörjande genom arbete” är generellt/) as unknown });
    expect(c.messages.rules['individual-goals']!['generic-goal']).toMatch(/^Målet ”\{goal\}” är generellt/);
  });

  it('NDJSON has one line per akt, the same object as in cases[], then the summary', () => {
    const lines = check('--format', 'ndjson').stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const json = JSON.parse(check('--format', 'json').stdout) as Json & Record<string, unknown>;
    expect(lines).toHaveLength(21);
    expect(lines.slice(0, 20)).toEqual(json.cases);
    const { cases: _cases, ...summary } = json;
    expect(lines[20]).toEqual(summary);
  });
});

describe('several formats at once, and deterministic output', () => {
  it('--output-dir writes one file per format, byte for byte what each format prints alone', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'akt-rapport-'));
    const r = check('--format', 'markdown,html,json,ndjson,csv,xlsx', '--output-dir', path.join(dir, 'rapport'));
    expect(r.code).toBe(EXIT_FINDINGS);
    expect(r.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'rapport', 'aktgranskning.xlsx')).subarray(0, 2).toString()).toBe('PK');
    for (const [format, ext] of [['markdown', 'md'], ['html', 'html'], ['json', 'json'], ['ndjson', 'ndjson'], ['csv', 'csv']]) {
      expect(readFileSync(path.join(dir, 'rapport', `aktgranskning.${ext}`), 'utf8'), format).toBe(check('--format', format!).stdout);
    }
  }, 120_000);

  it('the same export, options and date give identical reports', () => {
    for (const format of ['markdown', 'html', 'csv', 'terminal']) expect(check('--format', format).stdout).toBe(check('--format', format).stdout);
  }, 120_000);

  it('several formats without --output-dir is a usage error', () => {
    const r = check('--format', 'markdown,html', '--lang', 'en');
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/several formats need --output-dir/);
  });
});

describe('CSV', () => {
  it('is wide by default: one row per akt, a status and a reason-codes column per rule', () => {
    const rows = check('--format', 'csv').stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(1 + 20);
    expect(rows[0]).toBe(['caseId', 'district', ...builtinRules.flatMap((r) => [r.id, `${r.id}.reasons`])].join(','));
    expect(rows[1]).toMatch(/^HL-0001,Hägersten-Liljeholmen,pass,,fail,generic-goal boilerplate,fail,no-subgoals,/);
  });

  it('--csv-layout long has one row per akt and rule; --excel writes BOM, semicolons and CRLF', () => {
    const plain = check('--format', 'csv', '--csv-layout', 'long').stdout.trimEnd().split('\n');
    expect(plain).toHaveLength(1 + 20 * builtinRules.length);
    expect(plain[0]).toBe('caseId,district,ruleId,rule,status,statusText,severity,reasonCodes,reasons');
    const excel = check('--format', 'csv', '--csv-layout', 'long', '--excel').stdout;
    expect(excel.startsWith('\uFEFFcaseId;district;ruleId;')).toBe(true);
    expect(excel.split('\r\n')).toHaveLength(2 + 20 * builtinRules.length);
    expect(check('--format', 'csv', '--excel').stdout.split('\r\n')).toHaveLength(2 + 20);
  });

  it('neutralises values from the export that a spreadsheet would run, in both layouts', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'akt-csv-'));
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify([{ caseId: '=1+1', district: '@Kista', plans: [] }]));
    for (const layout of ['wide', 'long']) {
      const rows = cli(['check', dir, ...AS_OF, '--format', 'csv', '--csv-layout', layout, '--rule', 'current-plan']).stdout.split('\n');
      expect(rows[1]).toMatch(/^'=1\+1,'@Kista,/);
    }
  });
});

describe('grades', () => {
  it('follow the thresholds in the config', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'akt-grades-'));
    const config = path.join(dir, 'c.json');
    writeFileSync(config, JSON.stringify({ grades: { fulfilled: 100, largely: 90, partly: 10 } }));
    type R = { districts: { district: string; rules: { ruleId: string; grade: string }[] }[] };
    const grades = (r: R) => r.districts[0]!.rules.find((x) => x.ruleId === 'investigation-before-plan')!.grade;
    expect(grades(JSON.parse(check('--format', 'json').stdout) as R)).toBe('fulfilled'); // 9 of 10
    expect(grades(JSON.parse(check('--format', 'json', '--config', config).stdout) as R)).toBe('largely-fulfilled');
    writeFileSync(config, JSON.stringify({ grades: { fulfilled: 50, largely: 75, partly: 40 } }));
    expect(check('--config', config).stderr).toMatch(/grades.*fulfilled ≥ largely ≥ partly/);
  });
});

describe('the English report', () => {
  it('has no Swedish left but names, sources and quotes', () => {
    let text = check('--format', 'markdown', '--lang', 'en').stdout;
    const names = [
      ...builtinRules.flatMap((r) => [r.criterion.source, ...(r.criterion.sourceUntil ?? []).map((x) => x.source)]).sort((a, b) => b.length - a.length),
      'Hägersten-Liljeholmen',
      'Spånga-Tensta',
      'Arbetsförmedlingen',
    ];
    for (const n of names) text = text.split(n).join('');
    text = text.replace(/`[^`]*`/g, '').replace(/“[^”]*”/g, '');
    const swedish = text.split('\n').filter((l) => /[åäöÅÄÖ]/.test(l) || /\b(och|akter|saknas|uppfyllt|granskning|stadsdel|arbetsplan)\b/i.test(l));
    expect(swedish).toEqual([]);
  });

  it('the Swedish report reads like the seed report', () => {
    const md = check('--format', 'markdown').stdout;
    for (const heading of ['## 1. Sammanfattning', '## 2. Inledning', '### 2.4 Metod och avgränsning', '## 3. Iakttagelser', '## 4. Bedömning', '## 5. Rekommendationer', '## Bilaga A. Akter', '## Bilaga B. Dataproblem', '## Bilaga C. Granskningspunkter och revisionskriterier']) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('- I åtta av tio akter saknas aktuell arbetsplan.');
    expect(md).toContain('| Aktuell arbetsplan | 2 | 8 | 20 % (6–51 %)* |');
  });
});

describe('output into a pipe', () => {
  it('defaults to Markdown when stdout is not a terminal', () => {
    expect(check().stdout).toBe(check('--format', 'markdown').stdout);
  });

  it('a reader that stops early is no error', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync('bash', ['-c', `node bin/aktgranskning.js check ${FIXTURE} --as-of 2010-11-15 --quiet | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^# Aktgranskning/);
    expect(r.stderr).toBe('');
  });
});
