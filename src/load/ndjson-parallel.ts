import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors.js';
import type { JsonEvent } from './json.js';
import { JsonUnpacker, type PackedJson } from './json-pack.js';

// Beside this module in dist/src; beside the command in dist/bundle (scripts/bundle.mjs).
const WORKER = new URL('./ndjson-worker.js', import.meta.url);

/** What the worker sends: a file's events (its akter in packed batches), its end, or a failure. */
export type NdjsonPrefetchEvent = Exclude<JsonEvent, { kind: 'value' | 'values' }> | PackedJson;
export type NdjsonWorkerMessage = { type: 'events'; index: number; events: NdjsonPrefetchEvent[] } | { type: 'done'; index: number } | { type: 'failed'; message: string; code?: string };
export interface NdjsonStartMessage {
  type: 'start';
  files: { path: string; encoding: string | undefined }[];
}

/** Workers run the built JavaScript; from TypeScript sources (the unit tests) there is none, and one thread is used. */
export function canParseAhead(): boolean {
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

/**
 * NDJSON files read, decoded, cut into lines and parsed on a worker thread, in the order the main
 * thread will read them, while this one checks the akter and builds the store. The events are
 * exactly those readNdjson gives (values in batches), so the result is the same as on one thread.
 * The protocol is CsvPrefetch's (csv-parallel.ts): a credit back per message taken bounds memory.
 */
export class NdjsonPrefetch {
  private readonly worker: Worker;
  private readonly queue: NdjsonWorkerMessage[] = [];
  private waiting: (() => void) | undefined;
  private failure: string | undefined;
  private closed = false;

  /** `worker` is the thread's module; tests give one that fails. */
  constructor(
    private readonly files: NdjsonStartMessage['files'],
    worker: URL = WORKER,
  ) {
    this.worker = new Worker(worker);
    this.worker.on('message', (m: NdjsonWorkerMessage) => {
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
    this.worker.postMessage({ type: 'start', files } satisfies NdjsonStartMessage);
  }

  private failed(index: number): UserError {
    return new UserError('ndjson-thread-failed', { file: this.files[index]?.path ?? '', why: this.failure!.split('\n')[0]! });
  }

  private async next(index: number): Promise<NdjsonWorkerMessage> {
    while (this.queue.length === 0) {
      if (this.failure !== undefined) throw this.failed(index);
      await new Promise<void>((r) => (this.waiting = r));
      this.waiting = undefined;
    }
    return this.queue.shift()!;
  }

  /**
   * The events of file `index` as readNdjson gives them, but akter in batches (`values`); files
   * must be taken in order, each to its end.
   */
  async *events(index: number): AsyncGenerator<JsonEvent> {
    const unpacker = new JsonUnpacker();
    for (;;) {
      const m = await this.next(index);
      if (m.type === 'failed') {
        // A file that cannot be read is reported as such by the caller; anything else is the thread's failure.
        if (m.code?.startsWith('E')) throw Object.assign(new Error(m.message), { code: m.code });
        this.failure ??= m.message;
        throw this.failed(index);
      }
      if (m.index !== index) throw new Error(`NDJSON worker sent file ${m.index} while file ${index} was read`);
      // Every message the worker sent took one of its credits; each one taken here gives it back.
      this.worker.postMessage({ type: 'credit' });
      if (m.type === 'done') return;
      for (const ev of m.events) yield ev.kind === 'packed' ? { kind: 'values', lines: ev.lines, ...unpacker.unpack(ev) } : ev;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }
}
