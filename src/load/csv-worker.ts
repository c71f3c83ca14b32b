import { parentPort } from 'node:worker_threads';
import { readCsv, type CsvEvent, type ReadOverrides } from './csv.js';
import { packRows, type WorkerMessage } from './csv-pack.js';

/**
 * Parses CSV files on a second core. Rows go back in packed batches (one string and two integer
 * arrays each, cheap to copy); the main thread sends a credit for each batch it has used, so this
 * side never runs more than a few batches ahead and memory stays bounded.
 */
const BATCH = 2000;
const AHEAD = 4;

let credits = AHEAD;
let wake: (() => void) | undefined;
const port = parentPort!;

port.on('message', (m: { type: 'credit' } | { type: 'start'; files: { path: string; overrides: ReadOverrides }[] }) => {
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

async function run(files: { path: string; overrides: ReadOverrides }[]): Promise<void> {
  for (let index = 0; index < files.length; index++) {
    const { path, overrides } = files[index]!;
    let rows: Extract<CsvEvent, { kind: 'row' }>[] = [];
    const flush = async (): Promise<void> => {
      if (rows.length === 0) return;
      await send({ type: 'events', index, events: [packRows(rows)] });
      rows = [];
    };
    for await (const ev of readCsv(path, overrides)) {
      if (ev.kind === 'row') {
        rows.push(ev);
        if (rows.length >= BATCH) await flush();
        continue;
      }
      await flush();
      await send({ type: 'events', index, events: [ev] });
    }
    await flush();
    await send({ type: 'done', index });
  }
}
