#!/usr/bin/env node
// The bundle of src/cli/bin.ts (npm run build); see scripts/bundle.mjs.
import '../dist/bundle/cli/bin.js';
