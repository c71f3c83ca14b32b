#!/usr/bin/env node
// Writes a large synthetic export of format v1 for benchmarks: every person, number and text is
// made up. Usage: node scripts/generate-export.mjs --akter 100000 --seed 1 --out .bench/100k [--layout csv|ndjson|both|all]
// (all: also the XLSX layout, xlsx/export.xlsx, a workbook of the CSV tables; see scripts/bench/to-xlsx.mjs)
// Realistic shape: all 13 Stockholm stadsdelar; 0–4 plans per akt, 0–2 delmål per plan, 0–4
// follow-ups per plan; most goals generic, some time-bound; a share of follow-ups without outcome.
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeWorkbook } from './bench/to-xlsx.mjs';

const USAGE = `Usage: node scripts/generate-export.mjs [--akter N] [--seed S] [--out DIR] [--layout csv|ndjson|both]
Writes a synthetic export of format v1 (every person, number and text made up) to DIR/csv and DIR/ndjson.
  --akter N    number of akter (default 20000)
  --seed S     seed of the generator; the same seed writes the same files (default 1)
  --out DIR    output directory (default .bench/export)
  --layout L   csv, ndjson or both (default both)
`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      akter: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: '.bench/export' },
      layout: { type: 'string', default: 'both' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (e) {
  process.stderr.write(`generate-export: ${e.message.split('\n')[0]}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const N = Number(values.akter);
const layout = values.layout === 'all' ? 'both' : values.layout;
const problem = !Number.isInteger(N) || N < 0 ? `--akter ${values.akter}: give a whole number, 0 or more` : !['csv', 'ndjson', 'both'].includes(layout) ? `--layout ${layout}: give csv, ndjson, both or all` : undefined;
if (problem) {
  process.stderr.write(`generate-export: ${problem}\n`);
  process.exit(2);
}

/** mulberry32: a small, well-known seeded generator, so the same seed writes the same files. */
function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(Number(values.seed) >>> 0);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];

const DISTRICTS = [
  'Rinkeby-Kista', 'Spånga-Tensta', 'Hässelby-Vällingby', 'Bromma', 'Kungsholmen', 'Norrmalm', 'Östermalm',
  'Södermalm', 'Enskede-Årsta-Vantör', 'Skarpnäck', 'Farsta', 'Älvsjö', 'Hägersten-Liljeholmen',
];
const GENERIC = ['Bli självförsörjande genom arbete', 'Egen försörjning', 'Egen försörjning genom arbete', 'Att bli självförsörjande', 'Få ett arbete'];
const SPECIFIC = [
  'Slutföra SFI kurs D under hösten och därefter söka arbete inom barnomsorgen',
  'Ta truckkort och söka lagerarbete i södra Stockholm',
  'Gå klart vårdbiträdesutbildningen på Komvux och söka timanställning inom hemtjänsten',
  'Få körkort B före sommaren för att kunna ta arbete inom budtransporter',
];
const TYPES = ['uppfoljning', 'trepartssamtal', 'narvarokontroll', 'trepartssamtal', 'narvarokontroll'];
const REASONS = ['arbetsloshet', 'arbetsloshet', 'arbetsloshet', 'sociala-medicinska', 'ovrigt'];

const pad = (n) => String(n).padStart(2, '0');
/** A date `days` after 2008-01-01, as YYYY-MM-DD. */
const day = (days) => new Date(Date.UTC(2008, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
const q = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Makes a directory and its parents one by one: Node's recursive mkdir spins forever under /proc. */
function makeDirectory(dir) {
  const missing = [];
  for (let at = path.resolve(dir); !existsSync(at); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  try {
    for (const d of missing) mkdirSync(d);
  } catch (e) {
    process.stderr.write(`generate-export: ${dir}: cannot create the directory (${e.code ?? e.message}); choose another --out\n`);
    process.exit(2);
  }
}
makeDirectory(path.join(values.out, 'csv'));
makeDirectory(path.join(values.out, 'ndjson'));
const csv = layout === 'ndjson' ? null : {
  cases: createWriteStream(path.join(values.out, 'csv', 'cases.csv')),
  plans: createWriteStream(path.join(values.out, 'csv', 'plans.csv')),
  subgoals: createWriteStream(path.join(values.out, 'csv', 'subgoals.csv')),
  followups: createWriteStream(path.join(values.out, 'csv', 'followups.csv')),
};
const nd = layout === 'csv' ? null : createWriteStream(path.join(values.out, 'ndjson', 'akter.ndjson'));
const buffers = { cases: [], plans: [], subgoals: [], followups: [], nd: [] };
async function flush(force = false) {
  for (const [k, list] of Object.entries(buffers)) {
    if (list.length === 0 || (!force && list.length < 2000)) continue;
    const stream = k === 'nd' ? nd : csv?.[k];
    const text = list.join('');
    list.length = 0;
    if (stream && !stream.write(text)) await new Promise((r) => stream.once('drain', r));
  }
}

if (csv) {
  csv.cases.write('caseId,district,personId,caseworker,supportReason,supportStart\n');
  csv.plans.write('caseId,planId,created,validFrom,validTo,goal,activities,requirements,clientView,nextFollowUp,replaces\n');
  csv.subgoals.write('caseId,planId,text,due\n');
  csv.followups.write('caseId,date,planId,type,outcome,goalsRevised\n');
}

let rows = 0;
for (let i = 0; i < N; i++) {
  const caseId = `A-${String(i + 1).padStart(7, '0')}`;
  const district = DISTRICTS[i % DISTRICTS.length];
  const start = int(0, 900);
  const akt = {
    caseId, district, personId: `19${int(50, 99)}${pad(int(1, 12))}${pad(int(1, 28))}-${int(1000, 9999)}`,
    caseworker: `Handläggare ${int(1, 40)}`, supportReason: pick(REASONS), supportStart: day(start), plans: [], followUps: [],
  };
  let from = start + int(10, 60);
  for (let p = 0, plans = int(0, 4); p < plans; p++) {
    const length = int(120, 365);
    const generic = rand() < 0.75;
    const plan = {
      planId: `${caseId}-P${p + 1}`, created: day(from), validFrom: day(from), validTo: day(from + length),
      goal: generic ? pick(GENERIC) : `${pick(SPECIFIC)}${rand() < 0.5 ? ` senast ${day(from + length - 30)}` : ''}`,
      activities: 'Delta på jobbtorget.', requirements: rand() < 0.9 ? 'Delta heltid på jobbtorget.' : '', clientView: rand() < 0.6 ? 'Vill arbeta.' : '',
      nextFollowUp: rand() < 0.8 ? day(from + 92) : '', replaces: p > 0 ? `${caseId}-P${p}` : '', subGoals: [],
    };
    for (let s = 0, subs = int(0, 2); s < subs; s++) plan.subGoals.push({ text: pick(['Godkänd SFI kurs D', 'Truckkort klart', 'Praktik två dagar i veckan']), due: rand() < 0.7 ? day(from + int(30, 200)) : '' });
    for (let f = 0, fus = int(0, 4); f < fus; f++) {
      akt.followUps.push({ date: day(from + int(20, length)), planId: plan.planId, type: pick(TYPES), outcome: rand() < 0.6 ? 'Uppföljning hållen, planen står fast.' : '', goalsRevised: rand() < 0.05 });
    }
    akt.plans.push(plan);
    from += length + int(1, 30);
  }
  rows += 1 + akt.plans.length + akt.plans.reduce((n, p) => n + p.subGoals.length, 0) + akt.followUps.length;
  if (csv) {
    buffers.cases.push(`${caseId},${q(district)},${akt.personId},${akt.caseworker},${akt.supportReason},${akt.supportStart}\n`);
    for (const p of akt.plans) {
      buffers.plans.push(`${caseId},${p.planId},${p.created},${p.validFrom},${p.validTo},${q(p.goal)},${p.activities},${p.requirements},${p.clientView},${p.nextFollowUp},${p.replaces}\n`);
      for (const s of p.subGoals) buffers.subgoals.push(`${caseId},${p.planId},${s.text},${s.due}\n`);
    }
    for (const f of akt.followUps) buffers.followups.push(`${caseId},${f.date},${f.planId},${f.type},${q(f.outcome)},${f.goalsRevised}\n`);
  }
  if (nd) buffers.nd.push(`${JSON.stringify(akt)}\n`);
  if (i % 1000 === 0) await flush();
}
await flush(true);
await Promise.all([...Object.values(csv ?? {}), ...(nd ? [nd] : [])].map((s) => new Promise((r) => s.end(r))));
if (values.layout === 'all') await writeWorkbook(path.join(values.out, 'csv'), path.join(values.out, 'xlsx', 'export.xlsx'));
console.log(JSON.stringify({ akter: N, rows, out: values.out }));
