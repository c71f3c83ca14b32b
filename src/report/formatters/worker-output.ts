import { Worker, type Transferable } from 'node:worker_threads';
import type { Out } from './stream.js';

/**
 * What a report worker sends back (xlsx-worker.ts): bytes of the output, in order,
 * with `taken` once a batch it was sent is dealt with (alone, or with the batch's bytes), `done`
 * after the last bytes, or `error`.
 */
export type FromWorker = { chunk: Uint8Array; taken?: true } | { taken: true } | { done: true } | { error: string };

/** The main thread's side of a report worker: batches sent, bytes written to the output. */
export interface WorkerOutput<To> {
  /** One more batch on its way to the worker: it counts against the limit until the worker has taken it. */
  count(): void;
  post(message: To, transfer?: readonly Transferable[]): void;
  /** While `limit` batches wait, a promise of when another may be sent; rejects once the worker has failed. */
  ready(): Promise<void> | undefined;
  /** Sends `end`; resolves once the worker has said `done`, or rejects with why it did not. */
  finish(end: To): Promise<void>;
}

export interface WorkerOutputOptions {
  /** Names the worker in errors ("the xlsx worker …"), and what it writes ("… the workbook was complete"). */
  name: string;
  writes: string;
  /** Batches that may wait for the worker. */
  limit: number;
  workerData?: unknown;
  /** Sends batches held back, before the pass waits and before the end. */
  flush?: () => void;
}

export function workerOutput<To>(url: URL, out: Out, options: WorkerOutputOptions): WorkerOutput<To> {
  const { name, writes, limit, flush } = options;
  const worker = new Worker(url, { workerData: options.workerData, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  // Until the end is sent, the worker must not keep a failed run's process alive.
  worker.unref();
  let inFlight = 0;
  let complete = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let done: (() => void) | undefined;
  const fail = (e: Error) => {
    failure ??= e;
    wake?.();
    done?.();
  };
  worker.on('message', (m: FromWorker) => {
    if ('done' in m) {
      complete = true;
      done?.();
    } else if ('error' in m) fail(new Error(`the ${name} worker failed: ${m.error}`));
    else {
      if ('chunk' in m) out.write(m.chunk);
      if (m.taken && --inFlight < limit) wake?.();
    }
  });
  worker.on('error', fail);
  // A worker that has finished exits at once, and when this thread is busy its last messages are
  // handed over only then: in the same turn as 'exit', before `finish` has seen `done`. So `done`
  // marks the output complete at once, and 'exit' fails only an output that is not.
  worker.on('exit', () => {
    if (!complete) fail(new Error(`the ${name} worker stopped before ${writes} was complete`));
  });
  return {
    count: () => void inFlight++,
    post: (message, transfer) => worker.postMessage(message, transfer),
    ready() {
      if (failure) return Promise.reject(failure);
      if (inFlight < limit) return undefined;
      flush?.();
      return new Promise<void>((resolve) => (wake = resolve))
        .finally(() => (wake = undefined))
        .then(() => {
          if (failure) throw failure;
        });
    },
    async finish(end) {
      worker.ref();
      if (!failure) {
        const finished = new Promise<void>((resolve) => (done = resolve));
        flush?.();
        worker.postMessage(end);
        await finished;
      }
      const failed = failure;
      worker.removeAllListeners('exit');
      await worker.terminate();
      if (failed) throw failed;
    },
  };
}
