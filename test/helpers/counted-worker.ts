import type { Worker } from 'node:worker_threads';

/** What a test reads and sets: workers started so far, and whether a worker's `done` comes with its 'exit'. */
export interface Started {
  workers: number;
  exitWithDone: boolean;
}

/**
 * node:worker_threads's Worker, counting the threads started (by the built formatters too, which
 * have a worker to start). With `exitWithDone`, a worker's `done` comes in the same turn as its
 * 'exit', as Node hands over a worker's last messages when the main thread was too busy to take
 * them before the worker exited (worker-output.ts).
 */
export function countedWorker(Real: typeof Worker, started: Started): typeof Worker {
  return class Counted extends Real {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      started.workers++;
    }

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      const emitted = super.emit(event, ...args);
      if (started.exitWithDone && event === 'message' && typeof args[0] === 'object' && args[0] !== null && 'done' in args[0]) super.emit('exit', 0);
      return emitted;
    }
  };
}
