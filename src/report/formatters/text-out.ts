import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CaseResult, Report } from '../types.js';
import type { CaseWriter, Out } from './stream.js';
import { TextCoder, TextJoiner, type CodedText } from './text-rows.js';
import type { FromText, ToText } from './text-worker.js';

/**
 * A batch is closed once its text has some 64,000 characters, or 512 akter: a longer string is
 * made in the heap's space for large objects, and sending such strings cost five times as much of
 * the main thread. GROUP batches cross in one message, as each message that wakes the worker cost
 * the main thread more than copying the batch did. IN_FLIGHT batches may wait for the worker.
 */
const TEXT = 1 << 16;
const BATCH = 512;
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
  return threads > 1 && worker.protocol === 'file:' && existsSync(fileURLToPath(worker)) ? workerSink(out, worker) : localSink(out);
}

function localSink(out: Out): TextSink {
  const joiner = new TextJoiner();
  return {
    rows: (coded) => void out.write(joiner.join(coded)),
    ready: () => undefined,
    finish: () => undefined,
  };
}

/** The main thread's side of the worker: sends coded akter, writes the bytes it gets back to the output. */
function workerSink(out: Out, url: URL): TextSink {
  const worker = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  let queued: CodedText[] = [];
  const send = () => {
    if (queued.length === 0) return;
    worker.postMessage({ rows: queued } satisfies ToText, queued.flatMap((c) => [c.ends.buffer as ArrayBuffer, c.cells.buffer as ArrayBuffer]));
    queued = [];
  };
  // Until the end is sent, the worker must not keep a failed run's process alive.
  worker.unref();
  let inFlight = 0;
  let complete = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let done: (() => void) | undefined;
  const fail = (e: Error) => {
    failure ??= e;
    wake?.();
    done?.();
  };
  worker.on('message', (m: FromText) => {
    if ('chunk' in m) {
      out.write(m.chunk);
      inFlight--;
      if (inFlight < IN_FLIGHT) wake?.();
    } else if ('done' in m) {
      complete = true;
      done?.();
    } else fail(new Error(`the text worker failed: ${m.error}`));
  });
  worker.on('error', fail);
  // A finished worker's last messages can come in the same turn as its 'exit' (see xlsx.ts).
  worker.on('exit', () => {
    if (!complete) fail(new Error('the text worker stopped before the output was complete'));
  });
  return {
    rows(coded) {
      inFlight++;
      queued.push(coded);
      if (queued.length >= GROUP) send();
    },
    ready() {
      if (failure) return Promise.reject(failure);
      if (inFlight < IN_FLIGHT) return undefined;
      send();
      return new Promise<void>((resolve) => (wake = resolve)).finally(() => (wake = undefined)).then(() => {
        if (failure) throw failure;
      });
    },
    async finish() {
      worker.ref();
      if (!failure) {
        const finished = new Promise<void>((resolve) => (done = resolve));
        send();
        worker.postMessage({ end: true } satisfies ToText);
        await finished;
      }
      const failed = failure;
      worker.removeAllListeners('exit');
      await worker.terminate();
      if (failed) throw failed;
    },
  };
}

/**
 * A writer whose akter are coded here and put together by `textSink`: `code` appends one akt's
 * pieces, `glue` are words numbered 0, 1, … (TextCoder), `tail` writes what follows the akter (to
 * the output itself, once every akt is written). The head must already be written.
 */
export function codedWriter(
  out: Out,
  threads: number | undefined,
  glue: readonly string[],
  code: (coder: TextCoder, c: CaseResult) => void,
  tail: (report: Report) => void | Promise<void>,
): CaseWriter {
  const coder = new TextCoder(glue);
  const sink = textSink(out, threads);
  let n = 0;
  return {
    add(c) {
      code(coder, c);
      if (++n === BATCH || coder.length >= TEXT) {
        sink.rows(coder.take());
        n = 0;
      }
    },
    ready: () => sink.ready(),
    finish(report) {
      if (n > 0) sink.rows(coder.take());
      n = 0;
      const written = sink.finish();
      return written ? written.then(() => tail(report)) : tail(report);
    },
  };
}
