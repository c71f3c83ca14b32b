import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** `script` gives the command a terminal, as a person running the tool would have. */
const SCRIPT = '/usr/bin/script';

describe.skipIf(!existsSync(SCRIPT))('progress on a terminal', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'akt-progress-'));
  beforeAll(() => {
    const g = spawnSync(process.execPath, ['scripts/generate-export.mjs', '--akter', '100000', '--out', dir, '--layout', 'csv'], { encoding: 'utf8' });
    expect(g.status).toBe(0);
  }, 60_000);

  const inTerminal = (extra: string) =>
    spawnSync(SCRIPT, ['-qec', `node bin/aktgranskning.js check ${dir}/csv --as-of 2011-06-01 --format terminal -o ${dir}/r.txt ${extra}`, '/dev/null'], { encoding: 'utf8' }).stdout;

  it('shows files, rows, akter and rate on stderr for a run over a second', () => {
    expect(inTerminal('')).toMatch(/(läser|granskar|skriver rapport) · \d filer · [\d ]+ rader · [\d ]+ akter granskade · [\d ]+ rader\/s/);
  }, 60_000);

  it('shows nothing with --quiet', () => {
    expect(inTerminal('--quiet')).not.toMatch(/rader\/s/);
  }, 60_000);
});

describe('two threads give the same report as one, byte for byte', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'akt-threads-'));
  beforeAll(() => {
    const g = spawnSync(process.execPath, ['scripts/generate-export.mjs', '--akter', '5000', '--seed', '7', '--out', dir, '--layout', 'both'], { encoding: 'utf8' });
    expect(g.status).toBe(0);
  }, 60_000);

  it.each(['json', 'ndjson', 'markdown', 'csv'])('%s', (format) => {
    const run = (threads: string) =>
      spawnSync(process.execPath, ['bin/aktgranskning.js', 'check', `${dir}/csv`, 'fixtures/stockholm-2011/excel', '--as-of', '2011-06-01', '--format', format, '--threads', threads], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
    const one = run('1');
    expect(one.length).toBeGreaterThan(1000);
    expect(run('2')).toBe(one);
  }, 60_000);

  // NDJSON is read and parsed on a worker with two threads: every akt, line and problem the same.
  it.each(['json', 'markdown'])('%s from NDJSON', (format) => {
    const run = (threads: string) =>
      spawnSync(process.execPath, ['bin/aktgranskning.js', 'check', `${dir}/ndjson`, 'fixtures/broken/json', '--as-of', '2011-06-01', '--format', format, '--threads', threads], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
    const one = run('1');
    expect(one.length).toBeGreaterThan(1000);
    expect(run('2')).toBe(one);
  }, 60_000);

  // With one thread the workbook is written on the main thread too (test/xlsx-threads.test.ts), with two on a worker.
  it('xlsx', () => {
    const run = (threads: string) => {
      const file = path.join(dir, `threads-${threads}.xlsx`);
      const r = spawnSync(process.execPath, ['bin/aktgranskning.js', 'check', `${dir}/csv`, '--as-of', '2011-06-01', '--format', 'xlsx', '--quiet', '-o', file, '--threads', threads], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return readFileSync(file);
    };
    const one = run('1');
    expect(one.length).toBeGreaterThan(100_000);
    expect(run('2').equals(one)).toBe(true);
  }, 60_000);

  // The worker encodes rows with the main thread's checks: every problem comes out the same, in the same order.
  it.each(['fixtures/broken/csv', 'fixtures/broken/extra', 'fixtures/broken/json', 'fixtures/personal-data/json', 'fixtures/stockholm-2011/mapped --mapping fixtures/mappings/stockholm-2011-mapped.json'])('problems of %s', (input) => {
    const run = (threads: string) =>
      spawnSync(process.execPath, ['bin/aktgranskning.js', 'validate', ...input.split(' '), '--as-of', '2011-06-01', '--format', 'json', '--threads', threads], { encoding: 'utf8' });
    const one = run('1');
    expect(one.stderr).toBe('');
    expect(JSON.parse(one.stdout).problems.length).toBeGreaterThan(input.includes('broken') ? 5 : -1);
    expect(run('2').stdout).toBe(one.stdout);
  }, 60_000);
});
