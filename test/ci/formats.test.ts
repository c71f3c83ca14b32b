import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { findPersonalNumbers } from '../../src/privacy/personnummer.js';
import { cli } from '../helpers/cli.js';

const FIXTURE = 'fixtures/stockholm-2011/csv';
const CHECK = ['check', FIXTURE, '--as-of', '2010-11-15', '--quiet'];
const KEY = { AKTGRANSKNING_PSEUDONYM_KEY: 'test-key-0123456789abcdef' };
const tmp = () => mkdtempSync(path.join(tmpdir(), 'akt-ci-'));

const ajv = new Ajv.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync('test/fixtures/sarif/sarif-schema-2.1.0.json', 'utf8')) as object);

interface JsonReport { cases: { caseId: string; origin?: { file: string; line: number }; results: { ruleId: string; status: string }[] }[] }
const json = JSON.parse(cli([...CHECK, '--format', 'json']).stdout) as JsonReport;
const failingPairs = json.cases.flatMap((c) => c.results.filter((r) => r.status === 'fail').map((r) => ({ caseId: c.caseId, ruleId: r.ruleId, origin: c.origin! })));

function sarif(args: string[], env?: Record<string, string>): Log {
  const r = cli(['check', ...args, '--as-of', '2010-11-15', '--quiet', '--format', 'sarif'], { env });
  expect(r.stderr).toBe('');
  const log = JSON.parse(r.stdout) as Log;
  expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
  return log;
}

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 (the OASIS schema) with a descriptor per rule and a located result per failing akt and rule', () => {
    // The validator can fail: a result without a message is not SARIF.
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'x' }] }] })).toBe(false);
    const log = sarif([FIXTURE]);
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toContain('current-plan');
    expect(rules.find((r) => r.id === 'current-plan')).toMatchObject({ name: 'Aktuell arbetsplan', defaultConfiguration: { level: 'error' } });
    expect(run.results).toHaveLength(failingPairs.length);
    const st3 = run.results!.find((r) => r.ruleId === 'current-plan' && r.properties?.caseId === 'ST-0003')!;
    const origin = failingPairs.find((p) => p.caseId === 'ST-0003')!.origin;
    expect(st3).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: origin.file }, region: { startLine: origin.line } } }] });
    expect(st3.message.text).toBe('Akt ST-0003 (Spånga-Tensta): Den senaste arbetsplanen (ST-0003-P1) gällde till 2010-03-31.');
    for (const r of run.results!) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
  });

  it('speaks English with --lang en, and gives data problems as results of their own codes', () => {
    const log = sarif(['fixtures/broken/csv', '--lang', 'en']);
    const run = log.runs[0]!;
    const date = run.results!.find((r) => r.ruleId === 'invalid-date')!;
    expect(date).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'fixtures/broken/csv/cases.csv' }, region: { startLine: 2 } } }] });
    expect(date.message.text).toMatch(/^Invalid date/);
    expect(run.results!.find((r) => r.ruleId === 'unknown-field')!.level).toBe('note');
  });

  it('with --public: pseudonyms, no locations, no quoted text, and still valid', () => {
    const log = sarif([FIXTURE, '--public'], KEY);
    const results = log.runs[0]!.results!;
    expect(results.every((r) => r.locations === undefined && /^AKT-/.test(String(r.properties?.caseId)))).toBe(true);
    expect(JSON.stringify(log)).not.toMatch(/ST-0003|Bli självförsörjande|cases\.csv/);
  });
});

interface Suite { '@_name': string; '@_tests': string; '@_failures': string; testcase: { '@_name': string; failure?: { '@_message': string; '#text': string } }[] }

function junit(extra: string[]): Suite[] {
  const xml = cli([...CHECK, '--format', 'junit', ...extra]).stdout;
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as { testsuites: { testsuite: Suite[] } };
  return doc.testsuites.testsuite;
}

describe('--format junit', () => {
  it('parses as XML: a testsuite per granskningspunkt, a testcase per stadsdel, failing with figures and the first akter', () => {
    const suites = junit([]);
    expect(suites).toHaveLength(json.cases[0]!.results.length);
    const current = suites.find((s) => s['@_name'].startsWith('current-plan:'))!;
    expect(current).toMatchObject({ '@_tests': '2', '@_failures': '1' });
    const st = current.testcase.find((c) => c['@_name'] === 'Spånga-Tensta')!;
    expect(st.failure!['@_message']).toBe('Spånga-Tensta: 2 av 10 bedömda akter uppfyller ”Aktuell arbetsplan” (20 %)');
    expect(st.failure!['#text']).toContain('- ST-0003: Den senaste arbetsplanen (ST-0003-P1) gällde till 2010-03-31.');
    expect(current.testcase.find((c) => c['@_name'] === 'Hägersten-Liljeholmen')!.failure).toBeUndefined();
  });

  it('with thresholds: a testcase fails when its share is below the threshold, and only thresholded rules fail', () => {
    const suites = junit(['--threshold', 'current-plan=30', '--lang', 'en']);
    const failing = suites.flatMap((s) => s.testcase.filter((c) => c.failure).map((c) => `${s['@_name']} / ${c['@_name']}`));
    expect(failing).toEqual(['current-plan: Current work plan / Spånga-Tensta']);
    expect(suites[0]!.testcase[1]!.failure!['@_message']).toBe('Spånga-Tensta: 2 of 10 case files assessed meet “Current work plan” (20%), below the threshold 30%');
  });
});

describe('--format github', () => {
  it('writes workflow commands line by line, capped per rule with a closing notice, and a job summary', () => {
    const summary = path.join(tmp(), 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = cli([...CHECK, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) (file=[^,]+,line=\d+,)?title=[^:]+::\S.*$/);
    const first = failingPairs.find((p) => p.ruleId === 'current-plan')!;
    expect(lines).toHaveLength(failingPairs.length);
    expect(lines).toContain(`::error file=${first.origin.file},line=${first.origin.line},title=Aktuell arbetsplan::Akt ${first.caseId} (Spånga-Tensta): Den senaste arbetsplanen (ST-0003-P1) gällde till 2010-03-31.`);
    const md = readFileSync(summary, 'utf8');
    expect(md).toMatch(/^# earlier step\n## Aktgranskning per 2010-11-15\n\n\| Granskningspunkt \| Hägersten-Liljeholmen \| Spånga-Tensta \|\n\| --- \| --- \| --- \|\n/);
    expect(md).toContain('| Aktuell arbetsplan | 100 % (10/10) | 20 % (2/10) |');
  });

  it('caps the annotations per rule at ten and closes with a notice of how many more', () => {
    const dir = tmp();
    spawnSync(process.execPath, ['scripts/generate-export.mjs', '--akter', '60', '--seed', '3', '--out', dir, '--layout', 'csv']);
    const lines = cli(['check', dir, '--as-of', '2010-11-15', '--quiet', '--format', 'github', '--rule', 'current-plan']).stdout.trimEnd().split('\n');
    const errors = lines.filter((l) => l.startsWith('::error ') && l.includes(',title=Aktuell arbetsplan::'));
    expect(errors).toHaveLength(10);
    const failing = (JSON.parse(cli(['check', dir, '--as-of', '2010-11-15', '--quiet', '--format', 'json', '--rule', 'current-plan']).stdout) as { total: { rules: { failed: number }[] } }).total.rules[0]!.failed;
    expect(failing).toBeGreaterThan(10);
    expect(lines).toContain(`::notice title=Aktuell arbetsplan::${failing - 10} akter till har brister i ”Aktuell arbetsplan”; se rapporten.`);
  });

  it('escapes what would end a command early: newlines, per cent signs, and : and , in properties', () => {
    const r = cli(['check', 'fixtures/broken/csv', '--as-of', '2010-11-15', '--quiet', '--format', 'github']);
    for (const line of r.stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice) [^:]*::[^\n]*$/);
  });
});

describe('a custom formatter module (--format ./file.mjs)', () => {
  it('gets the report and the context, and names its file extension for --output-dir', () => {
    const dir = tmp();
    const mod = path.join(dir, 'antal.mjs');
    writeFileSync(mod, "export const extension = 'antal.txt';\nexport default (report, ctx) => `${ctx.lang} ${report.total.cases} ${[...report.cases].length}\\n`;\n");
    const r = cli([...CHECK, '--format', mod]);
    expect(r.stdout).toBe('sv 20 20\n');
    cli([...CHECK, '--format', `${mod},json`, '--output-dir', path.join(dir, 'out')]);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['aktgranskning.antal.txt', 'aktgranskning.json']);
  });

  it('a module that cannot be loaded, or exports no function, is one line and exit 2', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'bad.mjs'), 'export const x = 1;\n');
    const abs = ['check', path.resolve(FIXTURE), '--as-of', '2010-11-15', '--quiet'];
    const missing = cli([...abs, '--format', './nope.mjs', '--lang', 'en'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('aktgranskning: --format ./nope.mjs: cannot load the formatter module (no such file)\n');
    expect(cli([...abs, '--format', './nope.mjs'], { cwd: dir }).stderr).toBe('aktgranskning: --format ./nope.mjs: formateringsmodulen kan inte laddas (filen finns inte)\n');
    const bad = cli([...abs, '--format', './bad.mjs', '--lang', 'en'], { cwd: dir });
    expect(bad.stderr).toMatch(/must export a function as default/);
  });
});

describe('no personnummer leaves through the CI formats', () => {
  for (const format of ['sarif', 'junit', 'github']) {
    for (const mode of [[], ['--public']]) {
      it(`${format} ${mode.join(' ')}`, () => {
        const r = cli(['check', 'fixtures/personal-data', '--as-of', '2010-11-15', '--format', format, ...mode], { env: KEY });
        const out = (r.stdout + r.stderr).replace(/\b[0-9a-f]{64}\b/g, '');
        expect(r.stdout.length).toBeGreaterThan(100);
        expect(findPersonalNumbers(out)).toEqual([]);
      });
    }
  }
});
