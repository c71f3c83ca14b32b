import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { readCsvBatches, type ReadOverrides } from '../load/csv.js';
import { canParallelise, CsvPrefetch, type PrefetchEvent } from '../load/csv-parallel.js';
import { RowUnpacker } from '../load/csv-pack.js';
import { delimiterName } from '../load/delimiter.js';
import { classify, customTables, discover, type SourceFile } from '../load/discover.js';
import { readJson, readNdjson, type JsonEvent } from '../load/json.js';
import { canParseAhead, NdjsonPrefetch } from '../load/ndjson-parallel.js';
import { hashFile } from '../load/text.js';
import { openArchive, type Archive } from '../load/zip.js';
import { ExportBuilder } from './build.js';
import { AKT_SHAPE, JsonRoom } from './json-akt.js';
import { CSV_TABLES, TABLE_DATASET } from '../model/datasets.js';
import { problem } from '../model/problems.js';
import { archiveLimits, bookBlocks, newBook, readBook, type Book, type CsvSource, type JsonSource, type Schedule, type Source } from './read-workbook.js';
import { rowsInFile, TableRows } from './table-rows.js';
import type { Dataset, FieldPath, FileStats, LoadedExport } from '../model/types.js';
import type { ReadOptions } from './options.js';
import { makeNormalize } from '../model/values.js';
import { withHeapGrowth } from '../memory.js';

/**
 * How far a heap may grow between full collections while NDJSON akter are read (see withHeapGrowth).
 * In the runs at 400,000 akter where much of the rebuilt akter reached the old generation, the
 * process peaked at 561 MB with 2 and at 509 MB with 1.5 (docs/benchmarks.md, session 13).
 */
const NDJSON_HEAP_GROWTH = 1.5;

/** Paths in the report are relative to the working directory, so reports do not depend on where a checkout lives. */
export function displayPath(p: string): string {
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

async function readJsonFile(b: ExportBuilder, f: JsonSource, opts: ReadOptions, prefetched?: AsyncIterable<JsonEvent>): Promise<FileStats> {
  const file = f.display;
  const stats = b.addFile({ file, format: f.kind, rowsRead: 0, rowsRejected: 0 });
  const encoding = opts.encoding ?? opts.mapping?.encoding;
  const events = prefetched ?? (f.kind === 'json' ? readJson(f.bytes, encoding) : readNdjson(f.bytes, encoding));
  const bytes = f.size ?? (await stat(f.bytes as string)).size;
  if (bytes === 0) {
    b.report(problem('empty-file', { file }));
    // The worker reads every file it was given: this one's events are taken, so the next file's follow.
    if (prefetched) for await (const _ of prefetched) void _;
    return stats;
  }
  if (opts.progress) opts.progress.files++;
  // Checked values per code, for this file's batches from the worker.
  const memo = {};
  const fieldOf = {};
  const room = new JsonRoom(
    (rows, chars) => rowsInFile(bytes, stats.encoding, rows, chars),
    (scope) => b.rows(scope),
    (scope, more) => b.reserve(scope, more),
  );
  for await (const ev of events) {
    if (ev.kind === 'values') {
      const { lines, values } = ev;
      room.batch(values, ev.chars);
      const packed = { codes: ev.codes, memo, slots: ev.slots, fieldOf };
      for (let i = 0; i < values.length; i++) b.addJsonAkt(values[i], { file, line: lines[i], index: undefined }, stats, packed);
      if (opts.progress) opts.progress.rows += values.length;
      continue;
    }
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
  f: CsvSource,
  datasets: Set<Dataset | FieldPath>,
  opts: ReadOptions,
  prefetched?: AsyncIterable<PrefetchEvent>,
): Promise<FileStats> {
  const stats: FileStats = b.addFile({ file: f.display, format: 'csv', table: f.table, rowsRead: 0, rowsRejected: 0 });
  const table = new TableRows(b, stats, f.table, datasets, opts, f.group);
  let text = true;
  const unpacker = new RowUnpacker();
  if (opts.progress) opts.progress.files++;
  for await (const ev of prefetched ?? readCsvBatches(f.bytes, csvOverrides(opts))) {
    if (ev.kind === 'rows') {
      table.rows(ev.rows);
      continue;
    }
    if (ev.kind === 'packed') {
      table.cells(unpacker.unpack(ev));
      continue;
    }
    const at = { file: f.display, line: 'line' in ev ? ev.line : undefined };
    if (ev.kind === 'format' || ev.kind === 'not-text' || ev.kind === 'end') {
      if (ev.kind === 'not-text') text = false;
      settle(b, stats, ev);
      if (ev.kind === 'format' && typeof f.bytes === 'string') table.sizeOfFile((await stat(f.bytes)).size, ev.encoding);
    } else if (ev.kind === 'error') {
      // An unclosed quote runs to the end of the file: that one broken record is rejected.
      b.rejectRow(stats, ev.code, at, { value: ev.message });
    } else {
      table.header(ev.line, ev.fields, { sv: `läst som ${stats.encoding}, avgränsare ${delimiterName(stats.delimiter ?? ',')}`, en: `read as ${stats.encoding}, delimiter ${delimiterName(stats.delimiter ?? ',')}` });
    }
  }
  if (!table.hasHeader && text) b.report(problem('empty-file', { file: f.display }));
  return stats;
}

function csvOverrides(opts: ReadOptions): ReadOverrides {
  return { encoding: opts.encoding ?? opts.mapping?.encoding, delimiter: opts.delimiter ?? opts.mapping?.delimiter };
}

/** A file that exists but cannot be read (permissions, vanished) is the user's to fix, not a crash. */
async function unreadable(f: Source, reading: Promise<FileStats>): Promise<void> {
  try {
    const stats = await reading;
    // Files not read to the end (binary, broken) are still named by their digest.
    stats.sha256 ??= await hashFile(f.bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('E')) throw new UserError('unreadable-file', { file: f.display, why: code });
    throw e;
  }
}

/**
 * Reads an export (directories and files; CSV, JSON, workbooks and zip archives of them, mixed)
 * into akter and data problems. Akter come first (JSON files, then every cases table), then child
 * tables in dependency order, so a child row always finds its parent if the export has it.
 */
export async function readExport(paths: readonly string[], opts: ReadOptions = {}): Promise<LoadedExport> {
  const files = await discover(paths, opts.mapping?.files);
  const b = new ExportBuilder({ normalize: makeNormalize(opts.mapping), asOf: opts.asOf });
  const archives: Archive[] = [];
  const sources: Source[] = [];
  try {
    for (const f of files) {
      if (f.kind === 'zip') sources.push(...(await expandArchive(b, f.path, opts, archives)));
      else sources.push(...fromDisk(b, f));
    }
    await readSources(b, sources, opts);
  } finally {
    for (const a of archives) a.close();
    for (const f of sources) if (f.kind === 'xlsx') f.archive?.close();
  }
  return b.finish();
}

function fromDisk(b: ExportBuilder, f: SourceFile): Source[] {
  const display = displayPath(f.path);
  if (f.kind === 'ignored' || f.kind === 'zip') {
    b.report(problem('ignored-file', { file: display }));
    return [];
  }
  if (f.kind === 'csv') return [{ kind: 'csv', display, bytes: f.path, table: f.table, group: f.group }];
  if (f.kind === 'xlsx') return [newBook(display, f.path, f.table, f.group)];
  return [{ kind: f.kind, display, bytes: f.path }];
}

/** The members of an archive as sources, read from it as they are needed; nothing is unpacked to disk. */
async function expandArchive(b: ExportBuilder, file: string, opts: ReadOptions, open: Archive[]): Promise<Source[]> {
  const display = displayPath(file);
  const archive = await openArchive(file, display, archiveLimits(opts));
  open.push(archive);
  b.addFile({ file: display, format: 'zip', sha256: await hashFile(file), rowsRead: 0, rowsRejected: 0 });
  const custom = customTables(opts.mapping?.files ?? {});
  const sources: Source[] = [];
  for (const m of archive.members) {
    // Clutter a Mac or an editor adds to an archive, as dot files are in a directory.
    if (m.name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX')) continue;
    const shown = `${display}!${m.name}`;
    const group = `${display}!${path.posix.dirname(m.name)}`;
    const f = classify(m.name, custom);
    if (f.kind === 'csv') sources.push({ kind: 'csv', display: shown, bytes: m.open, table: f.table, group });
    else if (f.kind === 'json' || f.kind === 'ndjson') sources.push({ kind: f.kind, display: shown, bytes: m.open, size: m.size });
    else if (f.kind === 'xlsx') sources.push(newBook(shown, m.open, f.table, group));
    // An archive inside an archive is not opened: its limits could not be kept.
    else b.report(problem('ignored-file', { file: shown }));
  }
  return sources;
}

/**
 * JSON and NDJSON files, in order. NDJSON files on disk are read and parsed on a second thread
 * while this one checks the akter (same events, same result); a .json file is one parse of the
 * whole text and stays here.
 */
async function readJsonSources(b: ExportBuilder, sources: Source[], opts: ReadOptions): Promise<void> {
  const json = sources.filter((f): f is JsonSource => f.kind === 'json' || f.kind === 'ndjson');
  const ahead = json.filter((f) => f.kind === 'ndjson' && typeof f.bytes === 'string');
  const encoding = opts.encoding ?? opts.mapping?.encoding;
  const prefetch = (opts.threads ?? 1) > 1 && ahead.length > 0 && canParseAhead() ? new NdjsonPrefetch(ahead.map((f) => ({ path: f.bytes as string, encoding }))) : undefined;
  const read = async () => {
    try {
      for (const f of json) {
        const i = ahead.indexOf(f);
        await unreadable(f, readJsonFile(b, f, opts, i >= 0 ? prefetch?.events(i, AKT_SHAPE) : undefined));
      }
    } finally {
      await prefetch?.close();
    }
  };
  // The akter rebuilt from NDJSON are garbage once stored, and much of it reaches the old generation.
  await (json.some((f) => f.kind === 'ndjson') ? withHeapGrowth(NDJSON_HEAP_GROWTH, read) : read());
}

/** Sources in dependency order: JSON first, then table by table; a workbook is read in as few passes as its sheets' order allows. */
async function readSources(b: ExportBuilder, sources: Source[], opts: ReadOptions): Promise<void> {
  const groups = new Map<string, Set<Dataset | FieldPath>>();
  const datasets = (group: string): Set<Dataset | FieldPath> => {
    let set = groups.get(group);
    if (!set) groups.set(group, (set = new Set()));
    return set;
  };
  const csv = CSV_TABLES.flatMap((table) => sources.filter((f): f is CsvSource => f.kind === 'csv' && f.table === table));
  const books = sources.filter((f): f is Book => f.kind === 'xlsx');
  for (const f of csv) {
    const ds = TABLE_DATASET[f.table];
    if (ds) datasets(f.group).add(ds);
  }
  await readJsonSources(b, sources, opts);
  // A second thread parses the tables on disk ahead while this one checks the values and builds
  // the akter; same rows, same result. It parses the first table too: this thread is the slower
  // one, and a table from the other comes with value codes, so each distinct value is checked once
  // (reading the first table here while the worker started up cost this thread more than it saved).
  // A lone table is read here: a thread started for it would not pay for itself.
  const onDisk = csv.filter((f) => typeof f.bytes === 'string');
  const ahead = onDisk.length > 1 ? onDisk : [];
  const prefetch = (opts.threads ?? 1) > 1 && ahead.length > 0 && canParallelise() ? new CsvPrefetch(ahead.map((f) => ({ path: f.bytes as string, overrides: csvOverrides(opts) }))) : undefined;
  const pending = new Set<CsvSource>(csv);
  const schedule: Schedule = {
    blocks: (table, except) => {
      const rank = CSV_TABLES.indexOf(table);
      for (const f of pending) if (CSV_TABLES.indexOf(f.table) < rank) return true;
      return books.some((book) => bookBlocks(book, rank, except));
    },
    datasets,
  };
  try {
    for (const table of CSV_TABLES) {
      for (const f of csv) {
        if (f.table !== table) continue;
        const i = ahead.indexOf(f);
        await unreadable(f, readCsvFile(b, f, datasets(f.group), opts, i >= 0 ? prefetch?.events(i) : undefined));
        pending.delete(f);
      }
      for (const book of books) if (!book.scanned || [...book.pending.values()].includes(table)) await readBook(b, book, schedule, opts);
    }
  } finally {
    await prefetch?.close();
  }
}
