import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleContractError } from '../src/engine/run.js';
import { brokenWorker, built, check, expectOneThreadLine, sameOnTwoThreads, twoThreadExport } from './helpers/two-threads.js';

// With two threads the check pass is split: a worker runs some of the rules on every akt and
// aggregates them, the main thread the others, and the two aggregates are joined rule by rule
// (src/check-thread.ts). Only large exports take that path; --split-from (hidden, for tests) lowers it.
const { dir, input: INPUT, generate } = twoThreadExport(11, 'akt-check-threads-');

beforeAll(generate, 60_000);

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
  )('%s', (_, args) => sameOnTwoThreads(INPUT, args), 60_000);
});

describe('the check worker failing', () => {
  it.each([
    // current-plan (the main thread's) reads its options on every akt, individual-goals (the worker's) in its prepare.
    [['current-plan', 'individual-goals'], /^RuleContractError: rule individual-goals threw in prepare/, true],
    [['current-plan', 'subgoals-present'], /^RuleContractError: rule current-plan threw on akt \S+/, false],
    // Both on the same akt (the 31st): the worker's rule comes first in the order of the rules.
    [['subgoals-present', 'requirements-stated'], /^RuleContractError: rule subgoals-present threw on akt \S+/, true],
  ])('rules that throw are named as on one thread (%s): the first to throw of a one-thread pass', async (ids, expected, theWorkers) => {
    const { audit, builtinRules } = await built();
    const { WorkerRuleError } = (await import(path.resolve('dist/src/check-thread.js'))) as typeof import('../src/check-thread.js');
    const rules = builtinRules.filter((r) => ids.includes(r.id)).map((rule) => ({ rule, severity: 'error' as const, options: null as unknown as Record<string, unknown> }));
    const run = (threads: number) => audit({ paths: [`${dir}/csv`], asOf: '2011-06-01', rules, read: { threads }, splitFrom: 1 }).then(() => undefined, (e: Error) => e);
    const one = await run(1);
    const two = await run(2);
    expect(`${one!.name}: ${one!.message}`).toMatch(expected);
    expect(`${two!.name}: ${two!.message}`).toBe(`${one!.name}: ${one!.message}`);
    expect((two as RuleContractError).fault).toEqual((one as RuleContractError).fault);
    // The two threads did split the rules: the error came from the thread whose rule threw first.
    expect(two instanceof WorkerRuleError).toBe(theWorkers);
  }, 60_000);

  it('a rule of the worker that throws: its fault comes over as data, and the CLI names the akt by pseudonym under --public', async () => {
    const { audit, builtinRules } = await built();
    const { WorkerRuleError } = (await import(path.resolve('dist/src/check-thread.js'))) as typeof import('../src/check-thread.js');
    const { ruleError } = (await import(path.resolve('dist/src/cli/rule-error.js'))) as typeof import('../src/cli/rule-error.js');
    const { pseudonym } = (await import(path.resolve('dist/src/privacy/pseudonym.js'))) as typeof import('../src/privacy/pseudonym.js');
    // subgoals-present (the worker's) throws; current-plan (the main thread's), given its options, does not.
    const rules = builtinRules
      .filter((r) => ['current-plan', 'subgoals-present'].includes(r.id))
      .map((rule) => ({ rule, severity: 'error' as const, options: (rule.id === 'current-plan' ? rule.options.parse({}) : null) as Record<string, unknown> }));
    const e = await audit({ paths: [`${dir}/csv`], asOf: '2011-06-01', rules, read: { threads: 2 }, splitFrom: 1 }).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(WorkerRuleError);
    const { fault } = e as InstanceType<typeof WorkerRuleError>;
    expect(fault).toMatchObject({ ruleId: 'subgoals-present', where: 'check', kind: 'threw', name: 'TypeError' });
    const caseId = fault.caseId!;
    const key = { key: Buffer.from(readFileSync(`${dir}/key`, 'utf8').trim()), source: 'file' as const };
    const shown = ruleError(e as InstanceType<typeof WorkerRuleError>, key).text('en');
    expect(shown).toBe(`rule subgoals-present threw on akt ${pseudonym(key.key, caseId)}: TypeError: [removed] (a bug in that rule)`);
    expect(shown).not.toContain(caseId);
    expect(ruleError(e as InstanceType<typeof WorkerRuleError>).text('en')).toMatch(new RegExp(`^rule subgoals-present threw on akt ${caseId}: TypeError: \\S`));
  }, 60_000);

  it('ends the run with one line saying to use one thread, never waits', async () => {
    // A rule the worker does not have: it fails at once, as a thread that breaks would.
    await expectOneThreadLine(await brokenWorker(dir, (thread, akter, rules) => thread.check(akter, { rules, asOf: '2011-06-01', listLimit: 10 })));
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
  /** A directory of sparse files: their sizes without their bytes. */
  const sized = (files: Record<string, number>) => {
    const d = mkdtempSync(path.join(tmpdir(), 'akt-large-'));
    for (const [name, size] of Object.entries(files)) {
      writeFileSync(path.join(d, name), '');
      truncateSync(path.join(d, name), size);
    }
    return d;
  };

  it('adds up the files named and those directly in a directory named, without reading them', async () => {
    const { largeInput } = await import('../src/check-thread.js');
    expect(await largeInput(['fixtures/stockholm-2011/csv', 'fixtures/stockholm-2012'])).toBe(false);
    expect(await largeInput(['no/such/dir'])).toBe(false);
    const big = sized({ 'cases.csv': 60 << 20, 'plans.csv': 20 << 20 });
    expect(await largeInput([path.join(big, 'cases.csv')])).toBe(false);
    expect(await largeInput([big])).toBe(true);
    expect(await largeInput([path.join(big, 'cases.csv'), path.join(big, 'plans.csv')])).toBe(true);
    // NDJSON counts at its share (an akt takes more bytes of NDJSON than of CSV); a .json file, parsed whole here, not at all.
    const nd = sized({ 'akter.ndjson': 100 << 20 });
    expect(await largeInput([nd])).toBe(false);
    truncateSync(path.join(nd, 'akter.ndjson'), 130 << 20);
    expect(await largeInput([nd])).toBe(true);
    expect(await largeInput([path.join(nd, 'akter.ndjson')])).toBe(true);
    const jsonl = sized({ 'more.jsonl': 130 << 20 });
    expect(await largeInput([path.join(jsonl, 'more.jsonl')])).toBe(true);
    expect(await largeInput([sized({ 'akter.json': 400 << 20 })])).toBe(false);
  });

  // Two threads broke even at some 75,000 generated akter in session 18 and lost below (check-thread.ts).
  it('starts the worker from 72 MiB of CSV (some 89,000 akter), not a byte below', async () => {
    const { largeInput, SPLIT_BYTES, SPLIT_FROM } = await import('../src/check-thread.js');
    expect(SPLIT_BYTES).toBe(75_497_472);
    expect(SPLIT_FROM).toBe(90_000);
    expect(await largeInput([sized({ 'cases.csv': 75_497_471 })])).toBe(false);
    expect(await largeInput([sized({ 'cases.csv': 75_497_472 })])).toBe(true);
    expect(await largeInput([sized({ 'cases.csv': 40_000_000, 'plans.csv': 35_497_471 })])).toBe(false);
    expect(await largeInput([sized({ 'cases.csv': 40_000_000, 'plans.csv': 35_497_472 })])).toBe(true);
    // The generated exports of session 18 (seed 1): 75,000 akter stay on one thread, 100,000 take two.
    expect(await largeInput([sized({ 'cases.csv': 5_782_175, 'followups.csv': 24_316_502, 'plans.csv': 25_504_611, 'subgoals.csv': 7_858_027 })])).toBe(false);
    expect(await largeInput([sized({ 'cases.csv': 7_709_486, 'followups.csv': 32_445_649, 'plans.csv': 34_013_057, 'subgoals.csv': 10_486_423 })])).toBe(true);
  });

  it('counts NDJSON at its share: from 120 MiB (the same akter as 72 MiB of CSV), not a byte below', async () => {
    const { largeInput, NDJSON_SHARE } = await import('../src/check-thread.js');
    expect(NDJSON_SHARE).toBe(0.6);
    expect(await largeInput([sized({ 'akter.ndjson': 125_829_119 })])).toBe(false);
    expect(await largeInput([sized({ 'akter.ndjson': 125_829_120 })])).toBe(true);
    expect(await largeInput([sized({ 'akter.jsonl': 125_829_120 })])).toBe(true);
    expect(await largeInput([sized({ 'akter.ndjson': 106_430_709 })])).toBe(false);
    expect(await largeInput([sized({ 'akter.ndjson': 141_971_112 })])).toBe(true);
    // NDJSON and CSV add up: 60 MiB of NDJSON count as 36 MiB, as do 36 MiB of CSV.
    expect(await largeInput([sized({ 'akter.ndjson': 60 << 20, 'cases.csv': (36 << 20) - 1 })])).toBe(false);
    expect(await largeInput([sized({ 'akter.ndjson': 60 << 20, 'cases.csv': 36 << 20 })])).toBe(true);
  });
});
