#!/usr/bin/env node
// The bundle of src/cli/bin.ts (npm run build); see scripts/bundle.mjs. The CSV parsing thread is
// started first, so that it starts while the bundle loads (src/load/early.ts).
import { startThreads } from '../dist/bundle/cli/early.js';

startThreads(process.argv);
await import('../dist/bundle/cli/bin.js');
