import type { JsonEvent } from './json.js';
import { JsonUnpacker, type JsonShape, type PackedJson } from './json-pack.js';
import { Prefetch, workerBuilt, type PrefetchMessage } from './prefetch.js';

// Beside this module in dist/src; beside the command in dist/bundle (scripts/bundle.mjs).
const WORKER = new URL('./ndjson-worker.js', import.meta.url);

/**
 * Akter made into objects at a time, at most, after a file's first batch. A batch of 250 made at
 * once lived until the last of them was stored: every scavenge of the main thread's young
 * generation meanwhile copied what it had made so far.
 */
const PIECE = 25;

/** What the worker sends: a file's events (its akter in packed batches), its end, or a failure. */
export type NdjsonPrefetchEvent = Exclude<JsonEvent, { kind: 'value' | 'values' }> | PackedJson;
export type NdjsonWorkerMessage = PrefetchMessage<NdjsonPrefetchEvent>;
export interface NdjsonStartMessage {
  type: 'start';
  files: { path: string; encoding: string | undefined }[];
}

/** Workers run the built JavaScript; from TypeScript sources (the unit tests) there is none, and one thread is used. */
export function canParseAhead(): boolean {
  return workerBuilt(WORKER);
}

/**
 * NDJSON files read, decoded, cut into lines and parsed on a worker thread (Prefetch), while this
 * one checks the akter and builds the store. The events are exactly those readNdjson gives (values
 * in batches), so the result is the same as on one thread.
 */
export class NdjsonPrefetch extends Prefetch<NdjsonPrefetchEvent, NdjsonStartMessage['files'][number]> {
  /** `worker` is the thread's module; tests give one that fails. */
  constructor(files: NdjsonStartMessage['files'], worker: URL = WORKER) {
    super(files, worker, 'NDJSON', 'ndjson-thread-failed');
  }

  /**
   * The events of file `index` as readNdjson gives them, but akter in batches (`values`), their
   * tagged objects cut to `shape` (JsonShape); files must be taken in order, each to its end.
   */
  async *events(index: number, shape?: JsonShape): AsyncGenerator<JsonEvent> {
    const unpacker = new JsonUnpacker(shape);
    let first = true;
    for await (const events of this.batches(index)) {
      for (const ev of events) {
        if (ev.kind !== 'packed') {
          yield ev;
          continue;
        }
        // The file's first batch whole: the store's room for the file is estimated from it (JsonRoom).
        const piece = first ? ev.lines.length : PIECE;
        first = false;
        unpacker.begin(ev);
        const n = ev.lines.length;
        // The batch's characters with its first piece: the room is looked at again before the batch is stored, as before.
        for (let i = 0; i < n; i += piece) yield { kind: 'values', lines: ev.lines.subarray(i, Math.min(i + piece, n)), chars: i === 0 ? ev.chars : 0, ...unpacker.some(piece) };
      }
    }
  }
}
