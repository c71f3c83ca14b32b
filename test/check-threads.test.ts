import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// With two threads the check pass is split: a worker runs some of the rules on every akt and
// aggregates them, the main thread the others, and the two aggregates are joined rule by rule
// (src/check-thread.ts). Only large exports take that path; --split-from (hidden, for tests) lowers it.
const dir = mkdtempSync(path.join(tmpdir(), 'akt-check-threads-'));
const INPUT = [`${dir}/csv`, 'fixtures/stockholm-2011/excel', 'fixtures/stockholm-2012'];

beforeAll(() => {
  const g = spawnSync(process.execPath, ['scripts/generate-export.mjs', '--akter', '3000', '--seed', '11', '--out', dir, '--layout', 'csv'], { encoding: 'utf8' });
  expect(g.status).toBe(0);
  writeFileSync(`${dir}/key`, 'a secret for the pseudonyms of this test\n');
}, 60_000);

const check = (args: string[], node: string[] = []) => spawnSync(process.execPath, [...node, 'bin/aktgranskning.js', 'check', ...args, '--as-of', '2011-06-01', '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 28 });

describe('two threads checking give the report of one, byte for byte', () => {
  it('takes the split path when told to (the worker checks akter)', () => {
    const prof = mkdtempSync(path.join(tmpdir(), 'akt-check-prof-'));
    const r = check([...INPUT, '--format', 'terminal', '--threads', '2', '--split-from', '1'], ['--cpu-prof', `--cpu-prof-dir=${prof}`]);
    expect(r.status).toBe(1);
    const profiles = readdirSync(prof).map((f) => readFileSync(path.join(prof, f), 'utf8'));
    expect(profiles.some((p) => p.includes('check-worker.js') && p.includes('"functionName":"check"'))).toBe(true);
  }, 60_000);

  it.each(
    [
    ['terminal'],
    ['markdown'],
    ['markdown', '--appendix-limit', 'all'],
    ['markdown', '--appendix-limit', '0', '--lang', 'en'],
    ['markdown', '--district', 'Skärholmen', 'Kungsholmen', 'Norrmalm'],
    ['html'],
    ['sarif'],
    ['junit'],
    ['github'],
    ['markdown', '--public', '--pseudonym-key-file', `${dir}/key`],
    ].map((args) => [args.join(' '), args] as const),
  )('%s', (_, [format, ...extra]) => {
    const one = check([...INPUT, '--format', format!, ...extra, '--threads', '1']);
    expect(one.stderr).toBe('');
    expect(one.stdout.length).toBeGreaterThan(500);
    const two = check([...INPUT, '--format', format!, ...extra, '--threads', '2', '--split-from', '1']);
    expect(two.stderr).toBe('');
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
  }, 60_000);
});

// The built library (dist/src) has the worker beside it, as the command has; the TypeScript sources do not.
const built = async () => ({
  ...((await import(path.resolve('dist/src/audit.js'))) as typeof import('../src/audit.js')),
  ...((await import(path.resolve('dist/rules/index.js'))) as typeof import('../rules/index.js')),
});

describe('the check worker failing', () => {
  it.each([
    // current-plan (the main thread's) reads its options on every akt, individual-goals (the worker's) in its prepare.
    [['current-plan', 'individual-goals'], /^RuleContractError: rule individual-goals threw in prepare/],
    [['current-plan', 'subgoals-present'], /^RuleContractError: rule current-plan threw on akt \S+/],
    [['subgoals-present', 'waiting-time'], /^RuleContractError: rule subgoals-present threw on akt \S+/],
  ])('rules that throw are named as on one thread (%s): the first to throw of a one-thread pass', async (ids, expected) => {
    const { audit, builtinRules } = await built();
    const rules = builtinRules.filter((r) => ids.includes(r.id)).map((rule) => ({ rule, severity: 'error' as const, options: null as unknown as Record<string, unknown> }));
    const run = (threads: number) => audit({ paths: [`${dir}/csv`], asOf: '2011-06-01', rules, read: { threads }, splitFrom: 1 }).then(() => undefined, (e: Error) => `${e.name}: ${e.message}`);
    const one = await run(1);
    expect(one).toMatch(expected);
    expect(await run(2)).toBe(one);
  }, 60_000);

  it('ends the run with one line saying to use one thread, never waits', async () => {
    const { CheckThread } = (await import(path.resolve('dist/src/check-thread.js'))) as typeof import('../src/check-thread.js');
    const { readExport } = (await import(path.resolve('dist/src/ingest/read-export.js'))) as typeof import('../src/ingest/read-export.js');
    const { UserError } = (await import(path.resolve('dist/src/errors.js'))) as typeof import('../src/errors.js');
    const { akter } = await readExport([`${dir}/csv`], { asOf: '2011-06-01' });
    const thread = CheckThread.start(2, [])!;
    // A rule the worker does not have: it fails at once, as a thread that breaks would.
    const err = await thread.check(akter, { rules: [{ ruleId: 'no-such-rule', severity: 'error', options: {} }], asOf: '2011-06-01', listLimit: 10 })!.then(() => undefined, (e: Error) => e);
    await thread.close();
    expect(err).toBeInstanceOf(UserError);
    expect((err as InstanceType<typeof UserError>).text('en')).toMatch(/^the thread checking the akter failed \(TypeError: .*\); run again with --threads 1$/);
  }, 60_000);

  it('is not started for one thread, nor for rules a plug-in brings (their code is the main thread\'s)', async () => {
    const { CheckThread } = (await import(path.resolve('dist/src/check-thread.js'))) as typeof import('../src/check-thread.js');
    const { builtinRules } = (await import(path.resolve('dist/rules/index.js'))) as typeof import('../rules/index.js');
    const builtin = { rule: builtinRules[0]!, severity: 'error' as const, options: {} };
    expect(CheckThread.start(1, [builtin])).toBeUndefined();
    expect(CheckThread.start(2, [builtin, { ...builtin, rule: { ...builtinRules[1]!, id: 'plug-in-rule' } }])).toBeUndefined();
    const thread = CheckThread.start(2, [builtin]);
    expect(thread).toBeDefined();
    await thread!.close();
  });

  it('leaves the akter to the main thread when they cannot be sent', async () => {
    const { CheckThread } = (await import(path.resolve('dist/src/check-thread.js'))) as typeof import('../src/check-thread.js');
    const { readExport } = (await import(path.resolve('dist/src/ingest/read-export.js'))) as typeof import('../src/ingest/read-export.js');
    const { akter } = await readExport([`${dir}/csv`], { asOf: '2011-06-01' });
    const thread = CheckThread.start(2, [])!;
    const options = { pick: () => 'a function cannot be cloned' };
    expect(thread.check(akter, { rules: [{ ruleId: 'current-plan', severity: 'error', options }], asOf: '2011-06-01', listLimit: 10 })).toBeUndefined();
    await thread.close();
  }, 60_000);
});

describe('whether an export may be large enough to check on two threads', () => {
  it('adds up the files named and those directly in a directory named, without reading them', async () => {
    const { largeInput } = await import('../src/check-thread.js');
    expect(await largeInput(['fixtures/stockholm-2011/csv', 'fixtures/stockholm-2012'])).toBe(false);
    expect(await largeInput(['no/such/dir'])).toBe(false);
    const big = mkdtempSync(path.join(tmpdir(), 'akt-large-'));
    // Sparse files: their sizes without their bytes.
    writeFileSync(path.join(big, 'cases.csv'), '');
    truncateSync(path.join(big, 'cases.csv'), 120 << 20);
    writeFileSync(path.join(big, 'plans.csv'), '');
    truncateSync(path.join(big, 'plans.csv'), 40 << 20);
    expect(await largeInput([path.join(big, 'cases.csv')])).toBe(false);
    expect(await largeInput([big])).toBe(true);
    expect(await largeInput([path.join(big, 'cases.csv'), path.join(big, 'plans.csv')])).toBe(true);
    // NDJSON counts at its share (an akt takes more bytes of NDJSON than of CSV); a .json file, parsed whole here, not at all.
    const nd = mkdtempSync(path.join(tmpdir(), 'akt-large-nd-'));
    writeFileSync(path.join(nd, 'akter.ndjson'), '');
    truncateSync(path.join(nd, 'akter.ndjson'), 200 << 20);
    expect(await largeInput([nd])).toBe(false);
    truncateSync(path.join(nd, 'akter.ndjson'), 270 << 20);
    expect(await largeInput([nd])).toBe(true);
    expect(await largeInput([path.join(nd, 'akter.ndjson')])).toBe(true);
    writeFileSync(path.join(nd, 'more.jsonl'), '');
    truncateSync(path.join(nd, 'more.jsonl'), 270 << 20);
    expect(await largeInput([path.join(nd, 'more.jsonl')])).toBe(true);
    const js = mkdtempSync(path.join(tmpdir(), 'akt-large-json-'));
    writeFileSync(path.join(js, 'akter.json'), '');
    truncateSync(path.join(js, 'akter.json'), 400 << 20);
    expect(await largeInput([js])).toBe(false);
  });
});
