// node scripts/bench/phases.mjs DIR [AS_OF]: times the phases of `check` on the main thread
// (load, the rules' prepare, the aggregation pass, and the collections between them), through the
// library as the CLI runs it. Build first (npm run build).
import { performance } from 'node:perf_hooks';
import { resolveSettings } from '../../dist/src/audit.js';
import { Checker, notAssessedRules, resultsOf } from '../../dist/src/engine/run.js';
import { collectGarbage } from '../../dist/src/memory.js';
import { readExport } from '../../dist/src/ingest/read-export.js';
import { buildReport } from '../../dist/src/report/build.js';

const [dir, asOf = '2011-06-01'] = process.argv.slice(2);
const { rules } = await resolveSettings({});
let t = performance.now();
const lap = (label) => {
  const now = performance.now();
  console.log(`${label}\t${((now - t) / 1000).toFixed(2)} s`);
  t = now;
};
const loaded = await readExport([dir], { asOf, threads: 2 });
lap('load');
collectGarbage();
lap('gc');
const checker = new Checker(loaded.akter, rules, { asOf });
lap('prepare');
await buildReport({ asOf, version: 'bench', rules, loaded, results: resultsOf(loaded.akter, checker), notAssessed: notAssessedRules(loaded.akter, rules) });
lap('aggregate');
