import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS } from '../src/errors.js';
import { cli } from './helpers/cli.js';

const FIXTURE = 'fixtures/stockholm-2011';

interface JsonReport {
  cases: { origin: unknown }[];
  input: { files: { file: string; format: string; sha256?: string; rowsRead: number }[]; rowsRead: number };
  dataProblems: unknown[];
}

function report(layout: string): JsonReport {
  const r = cli(['check', `${FIXTURE}/${layout}`, '--as-of', '2010-11-15', '--format', 'json', '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(EXIT_FINDINGS);
  return JSON.parse(r.stdout) as JsonReport;
}

/** Only the list of files read and each akt's origin (file and line) tell the layouts apart. */
const strip = (r: JsonReport) => ({ ...r, input: { ...r.input, files: [] }, cases: r.cases.map((c) => ({ ...c, origin: null })) });

describe('the same akter give the same report in every layout', () => {
  const csv = report('csv');

  it.each(['json', 'xlsx/export.xlsx', 'zip/csv.zip', 'zip/xlsx.zip'])('%s', (layout) => {
    const other = report(layout);
    expect(strip(other)).toEqual(strip(csv));
    expect(other.dataProblems).toEqual([]);
    expect(other.input.rowsRead).toBe(176);
  });

  it('records the SHA-256 of the archive, of the workbook inside it, and the rows of each sheet', () => {
    const files = report('zip/xlsx.zip').input.files;
    expect(files.slice(0, 3)).toEqual([
      { file: `${FIXTURE}/zip/xlsx.zip`, format: 'zip', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), rowsRead: 0, rowsRejected: 0 },
      { file: `${FIXTURE}/zip/xlsx.zip!export/export.xlsx`, format: 'xlsx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), rowsRead: 0, rowsRejected: 0 },
      { file: `${FIXTURE}/zip/xlsx.zip!export/export.xlsx!Akter`, format: 'xlsx', table: 'cases', rowsRead: 20, rowsRejected: 0 },
    ]);
    const csvZip = report('zip/csv.zip').input.files;
    expect(csvZip.find((f) => f.file.endsWith('!export/cases.csv'))).toMatchObject({ format: 'csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), rowsRead: 20 });
  });
});
