import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { built, twoThreadExport } from './helpers/two-threads.js';

// For json and ndjson on two threads the worker no longer runs each rule's `prepare` over the whole
// population again: the main thread sends what its own `prepare` counted (check-thread.ts
// SENT_PREPARED), and the worker makes the rest (a matcher, made from the options) from no akter.
// What it then finds must be what the whole `prepare` gives, akt for akt.
const { dir, generate } = twoThreadExport(14, 'akt-write-prepared-');

beforeAll(generate, 60_000);

const lib = async () => ({
  ...(await built()),
  ...((await import(path.resolve('dist/src/check-thread.js'))) as typeof import('../src/check-thread.js')),
  ...((await import(path.resolve('dist/src/engine/run.js'))) as typeof import('../src/engine/run.js')),
  ...((await import(path.resolve('dist/src/ingest/read-export.js'))) as typeof import('../src/ingest/read-export.js')),
});

describe("the worker takes the main thread's prepare results", () => {
  it('every built-in rule with a prepare is sent, so none prepares twice', async () => {
    const { builtinRules, SENT_PREPARED } = await lib();
    const preparing = builtinRules.filter((r) => r.prepare).map((r) => r.id);
    expect(preparing.length).toBeGreaterThan(0);
    expect(preparing.filter((id) => !SENT_PREPARED.has(id))).toEqual([]);
  });

  it('what is sent, cloned, and made from no akter finds what the whole prepare finds, on every akt', async () => {
    const { builtinRules, resolveSettings, sendable, Checker, readExport } = await lib();
    const { akter } = await readExport([`${dir}/csv`], { asOf: '2011-06-01' });
    const { rules } = await resolveSettings({ configLookup: false }, builtinRules);
    const ctx = { asOf: '2011-06-01' };
    const shared: unknown[] = [];
    const keeping = rules.map((a, i) => (a.rule.prepare ? { ...a, rule: { ...a.rule, prepare: (...args: Parameters<NonNullable<typeof a.rule.prepare>>) => (shared[i] = a.rule.prepare!(...args)) } } : a));
    const whole = new Checker(akter, keeping, ctx);
    // As postMessage sends it.
    const sent = structuredClone(sendable(rules, shared));
    expect(sent.filter((s) => s !== undefined).length).toBe(rules.filter((a) => a.rule.prepare).length);
    const fromNone = rules.map((a, i) => {
      const s = sent[i];
      if (!s) return a;
      const prepare = a.rule.prepare!;
      return { ...a, rule: { ...a.rule, prepare: (_: unknown, c: typeof ctx, o: never) => (s.whole ? s.value : { ...(prepare([], c, o) as object), ...(s.value as object) }) } };
    });
    const worker = new Checker(akter, fromNone as typeof rules, ctx);
    let failed = 0;
    for (let i = 0; i < akter.length; i++) {
      const a = akter.at(i);
      const mine = whole.findings(a);
      expect(worker.findings(a)).toEqual(mine);
      failed += mine.filter((f) => f.ruleId === 'individual-goals' && f.status === 'fail' && f.reasons.some((r) => r.code === 'boilerplate' || r.code === 'boilerplate-district')).length;
    }
    // The counts over the population were taken (boilerplate needs them).
    expect(failed).toBeGreaterThan(10);
  }, 60_000);

  it('a rule not named, or a result that is not an object, is not sent: the worker prepares it itself', async () => {
    const { builtinRules, sendable } = await lib();
    const goals = builtinRules.find((r) => r.id === 'individual-goals')!;
    const rule = { ...goals, id: 'some-other-rule' };
    expect(sendable([{ rule, severity: 'error', options: {} }], [{ counts: 1 }])).toEqual([undefined]);
    expect(sendable([{ rule: goals, severity: 'error', options: {} }], [undefined])).toEqual([undefined]);
    expect(sendable([{ rule: goals, severity: 'error', options: {} }], [{ counts: 1, inDistrict: 2, keys: 3, matcher: () => 0 }])).toEqual([{ whole: false, value: { counts: 1, inDistrict: 2, keys: 3 } }]);
  });

  it('results that cannot be cloned: the worker prepares itself, and writes the same bytes', async () => {
    const { builtinRules, resolveSettings, CheckThread, readExport } = await lib();
    const { rules } = await resolveSettings({ configLookup: false }, builtinRules);
    const infos = rules.map((a) => ({ ruleId: a.rule.id, severity: a.severity, options: a.options }));
    const bodies = { format: 'json' as const, lang: 'sv' as const, messages: false, evidence: false, omit: [] };
    const written = async (prepared: import('../src/check-thread.js').Prepared[] | undefined) => {
      const { akter } = await readExport([`${dir}/csv`], { asOf: '2011-06-01' });
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'akt-write-prepared-')), 'akter');
      const thread = CheckThread.start(2, rules)!;
      const part = thread.write(akter, { rules: infos, asOf: '2011-06-01', listLimit: 10, from: 1000, file, bodies, prepared: prepared !== undefined })!;
      if (prepared) thread.prepared(prepared);
      const state = await part;
      await thread.close();
      return { bytes: readFileSync(file, 'utf8'), akter: state.akter };
    };
    const itself = await written(undefined);
    expect(itself.akter).toBe(2000);
    expect(itself.bytes.length).toBeGreaterThan(10_000);
    expect(await written([{ whole: true, value: () => 0 }])).toEqual(itself);
  }, 60_000);
});
