import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** Writes bytes to a new file in a directory of its own, removed after the test file's tests; gives its path. */
export function tempFiles(prefix: string): (bytes: Uint8Array) => string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return (bytes) => {
    const file = path.join(dir, `f${n++}`);
    writeFileSync(file, bytes);
    return file;
  };
}
