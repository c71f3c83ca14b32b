import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { readExport } from '../src/model/read-export.js';

const root = mkdtempSync(path.join(tmpdir(), 'akt-prop-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** Any input gives a result whose numbers reconcile, or a clean user error; never a crash. */
async function loadsCleanly(files: Record<string, string | Uint8Array>): Promise<void> {
  const dir = path.join(root, String(n++));
  mkdirSync(dir);
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  try {
    const loaded = await readExport([dir]);
    for (const f of loaded.files) {
      expect(f.rowsRejected).toBeLessThanOrEqual(f.rowsRead);
      expect(loaded.problems.filter((p) => p.file === f.file && p.rejected).length).toBe(f.rowsRejected);
    }
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
  }
}

const cellText = fc.string({ unit: fc.constantFrom('a', 'å', ',', '"', '\n', '\r', ' ', '1', '-', 'X') });
const csvText = fc
  .array(fc.array(cellText, { minLength: 1, maxLength: 6 }), { maxLength: 8 })
  .map((rows) => ['caseId,district,supportStart', ...rows.map((r) => r.join(','))].join('\n'));

describe('loaders never crash', () => {
  it('on random bytes as CSV and JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        await loadsCleanly({ 'cases.csv': bytes, 'a.json': bytes, 'b.ndjson': bytes });
      }),
      { numRuns: 60 },
    );
  });

  it('on random CSV tables', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, csvText, async (cases, plans) => {
        await loadsCleanly({ 'cases.csv': cases, 'plans.csv': plans.replace('supportStart', 'validTo') });
      }),
      { numRuns: 80 },
    );
  });

  it('on random JSON values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }), async (values) => {
        await loadsCleanly({
          'a.json': JSON.stringify(values),
          'b.ndjson': values.map((v) => JSON.stringify(v)).join('\n'),
          'c.json': JSON.stringify(values.map((v, i) => ({ caseId: `K-${i}`, district: 'X', plans: v, followUps: [v] }))),
        });
      }),
      { numRuns: 80 },
    );
  });
});
