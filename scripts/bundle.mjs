// Bundles the command (src/cli/run.ts, as a script compiled from a code cache: src/cli/command-script.ts) and its workers (CSV and NDJSON loading, checking, xlsx) into dist/bundle/ with esbuild, so that
// a run loads two files instead of some two hundred modules: start-up is the fixed cost of every
// run, and module loading was most of it. The library (dist/src, the package's exports) stays
// unbundled for plug-ins and tests. A worker is found beside the module that starts it, so each
// worker's bundle is written beside the command's; the rule docs and package.json are found from
// dist/bundle/cli as from dist/src/cli, which lie at the same depth.
import { createHash } from 'node:crypto';
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, URL } from 'node:url';
import { build } from 'esbuild';

/**
 * zod's `z.locales` is a namespace of 64 languages' messages (358 kB of the command's bundle), all
 * kept because `z` is used as an object; the tool uses English (zod's default) and Swedish
 * (config/issue.ts). Each kB read and compiled is start-up time on every run.
 */
const twoLocales = {
  name: 'zod-locales-en-sv',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js';\nexport { default as sv } from './sv.js';\n",
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/** cli-table3's string-width, with a fast path for plain text (scripts/string-width.cjs). */
const plainWidth = {
  name: 'string-width-plain',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      /[\\/]cli-table3[\\/]/.test(args.importer) ? { path: fileURLToPath(new URL('./string-width.cjs', import.meta.url)) } : undefined,
    );
  },
};

/**
 * The command's bundle runs as a script with a code cache (src/cli/command-script.ts), where
 * `import()` has no loader: run-time imports go through src/dynamic-import.ts, which here becomes
 * the importer the script is given. `import.meta.url` becomes the bundle's own URL, also given.
 */
const scriptImports = {
  name: 'script-imports',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]dynamic-import\.ts$/ }, () => ({
      contents: 'export const importModule = (specifier) => aktImport(specifier);\n',
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // jsonc-parser's CommonJS build requires its parts by computed paths; its ES module build bundles.
  mainFields: ['module', 'main'],
  // exceljs is large and only needed for xlsx: it is loaded on first use, from node_modules.
  external: ['exceljs'],
  plugins: [twoLocales, plainWidth],
  logLevel: 'warning',
  write: false,
};

const modules = await build({
  ...common,
  entryPoints: [
    { in: 'src/load/csv-worker.ts', out: 'cli/csv-worker' },
    { in: 'src/cli/early.ts', out: 'cli/early' },
    { in: 'src/load/ndjson-worker.ts', out: 'cli/ndjson-worker' },
    { in: 'src/report/formatters/xlsx-worker.ts', out: 'cli/xlsx-worker' },
    { in: 'src/check-worker.ts', out: 'cli/check-worker' },
  ],
  outdir: 'dist/bundle',
  format: 'esm',
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: { js: "import { createRequire as aktCreateRequire } from 'node:module'; const require = aktCreateRequire(import.meta.url);" },
});

const command = await build({
  ...common,
  entryPoints: [{ in: 'src/cli/run.ts', out: 'cli/command' }],
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { 'import.meta.url': 'aktImportMetaUrl' },
  plugins: [...common.plugins, scriptImports],
});

// esbuild writes strings, templates and names in ASCII; what it leaves (comments, a regular expression
// literal) is escaped here, where \uXXXX means the same. A file with one character beyond ASCII is
// read as two-byte text, which V8 decodes and scans more slowly (some 10 ms of the command's start-up).
const ascii = (text) => text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
for (const file of [...modules.outputFiles, ...command.outputFiles]) {
  await mkdir(dirname(file.path), { recursive: true });
  if (!/\.c?js$/.test(file.path)) await writeFile(file.path, file.contents);
  else if (file.path.endsWith('.cjs')) {
    // The first line names the build, and so which code cache belongs to it (src/cli/command-script.ts).
    const text = ascii(file.text);
    await writeFile(file.path, `// build ${createHash('sha256').update(text).digest('hex').slice(0, 16)}\n${text}`);
  } else await writeFile(file.path, ascii(file.text));
}

// The code cache is made after a check of a bundled fixture, so that it holds the functions a run
// compiles, not only the bundle's top level.
const cache = spawnSync(process.execPath, [fileURLToPath(new URL('./code-cache.mjs', import.meta.url))], { stdio: 'inherit' });
if (cache.status !== 0) process.exit(cache.status ?? 1);
