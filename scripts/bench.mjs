#!/usr/bin/env node
// npm run bench [-- --sizes 20000,100000,400000 --runs 1]
// Generates synthetic exports (scripts/generate-export.mjs, seeded) and times, on the same files:
// the csv-parse floor, the DuckDB peer (four core rules in SQL, scripts/bench/duckdb.mjs; --no-duckdb
// skips it), `aktgranskning check` on the CSV, NDJSON and XLSX layouts, each in its own process with
// its peak RSS; then every report format on the CSV layout (--formats), with its time against
// `--format terminal` and against DuckDB in the same run, peak RSS and output size. The NDJSON and
// XLSX layouts' reports must equal the CSV layout's byte for byte, and DuckDB's figures check's for
// those rules, or the bench fails. Prints the tables and writes
// docs/benchmarks.md. With html among the formats, the HTML report is also printed to A4 PDF in
// headless Chromium (scripts/bench/pdf.mjs): time and pages.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { disagreements, lastLine } from './bench/agreement.mjs';
import { writeWorkbook } from './bench/to-xlsx.mjs';

const { values } = parseArgs({ allowNegative: true, options: {
    sizes: { type: 'string', default: '20000,100000,400000' },
    runs: { type: 'string', default: '1' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    formats: { type: 'string', default: 'markdown,html,json,ndjson,csv,xlsx' },
    duckdb: { type: 'boolean', default: true },
  }, });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const root = '.bench';
const AS_OF = '2011-06-01';

function run(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', './scripts/bench/rss.mjs', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const rss = Number(/BENCH_RSS_KB (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return { seconds, rss, stdout: r.stdout };
}

function best(args, times = runs) {
  let result;
  for (let i = 0; i < times; i++) {
    const r = run(args);
    if (!result || r.seconds < result.seconds) result = r;
  }
  return result;
}

/**
 * check's figures for the export in `dir`: from the summary line of the NDJSON report if the run wrote
 * one, else from the JSON report while it is small enough to parse whole, else from a run made for it.
 */
function toolReport(dir) {
  if (formats.includes('ndjson')) return JSON.parse(lastLine(path.join(dir, 'report.ndjson')));
  const json = path.join(dir, 'report.json');
  if (formats.includes('json') && statSync(json).size < 256e6) return JSON.parse(readFileSync(json, 'utf8'));
  const file = path.join(dir, 'report-figures.ndjson');
  run(['bin/aktgranskning.js', 'check', path.join(dir, 'csv'), '--as-of', AS_OF, '--format', 'ndjson', '--quiet', '--output', file]);
  return JSON.parse(lastLine(file));
}

const mb = (dir) => readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0) / 1e6;
const formats = values.formats.split(',').filter((x) => x !== '');
// The fixed cost of every run: starting Node and loading the command (the bundle, dist/bundle).
const startup = best(['bin/aktgranskning.js', '--version'], Math.max(runs, 5));
console.log(JSON.stringify({ startup: startup.seconds }));
const rows = [];
const formatRows = [];
const pdfRows = [];
for (const n of sizes) {
  const dir = path.join(root, `${n}`);
  if (!existsSync(path.join(dir, 'csv', 'followups.csv'))) {
    const g = spawnSync(process.execPath, ['scripts/generate-export.mjs', '--akter', String(n), '--seed', '1', '--out', dir], { stdio: 'inherit' });
    if (g.status !== 0) throw new Error('generator failed');
  }
  // The XLSX layout: the same tables as one workbook, dates as date cells (made once, from the CSV).
  if (!existsSync(path.join(dir, 'xlsx', 'export.xlsx'))) await writeWorkbook(path.join(dir, 'csv'), path.join(dir, 'xlsx', 'export.xlsx'));
  const floor = best(['scripts/bench/floor.mjs', path.join(dir, 'csv')]);
  const count = Number(floor.stdout.trim()) - 4; // header rows
  // The peer an analyst would reach for: its wall time includes starting Node and reading the CSV.
  const duck = values.duckdb ? best(['scripts/bench/duckdb.mjs', path.join(dir, 'csv'), AS_OF]) : undefined;
  const peer = duck ? JSON.parse(duck.stdout) : undefined;
  const check = (layout) => best(['bin/aktgranskning.js', 'check', path.join(dir, layout), '--as-of', AS_OF, '--format', 'terminal', '--quiet', '--output', path.join(dir, `report-${layout}.txt`)]);
  const csv = check('csv');
  const nd = check('ndjson');
  const xlsx = check('xlsx');
  // The three layouts hold the same export, so the same report, byte for byte, or a reader is wrong.
  const differ = ['ndjson', 'xlsx'].filter((layout) => !readFileSync(path.join(dir, `report-${layout}.txt`)).equals(readFileSync(path.join(dir, 'report-csv.txt'))));
  if (differ.length > 0) {
    console.error(`The ${differ.join(' and ')} layout's report differs from the CSV layout's on ${dir}: compare ${differ.map((l) => `report-${l}.txt`).join(', ')} with report-csv.txt there.`);
    process.exit(1);
  }
  const row = { akter: n, rows: count, mb: mb(path.join(dir, 'csv')), floor: floor.seconds, floorRss: floor.rss, csv: csv.seconds, csvRss: csv.rss, nd: nd.seconds, ndRss: nd.rss, xlsx: xlsx.seconds, xlsxRss: xlsx.rss, xlsxMb: mb(path.join(dir, 'xlsx')), ...(duck ? { duck: duck.seconds, duckRss: duck.rss, duckSql: peer.seconds } : {}) };
  rows.push(row);
  console.log(JSON.stringify(row));
  // Every format against the terminal summary just measured (check CSV writes --format terminal).
  formatRows.push({ akter: n, format: 'terminal', seconds: csv.seconds, rss: csv.rss, bytes: statSync(path.join(dir, 'report-csv.txt')).size });
  for (const format of formats) {
    const file = path.join(dir, `report.${format}`);
    const r = best(['bin/aktgranskning.js', 'check', path.join(dir, 'csv'), '--as-of', AS_OF, '--format', format, '--quiet', '--output', file]);
    const fr = { akter: n, format, seconds: r.seconds, rss: r.rss, bytes: statSync(file).size };
    formatRows.push(fr);
    console.log(JSON.stringify(fr));
  }
  // The revisionsrapport as an auditor hands it in: the HTML printed to A4 PDF in headless Chromium.
  if (formats.includes('html')) {
    const p = spawnSync(process.execPath, ['scripts/bench/pdf.mjs', path.join(dir, 'report.html')], { encoding: 'utf8' });
    if (p.status === 0) {
      const pdf = { akter: n, ...JSON.parse(p.stdout) };
      pdfRows.push(pdf);
      console.log(JSON.stringify({ pdf }));
    } else if (p.status !== 3) throw new Error(`printing the HTML failed: ${p.stderr.slice(0, 500)}`);
  }
  if (peer) {
    const wrong = disagreements(toolReport(dir), peer.figures);
    if (wrong.length > 0) {
      console.error(`DuckDB and check disagree on ${path.join(dir, 'csv')} (as of ${AS_OF}); fix scripts/bench/duckdb-rules.sql or the rule:\n  ${wrong.join('\n  ')}`);
      process.exit(1);
    }
    const rules = [...new Set(peer.figures.map((x) => x.ruleId))];
    console.log(JSON.stringify({ akter: n, agreement: `DuckDB equals check on ${rules.join(', ')} in ${peer.figures.length / rules.length} stadsdelar` }));
  }
}

const f = (x, d = 2) => x.toFixed(d);
const withDuck = rows.some((r) => r.duck !== undefined);
const perRow = (r) => (r.csv / r.rows) * 1e6;
/** Columns of a table as [header, alignment, cell of a row]; the DuckDB ones only when it ran. */
const layoutColumns = [
  ['akter', ':', (r) => r.akter],
  ['rows', ':', (r) => r.rows],
  ['CSV MB', ':', (r) => f(r.mb, 0)],
  ['floor s', ':', (r) => f(r.floor)],
  ...(withDuck ? [['DuckDB s', ':', (r) => f(r.duck)], ['peak RSS MB (DuckDB)', ':', (r) => f(r.duckRss, 0)]] : []),
  ['check CSV s', ':', (r) => f(r.csv)],
  ['× floor', ':', (r) => f(r.csv / r.floor)],
  ...(withDuck ? [['× DuckDB', ':', (r) => f(r.csv / r.duck)]] : []),
  ['akter/s', ':', (r) => Math.round(r.akter / r.csv)],
  ['µs/row', ':', (r) => f(perRow(r))],
  ['peak RSS MB', ':', (r) => f(r.csvRss, 0)],
  ['check NDJSON s', ':', (r) => f(r.nd)],
  ...(withDuck ? [['NDJSON × DuckDB', ':', (r) => f(r.nd / r.duck)]] : []),
  ['peak RSS MB (NDJSON)', ':', (r) => f(r.ndRss, 0)],
  ['XLSX MB', ':', (r) => f(r.xlsxMb, 0)],
  ['check XLSX s', ':', (r) => f(r.xlsx)],
  ['× CSV', ':', (r) => f(r.xlsx / r.csv, 1)],
  ...(withDuck ? [['XLSX × DuckDB', ':', (r) => f(r.xlsx / r.duck, 1)]] : []),
  ['peak RSS MB (XLSX)', ':', (r) => f(r.xlsxRss, 0)],
  ['floor RSS MB', ':', (r) => f(r.floorRss, 0)],
];
const markdownTable = (columns, list) => [
  `| ${columns.map(([h]) => h).join(' | ')} |`,
  `| ${columns.map(([, align]) => (align === ':' ? '---:' : '---')).join(' | ')} |`,
  ...list.map((r) => `| ${columns.map(([, , cell]) => cell(r)).join(' | ')} |`),
].join('\n');
// Linear cost: time per row of the largest size against the one before it.
const [a, b] = rows.slice(-2);
const growth = a && b ? `\n\nTime per row at ${b.akter} akter is ${f(perRow(b) / perRow(a))} × that at ${a.akter}.` : '';
const duckOf = (akter) => rows.find((x) => x.akter === akter)?.duck;
const formatColumns = [
  ['akter', ':', (r) => r.akter],
  ['format', '', (r) => r.format],
  ['s', ':', (r) => f(r.seconds)],
  ['× terminal', ':', (r) => f(r.seconds / formatRows.find((x) => x.akter === r.akter && x.format === 'terminal').seconds)],
  ...(withDuck ? [['× DuckDB', ':', (r) => f(r.seconds / duckOf(r.akter))]] : []),
  ['peak RSS MB', ':', (r) => f(r.rss, 0)],
  ['output MB', ':', (r) => f(r.bytes / 1e6, 1)],
  ['bytes per akt', ':', (r) => Math.round(r.bytes / r.akter)],
];
const formatTable = formatRows.length > 0 ? `\n\nEvery format, on the CSV layout, against the terminal summary${withDuck ? ' and the DuckDB peer' : ''} of the same run (\`--output\` to a file):\n\n${markdownTable(formatColumns, formatRows)}` : '';
const pdfTable = pdfRows.length > 0 ? `\n\nThe HTML report printed to A4 PDF in headless Chromium (scripts/bench/pdf.mjs, from opening the page to the PDF):\n\n| akter | s | pages | PDF MB |\n| ---: | ---: | ---: | ---: |\n${pdfRows.map((r) => `| ${r.akter} | ${f(r.seconds)} | ${r.pages} | ${f(r.bytes / 1e6, 1)} |`).join('\n')}` : '';
const startupLine = `\n\nStart-up, \`aktgranskning --version\` (Node started, the command loaded; best of ${Math.max(runs, 5)}): ${f(startup.seconds)} s, peak RSS ${f(startup.rss, 0)} MB.`;
const table = markdownTable(layoutColumns, rows) + growth + startupLine + formatTable + pdfTable;
console.log(`\n${table}`);
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const section = `<!-- bench:start -->\nMeasured with \`npm run bench\` on ${machine}. Each figure is the best of ${runs} run(s) of a separate process; peak RSS is the process's own high-water mark (VmHWM, scripts/bench/rss.mjs). The floor is csv-parse alone parsing every table single-threaded into arrays (scripts/bench/floor.mjs); \`check\` loads, validates, runs all 16 built-in rules and writes the terminal report to a file.${withDuck ? ' DuckDB is the SQL peer (scripts/bench/duckdb.mjs): an in-memory DuckDB reading the CSV tables and computing current-plan, subgoals-present, requirements-stated and follow-ups-traceable (scripts/bench/duckdb-rules.sql), timed from starting its process to the figures; its figures per stadsdel equal check\'s for those rules (the bench fails otherwise).' : ''} Exports are made by scripts/generate-export.mjs with seed 1 (about 9 rows per akt).\n\n${table}\n<!-- bench:end -->`;
// Only the measured section is rewritten; the analysis around it is kept.
const previous = existsSync(values.out) ? readFileSync(values.out, 'utf8') : '';
const doc = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/.test(previous)
  ? previous.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, section)
  : `# Benchmarks\n\n${section}\n`;
writeFileSync(values.out, doc);
