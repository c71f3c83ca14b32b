import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { brokenWorker, built, check, expectOneThreadLine, sameOnTwoThreads, twoThreadExport } from './helpers/two-threads.js';

// json and ndjson write every akt in the check pass, so their rules cannot be shared out: with two
// threads the worker checks and writes the later akter into a file that the main thread copies
// after its own, and its aggregate is appended (audit.ts writeShare, Aggregator.append). Only large
// exports take that path; --split-from (hidden, for tests) lowers it.
const { dir, input: INPUT, generate } = twoThreadExport(12, 'akt-write-share-');

beforeAll(generate, 60_000);

describe('json and ndjson written on two threads give the report of one, byte for byte', () => {
  it('takes the path when told to (the worker writes akter)', () => {
    const prof = mkdtempSync(path.join(tmpdir(), 'akt-write-prof-'));
    const r = check([...INPUT, '--format', 'json', '--threads', '2', '--split-from', '1', '-o', path.join(prof, 'out.json')], ['--cpu-prof', `--cpu-prof-dir=${prof}`]);
    expect(r.status).toBe(1);
    const profiles = readdirSync(prof)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => readFileSync(path.join(prof, f), 'utf8'));
    expect(profiles.some((p) => p.includes('check-worker.js') && p.includes('"functionName":"write"'))).toBe(true);
  }, 60_000);

  it.each(
    [
      ['json'],
      ['ndjson'],
      ['json', '--messages', '--evidence'],
      ['ndjson', '--messages', '--lang', 'en'],
      ['json', '--appendix-limit', 'all'],
      ['json', '--district', 'Skärholmen', 'Kungsholmen', 'Norrmalm'],
      ['json', '--public', '--pseudonym-key-file', `${dir}/key`],
      ['json', '--pretty'],
      ['csv'],
    ].map((args) => [args.join(' '), args] as const),
  )('%s', (_, args) => sameOnTwoThreads(INPUT, args), 60_000);

  it('json with another format beside it: the figures of both as one thread gives them', () => {
    const out = (threads: string) => {
      const to = mkdtempSync(path.join(tmpdir(), 'akt-write-two-'));
      const r = check([...INPUT, '--format', 'json,markdown', '--output-dir', to, '--threads', threads, '--split-from', '1']);
      expect(r.status).toBe(1);
      return readdirSync(to)
        .sort()
        .map((f) => readFileSync(path.join(to, f), 'utf8'));
    };
    expect(out('2')).toEqual(out('1'));
  }, 60_000);
});

describe('the worker writing akter failing', () => {
  it.each([
    [['current-plan', 'individual-goals'], /^RuleContractError: rule individual-goals threw in prepare/],
    [['current-plan', 'subgoals-present'], /^RuleContractError: rule current-plan threw on akt \S+/],
  ])('rules that throw are named as on one thread (%s), and the run ends', async (ids, expected) => {
    const { audit, builtinRules } = await built();
    const rules = builtinRules.filter((r) => ids.includes(r.id)).map((rule) => ({ rule, severity: 'error' as const, options: null as unknown as Record<string, unknown> }));
    const run = (threads: number) =>
      audit({ paths: [`${dir}/csv`], asOf: '2011-06-01', rules, read: { threads }, splitFrom: 1, onCase: () => undefined, bodies: { format: 'json', lang: 'sv', messages: false, evidence: false }, insert: () => undefined }).then(
        () => undefined,
        (e: Error) => `${e.name}: ${e.message}`,
      );
    const one = await run(1);
    expect(one).toMatch(expected);
    expect(await run(2)).toBe(one);
  }, 60_000);

  it('ends the run with one line saying to use one thread, never waits', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'akt-write-fail-')), 'akter');
    const bodies = { format: 'json' as const, lang: 'sv' as const, messages: false, evidence: false, omit: [] };
    await expectOneThreadLine(await brokenWorker(dir, (thread, akter, rules) => thread.write(akter, { rules, asOf: '2011-06-01', listLimit: 10, from: 1, file, bodies })));
  }, 60_000);
});
