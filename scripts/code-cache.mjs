// Makes V8's code cache of the command's bundle (src/cli/command-script.ts) after a check of a
// bundled fixture, so that the cache holds the functions a run compiles. Run by scripts/bundle.mjs,
// in a process of its own, since the command ends its process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { loadCommand } from '../dist/bundle/cli/early.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const command = loadCommand(new URL('../dist/bundle/cli/command.cjs', import.meta.url), (specifier) => import(specifier));
if (command.cacheFile === undefined) throw new Error('the bundle names no build');
const dir = mkdtempSync(path.join(tmpdir(), 'akt-cache-'));
const report = path.join(dir, 'r.txt');
process.on('exit', () => {
  writeFileSync(command.cacheFile, command.script.createCachedData());
  rmSync(dir, { recursive: true, force: true });
  // The check's own exit code (1: akter fail) says nothing of the cache.
  process.exitCode = 0;
});
await command.run(['node', 'aktgranskning', 'check', path.join(root, 'fixtures/stockholm-2011/csv'), '--as-of', '2011-06-01', '--quiet', '--output', report]);
