#!/usr/bin/env node
// The command runs from one bundle of src/cli/run.ts (npm run build; scripts/bundle.mjs), compiled
// from V8's code cache (src/cli/command-script.ts). The CSV parsing thread is started first, so
// that it starts while the bundle loads (src/load/early.ts).
import { runCommand, startThreads } from '../dist/bundle/cli/early.js';

startThreads(process.argv);
await runCommand(process.argv);
