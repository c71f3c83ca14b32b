// Bundles the command (src/cli/bin.ts) and its workers (CSV and NDJSON loading, xlsx) into dist/bundle/ with esbuild, so that
// a run loads two files instead of some two hundred modules: start-up is the fixed cost of every
// run, and module loading was most of it. The library (dist/src, the package's exports) stays
// unbundled for plug-ins and tests. A worker is found beside the module that starts it, so each
// worker's bundle is written beside the command's; the rule docs and package.json are found from
// dist/bundle/cli as from dist/src/cli, which lie at the same depth.
import { build } from 'esbuild';

await build({
  entryPoints: [
    { in: 'src/cli/bin.ts', out: 'cli/bin' },
    { in: 'src/load/csv-worker.ts', out: 'cli/csv-worker' },
    { in: 'src/cli/early.ts', out: 'cli/early' },
    { in: 'src/load/ndjson-worker.ts', out: 'cli/ndjson-worker' },
    { in: 'src/report/formatters/xlsx-worker.ts', out: 'cli/xlsx-worker' },
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
  logLevel: 'warning',
});
