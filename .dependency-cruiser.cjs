/* global module */
// The import graph the architecture promises (README, Development). Data flows
//   load (files → raw rows) → ingest (rows → store + data problems) → store (akter in columns)
//   → engine (rules → findings) → report → cli,
// and every stage reads and writes akter as the model contract (src/model/: schemas, fields,
// datasets, dates, values, problem codes, the Akter interface) describes them. So imports go:
// the contract imports no stage (load reads the CSV table names from it, and knows no akt), the
// store only the contract, the ingest load + store + contract, the engine and the rules only the
// contract, and nothing imports back up. `npm run deps` checks it (in `npm run check` and CI); any
// violation fails (.dependency-cruiser-known.json, the list of tolerated ones, is empty).
const CONTRACT = '^src/model/';

/** What a stage may not import: the stages after it in the list above, and those beside it it has no business with. */
const later = {
  'src/load': '^(src/(ingest|store|engine|report|cli|baseline|compare|sample|audit|index|init)|rules/)',
  // The contract is what rules, docs and plug-ins see: it must not pull in how akter are read or kept.
  'src/model': '^(src/(ingest|store|engine|report|cli|config|baseline|compare|sample|audit|index|init)|rules/)',
  // The store keeps akter in columns for whoever fills it; it reads only the contract (which
  // fields a scope has, what an akt looks like), never the files or the stages that use it.
  'src/store': '^(src/(load|ingest|engine|report|cli|config|baseline|compare|sample|audit|index|init)|rules/)',
  // The ingest turns rows into the store; it knows nothing of rules, findings or reports.
  'src/ingest': '^(src/(engine|report|cli|config|baseline|compare|sample|audit|index|init)|rules/)',
  'src/engine': '^(src/(report|cli|baseline|compare|sample|audit|index|load|config|ingest|store)|rules/)',
  'src/report': '^(src/(cli|audit|index|ingest|store)|rules/)',
};

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle of imports makes two modules one; split what they share. Type imports count too: a cycle of types is a cycle of knowledge.',
      from: {},
      to: { circular: true },
    },
    ...Object.entries(later).map(([stage, path]) => ({
      name: `no-import-back-up-from-${stage.slice(4)}`,
      severity: 'error',
      comment: `${stage} is earlier in the pipeline than what it would import.`,
      from: { path: `^${stage}/` },
      to: { path },
    })),
    {
      name: 'rules-and-engine-see-only-the-contract',
      severity: 'error',
      comment: 'Rules and the engine read akter through the model contract (the Akter interface), never the store, the ingest or the readers.',
      from: { path: '^(rules|src/engine)/' },
      to: { path: '^src/(ingest|store|load)/' },
    },
    {
      name: 'rules-import-only-engine-and-contract',
      severity: 'error',
      comment: 'A rule is a pure function: the engine helpers, the contract and zod, nothing with I/O.',
      from: { path: '^rules/' },
      to: { path: '^src/', pathNot: `^src/engine/|${CONTRACT}` },
    },
    {
      name: 'only-the-ingest-fills-the-store',
      severity: 'error',
      comment: 'The ingest fills the store and hands its akter on as the contract\'s Akter; everyone else reads them through that interface.',
      from: { path: '^src/', pathNot: '^src/(ingest|store)/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'store-behind-its-interface',
      severity: 'error',
      comment: 'Columns, row tables and the compiled row objects are the store\'s own; the ingest uses src/store/index.ts, so they can change without touching the readers.',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: '^src/store/', pathNot: '^src/store/index\\.ts$' },
    },
    {
      name: 'no-node-io-in-rules-or-engine',
      severity: 'error',
      comment: 'Rules and the engine do no I/O and read no clock.',
      from: { path: '^(rules|src/engine)/' },
      to: { dependencyTypes: ['core'], path: '^(fs|node:fs|fs/promises|node:fs/promises|child_process|node:child_process|net|node:net|http|node:http|https|node:https)$' },
    },
    { name: 'no-test-or-scripts-in-src', severity: 'error', from: { path: '^(src|rules)/' }, to: { path: '^(test|scripts)/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
