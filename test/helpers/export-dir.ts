import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temporary export directory holding `files` (name → text). */
export function tmpExport(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'akt-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
