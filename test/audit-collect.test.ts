import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The full collections between phases, counted (each is skipped below its heap size anyway).
const collections = vi.hoisted(() => ({ n: 0 }));
vi.mock('../src/memory.js', async (original) => ({
  ...(await original<typeof import('../src/memory.js')>()),
  collectGarbage: () => {
    collections.n++;
  },
}));

// What the command asked of audit.
const asked = vi.hoisted(() => ({ collect: [] as (boolean | undefined)[] }));
vi.mock('../src/audit.js', async (original) => {
  const real = await original<typeof import('../src/audit.js')>();
  return {
    ...real,
    audit: (opts: Parameters<typeof real.audit>[0]) => {
      asked.collect.push(opts.collect);
      return real.audit(opts);
    },
  };
});

const { audit, resolveSettings } = await import('../src/audit.js');
const { main } = await import('../src/cli/main.js');

const INPUT = 'fixtures/stockholm-2011/csv';

beforeEach(() => {
  collections.n = 0;
  asked.collect = [];
});

describe('full collections between the phases of a run', () => {
  it('are made by default, and none with collect: false, for the same report', async () => {
    const { rules } = await resolveSettings({ configLookup: false });
    const run = (collect?: boolean) => audit({ paths: [INPUT], asOf: '2011-06-01', rules, ...(collect === undefined ? {} : { collect }) });
    const full = await run();
    expect(collections.n).toBe(3);
    collections.n = 0;
    const none = await run(false);
    expect(collections.n).toBe(0);
    const { cases: _a, ...a } = full.report;
    const { cases: _b, ...b } = none.report;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect([...none.report.cases].map((c) => c.caseId)).toEqual([...full.report.cases].map((c) => c.caseId));
  });

  it('are left to V8 when every format is written in the pass on the main thread', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'akt-collect-'));
    const check = async (...args: string[]) => {
      asked.collect = [];
      // 1: the fixture has failing akter (0 once a baseline written in the run accepts them); 2 would be an error.
      expect(await main(['node', 'aktgranskning', 'check', INPUT, '--as-of', '2011-06-01', '--quiet', '--no-config-lookup', ...args])).toBeLessThan(2);
      return asked.collect;
    };
    expect(await check('--format', 'json', '--output', path.join(dir, 'a.json'))).toEqual([false]);
    expect(await check('--format', 'ndjson,csv', '--output-dir', path.join(dir, 'b'))).toEqual([false]);
    expect(JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8'))).toHaveProperty('cases');
    // A format made from the finished report, the workbook's worker, or a baseline: as before.
    expect(await check('--format', 'json,markdown', '--output-dir', path.join(dir, 'c'))).toEqual([undefined]);
    expect(await check('--format', 'xlsx', '--output', path.join(dir, 'd.xlsx'))).toEqual([undefined]);
    expect(await check('--format', 'json', '--output', path.join(dir, 'e.json'), '--write-baseline', path.join(dir, 'baseline.json'), '--baseline-reason', 'known', '--baseline-expires', '2030-01-01')).toEqual([undefined]);
    process.exitCode = undefined;
  });
});
