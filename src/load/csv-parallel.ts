import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors.js';
import type { CsvBatchEvent, ReadOverrides } from './csv.js';
import type { PackedRows } from './csv-pack.js';

// Beside this module in dist/src; beside the command in dist/bundle (scripts/bundle.mjs).
const WORKER = new URL('./csv-worker.js', import.meta.url);

/** What the worker sends: a file's events (its rows in packed batches), its end, or a failure. */
export type PrefetchEvent = Exclude<CsvBatchEvent, { kind: 'rows' }> | PackedRows;
export type WorkerMessage = { type: 'events'; index: number; events: PrefetchEvent[] } | { type: 'done'; index: number } | { type: 'failed'; message: string; code?: string };
export interface StartMessage {
  type: 'start';
  files: { path: string; overrides: ReadOverrides }[];
}

/** Workers run the built JavaScript; from TypeScript sources (the unit tests) there is none, and one thread is used. */
export function canParallelise(): boolean {
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

/**
 * CSV files parsed ahead on a worker thread, in the order the main thread will read them, so
 * parsing (on one core) and checking values and joining rows to akter (on the other) overlap. The
 * events are exactly those readCsvBatches gives, so the result is the same as reading on one thread.
 */
export class CsvPrefetch {
  private readonly worker: Worker;
  private readonly queue: WorkerMessage[] = [];
  private waiting: (() => void) | undefined;
  private failure: string | undefined;
  private closed = false;

  /** `worker` is the thread's module; tests give one that fails. */
  constructor(
    private readonly files: StartMessage['files'],
    worker: URL = WORKER,
  ) {
    this.worker = new Worker(worker);
    this.worker.on('message', (m: WorkerMessage) => {
      this.queue.push(m);
      this.waiting?.();
    });
    // A thread that throws, or stops without saying why, must end the read, never leave it waiting.
    const fail = (why: string) => {
      this.failure ??= why;
      this.waiting?.();
    };
    this.worker.on('error', (e) => fail(e.message));
    this.worker.on('messageerror', (e) => fail(e.message));
    this.worker.on('exit', (code) => {
      if (!this.closed) fail(`it stopped with exit code ${code}`);
    });
    this.worker.postMessage({ type: 'start', files } satisfies StartMessage);
  }

  private failed(index: number): UserError {
    return new UserError('csv-thread-failed', { file: this.files[index]?.path ?? '', why: this.failure!.split('\n')[0]! });
  }

  private async next(index: number): Promise<WorkerMessage> {
    while (this.queue.length === 0) {
      if (this.failure !== undefined) throw this.failed(index);
      await new Promise<void>((r) => (this.waiting = r));
      this.waiting = undefined;
    }
    return this.queue.shift()!;
  }

  /** The events of file `index`; files must be taken in order. */
  async *events(index: number): AsyncGenerator<PrefetchEvent> {
    for (;;) {
      const m = await this.next(index);
      if (m.type === 'failed') {
        // A file that cannot be read is reported as such by the caller; anything else is the thread's failure.
        if (m.code?.startsWith('E')) throw Object.assign(new Error(m.message), { code: m.code });
        this.failure ??= m.message;
        throw this.failed(index);
      }
      if (m.index !== index) throw new Error(`CSV worker sent file ${m.index} while file ${index} was read`);
      // Every message the worker sent took one of its credits; each one taken here gives it back.
      this.worker.postMessage({ type: 'credit' });
      if (m.type === 'done') return;
      yield* m.events;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }
}
