import { startEarly } from '../load/early.js';

/**
 * What bin/aktgranskning.js runs before it reads the command's bundle: the CSV parsing thread is
 * started now, so that its start-up and the command's overlap (src/load/early.ts). Bundled beside
 * the command and its workers (scripts/bundle.mjs).
 */
export function startThreads(argv: readonly string[]): void {
  startEarly(argv, new URL('./csv-worker.js', import.meta.url));
}
