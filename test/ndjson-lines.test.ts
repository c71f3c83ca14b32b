import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readNdjson } from '../src/load/json.js';

/** Lines as an editor counts them: CRLF, LF and a lone CR each end one. */
const editorLines = (text: string) => text.split(/\r\n|\r|\n/);

/** The text's bytes in chunks cut at the given places, so that line breaks (CRLF too) and characters fall across chunks. */
function chunked(text: string, cuts: number[]): () => Readable {
  const bytes = Buffer.from(text, 'utf8');
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts = [0, ...at, bytes.length].slice(1).map((end, i, ends) => bytes.subarray(i === 0 ? 0 : ends[i - 1], end));
  return () => Readable.from(parts.filter((p) => p.length > 0));
}

describe('NDJSON lines', () => {
  it('give every akt, broken line and blank line the line an editor shows, however the bytes are chunked', async () => {
    const record = fc.oneof(
      fc.record({ caseId: fc.string({ maxLength: 8 }), note: fc.constantFrom('å', 'x', 'lång text '.repeat(20)) }).map((o) => JSON.stringify(o)),
      fc.constantFrom('', '  ', '{"caseId": ', 'inte json', '[1,2]'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(record, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 12 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), async (lines, endBreak, cuts) => {
        let text = lines.map(([l, brk]) => l + brk).join('');
        if (!endBreak && lines.length > 0) text = text.slice(0, -lines[lines.length - 1]![1].length);
        const expected = editorLines(text)
          .map((l, i) => ({ l, line: i + 1 }))
          .filter(({ l }) => l.trim() !== '')
          .map(({ l, line }) => {
            try {
              return { kind: 'value', line, value: JSON.parse(l) as unknown };
            } catch {
              return { kind: 'error', line };
            }
          });
        const got: { kind: string; line?: number; value?: unknown }[] = [];
        for await (const ev of readNdjson(chunked(text, cuts))) {
          if (ev.kind === 'value') got.push({ kind: 'value', line: ev.line, value: ev.value });
          else if (ev.kind === 'error') got.push({ kind: 'error', line: ev.line });
        }
        expect(got).toEqual(expected);
      }),
    );
  });
});
