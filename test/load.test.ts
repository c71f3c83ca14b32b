import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpExport } from './helpers/export-dir.js';
import { UserError } from '../src/errors.js';
import { readExport } from '../src/ingest/read-export.js';

const codesAt = (problems: { file: string; line?: number; code: string }[], file: string) =>
  problems.filter((p) => p.file.endsWith(file)).map((p) => [p.line ?? null, p.code]);

describe('loading the stockholm-2011 fixture', () => {
  it('reads CSV and JSON into the same akter', async () => {
    const csv = await readExport(['fixtures/stockholm-2011/csv']);
    const json = await readExport(['fixtures/stockholm-2011/json']);
    expect(csv.akter).toHaveLength(20);
    expect(csv.problems).toEqual([]);
    expect(json.problems).toEqual([]);
    expect(json.akter.map((a) => a.akt)).toEqual(csv.akter.map((a) => a.akt));
    const rows = (l: typeof csv) => l.files.reduce((n, f) => n + f.rowsRead, 0);
    // 20 akter, 29 plans, 4 delmål, 83 follow-ups, 17 utredningar, 9 samtycken, 10 jobbtorg rows, 4 anvisningar.
    expect(rows(csv)).toBe(176);
    expect(rows(json)).toBe(176);
  });
});

describe('loading the broken fixture', async () => {
  const loaded = await readExport(['fixtures/broken/csv', 'fixtures/broken/json']);

  it('keeps akter with bad fields and rejects rows it cannot tie to an akt', () => {
    expect(loaded.akter.map((a) => a.akt.caseId)).toEqual(['J-1', 'J-2', 'B-1', 'B-2', 'B-3']);
    const b1 = [...loaded.akter].find((a) => a.akt.caseId === 'B-1')!.akt;
    expect(b1.supportStart).toBeUndefined();
    expect(b1.plans[0]!.goal).toBe('Söka arbete, med "stöd" av coach\noch SFI');
    expect(b1.plans[0]!.subGoals).toEqual([{ text: 'Truckkort' }]);
  });

  it('lists every problem with file and line', () => {
    const p = loaded.problems;
    expect(codesAt(p, 'cases.csv')).toEqual([
      [1, 'unknown-field'],
      [2, 'invalid-date'],
      [3, 'invalid-value'],
      [4, 'missing-case-id'],
      [5, 'duplicate-case-id'],
      [6, 'missing-required'],
      [7, 'wrong-field-count'],
    ]);
    expect(codesAt(p, 'plans.csv')).toEqual([[4, 'unknown-case-id'], [5, 'plan-dates-reversed']]);
    expect(codesAt(p, 'subgoals.csv')).toEqual([[2, 'unknown-plan-id'], [3, 'missing-required'], [4, 'invalid-date']]);
    expect(codesAt(p, 'followups.csv')).toEqual([[2, 'wrong-type'], [2, 'unknown-plan-id'], [3, 'unterminated-quote']]);
    expect(codesAt(p, 'akter.ndjson')).toEqual([
      [1, 'unknown-field'],
      [1, 'unknown-field'],
      [1, 'not-an-object'],
      [1, 'wrong-type'],
      [2, 'invalid-json'],
      [3, 'not-an-object'],
      [4, 'duplicate-case-id'],
      [5, 'missing-case-id'],
    ]);
    expect(codesAt(p, 'trasig.json')).toEqual([[null, 'invalid-json']]);
    expect(codesAt(p, 'readme.txt')).toEqual([[null, 'ignored-file']]);
  });

  it('reconciles: rows read = rows used + rows rejected, with every rejection explained', () => {
    for (const f of loaded.files) {
      const rejected = loaded.problems.filter((p) => p.file === f.file && p.rejected).length;
      expect(rejected, f.file).toBe(f.rowsRejected);
    }
    expect(loaded.files.map((f) => [path.basename(f.file), f.rowsRead, f.rowsRejected])).toEqual([
      ['akter.ndjson', 10, 5],
      ['trasig.json', 0, 0],
      ['cases.csv', 6, 3],
      ['plans.csv', 3, 1],
      ['subgoals.csv', 3, 2],
      ['followups.csv', 2, 1],
    ]);
  });

  it('ignores __proto__ and constructor keys', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(loaded.akter.at(0).akt)).toBe(Object.prototype);
  });
});

describe('what the export provides', () => {
  it('marks data as missing per CSV directory', async () => {
    const dir = tmpExport({ 'cases.csv': 'caseId,district\nA-1,Norrmalm\n', 'plans.csv': 'caseId,planId\nA-1,P1\n' });
    const loaded = await readExport([dir]);
    expect([...loaded.akter.at(0).datasets].sort()).toEqual(['akt.caseId', 'akt.district', 'plans', 'plans.planId']);
  });

  it('marks a CSV column present only where the table has it, after the mapping', async () => {
    const dir = tmpExport({ 'cases.csv': 'caseId,district\nA-1,Norrmalm\n', 'plans.csv': 'caseId,planId,mål,klientens syn\nA-1,P1,,\n' });
    const loaded = await readExport([dir], { mapping: { columns: { plans: { 'klientens syn': null } } } });
    const provided = loaded.akter.at(0).datasets;
    expect(provided.has('plans.goal')).toBe(true);
    expect(provided.has('plans.clientView')).toBe(false);
    expect(provided.has('plans.requirements')).toBe(false);
  });

  it('marks JSON data present when any akt has the key', async () => {
    const dir = tmpExport({ 'a.json': JSON.stringify([{ caseId: 'A', district: 'X', plans: [] }, { caseId: 'B', district: 'X' }]) });
    const loaded = await readExport([dir]);
    const provided = [...loaded.akter.at(1).datasets];
    expect(provided.filter((d) => !d.startsWith('plans.')).sort()).toEqual(['akt.caseId', 'akt.district', 'plans']);
    // No plan anywhere says nothing of which plan fields the export has: an empty dataset is a finding, not a gap.
    expect(provided).toContain('plans.goal');
  });

  it('marks a JSON key present when any akt has it, even empty or null', async () => {
    const dir = tmpExport({ 'a.json': JSON.stringify([{ caseId: 'A', district: 'X', plans: [{ planId: 'P', goal: '' }] }, { caseId: 'B', district: 'X', plans: [{ clientView: null }] }]) });
    const provided = (await readExport([dir])).akter.at(0).datasets;
    expect(['plans.goal', 'plans.clientView', 'plans.planId'].map((f) => provided.has(f as 'plans.goal'))).toEqual([true, true, true]);
    expect(provided.has('plans.requirements')).toBe(false);
  });

  it('accepts a single JSON object, CRLF and a BOM', async () => {
    const dir = tmpExport({ 'a.json': '\uFEFF{"caseId":"A","district":"X"}', 'cases.csv': '\uFEFFcaseId,district\r\nB,Y\r\n' });
    const loaded = await readExport([dir]);
    expect(loaded.akter.map((a) => a.akt.caseId)).toEqual(['A', 'B']);
    expect(loaded.problems).toEqual([]);
  });
});

describe('unusable input', () => {
  it('is a user error naming the path', async () => {
    await expect(readExport(['no/such/dir'])).rejects.toThrow(UserError);
    await expect(readExport(['no/such/dir'])).rejects.toThrow(/no\/such\/dir/);
  });

  it('names the columns found when caseId is missing', async () => {
    const dir = tmpExport({ 'cases.csv': 'id,stadsdel\n1,X\n' });
    await expect(readExport([dir])).rejects.toThrow(/no caseId column; found id, stadsdel/);
  });

  it('reports an empty file', async () => {
    const dir = tmpExport({ 'cases.csv': '', 'b.json': '' });
    const loaded = await readExport([dir]);
    expect(loaded.problems.map((p) => p.code)).toEqual(['empty-file', 'empty-file']);
  });
});

describe('links inside an export directory', () => {
  it('follows a link to a file and reports a link to a directory or nowhere', async () => {
    const { symlinkSync } = await import('node:fs');
    const dir = tmpExport({});
    const elsewhere = tmpExport({ 'cases.csv': 'caseId,district\nA-1,Norrmalm\n' });
    symlinkSync(path.join(elsewhere, 'cases.csv'), path.join(dir, 'cases.csv'));
    symlinkSync(elsewhere, path.join(dir, 'loop'));
    symlinkSync(path.join(elsewhere, 'gone.json'), path.join(dir, 'dangling.json'));
    const loaded = await readExport([dir]);
    expect(loaded.akter.map((a) => a.akt.caseId)).toEqual(['A-1']);
    expect(loaded.problems.map((p) => [path.basename(p.file), p.code])).toEqual([
      ['dangling.json', 'ignored-file'],
      ['loop', 'ignored-file'],
    ]);
  });
});

describe('the jobbtorg, utredning, samtycke and anvisning parts of an akt', () => {
  const json = {
    caseId: 'K-1',
    district: 'Kista',
    investigations: [{ date: '2010-01-10', type: 'grundutredning' }],
    consents: [{ date: '2010-01-12', scope: 'jobbtorg' }],
    jobCenter: { referred: '2010-01-15', firstMeeting: '2010-01-22', enrolled: '2010-01-22', jobPlanCreated: '2010-01-26' },
    placements: [{ start: '2010-03-01', type: 'praktik', afConsulted: '2010-02-20' }],
  };

  it('CSV tables with Swedish names and columns give the same akt as JSON, counted row for row', async () => {
    const csvDir = tmpExport({
      'akter.csv': 'aktnummer;stadsdel\nK-1;Kista\n',
      'grundutredningar.csv': 'aktnummer;datum;typ\nK-1;2010-01-10;grundutredning\n',
      'samtycken.csv': 'aktnummer;datum;avser\nK-1;2010-01-12;jobbtorg\n',
      'jobbtorg.csv': 'aktnummer;remitterad;första möte;inskriven;jobbplan upprättad\nK-1;2010-01-15;2010-01-22;2010-01-22;2010-01-26\nK-1;2010-02-01;;;\n',
      'anvisningar.csv': 'aktnummer;startdatum;typ;samråd AF\nK-1;2010-03-01;Praktik;2010-02-20\n',
    });
    const jsonDir = tmpExport({ 'a.json': JSON.stringify([json]) });
    const fromCsv = await readExport([csvDir]);
    const fromJson = await readExport([jsonDir]);
    expect(fromJson.problems).toEqual([]);
    expect(fromCsv.akter.at(0).akt).toEqual(fromJson.akter.at(0).akt);
    expect(fromCsv.problems.map((p) => [p.code, p.line, p.rejected])).toEqual([['duplicate-row', 3, true]]);
    expect(fromJson.files[0]!.rowsRead).toBe(5);
    expect(fromCsv.files.reduce((n, f) => n + f.rowsRead - f.rowsRejected, 0)).toBe(5);
    const datasetsOf = (l: typeof fromCsv) => [...l.akter.at(0).datasets].filter((d) => !d.includes('.')).sort();
    expect(datasetsOf(fromCsv)).toEqual(['consents', 'investigations', 'jobCenter', 'placements']);
    expect(datasetsOf(fromJson)).toEqual(['consents', 'investigations', 'jobCenter', 'placements']);
    // jobbplan mottagen and utskriven are neither columns nor keys in either form of the export.
    expect([...fromCsv.akter.at(0).datasets].sort()).toEqual([...fromJson.akter.at(0).datasets].sort());
  });

  it('a jobCenter that is not an object is a wrong type', async () => {
    const loaded = await readExport([tmpExport({ 'a.json': JSON.stringify({ caseId: 'K-2', district: 'Kista', jobCenter: '2010-01-01' }) })]);
    expect(loaded.problems.map((p) => [p.code, p.field])).toEqual([['wrong-type', 'jobCenter']]);
    expect(loaded.akter.at(0).akt.jobCenter).toBeUndefined();
  });
});
