import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS } from '../src/errors.js';
import { cli } from './helpers/cli.js';
import { zipDates } from './helpers/zip.js';

const FIXTURE = 'fixtures/stockholm-2011/csv';
const AS_OF = ['--as-of', '2010-11-15'];

type Summary = { district: string | null; rules: { ruleId: string; passed: number; applicable: number; failed: number; share: number | null; interval: { low: number; high: number } | null }[] };

describe('the xlsx workbook, read back with exceljs’s own (non-streaming) reader', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'akt-xlsx-'));
  const file = path.join(dir, 'rapport.xlsx');
  const r = cli(['check', FIXTURE, ...AS_OF, '--format', 'xlsx', '--output', file]);
  const json = JSON.parse(cli(['check', FIXTURE, ...AS_OF, '--format', 'json']).stdout) as { districts: Summary[]; total: Summary; dataProblems: unknown[] };
  const csv = parse(cli(['check', FIXTURE, ...AS_OF, '--format', 'csv']).stdout) as string[][];
  const read = async (from = file) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(from);
    return wb;
  };

  it('has the four sheets in order, and no formula anywhere', async () => {
    expect(r.code).toBe(EXIT_FINDINGS);
    const wb = await read();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sammanfattning', 'Akter', 'Dataproblem', 'Metod']);
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('Sammanfattning holds the figures of the JSON report as numbers, with coloured grades', async () => {
    const ws = (await read()).getWorksheet('Sammanfattning')!;
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const groups = [...json.districts, json.total];
    expect(rows).toHaveLength(groups.length * 16);
    groups.forEach((d, i) =>
      d.rules.forEach((s, j) => {
        const row = rows[i * 16 + j]!;
        expect(row[3]).toBe(s.ruleId);
        expect([row[4], row[5], row[11]]).toEqual([s.passed, s.applicable, s.failed]);
        expect(row[7] ?? null).toBe(s.share);
        expect(row[8] ?? null).toBe(s.interval?.low ?? null);
      }),
    );
    // Spånga-Tensta, current plan: 2 of 10, Ej uppfyllt in red.
    const st = rows.find((x) => x[1] === 'Spånga-Tensta' && x[3] === 'current-plan')!;
    expect([st[6], st[7], st[10]]).toEqual(['2 av 10', 0.2, 'Ej uppfyllt']);
    const cell = ws.getRow(rows.indexOf(st) + 2).getCell(10);
    expect(cell.font?.color?.argb).toBe('FFB71C1C');
    expect(ws.getRow(rows.indexOf(st) + 2).getCell(7).numFmt).toBe('0%');
  });

  it('Akter is the wide CSV, with a frozen header and an autofilter', async () => {
    const ws = (await read()).getWorksheet('Akter')!;
    const rows = (ws.getSheetValues().slice(1) as unknown[][]).map((x) => Array.from({ length: csv[0]!.length }, (_, i) => x[i + 1] ?? ''));
    expect(rows).toEqual(csv.map((x) => x.map(String)));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeDefined();
  });

  it('with a baseline (written after the pass, over the finished report) Akter has the same rows', async () => {
    const out = path.join(dir, 'baseline.xlsx');
    const baseline = path.join(dir, 'baseline.json');
    const b = cli(['check', FIXTURE, ...AS_OF, '--format', 'xlsx', '--output', out, '--write-baseline', baseline, '--baseline-reason', 'känt', '--baseline-expires', '2011-12-31']);
    expect(b.code).toBe(0);
    const [first, second] = await Promise.all([read(), read(out)]);
    expect(second.getWorksheet('Akter')!.getSheetValues()).toEqual(first.getWorksheet('Akter')!.getSheetValues());
  });

  it('Metod has the audit date as a date, the files with SHA-256 and every rule option', async () => {
    const ws = (await read()).getWorksheet('Metod')!;
    expect(ws.getCell('B1').value).toEqual(new Date('2010-11-15T00:00:00Z'));
    const values = (ws.getSheetValues() as unknown[][]).flat();
    expect(values.filter((v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v))).toHaveLength(8);
    expect(values).toContain('follow-ups-traceable');
    expect(values).toContain('intervalDays');
  });

  it('Dataproblem counts each code and lists at most --appendix-limit of each', async () => {
    const out = path.join(dir, 'broken.xlsx');
    cli(['check', 'fixtures/broken/csv', ...AS_OF, '--format', 'xlsx', '--appendix-limit', '1', '--output', out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows = wb.getWorksheet('Dataproblem')!.getSheetValues().slice(2) as unknown[][];
    const counts = rows.slice(0, rows.findIndex((x) => x === undefined || x.length === 0));
    const all = JSON.parse(cli(['check', 'fixtures/broken/csv', ...AS_OF, '--format', 'json']).stdout) as { dataProblems: { code: string }[] };
    expect(counts.reduce((n, x) => n + (x[3] as number), 0)).toBe(all.dataProblems.length);
    for (const x of counts) expect(x[4]).toBe(1);
  });

  it('is the same bytes on every run of the same export and --as-of, in any time zone: every part is dated the audit date', async () => {
    const again = path.join(dir, 'again.xlsx');
    expect(cli(['check', FIXTURE, ...AS_OF, '--format', 'xlsx', '--output', again], { env: { TZ: 'Pacific/Auckland' } }).code).toBe(EXIT_FINDINGS);
    const bytes = readFileSync(file);
    expect(readFileSync(again).equals(bytes)).toBe(true);
    const dates = await zipDates(bytes);
    expect(dates.length).toBeGreaterThan(10);
    expect(new Set(dates.map(([, date]) => date))).toEqual(new Set(['2010-11-15T00:00:00.000Z']));
  });
});
