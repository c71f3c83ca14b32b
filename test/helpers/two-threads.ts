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

type Thread = import('../../src/check-thread.js').CheckThread;
type Akter = import('../../src/model/types.js').Akter;
type RuleInfo = import('../../src/report/types.js').RuleInfo;

/**
 * Starts a check worker on the generated export and has `job` give it a rule it does not have, so
 * that it fails at once, as a thread that breaks would; the error the job's promise ends with.
 */
export async function brokenWorker(dir: string, job: (thread: Thread, akter: Akter, rules: RuleInfo[]) => Promise<unknown> | undefined): Promise<unknown> {
  const { CheckThread } = (await import(path.resolve('dist/src/check-thread.js'))) as typeof import('../../src/check-thread.js');
  const { readExport } = (await import(path.resolve('dist/src/ingest/read-export.js'))) as typeof import('../../src/ingest/read-export.js');
  const { akter } = await readExport([`${dir}/csv`], { asOf: '2011-06-01' });
  const thread = CheckThread.start(2, [])!;
  const err = await job(thread, akter, [{ ruleId: 'no-such-rule', severity: 'error', options: {} }])!.then(
    () => undefined,
    (e: unknown) => e,
  );
  await thread.close();
  return err;
}

/** The one line such a failure ends the run with. */
export async function expectOneThreadLine(err: unknown): Promise<void> {
  const { UserError } = (await import(path.resolve('dist/src/errors.js'))) as typeof import('../../src/errors.js');
  expect(err).toBeInstanceOf(UserError);
  expect((err as InstanceType<typeof UserError>).text('en')).toMatch(/^the thread checking the akter failed \(TypeError: .*\); run again with --threads 1$/);
}
