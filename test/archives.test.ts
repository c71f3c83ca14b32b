import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { EXIT_USAGE } from '../src/errors.js';
import { readExport } from '../src/ingest/read-export.js';
import type { ExportMapping } from '../src/ingest/options.js';
import { cli } from './helpers/cli.js';

function zipOf(files: Record<string, Buffer | string>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('/')) z.addEmptyDirectory(name);
    else z.addBuffer(Buffer.from(data), name);
  }
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

function saved(bytes: Buffer, name = 'export.zip'): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'akt-zip-')), name);
  writeFileSync(file, bytes);
  return file;
}

/** Rewrites a field of every local and central header, as a hand-made or hostile archive would have it. */
function patchHeaders(zip: Buffer, local: [offset: number, write: (b: Buffer, at: number) => void], central: [offset: number, write: (b: Buffer, at: number) => void]): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50) local[1](out, i + local[0]);
    else if (sig === 0x02014b50) central[1](out, i + central[0]);
  }
  return out;
}

const failure = async (file: string, mapping?: ExportMapping): Promise<string> => {
  const e = await readExport([file], { mapping }).then(
    () => undefined,
    (err: unknown) => err as Error,
  );
  expect(e?.name).toBe('UserError');
  expect(e!.message).not.toContain('\n');
  return e!.message;
};

describe('reading a zip archive', () => {
  it('reads its CSV and JSON members without unpacking them, naming each problem by archive and member', async () => {
    const file = saved(
      await zipOf({
        'export/': '',
        'export/cases.csv': 'caseId,district\nA-1,Bromma\nA-2,Kista\n',
        'export/plans.csv': 'caseId,planId,validTo\nA-1,P1,2010-13-01\nA-9,P9,\n',
        'more/b.ndjson': '{"caseId":"B-1","district":"Kista"}\nnot json\n',
        'inner.zip': 'PK',
        '__MACOSX/export/._cases.csv': 'x',
        'readme.txt': 'Export från systemet',
      }),
    );
    const loaded = await readExport([file]);
    expect([...loaded.akter].map((a) => a.akt.caseId)).toEqual(['A-1', 'A-2', 'B-1']);
    const inZip = (file: string) => file.slice(file.indexOf('export.zip'));
    const shown = (p: { file: string; line?: number }) => `${inZip(p.file)}${p.line ? `:${p.line}` : ''}`;
    expect(loaded.problems.map((p) => [shown(p), p.code])).toEqual([
      ['export.zip!inner.zip', 'ignored-file'],
      ['export.zip!readme.txt', 'ignored-file'],
      ['export.zip!more/b.ndjson:2', 'invalid-json'],
      ['export.zip!export/plans.csv:2', 'invalid-date'],
      ['export.zip!export/plans.csv:3', 'unknown-case-id'],
    ]);
    const files = loaded.files.map((f) => [inZip(f.file), f.format, f.rowsRead, f.rowsRejected]);
    expect(files).toEqual([
      ['export.zip', 'zip', 0, 0],
      ['export.zip!more/b.ndjson', 'ndjson', 2, 1],
      ['export.zip!export/cases.csv', 'csv', 2, 0],
      ['export.zip!export/plans.csv', 'csv', 2, 1],
    ]);
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(loaded.files[0]!.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(loaded.files[2]!.sha256).toBe(sha('caseId,district\nA-1,Bromma\nA-2,Kista\n'));
  });

  it('stops a zip bomb by its compression ratio, before inflating it', async () => {
    const file = saved(await zipOf({ 'cases.csv': Buffer.alloc(50 * 2 ** 20, 0x41) }));
    const r = cli(['check', file, '--as-of', '2010-11-15', '--lang', 'en']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/export\.zip: cases\.csv: compressed \d+ : 1, more than 200 : 1 \(maxRatio\)/);
    expect(cli(['check', file, '--as-of', '2010-11-15']).stderr).toMatch(/export\.zip: cases\.csv: komprimerad \d+ : 1, mer än 200 : 1 \(maxRatio\): en zip-bomb\?; lästes inte/);
  });

  it('stops a member that inflates past the size the archive declares', async () => {
    const zip = await zipOf({ 'cases.csv': `caseId,district\n${'A-1,Bromma\n'.repeat(20_000)}` });
    // Both headers say the member unpacks to 100 bytes.
    const lying = patchHeaders(zip, [22, (b, at) => b.writeUInt32LE(100, at)], [24, (b, at) => b.writeUInt32LE(100, at)]);
    expect(await failure(saved(lying))).toMatch(/export\.zip: cases\.csv: damaged member \(too many bytes in the stream/);
  });

  it('refuses an encrypted member, and a damaged archive', async () => {
    const zip = await zipOf({ 'cases.csv': 'caseId,district\nA-1,X\n' });
    const encrypted = patchHeaders(zip, [6, (b, at) => b.writeUInt16LE(b.readUInt16LE(at) | 1, at)], [8, (b, at) => b.writeUInt16LE(b.readUInt16LE(at) | 1, at)]);
    expect(await failure(saved(encrypted))).toMatch(/export\.zip: cases\.csv: encrypted/);
    expect(await failure(saved(zip.subarray(0, zip.length - 10)))).toMatch(/export\.zip: not a readable zip archive/);
  });

  it('keeps the limits the mapping sets', async () => {
    const file = saved(await zipOf({ 'cases.csv': 'caseId,district\nA-1,X\n', 'plans.csv': 'caseId,planId\nA-1,P1\n', 'c.json': '[]' }));
    expect(await failure(file, { archive: { maxMembers: 2 } })).toMatch(/more than 2 members \(maxMembers\)/);
    expect(await failure(file, { archive: { maxMemberBytes: 10 } })).toMatch(/cases\.csv: unpacks to .*\(maxMemberBytes\)/);
    expect(await failure(file, { archive: { maxTotalBytes: 30 } })).toMatch(/together \(maxTotalBytes\)/);
    expect((await readExport([file], { mapping: { archive: { maxMembers: 3 } } })).akter).toHaveLength(1);
  });
});
