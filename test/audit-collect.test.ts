import { describe, expect, it, vi } from 'vitest';
import { audit, resolveSettings } from '../src/audit.js';

// The full collections between a run's phases (memory.ts), counted.
const collections = vi.hoisted(() => ({ n: 0 }));
vi.mock('../src/memory.js', async (original) => ({
  ...(await original<typeof import('../src/memory.js')>()),
  collectGarbage: () => {
    collections.n++;
  },
}));

const settings = await resolveSettings({ configLookup: false });
const run = async (writtenInPass: boolean) => {
  collections.n = 0;
  const seen: string[] = [];
  const { report } = await audit({ paths: ['fixtures/stockholm-2011/csv'], asOf: '2010-11-15', rules: settings.rules, onCase: (c) => seen.push(c.caseId), ...(writtenInPass ? { writtenInPass } : {}) });
  return { collections: collections.n, seen, total: report.total, districts: report.districts, problems: report.dataProblems };
};

describe('the collection after the check pass', () => {
  it('is left out when every output was written in the pass, and the report is the same', async () => {
    const kept = await run(false);
    const left = await run(true);
    expect(kept.collections).toBe(3);
    expect(left.collections).toBe(2);
    expect(left.seen).toEqual(kept.seen);
    expect(left.total).toEqual(kept.total);
    expect(left.districts).toEqual(kept.districts);
    expect(left.problems).toEqual(kept.problems);
  });
});
