import { parentPort } from 'node:worker_threads';
import { BatchEncoder } from '../model/csv-batch.js';
import type { ExportMapping } from '../model/types.js';
import { readCsvBatches } from './csv.js';
import type { StartMessage, WorkerMessage } from './csv-parallel.js';

/**
 * Parses CSV files on a second core and encodes their rows as the model stores them (value ids,
 * checked once per distinct value), so the main thread only has to join rows to akter. The main
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
    const { path, table, overrides } = files[index]!;
    const flush = async (): Promise<void> => {
      if (encoder.size > 0) await send({ type: 'events', index, events: [encoder.take()] });
    };
    for await (const ev of readCsvBatches(path, overrides)) {
      if (ev.kind === 'rows') {
        for (const row of ev.rows) encoder.add(row.line, row.fields);
        if (encoder.size >= BATCH) await flush();
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
