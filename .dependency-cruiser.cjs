/* global module */
// The import graph the architecture promises (README, Development): one pipeline
// load → model → engine → report → cli, nothing importing back up; rules and the engine see only
// the model's contract. `npm run deps` checks it (in `npm run check` and CI); any violation fails
// (.dependency-cruiser-known.json, the list of tolerated ones, is empty).
const CONTRACT = '^src/model/(schema|types|dates|problems|fields|values|datasets)\\.ts$';

/** A stage may not import the stages after it. */
const later = {
  'src/load': '^src/(model|engine|report|cli|baseline|compare|sample|audit|index)',
  'src/model': '^(src/(engine|report|cli|baseline|compare|sample|audit|index)|rules/)',
  // The store keeps akter in columns for whoever fills it; it reads only the contract (which
  // fields a scope has, what an akt looks like), never the files or the stages that use it.
  'src/store': '^(src/(load|engine|report|cli|config|baseline|compare|sample|audit|index|init)|rules/)',
  'src/engine': '^(src/(report|cli|baseline|compare|sample|audit|index|load|config|store)|rules/)',
  'src/report': '^src/(cli|audit|index)',
};

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle of imports that run makes two modules one; split what they share. Cycles of type imports only (erased at build) are not counted.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
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
      comment: 'Rules and the engine read akter through the model contract, never the store or the readers.',
      from: { path: '^(rules|src/engine)/' },
      to: { path: '^src/model/', pathNot: CONTRACT },
    },
    {
      name: 'store-behind-its-interface',
      severity: 'error',
      comment: 'Columns, row tables and the compiled row objects are the store\'s own; others use src/store/index.ts, so they can change without touching the readers.',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: '^src/store/', pathNot: '^src/store/index\\.ts$' },
    },
    {
      name: 'store-sees-only-the-contract',
      severity: 'error',
      comment: 'The store holds akter as the contract describes them; it knows nothing of how they were read.',
      from: { path: '^src/store/' },
      to: { path: '^src/model/', pathNot: CONTRACT },
    },
    {
      name: 'rules-import-only-engine-and-contract',
      severity: 'error',
      comment: 'A rule is a pure function: the engine helpers, the contract and zod, nothing with I/O.',
      from: { path: '^rules/' },
      to: { path: '^src/', pathNot: `^src/engine/|${CONTRACT}` },
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
