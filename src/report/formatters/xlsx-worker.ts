import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { Book, type BookEnd, type BookStart } from './xlsx-book.js';
import type { FromWorker } from './worker-output.js';
import type { CodedRows } from './xlsx-rows.js';

/**
 * The xlsx workbook written in a worker thread: rendering and zipping the XML of every akt's row
 * costs a fifth of checking the akter, and the main thread is the run's critical path while the
 * second core idles. The protocol (xlsx.ts and worker-output.ts speak the other side):
 * in: `{ rows }` (Akter rows, in order, coded: CodedRows), then `{ end }` (the other sheets);
 * out (FromWorker): `{ chunk }` (bytes of the file, in order), `{ taken }` once a batch of rows is
 * written and compressed, `{ done }` when the file is complete, or `{ error }`.
 */
export type ToBook = { rows: CodedRows } | { end: BookEnd };

const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);
// The zip writes many small pieces; they cross to the main thread a quarter megabyte at a time.
let held: Buffer[] = [];
let size = 0;
const pass = () => {
  if (size > 0) send({ chunk: Buffer.concat(held, size) });
  held = [];
  size = 0;
};
const out = new Writable({
  write(chunk: Buffer, _enc, done) {
    held.push(chunk);
    size += chunk.length;
    if (size >= 1 << 18) pass();
    done();
  },
  final(done) {
    pass();
    done();
  },
});
const start = workerData as BookStart;
const book = new Book(start, out);
// Batches are handled one after another: a batch waits for the compressor before the next starts.
let queue: Promise<void> = Promise.resolve();
port.on('message', (m: ToBook) => {
  queue = queue
    .then(async () => {
      if ('rows' in m) {
        book.coded(m.rows);
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
