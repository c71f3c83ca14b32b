#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`| head`) closes the pipe: that is not an error to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await main(process.argv);
