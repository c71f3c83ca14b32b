import { describe, expect, it } from 'vitest';
import { langAfterCommand } from '../../src/cli/argv.js';
import { cli } from '../helpers/cli.js';

describe('Swedish first: help, explain, sample and the summary line', () => {
  it('--help speaks Swedish by default, English with --lang en or AKTGRANSKNING_LANG=en', () => {
    // Commander wraps help at the terminal's width: compare words, not lines.
    const help = (args: string[], env?: Record<string, string>) => cli(args, { env }).stdout.replace(/\s+/g, ' ');
    const sv = help(['--help']);
    expect(sv).toContain('Granskar exporter av socialtjänstens akter');
    expect(sv).toContain('granska exportens akter och skriv iakttagelserna per stadsdel');
    const check = help(['check', '--help']);
    expect(check).toContain('--threshold <rule=pct>');
    expect(check).toContain('slutkod 1 bara när någon stadsdel');
    expect(help(['check', '--help', '--lang', 'en'])).toContain('exit 1 only when some stadsdel');
    expect(help(['--help'], { AKTGRANSKNING_LANG: 'en' })).toContain('audit the akter of an export and write the findings per stadsdel');
  });

  it('--lang before the command is moved after it, whatever else stands before it', () => {
    const node = ['node', 'aktgranskning'];
    expect(langAfterCommand([...node, '--lang', 'en', 'check', 'x'])).toEqual([...node, 'check', '--lang', 'en', 'x']);
    expect(langAfterCommand([...node, '--lang=en', 'rules'])).toEqual([...node, 'rules', '--lang=en']);
    expect(langAfterCommand([...node, '--lang', 'en', '--help'])).toEqual([...node, '--lang', 'en', '--help']);
    expect(langAfterCommand([...node, 'check', '--lang', 'en', 'x'])).toEqual([...node, 'check', '--lang', 'en', 'x']);
    const run = cli(['--lang', 'en', 'check', 'fixtures/stockholm-2011', '--as-of', '2011-06-01']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('20 case files checked');
  });

  it('explain gives a rule in Swedish by default and its full page with --lang en', () => {
    const sv = cli(['explain', 'current-plan']).stdout;
    expect(sv).toMatch(/^# current-plan — Aktuell arbetsplan \(Current work plan\)\n\n## Vad regeln kontrollerar\n/);
    expect(sv).toContain('## Orsakskoder');
    expect(sv).toContain('aktgranskning explain current-plan --lang en');
    expect(cli(['explain', 'current-plan', '--lang', 'en']).stdout).toMatch(/^# current-plan — Aktuell arbetsplan \(Current work plan\)\n\n## What it checks\nAt the audit date D/);
  });

  it('explain explains data-problem codes', () => {
    const sv = cli(['explain', 'invalid-date']);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toContain('# invalid-date – dataproblem');
    expect(sv.stdout).toContain('Ogiltigt datum');
    expect(sv.stdout).toContain('Nivå: fel');
    const en = cli(['explain', 'unknown-field'], { env: { AKTGRANSKNING_LANG: 'en' } }).stdout;
    expect(en).toContain('# unknown-field – data problem');
    expect(en).toContain('Level: notice (never changes the exit code).');
  });

  it('sample --sample-size-for prints one language', () => {
    const sv = cli(['sample', '--sample-size-for', '0,10,95']).stdout.split('\n');
    expect(sv[0]).toBe('29');
    expect(sv[1]).toMatch(/^Attributurval \(binomialfördelning\): med förväntad avvikelse 0 %, tolerabel avvikelse 10 % och konfidensgrad 95 % krävs minst 29 akter/);
    expect(sv).toHaveLength(3);
    const en = cli(['sample', '--sample-size-for', '1,5', '--lang', 'en']).stdout;
    expect(en).toMatch(/Attribute sampling \(binomial\): with an expected deviation rate of 1%/);
    expect(en).not.toContain('Attributurval');
  });

  it('AKTGRANSKNING_LANG=en turns the report and the summary line English; --lang wins over it', () => {
    const env = { AKTGRANSKNING_LANG: 'en' };
    const en = cli(['check', 'fixtures/stockholm-2011/csv', '--as-of', '2010-11-15', '--format', 'markdown'], { env });
    expect(en.stdout).toMatch(/^# Case file audit/);
    expect(en.stderr).toMatch(/^aktgranskning: 20 case files checked/);
    const sv = cli(['check', 'fixtures/stockholm-2011/csv', '--as-of', '2010-11-15', '--format', 'json', '--lang', 'sv'], { env });
    expect(sv.stderr).toMatch(/^aktgranskning: 20 akter granskade/);
  });
});
