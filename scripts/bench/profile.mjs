// node scripts/bench/profile.mjs DIR: groups the self time of each .cpuprofile in DIR (from
// `node --cpu-prof --cpu-prof-dir=DIR dist/src/cli/bin.js check …`, the command unbundled so that
// frames carry their module's path; one file per thread) by the
// part of the tool it is spent in, walking up the stack to the nearest module of the project.
import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
for (const f of readdirSync(dir).sort()) {
  const p = JSON.parse(readFileSync(dir + '/' + f));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map(); let total = 0;
  p.samples.forEach((id, i) => { self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)); total += p.timeDeltas[i] ?? 0; });
  const groups = new Map();
  const groupOf = (url, name) => {
    if (name === '(garbage collector)') return 'garbage collection';
    if (name === '(idle)') return 'idle (waiting for the other thread)';
    if (url.includes('/papaparse/')) return 'Papa Parse';
    if (url.includes('/rules/')) return 'the rules themselves';
    if (/\/src\/store\/(akt-store|akt-view|akter)\.js/.test(url) || (url.includes('/src/store/columns.js') && name === 'object')) return 'model: make akter for the rules';
    for (const [k, g] of [['/src/load/', 'load: read, decode, hash, parse driver, pack'], ['/src/model/', 'model: check values and build the store'], ['/src/ingest/', 'model: check values and build the store'], ['/src/store/', 'model: check values and build the store'], ['/src/engine/', 'engine'], ['/src/report/', 'report: aggregate, mask, format'], ['/src/privacy/', 'report: aggregate, mask, format']]) if (url.includes(k)) return g;
    return undefined;
  };
  for (const [id, t] of self) {
    let g;
    for (let cur = id; cur !== undefined && !g; cur = parent.get(cur)) { const cf = byId.get(cur).callFrame; g = groupOf(cf.url, cf.functionName); }
    g ??= 'Node and V8 (start-up, streams, hashing, messages)';
    groups.set(g, (groups.get(g) ?? 0) + t);
  }
  console.log(f, (total / 1e6).toFixed(2), 's');
  [...groups].sort((a, b) => b[1] - a[1]).forEach(([g, t]) => console.log(`| ${g} | ${(t / 1e6).toFixed(2)} s | ${Math.round((100 * t) / total)} % |`));
}
