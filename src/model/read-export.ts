import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { readCsvBatches, type ReadOverrides } from '../load/csv.js';
import { canParallelise, CsvPrefetch, type PrefetchEvent } from '../load/csv-parallel.js';
import { unpackRows } from '../load/csv-pack.js';
import { delimiterName } from '../load/delimiter.js';
import { CSV_TABLES, discover, type SourceFile } from '../load/discover.js';
import { readJson, readNdjson } from '../load/json.js';
import { hashFile } from '../load/text.js';
import { ExportBuilder } from './build.js';
import { csvLayout, type CsvLayout } from './csv-layout.js';
import { canonicalHeader, requiredColumns, TABLE_COLUMNS, TABLE_DATASET } from './columns.js';
import { problem, type Location } from './problems.js';
import type { Dataset, FileStats, LoadedExport, ReadOptions } from './types.js';
import { makeNormalize } from './values.js';

/** Paths in the report are relative to the working directory, so reports do not depend on where a checkout lives. */
function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), path.resolve(p));
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

type Settled = { kind: 'format'; encoding: string; delimiter?: string } | { kind: 'not-text' } | { kind: 'end'; sha256: string; undecodable: number };

/** The events every reader shares: how the file was read, and what its bytes were. */
function settle(b: ExportBuilder, stats: FileStats, ev: Settled): void {
  if (ev.kind === 'format') {
    stats.encoding = ev.encoding;
    if (ev.delimiter !== undefined) stats.delimiter = ev.delimiter;
  } else if (ev.kind === 'not-text') {
    b.report(problem('not-text', { file: stats.file }));
  } else {
    stats.sha256 = ev.sha256;
    if (ev.undecodable > 0) b.report(problem('undecodable-text', { file: stats.file }, { value: `${ev.undecodable} × ${stats.encoding}` }));
  }
}

async function readJsonFile(b: ExportBuilder, f: SourceFile & { kind: 'json' | 'ndjson' }, opts: ReadOptions): Promise<FileStats> {
  const file = displayPath(f.path);
  const stats = b.addFile({ file, format: f.kind, rowsRead: 0, rowsRejected: 0 });
  const encoding = opts.encoding ?? opts.mapping?.encoding;
  const events = f.kind === 'json' ? readJson(f.path, encoding) : readNdjson(f.path, encoding);
  if ((await stat(f.path)).size === 0) {
    b.report(problem('empty-file', { file }));
    return stats;
  }
  if (opts.progress) opts.progress.files++;
  for await (const ev of events) {
    if (opts.progress && ev.kind === 'value') opts.progress.rows++;
    const at = { file, line: ev.kind === 'value' || ev.kind === 'error' ? ev.line : undefined, index: ev.kind === 'value' || ev.kind === 'error' ? ev.index : undefined };
    if (ev.kind === 'value') {
      b.addJsonAkt(ev.value, at, stats);
    } else if (ev.kind === 'error') {
      // A broken NDJSON line (or an akt nested too deep) is one lost row; a broken .json file loses an unknown number of akter.
      if (ev.line !== undefined || ev.index !== undefined) b.rejectRow(stats, 'invalid-json', at, { value: ev.message });
      else b.report(problem('invalid-json', at, { value: ev.message }));
    } else {
      settle(b, stats, ev);
    }
  }
  return stats;
}

async function readCsvFile(
  b: ExportBuilder,
  f: SourceFile & { kind: 'csv' },
  datasets: ReadonlySet<Dataset>,
  opts: ReadOptions,
  prefetched?: AsyncIterable<PrefetchEvent>,
): Promise<FileStats> {
  const file = displayPath(f.path);
  const stats: FileStats = b.addFile({ file, format: 'csv', table: f.table, rowsRead: 0, rowsRejected: 0 });
  let columns: (string | null)[] | undefined;
  let layout: CsvLayout | undefined;
  let text = true;
  if (opts.progress) opts.progress.files++;
  const wrongCount = (fields: readonly string[], at: Location): void => {
    const caseId = fields[columns!.indexOf('caseId')]?.trim() || undefined;
    b.rejectRow(stats, 'wrong-field-count', at, { caseId, value: `${fields.length}/${columns!.length}` });
  };
  for await (const ev of prefetched ?? readCsvBatches(f.path, csvOverrides(opts))) {
    if (ev.kind === 'rows' || ev.kind === 'packed') {
      const rows = ev.kind === 'packed' ? unpackRows(ev) : ev.rows;
      if (opts.progress) opts.progress.rows += rows.length;
      for (const row of rows) {
        const at = { file, line: row.line };
        if (row.fields.length !== columns!.length) wrongCount(row.fields, at);
        else b.addCsvRow(layout!, row.fields, at, stats, datasets, f.group);
      }
      continue;
    }
    const at = { file, line: 'line' in ev ? ev.line : undefined };
    if (ev.kind === 'format' || ev.kind === 'not-text' || ev.kind === 'end') {
      if (ev.kind === 'not-text') text = false;
      settle(b, stats, ev);
    } else if (ev.kind === 'error') {
      // An unclosed quote runs to the end of the file: that one broken record is rejected.
      b.rejectRow(stats, ev.code, at, { value: ev.message });
    } else {
      const match = canonicalHeader(f.table, ev.fields, opts.mapping?.columns?.[f.table]);
      columns = match.columns;
      const missing = requiredColumns(f.table).filter((c) => !columns!.includes(c));
      if (missing.length > 0) {
        throw new UserError(
          `${file}: no ${missing.join(', ')} column; found ${ev.fields.join(', ') || 'nothing'} (read as ${stats.encoding}, delimiter ${delimiterName(stats.delimiter ?? ',')}); expected columns: ${TABLE_COLUMNS[f.table].join(', ')} or their Swedish names; name others in a mapping (aktgranskning init)`,
        );
      }
      layout = csvLayout(f.table, columns);
      for (const h of match.unknown) b.reportUnknownField(at, h);
      for (const h of match.duplicate) b.report(problem('duplicate-column', at, { field: h }));
    }
  }
  if (columns === undefined && text) b.report(problem('empty-file', { file }));
  return stats;
}

function csvOverrides(opts: ReadOptions): ReadOverrides {
  return { encoding: opts.encoding ?? opts.mapping?.encoding, delimiter: opts.delimiter ?? opts.mapping?.delimiter };
}

/** A file that exists but cannot be read (permissions, vanished) is the user's to fix, not a crash. */
async function unreadable(file: string, reading: Promise<FileStats>): Promise<void> {
  try {
    const stats = await reading;
    // Files not read to the end (binary, broken) are still named by their digest.
    stats.sha256 ??= await hashFile(file);
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
export async function readExport(paths: readonly string[], opts: ReadOptions = {}): Promise<LoadedExport> {
  const files = await discover(paths, opts.mapping?.files);
  const b = new ExportBuilder({ normalize: makeNormalize(opts.mapping), asOf: opts.asOf });
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
    else if (f.kind === 'json' || f.kind === 'ndjson') await unreadable(f.path, readJsonFile(b, f, opts));
  }
  const csv = CSV_TABLES.flatMap((table) => files.filter((f): f is SourceFile & { kind: 'csv' } => f.kind === 'csv' && f.table === table));
  // A second thread parses the tables ahead while this one checks the values and builds the akter;
  // same rows, same result. This thread reads the first table itself while the worker starts up.
  const prefetch = (opts.threads ?? 1) > 1 && csv.length > 1 && canParallelise() ? new CsvPrefetch(csv.slice(1).map((f) => ({ path: f.path, overrides: csvOverrides(opts) }))) : undefined;
  try {
    for (const [i, f] of csv.entries()) await unreadable(f.path, readCsvFile(b, f, groups.get(f.group)!, opts, i > 0 ? prefetch?.events(i - 1) : undefined));
  } finally {
    await prefetch?.close();
  }
  return b.finish();
}
