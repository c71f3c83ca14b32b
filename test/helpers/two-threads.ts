import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';

/**
 * A generated export of 3,000 akter beside the fixtures, with a pseudonym key, for the tests that
 * hold two threads' reports to one thread's (--split-from, hidden, lowers the size that splits).
 * Call `generate` in a beforeAll.
 */
export function twoThreadExport(seed: number, prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    input: [`${dir}/csv`, 'fixtures/stockholm-2011/excel', 'fixtures/stockholm-2012'],
    generate: () => {
      const g = spawnSync(process.execPath, ['scripts/generate-export.mjs', '--akter', '3000', '--seed', String(seed), '--out', dir, '--layout', 'csv'], { encoding: 'utf8' });
      expect(g.status).toBe(0);
      writeFileSync(`${dir}/key`, 'a secret for the pseudonyms of this test\n');
    },
  };
}

/** The built command's check, as of the fixtures' audit date, quiet. */
export const check = (args: string[], node: string[] = []) => spawnSync(process.execPath, [...node, 'bin/aktgranskning.js', 'check', ...args, '--as-of', '2011-06-01', '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 28 });

/** The same report on stdout with one thread and with two, the split forced. */
export function sameOnTwoThreads(input: string[], [format, ...extra]: readonly string[]): void {
  const one = check([...input, '--format', format!, ...extra, '--threads', '1']);
  expect(one.stderr).toBe('');
  expect(one.stdout.length).toBeGreaterThan(500);
  const two = check([...input, '--format', format!, ...extra, '--threads', '2', '--split-from', '1']);
  expect(two.stderr).toBe('');
  expect(two.status).toBe(one.status);
  expect(two.stdout).toBe(one.stdout);
}

/** The built library (dist/src) has the worker beside it, as the command has; the TypeScript sources do not. */
export const built = async () => ({
  ...((await import(path.resolve('dist/src/audit.js'))) as typeof import('../../src/audit.js')),
  ...((await import(path.resolve('dist/rules/index.js'))) as typeof import('../../rules/index.js')),
});
