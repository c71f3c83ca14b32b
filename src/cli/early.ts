import { startEarly } from '../load/early.js';
import { langAfterCommand } from './argv.js';
import { loadCommand } from './command-script.js';

export { loadCommand };

/**
 * What bin/aktgranskning.js runs before it reads the command's bundle: the thread that will load
 * the export is started now, so that its start-up and the command's overlap (src/load/early.ts).
 * The command line is read as the command reads it (`--lang en check …` is a check). Bundled beside
 * the command and its workers (scripts/bundle.mjs).
 */
export function startThreads(argv: readonly string[], csvWorker = new URL('./csv-worker.js', import.meta.url)): void {
  startEarly(langAfterCommand(argv), csvWorker);
}

/** Runs the command from its bundle beside this file. This module's `import()` is the bundle's. */
export function runCommand(argv: string[], bundle = new URL('./command.cjs', import.meta.url)): Promise<never> {
  return loadCommand(bundle, (specifier) => import(specifier)).run(argv);
}
