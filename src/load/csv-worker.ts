import { parentPort } from 'node:worker_threads';
import { readCsvChunks } from './csv.js';
import { RowPacker } from './csv-pack.js';
import type { StartMessage, WorkerMessage } from './csv-parallel.js';

/**
 * Parses CSV files on a second core. Rows go back in packed batches (integer arrays and one string
 * of the values not sent before, cheap to copy; see RowPacker), so this side also finds which
 * values repeat and the main thread checks each distinct value once; it checks the values and
 * joins the rows to akter meanwhile. (Checking values here as well was measured: it made the
 * worker the slower side.) The main thread sends a credit for each batch it has used, so this side
 * never runs more than a few batches ahead and memory stays bounded.
 */
const AHEAD = 4;

let credits = AHEAD;
let wake: (() => void) | undefined;
const port = parentPort!;

port.on('message', (m: { type: 'credit' } | StartMessage) => {
  if (m.type === 'credit') {
    credits++;
    wake?.();
    return;
  }
  void run(m.files).catch((e: Error) => port.postMessage({ type: 'failed', message: e.message, code: (e as NodeJS.ErrnoException).code } satisfies WorkerMessage));
});

async function send(message: WorkerMessage): Promise<void> {
  while (credits <= 0) await new Promise<void>((r) => (wake = r));
  credits--;
  port.postMessage(message);
}

async function run(files: StartMessage['files']): Promise<void> {
  for (let index = 0; index < files.length; index++) {
    const { path, overrides } = files[index]!;
    const packer = new RowPacker();
    for await (const ev of readCsvChunks(path, overrides)) {
      if (ev.kind === 'lines') {
        const packed = packer.packLines(ev);
        if (packed) await send({ type: 'events', index, events: [packed] });
      } else await send({ type: 'events', index, events: [ev.kind === 'rows' ? packer.pack(ev.rows) : ev] });
    }
    await send({ type: 'done', index });
  }
}
