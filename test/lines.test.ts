import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readExport } from '../src/ingest/read-export.js';

const root = mkdtempSync(path.join(tmpdir(), 'akt-lines-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** The lines of a file as an editor shows them: CRLF, LF and a lone CR each end a line. */
const editorLines = (text: string) => text.split(/\r\n|\r|\n/);

/**
 * One row of cases.csv: good, with a bad date (a data problem naming its line), or the header
 * again (read as a row with a bad date). Quoted fields may hold line breaks of any kind.
 */
const row = fc.record({
  kind: fc.constantFrom('good', 'bad-date', 'header', 'quoted-break', 'short'),
  brk: fc.constantFrom('\n', '\r\n', '\r'),
  inner: fc.constantFrom('\n', '\r\n', '\r'),
});

describe('every line a data problem names is the line of the row it names', () => {
  it('with LF, CRLF and lone CR mixed, quoted line breaks, repeated header rows and trailing garbage', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), fc.constantFrom('', 'garbage', '\r\n\r\n', '\n,,\n', 'x"'), fc.constantFrom('\n', '\r\n', '\r'), async (rows, tail, headerBreak) => {
        const dir = path.join(root, String(n++));
        mkdirSync(dir);
        let text = `caseId,district,supportStart${headerBreak}`;
        rows.forEach((r, i) => {
          const id = `K-${i}`;
          if (r.kind === 'good') text += `${id},Bromma,2010-01-0${(i % 9) + 1}`;
          else if (r.kind === 'bad-date') text += `${id},Bromma,2010-13-45`;
          else if (r.kind === 'header') text += 'caseId,district,supportStart';
          else if (r.kind === 'quoted-break') text += `${id},"Brom${r.inner}ma",2010-13-45`;
          else text += `${id},Bromma`;
          text += r.brk;
        });
        text += tail;
        writeFileSync(path.join(dir, 'cases.csv'), text);
        const loaded = await readExport([dir]);
        const lines = editorLines(readFileSync(path.join(dir, 'cases.csv'), 'utf8'));
        for (const p of loaded.problems) {
          if (p.line === undefined) continue;
          expect(p.line, JSON.stringify(p)).toBeGreaterThanOrEqual(1);
          expect(p.line, JSON.stringify(p)).toBeLessThanOrEqual(lines.length);
          // The row named starts on that line: its caseId (or, for a repeated header, the header) is there.
          const start = lines[p.line - 1]!;
          if (p.caseId !== undefined) expect(start === p.caseId || start.startsWith(`${p.caseId},`), `${JSON.stringify(p)} → ${JSON.stringify(start)}`).toBe(true);
          else expect(start.length > 0 || p.code === 'unterminated-quote', `${JSON.stringify(p)} → ${JSON.stringify(start)}`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
