import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/**
 * The command's bundle is a script, not a module, so that V8 can take its compiled code from a
 * cache made at build (scripts/code-cache.mjs) instead of parsing 1.4 MB on every run; Node 20 has
 * no compile cache for modules. The bundle's first line names its build, and the cache its build,
 * since V8 checks a cache only against the source's length.
 */
const HEAD = "(function (exports, require, module, __filename, __dirname, aktImportMetaUrl, aktImport) {'use strict';";
const BUILD = /^\/\/ build ([0-9a-f]{16})\n/;

export type Importer = (specifier: string) => Promise<unknown>;

export interface Command {
  /** The command (src/cli/run.ts). */
  run(argv: string[]): Promise<never>;
  /** The compiled bundle, for the cache made at build. */
  script: Script;
  /** Where the cache of this build lies, if the bundle names its build. */
  cacheFile: string | undefined;
}

/** Line one of a bundle (scripts/bundle.mjs). */
export const buildLine = (id: string): string => `// build ${id}\n`;

export function cacheFileOf(file: string, text: string): string | undefined {
  const id = BUILD.exec(text.slice(0, 32))?.[1];
  return id === undefined ? undefined : path.join(path.dirname(file), `${path.basename(file, '.cjs')}.${id}.cache`);
}

/**
 * Compiles and runs the bundle at `url`, with its cache when there is one for its build and V8
 * takes it. `importer` loads what the bundle imports at run time (plug-ins, exceljs): a script has
 * no `import()` of its own.
 */
export function loadCommand(url: URL, importer: Importer): Command {
  const file = fileURLToPath(url);
  // The bundle is ASCII (scripts/bundle.mjs), so latin1 reads it as it is and fastest.
  const text = readFileSync(file, 'latin1');
  const cacheFile = cacheFileOf(file, text);
  const cachedData = cacheFile !== undefined && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new Script(`${HEAD}${text}\n})`, { filename: file, cachedData });
  const module = { exports: {} as { run?: Command['run'] } };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file), url.href, importer);
  const run = module.exports.run;
  if (typeof run !== 'function') throw new Error(`${file} is not the command's bundle; run npm run build`);
  return { run, script, cacheFile };
}
