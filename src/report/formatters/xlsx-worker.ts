import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { Book, type BookEnd, type BookStart, type Value } from './xlsx-book.js';

/**
 * The xlsx workbook written in a worker thread: laying out cells and rendering their XML costs
 * more than checking the akter, and the main thread is the run's critical path while the second
 * core idles. The protocol (xlsx.ts speaks the other side):
 * in: `{ rows }` (Akter rows, in order), then `{ end }` (the other sheets);
 * out: `{ chunk }` (bytes of the file, in order), `{ taken }` once a batch of rows is written and
 * compressed, `{ done }` when the file is complete, or `{ error }`.
 */
export type ToBook = { rows: Value[][] } | { end: BookEnd };
export type FromBook = { chunk: Uint8Array } | { taken: true } | { done: true } | { error: string };

const port = parentPort!;
const send = (m: FromBook) => port.postMessage(m);
const out = new Writable({
  write(chunk: Buffer, _enc, done) {
    send({ chunk: new Uint8Array(chunk) });
    done();
  },
});
const book = new Book(workerData as BookStart, out);
// Batches are handled one after another: a batch waits for the compressor before the next starts.
let queue: Promise<void> = Promise.resolve();
port.on('message', (m: ToBook) => {
  queue = queue
    .then(async () => {
      if ('rows' in m) {
        book.rows(m.rows);
        await book.settled();
        send({ taken: true });
      } else {
        await book.finish(m.end);
        send({ done: true });
        port.close();
      }
    })
    .catch((e: unknown) => send({ error: e instanceof Error ? e.message : String(e) }));
});
