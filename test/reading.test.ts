import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { detectDelimiter, parseDelimiter } from '../src/load/delimiter.js';
import { detectEncoding, encodingName } from '../src/load/text.js';
import { canonicalHeader } from '../src/model/columns.js';
import { readExport } from '../src/ingest/read-export.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const encodingOf = (b: Uint8Array, override?: string) => {
  const d = detectEncoding(b, override);
  return 'binary' in d ? 'binary' : d.encoding;
};

describe('encoding detection', () => {
  it.each([
    ['UTF-8 with BOM', bytes(0xef, 0xbb, 0xbf, 0x61), 'utf-8'],
    ['UTF-8 without BOM', new TextEncoder().encode('Hägersten'), 'utf-8'],
    ['plain ASCII', new TextEncoder().encode('caseId,district'), 'utf-8'],
    ['UTF-16LE BOM', bytes(0xff, 0xfe, 0x61, 0x00), 'utf-16le'],
    ['UTF-16BE BOM', bytes(0xfe, 0xff, 0x00, 0x61), 'utf-16be'],
    ['Windows-1252 (bytes not valid UTF-8)', bytes(0x48, 0xe4, 0x67, 0x65, 0x72), 'windows-1252'],
    ['NUL bytes without a BOM', bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x00), 'binary'],
  ])('%s', (_name, sample, expected) => {
    expect(encodingOf(sample)).toBe(expected);
  });

  it('keeps a character cut at the end of the sample as UTF-8', () => {
    const cut = new TextEncoder().encode('Spånga').subarray(0, 3);
    expect(encodingOf(cut)).toBe('utf-8');
  });

  it('decodes å, ä, ö from Windows-1252', () => {
    const d = detectEncoding(bytes(0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6));
    expect('binary' in d ? '' : d.head).toBe('åäöÅÄÖ');
  });

  it('lets --encoding win and rejects unknown names as a user error', () => {
    expect(encodingOf(new TextEncoder().encode('abc'), 'latin1')).toBe('windows-1252');
    expect(encodingName('cp1252')).toBe('windows-1252');
    expect(() => encodingName('klingon')).toThrow(UserError);
  });

  it('a file with NUL bytes stays no text under --encoding, unless that is UTF-16 (a file without its mark)', () => {
    // "19850102" as UTF-16LE without a mark: read as UTF-8 or Latin-1 the digits have NULs between them.
    const utf16 = new Uint8Array(Buffer.from('19850102-1234', 'utf16le'));
    for (const e of ['utf-8', 'latin1', 'windows-1252']) expect(encodingOf(utf16, e), e).toBe('binary');
    expect(encodingOf(utf16, 'utf-16le')).toBe('utf-16le');
    const d = detectEncoding(utf16, 'utf-16le');
    expect('binary' in d ? '' : d.head).toBe('19850102-1234');
  });
});

describe('delimiter detection', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\r\n1;2;3\r\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    // Commas inside quoted Swedish text must not outvote the semicolons.
    ['mål;datum\n"Söka arbete, praktik, SFI";2010-01-01\n"a, b, c";2010-02-01\n', ';'],
    ['caseId\nK-1\nK-2\n', ','],
    ['a;b,c\n1;2,3\n4;5\n', ';'],
  ])('%j → %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it('reads --delimiter as a character or a name', () => {
    expect(parseDelimiter('tab')).toBe('\t');
    expect(parseDelimiter(';')).toBe(';');
    expect(parseDelimiter('semicolon')).toBe(';');
    expect(() => parseDelimiter('::')).toThrow(UserError);
    expect(() => parseDelimiter('"')).toThrow(UserError);
  });
});

describe('header names', () => {
  it.each([
    ['cases', ['aktnummer', 'Akt-ID', 'Ärendenummer', 'caseId', 'case_id'], 'caseId'],
    ['cases', ['stadsdel', 'Stadsdelsförvaltning'], 'district'],
    ['cases', ['personnummer', 'PNR'], 'personId'],
    ['cases', ['handläggare', 'HANDLÄGGARE'], 'caseworker'],
    ['cases', ['försörjningshinder', 'Forsorjningshinder'], 'supportReason'],
    ['plans', ['upprättad'], 'created'],
    ['plans', ['giltig från', 'Giltig fr.o.m.'], 'validFrom'],
    ['plans', ['giltig till', 'giltig tom', 'Giltig t.o.m.'], 'validTo'],
    ['plans', ['mål', 'MÅL'], 'goal'],
    ['plans', ['nästa uppföljning'], 'nextFollowUp'],
    ['subgoals', ['delmål'], 'text'],
    ['followups', ['datum'], 'date'],
    ['followups', ['typ'], 'type'],
    ['followups', ['resultat', 'anteckning'], 'outcome'],
    ['followups', ['mål reviderade', 'Mål_reviderade'], 'goalsRevised'],
  ] as const)('%s: %j → %s', (table, names, expected) => {
    for (const name of names) expect(canonicalHeader(table, [name]).columns, name).toEqual([expected]);
  });

  it('places a name only in the tables that have its column', () => {
    expect(canonicalHeader('subgoals', ['datum']).columns).toEqual(['due']);
    expect(canonicalHeader('plans', ['datum'])).toMatchObject({ columns: [null], unknown: ['datum'] });
  });

  it('lets the mapping name columns or leave them out, and reports a second column for one field', () => {
    const m = canonicalHeader('cases', ['AKT_NR', 'REG', 'Aktnummer', 'okänd'], { akt_nr: 'caseId', REG: null });
    expect(m).toEqual({ columns: ['caseId', null, null, null], unknown: ['okänd'], duplicate: ['Aktnummer'] });
  });
});

function tmpDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'akt-read-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  return dir;
}

describe('reading real-world files', () => {
  it('reads UTF-16LE with BOM, and records encoding, delimiter and SHA-256', async () => {
    const text = '\uFEFFaktnummer;stadsdel\r\nK-1;Älvsjö\r\n';
    const data = Buffer.from(text, 'utf16le');
    const dir = tmpDir({ 'akter.csv': data });
    const loaded = await readExport([dir]);
    expect(loaded.akter.map((a) => [a.akt.caseId, a.akt.district])).toEqual([['K-1', 'Älvsjö']]);
    expect(loaded.files[0]).toMatchObject({ encoding: 'utf-16le', delimiter: ';', rowsRead: 1, rowsRejected: 0 });
    expect(loaded.files[0]!.sha256).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', async () => {
    const dir = tmpDir({
      'akter.csv': 'aktnummer;stadsdel\nK-1;Kista\n',
      'arbetsplaner.csv': 'aktnummer;mål;giltig från\nK-1;"Arbete; ""helst"" i Kista\nsnart";2010-01-01\n',
    });
    const loaded = await readExport([dir]);
    expect(loaded.problems).toEqual([]);
    expect(loaded.akter.at(0).akt.plans[0]).toMatchObject({ goal: 'Arbete; "helst" i Kista\nsnart', validFrom: '2010-01-01' });
  });

  it('reports text that is not valid in the encoding chosen from the start of the file', async () => {
    const head = `caseId,district\n${'K-1,Kista\n'.repeat(7000)}`;
    const data = Buffer.concat([Buffer.from(head), Buffer.from([0x4b, 0x2d, 0x32, 0x2c, 0xe4, 0x0a])]);
    const loaded = await readExport([tmpDir({ 'cases.csv': data })]);
    expect(loaded.problems.map((p) => [p.code, p.value])).toContainEqual(['undecodable-text', '1 × utf-8']);
  });

  it('says which columns it found when there is no caseId column', async () => {
    const dir = tmpDir({ 'cases.csv': 'namn;stadsdel\nx;y\n' });
    await expect(readExport([dir])).rejects.toThrow(/no caseId column; found namn, stadsdel \(read as utf-8, delimiter ;\)/);
  });

  it('the stockholm-2011 twins agree byte for byte on their text', () => {
    // excel/ is Windows-1252: å in "Hägersten" is one byte there, two in the UTF-8 csv/.
    const excel = readFileSync('fixtures/stockholm-2011/excel/akter.csv');
    expect(excel.includes(Buffer.from('Hägersten', 'latin1'))).toBe(true);
    expect(excel.includes(Buffer.from('Hägersten', 'utf8'))).toBe(false);
  });
});

describe('names that are properties of every object do nothing', () => {
  it('files named constructor.csv or __proto__.csv are ignored, and such headers are unknown', async () => {
    const dir = tmpDir({
      'constructor.csv': 'caseId\nK-1\n',
      '__proto__.csv': 'caseId\nK-2\n',
      'cases.csv': 'caseId,district,constructor,__proto__,toString\nK-3,Kista,x,y,z\n',
    });
    const loaded = await readExport([dir]);
    expect(loaded.akter.map((a) => a.akt.caseId)).toEqual(['K-3']);
    expect(loaded.problems.map((p) => [p.code, p.field ?? path.basename(p.file)])).toEqual([
      ['ignored-file', '__proto__.csv'],
      ['ignored-file', 'constructor.csv'],
      ['unknown-field', 'constructor'],
      ['unknown-field', '__proto__'],
      ['unknown-field', 'toString'],
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
