import { parentPort } from 'node:worker_threads';
import { TextBytes, type CodedText } from './text-rows.js';
import type { FromWorker } from './worker-output.js';

/**
 * Unused since session 11 (text-rows.ts says why it stays). The akter of a text format put together as UTF-8 in a worker thread, so that the main
 * thread, the run's critical path, only numbers their pieces (text-rows.ts). The protocol
 * (text-out.ts and worker-output.ts speak the other side): in: `{ rows }` (coded akter, in order),
 * then `{ end }`; out (FromWorker): `{ chunk, taken }` (the bytes of one batch, in order), `{ done }`
 * after the last, or `{ error }`.
 */
export type ToText = { rows: CodedText[] } | { end: true };

const port = parentPort!;
const bytes = new TextBytes();
port.on('message', (m: ToText) => {
  try {
    if ('rows' in m) {
      for (const rows of m.rows) {
        const chunk = bytes.render(rows);
        port.postMessage({ chunk, taken: true } satisfies FromWorker, [chunk.buffer as ArrayBuffer]);
      }
    } else {
      port.postMessage({ done: true } satisfies FromWorker);
      port.close();
    }
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies FromWorker);
  }
});
