import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EncodedBatch } from '../model/csv-batch.js';
import type { ExportMapping } from '../model/types.js';
import type { CsvBatchEvent, ReadOverrides } from './csv.js';
import type { PackedRows } from './csv-pack.js';
import type { CsvTable } from './discover.js';

const WORKER = new URL('./csv-worker.js', import.meta.url);

/** What the worker sends: a file's events (its rows encoded in batches), its end, or a failure. */
export type PrefetchEvent = Exclude<CsvBatchEvent, { kind: 'rows' }> | EncodedBatch | PackedRows;
export type WorkerMessage = { type: 'events'; index: number; events: PrefetchEvent[] } | { type: 'done'; index: number } | { type: 'failed'; message: string; code?: string };
export interface StartMessage {
  type: 'start';
  /** `encode`: the worker encodes the rows; otherwise it sends them as read. */
  files: { path: string; table: CsvTable; overrides: ReadOverrides; encode: boolean }[];
  mapping: ExportMapping | undefined;
}

/** Workers run the built JavaScript; from TypeScript sources (the unit tests) there is none, and one thread is used. */
export function canParallelise(): boolean {
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

/**
 * CSV files parsed and encoded ahead on a worker thread, in the order the main thread will read
 * them, so parsing and checking values (on one core) and joining rows to akter (on the other)
 * overlap. The rows are encoded with the same checks the main thread runs, so the result is the
 * same as reading on one thread.
 */
export class CsvPrefetch {
  private readonly worker: Worker;
  private readonly queue: WorkerMessage[] = [];
  private waiting: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(files: StartMessage['files'], mapping: ExportMapping | undefined) {
    this.worker = new Worker(WORKER);
    this.worker.on('message', (m: WorkerMessage) => {
      this.queue.push(m);
      this.waiting?.();
    });
    this.worker.on('error', (e) => {
      this.failure = e;
      this.waiting?.();
    });
    this.worker.postMessage({ type: 'start', files, mapping } satisfies StartMessage);
  }

  private async next(): Promise<WorkerMessage> {
    while (this.queue.length === 0) {
      if (this.failure) throw this.failure;
      await new Promise<void>((r) => (this.waiting = r));
      this.waiting = undefined;
    }
    return this.queue.shift()!;
  }

  /** The events of file `index`; files must be taken in order. */
  async *events(index: number): AsyncGenerator<PrefetchEvent> {
    for (;;) {
      const m = await this.next();
      if (m.type === 'failed') throw Object.assign(new Error(m.message), { code: m.code });
      if (m.index !== index) throw new Error(`CSV worker sent file ${m.index} while file ${index} was read`);
      // Every message the worker sent took one of its credits; each one taken here gives it back.
      this.worker.postMessage({ type: 'credit' });
      if (m.type === 'done') return;
      yield* m.events;
    }
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
