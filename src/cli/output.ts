import { createWriteStream, openSync, realpathSync, unlinkSync, type WriteStream } from 'node:fs';
import { mkdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Localized } from '../engine/types.js';
import { UserError } from '../errors.js';

/** A report as one string, or as pieces for one too large to hold as a string (400,000 akter). */
export type Output = string | Iterable<string>;

/** Temporary files being written: removed on every way out, signals included. */
const pending = new Set<string>();

/** What a signal or any other exit does before the process ends: removes every temporary file still being written. */
export function removePending(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already renamed or never created: nothing left to remove.
    }
  }
  pending.clear();
}

let guarded = false;

/**
 * For the CLI: Ctrl-C (SIGINT), SIGTERM and SIGHUP end the run with 128 + the signal's number, as a
 * shell reports it, after removing any half-written output file; so does any other exit.
 */
export function exitCleanlyOnSignals(): void {
  if (guarded) return;
  guarded = true;
  process.on('exit', removePending);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      removePending();
      process.exit(code);
    });
  }
}

async function writeAll(stream: Writable, content: Output): Promise<void> {
  for (const chunk of typeof content === 'string' ? [content] : content) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}

const errorCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Creates a directory and its missing parents. Node's own recursive mkdir spins forever where a
 * parent exists but refuses children (/proc/x), so the parents are made one by one, each once.
 */
export async function makeDirectory(dir: string, flag: string): Promise<void> {
  const fail = (why: string | Localized) => new UserError('cannot-create-directory', { dir, why, flag });
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    const info = await stat(at).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw fail(errorCode(e));
    });
    if (info) {
      if (!info.isDirectory()) {
        const name = path.relative(process.cwd(), at) || at;
        throw fail({ sv: `${name} är ingen katalog`, en: `${name} is not a directory` });
      }
      break;
    }
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing.reverse()) {
    await mkdir(d).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw fail(errorCode(e));
    });
  }
}

/** The file a path names once links are followed (the path itself if it does not exist yet). */
export async function realFile(file: string): Promise<string> {
  const full = path.resolve(file);
  try {
    return await realpath(full);
  } catch {
    // Not there yet: its directory may still be a link to the export.
    try {
      return path.join(realpathSync(path.dirname(full)), path.basename(full));
    } catch {
      return full;
    }
  }
}

/** Whether the file a path names (its real path: `realFile`) is one of `inputs`, however a path reaches it. */
export async function isInput(target: string, inputs: readonly string[]): Promise<boolean> {
  return (await Promise.all(inputs.map(realFile))).includes(target);
}

const cannotWrite = (file: string, e: unknown) => new UserError('cannot-write', { file, why: errorCode(e) });

/** An output file written whole or not at all: see `fileOutput`. */
export interface FileOutput {
  stream: WriteStream;
  /** Ends the file and renames it into place; on failure removes it and throws `cannot-write`. */
  commit(): Promise<void>;
  /** Removes the file (the run failed). */
  abort(): Promise<void>;
}

/**
 * Every output file is written to a temporary file beside `target` (its real path), renamed into
 * place once complete and removed on any other way out, signals included. The temporary file is
 * created synchronously, in the same step that records it for removal: a signal is handled between
 * two steps of the run, so it finds the file recorded and there, or not yet made. Opened on the
 * thread pool instead, it could be made after the handler had removed the recorded files, and stay.
 */
export function fileOutput(file: string, target: string, highWaterMark?: number): FileOutput {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (e) {
    throw cannotWrite(file, e);
  }
  pending.add(tmp);
  const stream = createWriteStream(tmp, { fd, ...(highWaterMark === undefined ? {} : { highWaterMark }) });
  let error: unknown;
  stream.on('error', (e) => (error ??= e));
  const abort = async () => {
    stream.destroy();
    await unlink(tmp).catch(() => undefined);
    pending.delete(tmp);
  };
  return {
    stream,
    abort,
    async commit() {
      try {
        if (error) throw error;
        stream.end();
        await once(stream, 'finish');
        await rename(tmp, target);
        pending.delete(tmp);
      } catch (e) {
        await abort();
        throw cannotWrite(file, e);
      }
    },
  };
}

/**
 * Writes to stdout, or to a file whole or not at all (`fileOutput`; missing parent directories are
 * made). Never over an input file, however the path reaches it.
 */
export async function writeOutput(file: string | undefined, content: Output, inputs: readonly string[] = [], flag = '--output'): Promise<void> {
  if (file === undefined) return writeAll(process.stdout, content);
  await makeDirectory(path.dirname(file), flag);
  const target = await realFile(file);
  if (await isInput(target, inputs)) throw new UserError('output-is-input', { file, flag });
  const out = fileOutput(file, target);
  const failed = once(out.stream, 'error').then(([e]) => Promise.reject(e as Error));
  try {
    await Promise.race([writeAll(out.stream, content), failed]);
  } catch (e) {
    await out.abort();
    throw cannotWrite(file, e);
  }
  await out.commit();
}
