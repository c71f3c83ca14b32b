import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { takeEarly } from './early.js';

/** What a loading worker sends: a file's events in batches, its end, or a failure. */
export type PrefetchMessage<E> = { type: 'events'; index: number; events: E[] } | { type: 'done'; index: number } | { type: 'failed'; message: string; code?: string };

/** Workers run the built JavaScript; from TypeScript sources (the unit tests) there is none, and one thread is used. */
export function workerBuilt(worker: URL): boolean {
  return worker.protocol === 'file:' && existsSync(fileURLToPath(worker));
}

/**
 * Files read ahead on a worker thread, in the order the main thread will take them, so reading and
 * parsing (on one core) and checking values and building the store (on the other) overlap. The
 * worker (serveFiles) sends a bounded number of messages ahead: it spends a credit on each, and
 * each message taken here gives one back. CsvPrefetch and NdjsonPrefetch say what the events are.
 */
export class Prefetch<E, F extends { path: string }> {
  private readonly worker: Worker;
  private readonly queue: PrefetchMessage<E>[] = [];
  private waiting: (() => void) | undefined;
  private failure: string | undefined;
  private closed = false;

  /** `layout` names the format in messages; `error` is the one line a failed thread gives. */
  constructor(
    private readonly files: F[],
    worker: URL,
    private readonly layout: string,
    private readonly error: 'csv-thread-failed' | 'ndjson-thread-failed',
  ) {
    this.worker = takeEarly(worker) ?? new Worker(worker);
    this.worker.on('message', (m: PrefetchMessage<E>) => {
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
    this.worker.postMessage({ type: 'start', files });
  }

  private failed(index: number): UserError {
    // Whole: the CLI masks it, then folds it to one line; a first line cut here could keep half of a number broken over two.
    return new UserError(this.error, { file: this.files[index]?.path ?? '', why: this.failure! });
  }

  private async next(index: number): Promise<PrefetchMessage<E>> {
    while (this.queue.length === 0) {
      if (this.failure !== undefined) throw this.failed(index);
      await new Promise<void>((r) => (this.waiting = r));
      this.waiting = undefined;
    }
    return this.queue.shift()!;
  }

  /** The batches of events of file `index`, as the worker sent them; files must be taken in order. */
  protected async *batches(index: number): AsyncGenerator<E[]> {
    for (;;) {
      const m = await this.next(index);
      if (m.type === 'failed') {
        // A file that cannot be read is reported as such by the caller; anything else is the thread's failure.
        if (m.code?.startsWith('E')) throw Object.assign(new Error(m.message), { code: m.code });
        this.failure ??= m.message;
        throw this.failed(index);
      }
      if (m.index !== index) throw new Error(`${this.layout} worker sent file ${m.index} while file ${index} was read`);
      // Every message the worker sent took one of its credits; each one taken here gives it back.
      this.worker.postMessage({ type: 'credit' });
      if (m.type === 'done') return;
      yield m.events;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }
}
