import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// V8 lets the old space grow to several times what is alive before it collects; for a whole
// country that headroom is hundreds of megabytes of garbage from the phase before. Collecting
// between phases keeps the peak near what is alive. (Node's documented way to reach gc() without
// a command-line flag.) The flag is set back at once: V8 keys its code cache to the flags, and the
// command's cache (src/cli/command-script.ts) is made after a run.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;
setFlagsFromString('--no-expose-gc');

/**
 * Below this a heap is left to V8: a full collection would cost time and save little. (After
 * loading, 100,000 akter use about 80 MB of heap, 400,000 about 200 MB.)
 */
const LARGE_HEAP = 150 * 1024 * 1024;

/** A full collection between the phases of a large run. */
export function collectGarbage(): void {
  if (process.memoryUsage().heapUsed > LARGE_HEAP) gc?.();
}

/**
 * While `run` runs, each heap (this thread's and its workers') may grow to `factor` × what was
 * alive after its last full collection before the next, instead of V8's own factor. V8 takes up
 * to 4 × when its collections look cheap beside the allocation, which on a busy machine they do:
 * while NDJSON akter were rebuilt and stored at 400,000 akter, the main heap, some 80–140 MB alive,
 * grew to 336–371 MB between collections, and the process to 600–684 MB (docs/benchmarks.md,
 * session 13). A V8 flag read at every collection; set and cleared here only.
 */
export async function withHeapGrowth<T>(factor: number, run: () => Promise<T>): Promise<T> {
  setFlagsFromString(`--heap-growing-percent=${Math.round((factor - 1) * 100)}`);
  try {
    return await run();
  } finally {
    setFlagsFromString('--heap-growing-percent=0');
  }
}
