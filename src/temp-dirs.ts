import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Private temporary directories (stdin's copy of the export, the json worker's bytes): a copy of
 * personal data, and up to a few hundred MB. Each is removed when its run is done, and any left
 * when the process exits, also by Ctrl-C, SIGTERM or SIGHUP: the CLI ends those with process.exit
 * (cli/output.ts exitCleanlyOnSignals), which runs the 'exit' handlers.
 */
const dirs = new Set<string>();
let hooked = false;

/** A new private directory under the system's temporary directory, its name starting with `prefix`. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.add(dir);
  if (!hooked) {
    hooked = true;
    process.on('exit', removeTempDirs);
  }
  return dir;
}

/** Removes the directory and all in it; nothing if it is gone already. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

/** Every directory made here and not yet removed. */
export function removeTempDirs(): void {
  for (const dir of [...dirs]) {
    try {
      removeTempDir(dir);
    } catch {
      // On the way out nothing else can be done; the system's temporary directory is cleaned in time.
    }
  }
}
