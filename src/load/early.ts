import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The loading thread (CSV or NDJSON), started while the command itself is still loading. A worker thread takes
 * some 0.1 s to start (a heap and Node's start-up of its own), and the main thread used to wait that
 * long for the first batch of every CSV export; started from bin/aktgranskning.js before the
 * command's bundle is read, the thread is ready by the time the export's files are known
 * (docs/benchmarks.md, session 11). bin/aktgranskning.js and the bundle each hold a copy of this
 * module, so the thread waits in a global slot.
 */
const SLOT = Symbol.for('aktgranskning.early-worker');
interface Early {
  href: string;
  worker: Worker;
  gone: boolean;
}
type Global = typeof globalThis & { [SLOT]?: Early };

/** Commands that read an export, and so parse its CSV tables on a second thread. */
const READERS = new Set(['check', 'validate', 'sample']);

/** Whether a command line will read an export with two threads (a guess: a wrong one costs an idle thread). */
export function readsOnTwoThreads(argv: readonly string[]): boolean {
  if (!READERS.has(argv[2] ?? '') || availableParallelism() < 2) return false;
  return !argv.some((a, i) => a === '--threads=1' || (a === '--threads' && argv[i + 1] === '1'));
}

const NDJSON = new Set(['.ndjson', '.jsonl']);

/**
 * Whether the export named on a command line has NDJSON files: a path that is one, or a directory
 * that holds one. They are read before any CSV table, so their thread is the one the command takes
 * first. A guess from the arguments as they stand (an option's value is looked at like a path):
 * a wrong one costs an idle thread, and the right thread is started when it is needed.
 */
export function readsNdjson(argv: readonly string[]): boolean {
  for (const a of argv.slice(3)) {
    if (a.startsWith('-')) continue;
    if (NDJSON.has(path.extname(a).toLowerCase())) return true;
    let names: string[];
    try {
      names = readdirSync(a);
    } catch {
      continue;
    }
    if (names.some((n) => NDJSON.has(path.extname(n).toLowerCase()))) return true;
  }
  return false;
}

/**
 * Starts the loading thread `argv`'s command takes first, if it will read an export on two
 * threads: the CSV thread `csvWorker`, or the NDJSON thread, which is built beside it (in
 * dist/src/load and in dist/bundle/cli alike).
 */
export function startEarly(argv: readonly string[], csvWorker: URL): void {
  if (!readsOnTwoThreads(argv)) return;
  const worker = readsNdjson(argv) ? new URL('./ndjson-worker.js', csvWorker) : csvWorker;
  const early: Early = { href: worker.href, worker: new Worker(worker), gone: false };
  // Until it is taken it neither keeps the process alive nor, failing, brings it down.
  early.worker.unref();
  const gone = () => void (early.gone = true);
  early.worker.on('error', gone).on('exit', gone);
  (globalThis as Global)[SLOT] = early;
}

/** The thread started early for `worker`, if there is one and it still runs; from then on the caller's. */
export function takeEarly(worker: URL): Worker | undefined {
  const early = (globalThis as Global)[SLOT];
  if (early === undefined || early.gone || early.href !== worker.href) return undefined;
  delete (globalThis as Global)[SLOT];
  early.worker.ref();
  return early.worker;
}
