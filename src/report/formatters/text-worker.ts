import { parentPort } from 'node:worker_threads';
import { TextBytes, type CodedText } from './text-rows.js';

/**
 * The akter of csv put together as UTF-8 in a worker thread, so that the main
 * thread, the run's critical path, only numbers their pieces (text-rows.ts). The protocol
 * (text-out.ts speaks the other side): in: `{ rows }` (coded akter, in order), then `{ end }`;
 * out: `{ chunk }` (the bytes of one batch, in order; the batch is taken), `{ done }` after the
 * last, or `{ error }`.
 */
export type ToText = { rows: CodedText[] } | { end: true };
export type FromText = { chunk: Uint8Array } | { done: true } | { error: string };

const port = parentPort!;
const bytes = new TextBytes();
port.on('message', (m: ToText) => {
  try {
    if ('rows' in m) {
      for (const rows of m.rows) {
        const chunk = bytes.render(rows);
        port.postMessage({ chunk } satisfies FromText, [chunk.buffer as ArrayBuffer]);
      }
    } else {
      port.postMessage({ done: true } satisfies FromText);
      port.close();
    }
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies FromText);
  }
});
