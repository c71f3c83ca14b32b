import { parentPort } from 'node:worker_threads';
import { BatchEncoder } from '../model/csv-batch.js';
import type { ExportMapping } from '../model/types.js';
import { readCsvBatches, type CsvRow } from './csv.js';
import { packRows } from './csv-pack.js';
import type { StartMessage, WorkerMessage } from './csv-parallel.js';

/**
 * Parses CSV files on a second core. The rows of the files marked `encode` are encoded as the
 * model stores them (value ids, checked once per distinct value), so the main thread only has to
 * join them to akter; the others are sent as read, and the main thread checks them itself while
 * this side parses on. That splits the work about evenly between the two cores. The main
 * thread sends a credit for each batch it has used, so this side never runs more than a few
 * batches ahead and memory stays bounded.
 */
const BATCH = 2000;
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
  void run(m.files, m.mapping).catch((e: Error) => port.postMessage({ type: 'failed', message: e.message, code: (e as NodeJS.ErrnoException).code } satisfies WorkerMessage));
});

async function send(message: WorkerMessage): Promise<void> {
  while (credits <= 0) await new Promise<void>((r) => (wake = r));
  credits--;
  port.postMessage(message);
}

async function run(files: StartMessage['files'], mapping: ExportMapping | undefined): Promise<void> {
  const encoder = new BatchEncoder(mapping);
  for (let index = 0; index < files.length; index++) {
    const { path, table, overrides, encode } = files[index]!;
    let raw: CsvRow[] = [];
    const flush = async (): Promise<void> => {
      if (encoder.size > 0) await send({ type: 'events', index, events: [encoder.take()] });
      if (raw.length > 0) await send({ type: 'events', index, events: [packRows(raw)] });
      raw = [];
    };
    for await (const ev of readCsvBatches(path, overrides)) {
      if (ev.kind === 'rows') {
        if (encode) for (const row of ev.rows) encoder.add(row.line, row.fields);
        else raw.push(...ev.rows);
        if (encoder.size >= BATCH || raw.length >= BATCH) await flush();
        continue;
      }
      await flush();
      if (ev.kind === 'header') encoder.header(table, ev.fields);
      await send({ type: 'events', index, events: [ev] });
    }
    await flush();
    await send({ type: 'done', index });
  }
}
