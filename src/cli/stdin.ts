import { createWriteStream } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../errors.js';
import { makeTempDir, removeTempDir } from '../temp-dirs.js';
import { mapCases, mapListed } from '../report/case-list.js';
import type { CaseResult, Report } from '../report/types.js';

/** How the akter from stdin are named in reports: `-`, as the user wrote it. */
export const STDIN_NAME = '-';

export interface StdinExport {
  paths: string[];
  /** The report with the temporary file named `-` again. */
  rename(report: Report): Report;
  /** One akt with its origin named `-` again (for the formats written while the akter are checked). */
  renameCase(c: CaseResult): CaseResult;
  cleanup(): void;
}

/** JSON (one array or object) or NDJSON (one akt a line): the first line alone parses as JSON only in NDJSON. */
async function kind(file: string): Promise<'json' | 'ndjson'> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    if (text === '') throw new UserError('stdin-empty');
    if (text.startsWith('[')) return 'json';
    const first = text.split('\n', 1)[0]!;
    try {
      JSON.parse(first);
      return text.length > first.length && text.slice(first.length).trim() !== '' ? 'ndjson' : 'json';
    } catch {
      return 'json';
    }
  } finally {
    await fh.close();
  }
}

/**
 * `-` among the paths: stdin is copied to a private temporary file (the loader reads a file more than
 * once: to detect, to hash, to stream), read as JSON or NDJSON, and named `-` in the report.
 */
export async function withStdin(paths: readonly string[]): Promise<StdinExport | undefined> {
  if (!paths.includes(STDIN_NAME)) return undefined;
  if (process.stdin.isTTY) throw new UserError('stdin-terminal');
  const dir = makeTempDir('aktgranskning-stdin-');
  const cleanup = () => removeTempDir(dir);
  try {
    const raw = path.join(dir, 'stdin');
    await pipeline(process.stdin, createWriteStream(raw, { mode: 0o600 }));
    const file = path.join(dir, `stdin.${await kind(raw)}`);
    await rename(raw, file);
    // The loader names files relative to the working directory.
    const isStdin = (f: string) => path.resolve(f) === file;
    const named = (f: string) => (isStdin(f) ? STDIN_NAME : f);
    const renameCase = (c: CaseResult): CaseResult => (c.origin !== undefined && isStdin(c.origin.file) ? { ...c, origin: { ...c.origin, file: STDIN_NAME } } : c);
    return {
      paths: paths.map((p) => (p === STDIN_NAME ? file : p)),
      cleanup,
      renameCase,
      rename: (report) => ({
        ...report,
        input: { ...report.input, files: report.input.files.map((f) => ({ ...f, file: named(f.file) })) },
        dataProblems: report.dataProblems.map((p) => (isStdin(p.file) ? { ...p, file: STDIN_NAME } : p)),
        cases: mapCases(report.cases, renameCase),
        ...mapListed(report.listed, renameCase),
      }),
    };
  } catch (e) {
    cleanup();
    throw e;
  }
}
