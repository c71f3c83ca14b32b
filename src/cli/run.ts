import { main } from './main.js';
import { exitCleanlyOnSignals } from './output.js';

/** Resolves once everything written to `stream` before it has been handed to the system. */
const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));

/**
 * The command, from its arguments to the process's end. Bundled into one script (scripts/bundle.mjs)
 * that bin/aktgranskning.js runs from V8's code cache (src/cli/command-script.ts); dist/src/cli/bin.js
 * runs it unbundled.
 */
export async function run(argv: string[]): Promise<never> {
  exitCleanlyOnSignals();

  // A reader that stops early (`| head`) closes the pipe: that is not an error to report. Any other
  // failure to write (a full disk, /dev/full) is one line and exit 2, never a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (stream === process.stdout) process.stderr.write(`aktgranskning: cannot write to standard output (${e.code ?? e.message}); check the disk or pipe it goes to\n`);
      process.exit(2);
    });
  }

  process.exitCode = await main(argv);

  // The run is over once its output has left the process. Node's own way out would then take the
  // heap down (some 0.1–0.2 s after a run over 100,000 akter, docs/benchmarks.md), which nothing
  // needs; process.exit ends the process without it, still with the 'exit' handlers run.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit();
}
