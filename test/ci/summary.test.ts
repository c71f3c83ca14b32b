import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const CHECK = ['check', 'fixtures/stockholm-2011/csv', '--as-of', '2010-11-15'];

describe('the summary line on stderr', () => {
  it('follows a report written to a file: akter, akter with findings, data problems, the exit code and why (Swedish by default)', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'akt-sum-')), 'r.md');
    const r = cli([...CHECK, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('aktgranskning: 20 akter granskade, 19 akter med brister, 0 dataproblem; slutkod 1: akter har brister i regler med allvarlighet error\n');
  });

  it('follows a machine format on stdout, in English with --lang en, and names the stadsdelar below a threshold', () => {
    const r = cli([...CHECK, '--format', 'json', '--lang', 'en', '--threshold', 'current-plan=90']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('aktgranskning: 20 case files checked, 19 with deficiencies, 0 data problems; exit code 1: 1 district below the threshold (Spånga-Tensta: Current work plan 20% < 90%)\n');
    const ok = cli([...CHECK, '--format', 'json', '--threshold', 'current-plan=20']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/slutkod 0: alla stadsdelar når sina tröskelvärden\n$/);
  });

  it('is silenced by --quiet, and left out when the terminal format goes to stdout (it says so itself)', () => {
    expect(cli([...CHECK, '--format', 'json', '--quiet']).stderr).toBe('');
    expect(cli([...CHECK, '--format', 'terminal']).stderr).toBe('');
  });
});
