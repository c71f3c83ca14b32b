import type { CsvBatchEvent, ReadOverrides } from './csv.js';
import type { PackedRows } from './csv-pack.js';
import { Prefetch, workerBuilt, type PrefetchMessage } from './prefetch.js';

// Beside this module in dist/src; beside the command in dist/bundle (scripts/bundle.mjs).
const WORKER = new URL('./csv-worker.js', import.meta.url);

/** What the worker sends: a file's events (its rows in packed batches), its end, or a failure. */
export type PrefetchEvent = Exclude<CsvBatchEvent, { kind: 'rows' }> | PackedRows;
export type WorkerMessage = PrefetchMessage<PrefetchEvent>;
export interface StartMessage {
  type: 'start';
  files: { path: string; overrides: ReadOverrides }[];
}

/** Workers run the built JavaScript; from TypeScript sources (the unit tests) there is none, and one thread is used. */
export function canParallelise(): boolean {
  return workerBuilt(WORKER);
}

/**
 * CSV files parsed ahead on a worker thread (Prefetch), so parsing and checking values and joining
 * rows to akter overlap. The events are exactly those readCsvBatches gives, so the result is the
 * same as reading on one thread.
 */
export class CsvPrefetch extends Prefetch<PrefetchEvent, StartMessage['files'][number]> {
  /** `worker` is the thread's module; tests give one that fails. */
  constructor(files: StartMessage['files'], worker: URL = WORKER) {
    super(files, worker, 'CSV', 'csv-thread-failed');
  }

  /** The events of file `index`; files must be taken in order. */
  async *events(index: number): AsyncGenerator<PrefetchEvent> {
    for await (const events of this.batches(index)) yield* events;
  }
}
