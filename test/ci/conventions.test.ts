import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const FIXTURE = path.resolve('fixtures/stockholm-2011/csv');
const AKTER = path.resolve('fixtures/stockholm-2011/json/akter.json');
const BIN = path.resolve('bin/aktgranskning.js');

/** root/.git, root/aktgranskning.config.json, root/a/b; and a config above the repository that must not be found. */
function repo(): { outer: string; sub: string } {
  const outer = mkdtempSync(path.join(tmpdir(), 'akt-conv-'));
  writeFileSync(path.join(outer, 'aktgranskning.config.json'), JSON.stringify({ asOf: '1999-01-01' }));
  const root = path.join(outer, 'repo');
  const sub = path.join(root, 'a', 'b');
  mkdirSync(sub, { recursive: true });
  mkdirSync(path.join(root, '.git'));
  writeFileSync(path.join(root, 'aktgranskning.config.json'), JSON.stringify({ asOf: '2010-11-15', rules: { 'current-plan': 'warning' }, thresholds: { 'individual-goals': 10 } }));
  return { outer, sub };
}

const asOfOf = (r: { stdout: string }) => (JSON.parse(r.stdout) as { asOf: string }).asOf;

describe('the config is looked up as ESLint does', () => {
  const { outer, sub } = repo();

  it('from the working directory upwards, to the repository root; the Metod names it', () => {
    const r = cli(['check', FIXTURE, '--format', 'json', '--quiet'], { cwd: sub });
    expect(asOfOf(r)).toBe('2010-11-15');
    expect((JSON.parse(r.stdout) as { config: string }).config).toBe(path.join('..', '..', 'aktgranskning.config.json'));
    const md = cli(['check', FIXTURE, '--format', 'markdown', '--quiet'], { cwd: sub }).stdout;
    expect(md).toContain('Inställningarna (regler, alternativ och gränser) kommer från ../../aktgranskning.config.json.');
  });

  it('not past the repository root', () => {
    const inner = path.join(outer, 'other');
    mkdirSync(path.join(inner, '.git'), { recursive: true });
    const r = cli(['check', FIXTURE, '--format', 'json', '--quiet', '--print-config'], { cwd: inner });
    expect(JSON.parse(r.stdout)).toMatchObject({ config: null });
    expect(cli(['check', FIXTURE, '--print-config'], { cwd: outer }).stdout).toContain('"asOf": "1999-01-01"');
  });

  it('--no-config-lookup uses none; --config names one', () => {
    const none = JSON.parse(cli(['check', FIXTURE, '--print-config', '--no-config-lookup'], { cwd: sub }).stdout) as { config: null; asOf: string };
    expect(none.config).toBeNull();
    expect(none.asOf).not.toBe('2010-11-15');
    const named = cli(['check', FIXTURE, '--format', 'json', '--quiet', '--no-config-lookup', '--config', path.join(outer, 'aktgranskning.config.json')], { cwd: sub });
    expect(asOfOf(named)).toBe('1999-01-01');
  });

  it('--print-config prints the settings in force, after defaults, and reads no export', () => {
    const r = cli(['check', 'no-such-export', '--print-config', '--threshold', 'current-plan=80'], { cwd: sub });
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { config: string; asOf: string; lang: string; grades: object; thresholds: object; rules: Record<string, { severity: string; options: Record<string, unknown> }> };
    expect(printed).toMatchObject({ config: '../../aktgranskning.config.json', asOf: '2010-11-15', lang: 'sv', grades: { fulfilled: 90, largely: 75, partly: 40 }, thresholds: { 'individual-goals': 10, 'current-plan': 80 } });
    expect(printed.rules['current-plan']!.severity).toBe('warning');
    expect(printed.rules['follow-ups-traceable']).toMatchObject({ severity: 'error', options: { intervalDays: 92 } });
  });
});

describe('- reads akter from stdin', () => {
  const run = (input: string, args: string[] = []) =>
    spawnSync(process.execPath, [BIN, 'check', '-', '--as-of', '2010-11-15', '--format', 'json', '--quiet', ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const fromFile = JSON.parse(cli(['check', AKTER, '--as-of', '2010-11-15', '--format', 'json', '--quiet']).stdout) as { total: unknown; districts: unknown };

  it('as a JSON array, named - in the report', () => {
    const r = run(readFileSync(AKTER, 'utf8'));
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { total: unknown; districts: unknown; input: { files: { file: string }[] }; cases: { origin: { file: string } }[] };
    expect(report.districts).toEqual(fromFile.districts);
    expect(report.input.files.map((f) => f.file)).toEqual(['-']);
    expect(report.cases[0]!.origin.file).toBe('-');
  });

  it('as NDJSON, one akt a line', () => {
    const ndjson = (JSON.parse(readFileSync(AKTER, 'utf8')) as unknown[]).map((a) => JSON.stringify(a)).join('\n');
    const report = JSON.parse(run(ndjson).stdout) as { districts: unknown; cases: { origin: { file: string; line: number } }[] };
    expect(report.districts).toEqual(fromFile.districts);
    expect(report.cases[2]!.origin).toEqual({ file: '-', line: 3 });
  });

  it('nothing on stdin is one line and exit 2', () => {
    const r = run('');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^aktgranskning: -: inget på standard in;/);
  });
});

describe('colour: --color, --no-color, FORCE_COLOR, NO_COLOR', () => {
  const ESC = '\u001b[';
  const terminal = (args: string[], env: Record<string, string>) => cli(['check', FIXTURE, '--as-of', '2010-11-15', '--format', 'terminal', ...args], { env }).stdout;
  it.each([
    ['none in a pipe', [], { NO_COLOR: '' }, false],
    ['FORCE_COLOR=1 forces it into a pipe', [], { NO_COLOR: '', FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0 does not', [], { NO_COLOR: '', FORCE_COLOR: '0' }, false],
    ['--color wins over NO_COLOR', ['--color'], { NO_COLOR: '1' }, true],
    ['--no-color wins over FORCE_COLOR', ['--no-color'], { NO_COLOR: '', FORCE_COLOR: '1' }, false],
  ] as [string, string[], Record<string, string>, boolean][])('%s', (_name, args, env, coloured) => {
    expect(terminal(args, env).includes(ESC)).toBe(coloured);
  });
});
