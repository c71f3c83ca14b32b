/* global module */
// The import graph the architecture promises (README, Development). Data flows
//   load (files → raw rows) → ingest (rows → store + data problems) → store (akter in columns)
//   → engine (rules → findings) → report → cli,
// and every stage reads and writes akter as the contract describes them. The contract is what
// rules, plug-ins (src/index.ts) and docs see: src/model/ (schemas, fields, the one list of
// datasets, dates, values, problem codes, the Akter interface) and the engine's rule-author API
// (src/engine/ but run.ts: defineRule and the rule types, the akt helpers, the common reasons,
// the text helpers). Each folder below lists what it may import: an allow-list, so anything else
// under src/ or rules/ fails, nothing imports back up, and a new module is reachable only from
// where it is added. Packages (zod, date-fns, …) are not listed; node's I/O modules are kept out
// of the engine and the rules below. `npm run deps` checks it (in `npm run check` and CI); any
// violation fails (.dependency-cruiser-known.json, the list of tolerated ones, is empty).
const MODEL = 'src/model/';
const RULE_API = 'src/engine/(types|akt-helpers|common-reasons|text|goal-text)\\.ts$';
// Masking personnummer is pure (no imports beyond the two files) and a privacy requirement, so
// the contract may use it: a data problem quotes its value masked when it is made
// (model/problems.ts), and a goal is read without its personnummer digits (engine/goal-text.ts).
const MASKING = 'src/privacy/(quote|personnummer)\\.ts$';
// Folding case, diacritics and separators: pure, no imports.
const FOLD = 'src/fold\\.ts$';
// UserError and the exit codes: a user's mistake is one line, from whichever stage finds it.
const ERRORS = 'src/errors\\.ts$';
const DYNAMIC_IMPORT = 'src/dynamic-import\\.ts$';

/** Per folder (a regex on the importing path): what it may import, and why. */
const MAY_IMPORT = {
  'src/model/': { allow: [MODEL, FOLD, MASKING], why: 'The contract imports nothing of the stages: it is what they share.' },
  'src/engine/': { allow: ['src/engine/', MODEL, MASKING], why: 'The engine runs rules on akter as the contract describes them: never the store, the readers or the reports.' },
  [RULE_API]: { allow: [RULE_API, MODEL, MASKING], why: 'The rule-author API is part of the contract: it does not reach the engine that runs the rules (run.ts).' },
  'rules/': { allow: ['rules/', MODEL, RULE_API], why: 'A rule is a pure function of an akt: the contract and zod, nothing with I/O, not the engine that runs it.' },
  'src/store/': { allow: ['src/store/', MODEL], why: 'The store keeps akter in columns for whoever fills it: it knows the contract only, never the files or the stages that use it.' },
  'src/load/': { allow: ['src/load/', MODEL, FOLD, ERRORS, DYNAMIC_IMPORT], why: 'load reads files into raw rows; of the model it knows the CSV table names, nothing of akter, rules or reports.' },
  'src/ingest/': {
    // memory.ts collects garbage between the reading and the building of a large export; progress.ts is the progress counter the readers bump.
    allow: ['src/ingest/', 'src/load/', 'src/store/index\\.ts$', MODEL, FOLD, ERRORS, 'src/memory\\.ts$', 'src/progress\\.ts$'],
    why: 'The ingest turns rows into the store and data problems; it knows nothing of rules, findings or reports.',
  },
  'src/privacy/': { allow: ['src/privacy/', ERRORS], why: 'Masking and pseudonyms stand alone, so every stage may use them.' },
  [MASKING]: { allow: [MASKING], why: 'Masking is used by the contract, so it imports nothing.' },
  'src/i18n/': { allow: ['src/i18n/', MODEL, 'src/engine/types\\.ts$', 'src/report/stats\\.ts$'], why: 'The wording catalogues name the codes, statuses and grades they word, nothing else.' },
  'src/report/': {
    // delimiter.ts names the delimiter the introduction states; prefetch.ts says whether a worker's file is built (the xlsx writer's worker).
    allow: ['src/report/', MODEL, 'src/engine/', 'src/i18n/', 'src/privacy/', 'src/load/(delimiter|prefetch)\\.ts$'],
    why: 'The report aggregates findings and words them; it reads no export and never the store or the ingest.',
  },
  'src/config/': {
    allow: ['src/config/', MODEL, 'src/engine/', 'rules/', 'src/load/', 'src/ingest/options\\.ts$', ERRORS, DYNAMIC_IMPORT],
    why: 'The config names rules, their options and the export mapping; it runs no check.',
  },
  'src/sample/': {
    allow: ['src/sample/', MODEL, 'src/engine/', 'src/ingest/', 'src/load/', 'src/i18n/', 'src/privacy/', FOLD, ERRORS, 'src/version\\.ts$'],
    why: 'Sampling draws akter from a read export and writes its protocol.',
  },
  'src/compare/': { allow: ['src/compare/', 'src/engine/types\\.ts$', 'src/report/', 'src/i18n/', 'src/privacy/'], why: 'Comparing two audits reads two reports.' },
  // The shared top-level files: each stage above lists those it may use.
  'src/(fold|progress|memory|temp-dirs|version|dynamic-import)\\.ts$': { allow: [], why: 'A shared helper imports nothing of the tool, so any stage may be allowed it.' },
  [ERRORS]: { allow: [MODEL, 'src/i18n/'], why: 'A UserError is worded from the catalogue of error texts.' },
  'src/baseline/': { allow: ['src/baseline/', MODEL, 'src/config/', 'src/report/', 'src/privacy/', ERRORS], why: 'A baseline is read from and checked against a report.' },
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
    ...Object.entries(MAY_IMPORT).map(([from, { allow, why }]) => ({
      name: `only-allowed-from-${from.replace(/\\.ts\$$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
      severity: 'error',
      comment: allow.length > 0 ? `${why} It may import ${allow.join(', ')}.` : why,
      from: { path: `^${from}` },
      to: { path: '^(src|rules)/', ...(allow.length > 0 ? { pathNot: `^(${allow.join('|')})` } : {}) },
    })),
    {
      name: 'only-the-cli-imports-the-cli',
      severity: 'error',
      comment: 'The CLI is the top of the pipeline: the library under it (src/index.ts) works without it.',
      from: { path: '^(src|rules)/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
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
