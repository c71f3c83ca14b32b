import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = path.resolve('bin/aktgranskning.js');
const FIXTURE = path.resolve('fixtures/stockholm-2011');
const root = mkdtempSync(path.join(tmpdir(), 'akt-cliprop-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** Byte and structural mutations of one file of the export, as the fuzz run made them. */
type Mutation = { kind: 'bytes'; at: number; bytes: Uint8Array } | { kind: 'cut'; at: number; length: number } | { kind: 'line-ends'; to: string } | { kind: 'repeat-line'; at: number } | { kind: 'truncate'; at: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.constantFrom(...['"', '\r', '\u0000', ',;', '{[', '\uFEFF', 'ÅÄÖ', '\n"\n'].map((s) => new TextEncoder().encode(s))) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('line-ends' as const), to: fc.constantFrom('\r', '\r\n', '\n\n') }),
  fc.record({ kind: fc.constant('repeat-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function apply(data: Buffer, m: Mutation): Buffer {
  const at = data.length === 0 ? 0 : ('at' in m ? m.at : 0) % data.length;
  if (m.kind === 'bytes') return Buffer.concat([data.subarray(0, at), m.bytes, data.subarray(at)]);
  if (m.kind === 'cut') return Buffer.concat([data.subarray(0, at), data.subarray(at + m.length)]);
  if (m.kind === 'truncate') return data.subarray(0, at);
  const text = data.toString('latin1');
  if (m.kind === 'line-ends') return Buffer.from(text.replace(/\r?\n/g, m.to), 'latin1');
  const lines = text.split('\n');
  const i = at % lines.length;
  lines.splice(i, 0, lines[i]!);
  return Buffer.from(lines.join('\n'), 'latin1');
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface Report {
  input: { files: { file: string; format: string; rowsRead: number; rowsRejected: number }[] };
  dataProblems: { file: string; rejected: boolean }[];
}

describe('the CLI over mutated exports', () => {
  it('exits 0, 1 or 2, never with a stack trace; rows read = used + rejected per file; inputs unchanged; no temporary file left', () => {
    fc.assert(
      fc.property(fc.constantFrom('csv', 'json', 'ndjson-like'), fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (layout, pick, mutations) => {
        const dir = path.join(root, String(n++));
        const src = layout === 'csv' ? `${FIXTURE}/csv` : `${FIXTURE}/json`;
        cpSync(src, path.join(dir, 'export'), { recursive: true });
        if (layout === 'ndjson-like') {
          const akter = JSON.parse(readFileSync(path.join(dir, 'export/akter.json'), 'utf8')) as unknown[];
          rmSync(path.join(dir, 'export/akter.json'));
          writeFileSync(path.join(dir, 'export/akter.ndjson'), akter.map((a) => JSON.stringify(a)).join('\n'));
        }
        const files = readdirSync(path.join(dir, 'export')).sort();
        const target = path.join(dir, 'export', files[pick % files.length]!);
        writeFileSync(target, mutations.reduce(apply, readFileSync(target)));
        const before = files.map((f) => digest(path.join(dir, 'export', f)));

        const r = spawnSync(process.execPath, [BIN, 'check', 'export', '--as-of', '2010-11-15', '--format', 'json,markdown', '--output-dir', 'out', '--threads', String(1 + (pick % 2))], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
        expect(r.signal, 'a hang').toBeNull();
        expect([0, 1, 2], r.stderr).toContain(r.status);
        expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
        if (r.status === 2) expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(files.map((f) => digest(path.join(dir, 'export', f)))).toEqual(before);
        const out = readdirSync(dir).includes('out') ? readdirSync(path.join(dir, 'out')) : [];
        expect(out.filter((f) => f.endsWith('.tmp'))).toEqual([]);
        if (r.status === 2) return;
        const report = JSON.parse(readFileSync(path.join(dir, 'out/aktgranskning.json'), 'utf8')) as Report;
        for (const f of report.input.files) {
          const rejected = report.dataProblems.filter((p) => p.file === f.file && p.rejected).length;
          expect(f.rowsRejected).toBeLessThanOrEqual(f.rowsRead);
          // A CSV row is rejected with a problem of its own; a JSON akt is rejected with its nested rows under one.
          if (f.format === 'csv') expect(rejected, f.file).toBe(f.rowsRejected);
          else expect(rejected > 0 === f.rowsRejected > 0 && rejected <= f.rowsRejected, f.file).toBe(true);
        }
      }),
      { numRuns: 20 },
    );
  }, 300_000);
});
