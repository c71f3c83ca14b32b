import { workerBuilt } from '../../load/prefetch.js';
import type { Out } from './stream.js';
import { TextJoiner, type CodedText } from './text-rows.js';
import type { ToText } from './text-worker.js';
import { workerOutput } from './worker-output.js';

/**
 * Unused since session 11 (text-rows.ts says why it stays). GROUP batches crossed in one message,
 * as each message that wakes the worker cost the main thread more than copying the batch did.
 * IN_FLIGHT batches may wait for the worker.
 */
const GROUP = 8;
const IN_FLIGHT = 32;

/** Where coded akter become text: the other side of the text worker, or this thread. */
export interface TextSink {
  rows(coded: CodedText): void;
  /** While enough batches wait, a promise of when another may be sent; rejects once the worker has failed. */
  ready(): Promise<void> | undefined;
  /** Resolves when every batch is written to the output (undefined: already written). */
  finish(): Promise<void> | undefined;
}

export const TEXT_WORKER = new URL('./text-worker.js', import.meta.url);

/**
 * On a worker thread unless the run keeps to one thread (--threads 1), as the xlsx workbook: the
 * worker runs the built JavaScript; from the TypeScript sources (unit tests) there is none, and the
 * text is put together on this thread. Either way the bytes are the same (test/text-out.test.ts).
 */
export function textSink(out: Out, threads = Infinity, worker: URL = TEXT_WORKER): TextSink {
  return threads > 1 && workerBuilt(worker) ? workerSink(out, worker) : localSink(out);
}

function localSink(out: Out): TextSink {
  const joiner = new TextJoiner();
  return {
    rows: (coded) => void out.write(joiner.join(coded)),
    ready: () => undefined,
    finish: () => undefined,
  };
}

/** The main thread's side of the worker: sends coded akter, GROUP batches a message. */
function workerSink(out: Out, url: URL): TextSink {
  let queued: CodedText[] = [];
  const send = () => {
    if (queued.length === 0) return;
    output.post({ rows: queued } satisfies ToText, queued.flatMap((c) => [c.ends.buffer as ArrayBuffer, c.cells.buffer as ArrayBuffer]));
    queued = [];
  };
  const output = workerOutput<ToText>(url, out, { name: 'text', writes: 'the output', limit: IN_FLIGHT, flush: send });
  return {
    rows(coded) {
      output.count();
      queued.push(coded);
      if (queued.length >= GROUP) send();
    },
    ready: () => output.ready(),
    finish: () => output.finish({ end: true }),
  };
}
