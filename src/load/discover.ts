import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { fold } from '../fold.js';
import { CSV_TABLES, type CsvTable } from '../model/datasets.js';

export type SourceFile =
  | { kind: 'csv'; path: string; table: CsvTable; group: string }
  | { kind: 'json' | 'ndjson'; path: string }
  /** A workbook: each sheet a table; `table` is the workbook's own, from its name, for sheets not named as one. */
  | { kind: 'xlsx'; path: string; table?: CsvTable; group: string }
  | { kind: 'zip'; path: string }
  | { kind: 'ignored'; path: string };

/** File (and sheet) names (without extension, folded) of each CSV table, canonical and Swedish. */
// A Map, so that a file named constructor.csv or __proto__.csv finds nothing on a prototype.
export const TABLE_NAMES = new Map<string, CsvTable>([
  ['cases', 'cases'], ['akter', 'cases'], ['arenden', 'cases'],
  ['plans', 'plans'], ['arbetsplaner', 'plans'],
  ['subgoals', 'subgoals'], ['delmal', 'subgoals'],
  ['followups', 'followups'], ['uppfoljningar', 'followups'],
  ['investigations', 'investigations'], ['utredningar', 'investigations'], ['grundutredningar', 'investigations'],
  ['consents', 'consents'], ['samtycken', 'consents'],
  ['jobcenter', 'jobcenter'], ['jobbtorg', 'jobcenter'],
  ['placements', 'placements'], ['anvisningar', 'placements'], ['placeringar', 'placements'],
]);

/** A mapping's file names: the file's own name (any extension) → its table, or null to leave it out. */
export type FileTables = Readonly<Record<string, CsvTable | null>>;

export const fileKey = (name: string): string => name.normalize('NFC').toLowerCase();

export function classify(file: string, custom: ReadonlyMap<string, CsvTable | null>): SourceFile {
  const name = path.basename(file);
  const mapped = custom.get(fileKey(name));
  if (mapped === null) return { kind: 'ignored', path: file };
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return { kind: 'xlsx', path: file, table: mapped ?? TABLE_NAMES.get(fold(path.basename(file, ext))), group: path.dirname(file) };
  if (ext === '.zip') return { kind: 'zip', path: file };
  if (mapped !== undefined) return { kind: 'csv', path: file, table: mapped, group: path.dirname(file) };
  if (ext === '.json') return { kind: 'json', path: file };
  if (ext === '.ndjson' || ext === '.jsonl') return { kind: 'ndjson', path: file };
  const table = TABLE_NAMES.get(fold(path.basename(file, path.extname(file))));
  if (ext === '.csv' && table) return { kind: 'csv', path: file, table, group: path.dirname(file) };
  return { kind: 'ignored', path: file };
}

/** Returns files to classify; a linked directory is listed (and later reported as ignored) rather than followed, so a link loop cannot hang the walk. */
async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    // Dot files are editor and OS clutter (.DS_Store, .~lock), never part of an export.
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    // A name that is not valid UTF-8 comes back changed and cannot be opened: it is listed (and
    // reported as ignored), not a reason to lose the whole export.
    if (e.isDirectory()) await walk(full, out).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? out.push(full) : Promise.reject(err)));
    // Everything else is listed too: what is not a regular file (FIFO, socket, device) is named as ignored, never read.
    else out.push(full);
  }
}

export const customTables = (fileTables: FileTables): Map<string, CsvTable | null> => new Map(Object.entries(fileTables).map(([k, v]) => [fileKey(k), v]));

/** Resolves the user's paths into the files of one export, in a stable order. */
export async function discover(paths: readonly string[], fileTables: FileTables = {}): Promise<SourceFile[]> {
  const custom = customTables(fileTables);
  const files: SourceFile[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => {
      throw new UserError('no-such-path', { path: p });
    });
    if (!info.isDirectory() && !info.isFile()) {
      throw new UserError('not-regular-file', { path: p });
    }
    if (info.isDirectory()) {
      const found: string[] = [];
      await walk(p, found).catch((e: NodeJS.ErrnoException) => {
        throw new UserError('unreadable-directory', { path: p, why: e.code ?? e.message });
      });
      for (const file of found) {
        const target = await stat(file).catch(() => undefined);
        files.push(target?.isFile() ? classify(file, custom) : { kind: 'ignored', path: file });
      }
    } else {
      const f = classify(p, custom);
      if (f.kind === 'ignored') {
        throw new UserError('not-export-file', { path: p, tables: CSV_TABLES.map((t) => `${t}.csv`).join(', ') });
      }
      files.push(f);
    }
  }
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = path.resolve(f.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
