import { run } from './run.js';

// The command unbundled (dist/src/cli/bin.js), for profiles that name each module; bin/aktgranskning.js
// runs the same function from the bundle (src/cli/command-script.ts).
await run(process.argv);
