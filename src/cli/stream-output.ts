import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { UserError } from '../errors.js';
import { makeDirectory, realFile, track } from './output.js';

/**
 * An output written while the akter are checked: to stdout, or to a temporary file renamed into
 * place only when complete (as writeOutput does), so a failed run leaves no half-written report.
 */
export interface StreamOutput {
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
  /** Ends the output; `inputs` are the export's files, never to be overwritten. */
  commit(inputs: readonly string[]): Promise<void>;
  abort(): Promise<void>;
}

function failed(file: string, e: unknown): UserError {
  return new UserError('cannot-write', { file, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
}

export async function openStreamOutput(file: string | undefined): Promise<StreamOutput> {
  if (file === undefined) {
    return {
      stream: process.stdout,
      // Resolves once stdout has taken all: the summary line must not claim a report stdout refused
      // (a failed write is reported by the binary's stdout error handler, which exits 2).
      commit: () => new Promise<void>((resolve) => process.stdout.write('', (e) => !e && resolve())),
      abort: async () => undefined,
    };
  }
  await makeDirectory(path.dirname(file), '--output');
  const target = await realFile(file);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const tracked = track(tmp);
  // A megabyte may wait for the disk before the pass does (see buildReport's drain).
  const out: WriteStream = createWriteStream(tmp, { highWaterMark: 1 << 20 });
  let error: unknown;
  out.on('error', (e) => (error ??= e));
  await once(out, 'open').catch((e: unknown) => {
    throw failed(file, e);
  });
  const abort = async () => {
    out.destroy();
    await unlink(tmp).catch(() => undefined);
    tracked.settled();
  };
  return {
    stream: out,
    abort,
    async commit(inputs) {
      const real = await Promise.all(inputs.map(realFile));
      if (real.includes(target)) {
        await abort();
        throw new UserError('output-is-input', { file, flag: '--output' });
      }
      try {
        if (error) throw error;
        out.end();
        await once(out, 'finish');
        await rename(tmp, target);
        tracked.settled();
      } catch (e) {
        await abort();
        throw failed(file, e);
      }
    },
  };
}

/** Resolves when none of the outputs is full. */
export async function drained(outputs: readonly StreamOutput[]): Promise<void> {
  for (const o of outputs) if (o.stream.writableNeedDrain) await once(o.stream, 'drain');
}
