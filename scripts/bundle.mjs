// Bundles the command (src/cli/bin.ts) and its workers (CSV and NDJSON loading, checking, xlsx) into dist/bundle/ with esbuild, so that
// a run loads two files instead of some two hundred modules: start-up is the fixed cost of every
// run, and module loading was most of it. The library (dist/src, the package's exports) stays
// unbundled for plug-ins and tests. A worker is found beside the module that starts it, so each
// worker's bundle is written beside the command's; the rule docs and package.json are found from
// dist/bundle/cli as from dist/src/cli, which lie at the same depth.
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
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

const result = await build({
  entryPoints: [
    { in: 'src/cli/bin.ts', out: 'cli/bin' },
    { in: 'src/load/csv-worker.ts', out: 'cli/csv-worker' },
    { in: 'src/cli/early.ts', out: 'cli/early' },
    { in: 'src/load/ndjson-worker.ts', out: 'cli/ndjson-worker' },
    { in: 'src/report/formatters/xlsx-worker.ts', out: 'cli/xlsx-worker' },
    { in: 'src/check-worker.ts', out: 'cli/check-worker' },
  ],
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // jsonc-parser's CommonJS build requires its parts by computed paths; its ES module build bundles.
  mainFields: ['module', 'main'],
  // exceljs is large and only needed for xlsx: it is loaded on first use, from node_modules.
  external: ['exceljs'],
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: { js: "import { createRequire as aktCreateRequire } from 'node:module'; const require = aktCreateRequire(import.meta.url);" },
  plugins: [twoLocales, plainWidth],
  logLevel: 'warning',
  write: false,
});

// esbuild writes strings, templates and names in ASCII; what it leaves (comments, a regular expression
// literal) is escaped here, where \uXXXX means the same. A file with one character beyond ASCII is
// read as two-byte text, which V8 decodes and scans more slowly (some 10 ms of the command's start-up).
const ascii = (text) => text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
for (const file of result.outputFiles) {
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, file.path.endsWith('.js') ? ascii(file.text) : file.contents);
}
