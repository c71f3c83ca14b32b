import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { cellText, isDateFormat, serialToIso } from '../src/load/xlsx.js';
import { readExport } from '../src/ingest/read-export.js';

type Cell = ExcelJS.CellValue;

/** A workbook with the given sheets (rows of cells), written by exceljs as Excel would hold it. */
async function workbook(sheets: Record<string, Cell[][]>, opts: { date1904?: boolean; dateColumns?: number[] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (opts.date1904) wb.properties.date1904 = true;
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v;
      });
    });
    for (const c of opts.dateColumns ?? []) ws.getColumn(c).numFmt = 'yyyy-mm-dd';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function dir(files: Record<string, Buffer | string>): string {
  const d = mkdtempSync(path.join(tmpdir(), 'akt-xlsx-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(d, name), data);
  return d;
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('cells become the text a CSV export would hold', () => {
  it('dates in both of Excel\'s date systems', () => {
    expect(serialToIso(40497, false)).toBe('2010-11-15');
    expect(serialToIso(40497 - 1462, true)).toBe('2010-11-15');
    expect(serialToIso(40497.75, false)).toBe('2010-11-15');
    expect(cellText(d('2010-11-15'), 'yyyy-mm-dd', false)).toBe('2010-11-15');
  });

  it('numbers, booleans, formulas by their cached value, rich text, links and errors', () => {
    expect(cellText(42, undefined, false)).toBe('42');
    expect(cellText(20101115, 'General', false)).toBe('20101115');
    expect(cellText(true, undefined, false)).toBe('ja');
    expect(cellText(false, undefined, false)).toBe('nej');
    expect(cellText({ formula: 'DATE(2010,11,15)', result: 40497 }, 'yyyy-mm-dd', false)).toBe('2010-11-15');
    expect(cellText({ formula: 'A1&"x"', result: 'HL-1x' }, undefined, false)).toBe('HL-1x');
    expect(cellText({ formula: 'A1' } as Cell, undefined, false)).toBe('');
    expect(cellText({ richText: [{ text: 'Egen ' }, { text: 'försörjning' }] }, undefined, false)).toBe('Egen försörjning');
    expect(cellText({ text: 'länk', hyperlink: 'https://example.org' }, undefined, false)).toBe('länk');
    expect(cellText({ error: '#N/A' }, undefined, false)).toBe('#N/A');
    expect(cellText(null, undefined, false)).toBe('');
  });

  it('knows a date format from a number format', () => {
    for (const f of ['yyyy-mm-dd', 'd/m/yy', 'mmm yyyy', '[$-41D]yyyy-mm-dd', 'dd.mm.yyyy hh:mm']) expect(isDateFormat(f), f).toBe(true);
    for (const f of [undefined, 'General', '0.00', '#,##0 "kr"', 'mm:ss', '[Red]0']) expect(isDateFormat(f), String(f)).toBe(false);
  });
});

describe('reading a workbook', () => {
  it('reads each sheet as the table its name gives, header on the first row with a value, cell types honoured', async () => {
    const book = await workbook(
      {
        Akter: [[], ['Aktnummer', 'Stadsdel', 'Bistånd från'], ['A-1', 'Bromma', d('2009-03-01')], [], ['A-2', 'Bromma', '20090401']],
        Arbetsplaner: [
          ['Aktnummer', 'Arbetsplan-ID', 'Giltig från', 'Giltig t.o.m.', 'Mål', 'Nästa uppföljning'],
          ['A-1', 'P1', d('2010-01-01'), d('2010-12-31'), { richText: [{ text: 'Få ' }, { text: 'arbete' }] }, { formula: 'C2+90', result: d('2010-04-01') }],
          ['A-2', 'P2', d('2010-02-01'), 'inte ett datum', 'Egen försörjning', null, 'en lapp i kanten'],
        ],
        Uppföljningar: [['Aktnummer', 'Datum', 'Typ', 'Mål reviderade'], ['A-1', d('2010-03-01'), 'Trepartssamtal', true], ['A-1', d('2010-06-01'), 'Närvarokontroll', false]],
      },
      { dateColumns: [2, 3, 4, 6] },
    );
    const loaded = await readExport([dir({ 'export.xlsx': book })], { asOf: '2010-11-15' });
    const a1 = [...loaded.akter].find((a) => a.akt.caseId === 'A-1')!.akt;
    const a2 = [...loaded.akter].find((a) => a.akt.caseId === 'A-2')!.akt;
    expect(a1.supportStart).toBe('2009-03-01');
    expect(a2.supportStart).toBe('2009-04-01');
    expect(a1.plans[0]).toMatchObject({ planId: 'P1', validFrom: '2010-01-01', validTo: '2010-12-31', goal: 'Få arbete', nextFollowUp: '2010-04-01' });
    expect(a1.followUps.map((f) => [f.date, f.type, f.goalsRevised])).toEqual([
      ['2010-03-01', 'trepartssamtal', true],
      ['2010-06-01', 'narvarokontroll', false],
    ]);
    const at = (p: { file: string; line?: number }) => `${path.basename(p.file)}:${p.line}`;
    expect(loaded.problems.map((p) => [at(p), p.code, p.field ?? null, p.rejected ?? false])).toEqual([
      ['export.xlsx!Arbetsplaner:3', 'wrong-field-count', null, true],
    ]);
    const sheets = loaded.files.filter((f) => f.file.includes('!')).map((f) => [path.basename(f.file), f.format, f.table, f.rowsRead, f.rowsRejected]);
    expect(sheets).toEqual([
      ['export.xlsx!Akter', 'xlsx', 'cases', 2, 0],
      ['export.xlsx!Arbetsplaner', 'xlsx', 'plans', 2, 1],
      ['export.xlsx!Uppföljningar', 'xlsx', 'followups', 2, 0],
    ]);
    const book1 = loaded.files.find((f) => f.file.endsWith('export.xlsx'))!;
    expect(book1).toMatchObject({ format: 'xlsx', rowsRead: 0 });
    expect(book1.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a bad cell with file, sheet and row, and reads a 1904 workbook', async () => {
    const book = await workbook(
      { Akter: [['caseId', 'district', 'supportStart'], ['A-1', 'Bromma', d('2009-03-01')], ['A-2', 'Bromma', 'sommaren 2009'], ['', 'Bromma', d('2009-03-01')]] },
      { date1904: true, dateColumns: [3] },
    );
    const loaded = await readExport([dir({ 'akter.xlsx': book })]);
    expect([...loaded.akter].map((a) => [a.akt.caseId, a.akt.supportStart ?? null])).toEqual([
      ['A-1', '2009-03-01'],
      ['A-2', null],
    ]);
    expect(loaded.problems.map((p) => [`${path.basename(p.file)}:${p.line}`, p.code, p.rejected ?? false])).toEqual([
      ['akter.xlsx!Akter:3', 'invalid-date', false],
      ['akter.xlsx!Akter:4', 'missing-case-id', true],
    ]);
  });

  it('takes a workbook per table, sheet names from the mapping, and leaves other sheets out with a notice', async () => {
    const akter = await workbook({ Blad1: [['Aktnummer', 'Stadsdel'], ['A-1', 'Bromma']], Info: [['Skapad av systemet']] });
    const planer = await workbook({ Blad1: [['Aktnummer', 'Arbetsplan-ID'], ['A-1', 'P1']] });
    const other = await workbook({ KLIENT: [['AKT', 'ENHET'], ['B-1', 'Kista']], LOGG: [['x']] });
    const loaded = await readExport([dir({ 'akter.xlsx': akter, 'arbetsplaner.xlsx': planer, 'system.xlsx': other })], {
      mapping: { sheets: { KLIENT: 'cases', LOGG: null }, columns: { cases: { AKT: 'caseId', ENHET: 'district' } } },
    });
    expect([...loaded.akter].map((a) => [a.akt.caseId, a.akt.plans.length])).toEqual([
      ['A-1', 1],
      ['B-1', 0],
    ]);
    expect(loaded.problems.map((p) => [path.basename(p.file), p.code])).toEqual([
      ['akter.xlsx!Info', 'ignored-file'],
      ['system.xlsx!LOGG', 'ignored-file'],
    ]);
  });

  it('reads child sheets stored before the akter, in as many passes as it takes', async () => {
    const book = await workbook({ Delmål: [['caseId', 'planId', 'text'], ['A-1', 'P1', 'SFI']], Arbetsplaner: [['caseId', 'planId'], ['A-1', 'P1']], Akter: [['caseId', 'district'], ['A-1', 'X']] });
    const loaded = await readExport([dir({ 'export.xlsx': book })]);
    expect(loaded.problems).toEqual([]);
    expect([...loaded.akter][0]!.akt.plans[0]!.subGoals).toEqual([{ text: 'SFI' }]);
  });

  it('stops with one line when a sheet has no caseId column', async () => {
    const book = await workbook({ Akter: [['Namn', 'Stadsdel'], ['x', 'y']] });
    const error = await readExport([dir({ 'export.xlsx': book })]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/export\.xlsx!Akter: no caseId column; found Namn, Stadsdel/);
  });

  it('refuses a file that is not a workbook, in one line', async () => {
    const error = await readExport([path.join(dir({ 'export.xlsx': 'caseId,district\nA,B\n' }), 'export.xlsx')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/export\.xlsx: not a readable Excel workbook/);
  });
});
