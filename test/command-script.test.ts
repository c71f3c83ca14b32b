import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLine, cacheFileOf } from '../src/cli/command-script.js';

const DIR = path.resolve('dist/bundle/cli');

/** Loads a bundle in a fresh process (V8's flags as a user's) and says whether V8 took its cache. */
function load(bundle: string) {
  const code = `import('${path.join(DIR, 'early.js')}').then((m) => {
    const c = m.loadCommand(new URL('file://${bundle}'), (s) => import(s));
    console.log(JSON.stringify({ rejected: c.script.cachedDataRejected ?? null, cacheFile: c.cacheFile ?? null, run: typeof c.run }));
  });`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { rejected: boolean | null; cacheFile: string | null; run: string };
}

describe('the command run from its code cache (src/cli/command-script.ts)', () => {
  it('names the cache of its build from the bundle\'s first line', () => {
    expect(cacheFileOf('/x/command.cjs', `${buildLine('0123456789abcdef')}"use strict";`)).toBe(path.join('/x', 'command.0123456789abcdef.cache'));
    expect(cacheFileOf('/x/command.cjs', '"use strict";\n// build 0123456789abcdef\n')).toBeUndefined();
    expect(cacheFileOf('/x/command.cjs', '// build 0123456789abcde\n')).toBeUndefined();
  });

  it('the build makes one cache, and V8 takes it (the run that made it set no flag for good)', () => {
    const caches = readdirSync(DIR).filter((f) => f.endsWith('.cache'));
    expect(caches).toHaveLength(1);
    const loaded = load(path.join(DIR, 'command.cjs'));
    expect(loaded).toEqual({ rejected: false, cacheFile: path.join(DIR, caches[0]!), run: 'function' });
  });

  it('a bundle of another build does not take this build\'s cache', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'command-'));
    const own = path.join(DIR, 'command.cjs');
    const other = path.join(dir, 'command.cjs');
    const [cache] = readdirSync(DIR).filter((f) => f.endsWith('.cache'));
    copyFileSync(path.join(DIR, cache!), path.join(dir, cache!));
    writeFileSync(other, readFileSync(own, 'latin1').replace(/^\/\/ build [0-9a-f]{16}\n/, buildLine('ffffffffffffffff')), 'latin1');
    expect(load(other)).toEqual({ rejected: null, cacheFile: path.join(dir, 'command.ffffffffffffffff.cache'), run: 'function' });
  });
});
