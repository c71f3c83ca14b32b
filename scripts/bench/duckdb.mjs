#!/usr/bin/env node
// The benchmark's SQL peer: node scripts/bench/duckdb.mjs DIR AS_OF
// Loads the CSV tables of DIR into an in-memory DuckDB and runs scripts/bench/duckdb-rules.sql (four core
// rules in SQL), as an analyst would; prints {seconds, figures[]} as JSON, where seconds is the time
// from opening the database to the last figure (reading the CSV included) and figures has one entry per
// stadsdel and rule. scripts/bench.mjs runs it in its own process, as it runs `check`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, asOf] = process.argv.slice(2);
if (!dir || !/^\d{4}-\d{2}-\d{2}$/.test(asOf ?? '')) {
  process.stderr.write('Usage: node scripts/bench/duckdb.mjs DIR YYYY-MM-DD\n');
  process.exit(2);
}
for (const table of ['cases', 'plans', 'subgoals', 'followups']) {
  if (!existsSync(path.join(dir, `${table}.csv`))) {
    process.stderr.write(`duckdb peer: ${path.join(dir, `${table}.csv`)} is missing; the SQL reads the four tables of the generated export\n`);
    process.exit(2);
  }
}
const sql = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'duckdb-rules.sql'), 'utf8');
const quote = (s) => `'${s.replace(/'/g, "''")}'`;

const start = process.hrtime.bigint();
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
await connection.run(`SET VARIABLE export_dir = ${quote(dir)}; SET VARIABLE as_of = DATE ${quote(asOf)};`);
const reader = await connection.runAndReadAll(sql);
const figures = reader.getRowObjectsJS().map((r) => ({
  district: r.district ?? null,
  ruleId: r.rule_id,
  applicable: Number(r.applicable),
  passed: Number(r.passed),
  failed: Number(r.failed),
  notAssessable: Number(r.not_assessable),
  notApplicable: Number(r.not_applicable),
}));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
connection.closeSync();
process.stdout.write(`${JSON.stringify({ seconds, figures })}\n`);
