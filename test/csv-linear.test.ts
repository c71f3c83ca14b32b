import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readCsv } from '../src/load/csv.js';

/** Counts the characters Papa Parse is given: reading must not parse the same text again and again. */
const parsed = vi.hoisted(() => ({ chars: 0 }));
vi.mock('papaparse', async (importOriginal) => {
  const Papa = ((await importOriginal()) as { default: { Parser: new (c: unknown) => { parse: (t: string, b: number, l: boolean) => unknown } } }).default;
  class Parser extends Papa.Parser {
    constructor(config: unknown) {
      super(config);
      const parse = this.parse.bind(this);
      this.parse = (text, base, ignoreLast) => {
        parsed.chars += text.length;
        return parse(text, base, ignoreLast);
      };
    }
  }
  return { default: { ...Papa, Parser } };
});

const dir = mkdtempSync(path.join(tmpdir(), 'akt-linear-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a record of any length is read in linear time', () => {
  it.each([
    ['unquoted', `caseId,district\nK-1,${'x'.repeat(8_000_000)}\nK-2,Bromma\n`],
    ['quoted, with quotes and line breaks inside', `caseId,district\nK-1,"${'ab""\n'.repeat(400_000)}"\nK-2,Bromma\n`],
  ])('%s: megabytes in one record are parsed at most a few times over', async (_kind, text) => {
    const file = path.join(dir, 'cases.csv');
    writeFileSync(file, text);
    parsed.chars = 0;
    const rows: string[] = [];
    for await (const ev of readCsv(file)) if (ev.kind === 'row') rows.push(`${ev.line}:${ev.fields[0]}`);
    expect(rows[0]).toBe('2:K-1');
    expect(rows[1]).toMatch(/^\d+:K-2$/);
    // Parsing the open record again for each 64 KiB chunk gave 15 to 60 times the text here.
    expect(parsed.chars / text.length).toBeLessThan(4);
  });
});
