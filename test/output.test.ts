import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileOutput, removePending, writeOutput } from '../src/cli/output.js';

const root = mkdtempSync(path.join(tmpdir(), 'akt-output-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => mkdtempSync(path.join(root, `${n++}-`));

describe('the temporary file of an output', () => {
  it('is there and recorded from the step that makes it: what a signal removes at once is never made afterwards', async () => {
    const dir = fresh();
    const target = path.join(dir, 'r.json');
    const out = fileOutput(target, target);
    expect(readdirSync(dir)).toEqual([`.r.json.${process.pid}.tmp`]);
    // What the signal handler does, in the very next step of the run.
    removePending();
    expect(readdirSync(dir)).toEqual([]);
    // Everything the stream had under way on the thread pool is done once it has closed.
    out.stream.end('{}');
    await once(out.stream, 'close');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is renamed into place on commit, and removed on abort', async () => {
    const dir = fresh();
    const kept = fileOutput(path.join(dir, 'a.txt'), path.join(dir, 'a.txt'));
    const dropped = fileOutput(path.join(dir, 'b.txt'), path.join(dir, 'b.txt'));
    kept.stream.write('kept');
    dropped.stream.write('dropped');
    await kept.commit();
    await dropped.abort();
    expect(readdirSync(dir)).toEqual(['a.txt']);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('kept');
  });

  it('that cannot be made is one user error naming the output', () => {
    const target = path.join(fresh(), 'missing', 'r.md');
    expect(() => fileOutput('rapport/r.md', target)).toThrow(expect.objectContaining({ code: 'cannot-write', data: { file: 'rapport/r.md', why: 'ENOENT' } }));
  });
});

describe('writeOutput', () => {
  it('writes the pieces of a report whole, through a temporary file it leaves no trace of', async () => {
    const dir = fresh();
    await writeOutput(path.join(dir, 'sub', 'r.md'), (function* () {
      yield '# Rapport\n';
      yield 'x'.repeat(1 << 17);
    })());
    expect(readdirSync(path.join(dir, 'sub'))).toEqual(['r.md']);
    expect(readFileSync(path.join(dir, 'sub', 'r.md'), 'utf8')).toHaveLength(10 + (1 << 17));
  });
});
