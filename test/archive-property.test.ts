import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import yazl from 'yazl';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { readExport } from '../src/ingest/read-export.js';
import { zipParts } from './helpers/zip.js';

const root = mkdtempSync(path.join(tmpdir(), 'akt-zipprop-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

const WORKBOOK = readFileSync('fixtures/stockholm-2011/xlsx/export.xlsx');
const CSV_ZIP = readFileSync('fixtures/stockholm-2011/zip/csv.zip');
const XLSX_ZIP = readFileSync('fixtures/stockholm-2011/zip/xlsx.zip');

/** Damaged input gives data problems that reconcile, or one clean user error: never a crash, never a hang. */
async function readsOrRefuses(name: string, bytes: Uint8Array): Promise<'read' | 'refused'> {
  const dir = path.join(root, String(n++));
  mkdirSync(dir);
  writeFileSync(path.join(dir, name), bytes);
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${name}: no answer within 20 s`)), 20_000)));
  try {
    const loaded = await Promise.race([readExport([dir]), hang]);
    for (const f of loaded.files) {
      expect(f.rowsRejected).toBeLessThanOrEqual(f.rowsRead);
      expect(loaded.problems.filter((p) => p.file === f.file && p.rejected).length).toBe(f.rowsRejected);
    }
    return 'read';
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(UserError);
    expect((e as Error).message).not.toContain('\n');
    expect((e as Error).message).toContain(name);
    return 'refused';
  } finally {
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Some bytes overwritten, and perhaps the end cut off. */
const damage = (size: number) =>
  fc.record({
    writes: fc.array(fc.tuple(fc.nat({ max: size - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    cut: fc.option(fc.nat({ max: size - 1 }), { nil: undefined }),
  });

function damaged(bytes: Buffer, d: { writes: [number, number][]; cut?: number }): Buffer {
  const copy = Buffer.from(bytes);
  for (const [at, value] of d.writes) copy[at] = value;
  return d.cut === undefined ? copy : copy.subarray(0, d.cut);
}

function zipOf(files: [string, Buffer][]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data] of files) z.addBuffer(data, name);
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

describe('damaged workbooks and archives give exit 2 or data problems, never a crash or a hang', () => {
  it('the fixtures themselves are read', async () => {
    expect(await readsOrRefuses('export.xlsx', WORKBOOK)).toBe('read');
    expect(await readsOrRefuses('export.zip', CSV_ZIP)).toBe('read');
    expect(await readsOrRefuses('export.zip', XLSX_ZIP)).toBe('read');
  });

  it('a workbook whose sheet XML makes the reader give a row that is none (found by the property below)', async () => {
    expect(await readsOrRefuses('export.xlsx', damaged(WORKBOOK, { writes: [[1606, 26]] }))).toBe('refused');
  });

  it('a workbook with bytes overwritten or cut off', async () => {
    await fc.assert(fc.asyncProperty(damage(WORKBOOK.length), async (d) => void (await readsOrRefuses('export.xlsx', damaged(WORKBOOK, d)))), { numRuns: 40 });
  }, 300_000);

  it('archives with bytes overwritten or cut off', async () => {
    await fc.assert(fc.asyncProperty(damage(CSV_ZIP.length), async (d) => void (await readsOrRefuses('export.zip', damaged(CSV_ZIP, d)))), { numRuns: 30 });
    await fc.assert(fc.asyncProperty(damage(XLSX_ZIP.length), async (d) => void (await readsOrRefuses('export.zip', damaged(XLSX_ZIP, d)))), { numRuns: 30 });
  }, 300_000);

  it('a sound zip around a workbook part whose XML is damaged', async () => {
    const book = await zipParts(WORKBOOK);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: book.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('<', '>', '"', '&', '/', 'x', '1', '')), { minLength: 1, maxLength: 6 }), async (which, edits) => {
        const [name, data] = book[which]!;
        let text = data.toString('utf8');
        for (const [at, ch] of edits) {
          const i = at % Math.max(text.length, 1);
          text = text.slice(0, i) + ch + text.slice(i + 1);
        }
        const files = book.map(([n2, d2]): [string, Buffer] => (n2 === name ? [n2, Buffer.from(text)] : [n2, d2]));
        await readsOrRefuses('export.xlsx', await zipOf(files));
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
