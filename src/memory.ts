import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// V8 lets the old space grow to several times what is alive before it collects; for a whole
// country that headroom is hundreds of megabytes of garbage from the phase before. Collecting
// between phases keeps the peak near what is alive. (Node's documented way to reach gc() without
// a command-line flag.)
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

/** A full collection, between the phases of a large run. */
export function collectGarbage(): void {
  gc?.();
}
