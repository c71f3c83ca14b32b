import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { readExport } from '../src/ingest/read-export.js';

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

/** Writes cells as a spreadsheet program would: quoted when needed, in the given encoding. */
function writeTable(rows: string[][], delimiter: string, eol: string, encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le'): Buffer {
  const quote = (c: string) => (c.includes(delimiter) || /["\r\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c);
  const text = rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
  if (encoding === 'windows-1252') return Buffer.from(text, 'latin1');
  if (encoding === 'utf-16le') return Buffer.from(`\uFEFF${text}`, 'utf16le');
  return Buffer.from(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text, 'utf8');
}

describe('CSV round trip', () => {
  // Letters a Swedish export holds, and every character that needs quoting.
  const cell = fc.string({ unit: fc.constantFrom('a', 'Z', 'å', 'Ä', 'ö', 'é', ' ', ',', ';', '\t', '|', '"', '\n', '1', '-'), maxLength: 12 });
  const goal = cell.filter((c) => c.trim() !== '');
  it('reads back every goal exactly, whatever the delimiter, line ends and encoding', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(goal, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le') as fc.Arbitrary<'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le'>,
        async (goals, delimiter, eol, encoding) => {
          const dir = path.join(root, String(n++));
          mkdirSync(dir);
          const cases = [['Aktnummer', 'Stadsdel'], ['K-1', 'Älvsjö']];
          const plans = [['Aktnummer', 'Arbetsplan-ID', 'Mål'], ...goals.map((g, i) => ['K-1', `P${i}`, g])];
          writeFileSync(path.join(dir, 'akter.csv'), writeTable(cases, delimiter, eol, encoding));
          writeFileSync(path.join(dir, 'arbetsplaner.csv'), writeTable(plans, delimiter, eol, encoding));
          const loaded = await readExport([dir]);
          expect(loaded.problems).toEqual([]);
          expect(loaded.files.map((f) => f.delimiter)).toEqual([delimiter, delimiter]);
          expect(loaded.akter.at(0).akt.district).toBe('Älvsjö');
          // Goals are text: the model trims them, as it does every text field.
          expect(loaded.akter.at(0).akt.plans.map((p) => p.goal)).toEqual(goals.map((g) => g.trim()));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('CSV line numbers', () => {
  it('count the line breaks quoted inside fields, as an editor numbers lines', async () => {
    const { readCsv } = await import('../src/load/csv.js');
    // Line breaks inside fields as in the rest of the file (a CRLF counts as one line, as editors show it).
    const cell = (eol: string) => fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', eol, 'ö'), maxLength: 6 });
    const table = fc.constantFrom('\n', '\r\n').chain((eol) => fc.tuple(fc.array(fc.array(cell(eol), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), fc.constant(eol)));
    await fc.assert(
      fc.asyncProperty(table, async ([rows, eol]) => {
        const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const text = ['h1,h2,h3', ...rows.map((r) => r.map(quote).join(','))].join(eol) + eol;
        const file = path.join(root, `lines-${n++}.csv`);
        writeFileSync(file, text);
        // Each row starts one line after the previous one, plus the line breaks inside it.
        const breaks = (r: string[]) => r.reduce((k, c) => k + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
        const expected = [1];
        let line = 2;
        for (const r of rows) {
          if (!(r.length === 1 && r[0] === '')) expected.push(line);
          line += 1 + breaks(r);
        }
        const got: number[] = [];
        for await (const ev of readCsv(file, { delimiter: ',' })) if (ev.kind === 'header' || ev.kind === 'row') got.push(ev.line);
        expect(got).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
