import { once } from 'node:events';
import path from 'node:path';
import { UserError } from '../errors.js';
import { fileOutput, isInput, makeDirectory, realFile } from './output.js';

/**
 * An output written while the akter are checked: to stdout, or to a temporary file renamed into
 * place only when complete (`fileOutput`, as writeOutput does), so a failed run leaves no
 * half-written report.
 */
export interface StreamOutput {
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
  /** Ends the output; `inputs` are the export's files, never to be overwritten. */
  commit(inputs: readonly string[]): Promise<void>;
  abort(): Promise<void>;
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
  // A megabyte may wait for the disk before the pass does (see buildReport's drain).
  const out = fileOutput(file, target, 1 << 20);
  return {
    stream: out.stream,
    abort: out.abort,
    async commit(inputs) {
      // The inputs are known only once the export is read, after the pass that wrote the file.
      if (await isInput(target, inputs)) {
        await out.abort();
        throw new UserError('output-is-input', { file, flag: '--output' });
      }
      await out.commit();
    },
  };
}

/** Resolves when none of the outputs is full. */
export async function drained(outputs: readonly StreamOutput[]): Promise<void> {
  for (const o of outputs) if (o.stream.writableNeedDrain) await once(o.stream, 'drain');
}
