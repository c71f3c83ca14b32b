import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { readCsv } from '../load/csv.js';
import { CSV_TABLES, discover, type CsvTable, type SourceFile } from '../load/discover.js';
import { readJson, readNdjson } from '../load/json.js';
import { ExportBuilder } from './build.js';
import { canonicalHeader, REQUIRED_COLUMNS, TABLE_COLUMNS, TABLE_DATASET } from './columns.js';
import { problem } from './problems.js';
import type { Dataset, FileStats, LoadedExport } from './types.js';

/** Paths in the report are relative to the working directory, so reports do not depend on where a checkout lives. */
function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), path.resolve(p));
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

async function readJsonFile(b: ExportBuilder, f: SourceFile & { kind: 'json' | 'ndjson' }): Promise<void> {
  const file = displayPath(f.path);
  const stats = b.addFile({ file, format: f.kind, rowsRead: 0, rowsRejected: 0 });
  if ((await stat(f.path)).size === 0) return b.report(problem('empty-file', { file }));
  const events = f.kind === 'json' ? readJson(f.path) : readNdjson(f.path);
  for await (const ev of events) {
    const at = { file, line: ev.line, index: ev.index };
    if (ev.kind === 'value') {
      b.addJsonAkt(ev.value, at, stats);
    } else {
      // A broken NDJSON line is one lost row; a broken .json file loses an unknown number of akter.
      if (ev.line !== undefined) b.rejectRow(stats, 'invalid-json', at, { value: ev.message });
      else b.report(problem('invalid-json', at, { value: ev.message }));
    }
  }
}

async function readCsvFile(b: ExportBuilder, f: SourceFile & { kind: 'csv' }, datasets: ReadonlySet<Dataset>): Promise<void> {
  const file = displayPath(f.path);
  const stats: FileStats = b.addFile({ file, format: 'csv', table: f.table, rowsRead: 0, rowsRejected: 0 });
  let columns: (string | null)[] | undefined;
  for await (const ev of readCsv(f.path)) {
    const at = { file, line: ev.line };
    if (ev.kind === 'error') {
      // The broken record is one lost row; what follows it cannot be read reliably.
      b.rejectRow(stats, 'csv-syntax', at, { value: ev.message });
      break;
    }
    if (ev.kind === 'header') {
      columns = canonicalHeader(f.table, ev.fields);
      const missing = REQUIRED_COLUMNS[f.table].filter((c) => !columns!.includes(c));
      if (missing.length > 0) {
        throw new UserError(
          `${file}: no ${missing.join(', ')} column; found ${ev.fields.join(', ') || 'nothing'}; expected columns: ${TABLE_COLUMNS[f.table].join(', ')}`,
        );
      }
      ev.fields.forEach((h, i) => columns![i] === null && b.reportUnknownField(at, h));
      continue;
    }
    if (ev.fields.length !== columns!.length) {
      const caseId = ev.fields[columns!.indexOf('caseId')]?.trim() || undefined;
      b.rejectRow(stats, 'wrong-field-count', at, { caseId, value: `${ev.fields.length}/${columns!.length}` });
      continue;
    }
    const row: Record<string, string> = {};
    columns!.forEach((c, i) => {
      if (c !== null) row[c] = ev.fields[i]!;
    });
    if (f.table === 'cases') b.addCaseRow(row, at, stats, datasets);
    else if (f.table === 'plans') b.addPlanRow(row, at, stats);
    else if (f.table === 'subgoals') b.addSubGoalRow(row, at, stats);
    else b.addFollowUpRow(row, at, stats);
  }
  if (columns === undefined) b.report(problem('empty-file', { file }));
}

/** A file that exists but cannot be read (permissions, vanished) is the user's to fix, not a crash. */
async function unreadable(file: string, reading: Promise<void>): Promise<void> {
  try {
    await reading;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('E')) throw new UserError(`${file}: cannot read the file (${code}); check that it exists and is readable`);
    throw e;
  }
}

/**
 * Reads an export (directories and files, CSV and JSON mixed) into akter and data problems.
 * Akter come first (JSON files and cases.csv), then child tables in dependency order, so a child
 * row always finds its parent if the export has it.
 */
export async function readExport(paths: readonly string[]): Promise<LoadedExport> {
  const files = await discover(paths);
  const b = new ExportBuilder();
  const groups = new Map<string, Set<Dataset>>();
  for (const f of files) {
    if (f.kind !== 'csv') continue;
    const set = groups.get(f.group) ?? new Set<Dataset>();
    const ds = TABLE_DATASET[f.table];
    if (ds) set.add(ds);
    groups.set(f.group, set);
  }
  for (const f of files) {
    if (f.kind === 'ignored') b.report(problem('ignored-file', { file: displayPath(f.path) }));
    else if (f.kind === 'json' || f.kind === 'ndjson') await unreadable(f.path, readJsonFile(b, f));
  }
  const order: CsvTable[] = [...CSV_TABLES];
  for (const table of order) {
    for (const f of files) {
      if (f.kind === 'csv' && f.table === table) await unreadable(f.path, readCsvFile(b, f, groups.get(f.group)!));
    }
  }
  return b.finish();
}
