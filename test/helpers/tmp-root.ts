import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * One temporary directory for the whole test run, as TMPDIR of every test worker and of the CLI
 * runs they start, removed at the end: the tests make a few thousand directories (exports written,
 * outputs, npm pack's tarball of 100 MB), which the system's temporary directory kept after each run.
 */
export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'akt-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
