import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/**
 * The package as a user gets it: `npm pack`, installed into an empty project, from the npm cache where it can
 * (the dependencies are there after `npm ci`), then run through npx.
 */
describe('the packed tarball', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'akt-pack-'));
  // --ignore-scripts: the build is there already (npm test builds first); rebuilding would pull dist/ away from the other tests.
  const packed = JSON.parse(execFileSync(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  const files = new Set(packed[0]!.files.map((f) => f.path));

  it('has a LICENSE, no source maps, and every relative link of its Markdown resolves inside it', () => {
    expect(files.has('LICENSE')).toBe(true);
    expect([...files].filter((f) => f.endsWith('.map'))).toEqual([]);
    const broken: string[] = [];
    for (const doc of [...files].filter((f) => f.endsWith('.md'))) {
      for (const [, target] of readFileSync(doc, 'utf8').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue;
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(doc), target!));
        if (!files.has(resolved) && ![...files].some((f) => f.startsWith(`${resolved}/`))) broken.push(`${doc} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('installs into an empty project and runs: --version, and check on a fixture', () => {
    const project = path.join(dir, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'empty', version: '1.0.0', private: true }));
    // --prefer-offline: the tarballs are in the cache after `npm ci`, but not always the registry's package documents.
    const install = spawnSync(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(dir, packed[0]!.filename)], { cwd: project, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    const version = spawnSync(NPX, ['--no', '--', 'aktgranskning', '--version'], { cwd: project, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    const check = spawnSync(NPX, ['--no', '--', 'aktgranskning', 'check', path.resolve('fixtures/stockholm-2011/csv'), '--as-of', '2010-11-15', '--format', 'json', '--quiet'], { cwd: project, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(1);
    expect((JSON.parse(check.stdout) as { input: { casesChecked: number } }).input.casesChecked).toBe(20);
  }, 300_000);
});
