import { defineConfig } from 'vitest/config';

// The tests Stryker runs for each mutant: only those that exercise rules/ and src/engine/ directly, so a
// mutation run stays within minutes on two cores (the end-to-end tests would run the built binary, not the mutant).
// akt-helpers, text, goal-corpus, goal-words and prose test engine/text.ts, engine/goal-text.ts, engine/akt-helpers.ts, model/dates.ts and sourceAt (engine/types.ts) in-process.
export default defineConfig({
  test: {
    include: ['test/rules/**/*.test.ts', 'test/engine.test.ts', 'test/rule-fault-message.test.ts', 'test/meta.test.ts', 'test/values.test.ts', 'test/text.test.ts', 'test/goal-corpus.test.ts', 'test/prose.test.ts', 'test/goal-words.test.ts', 'test/akt-helpers.test.ts', 'test/pass-twins.test.ts'],
    // engine/text.ts remembers the short texts it folded: each test starts without them (see the file).
    setupFiles: ['test/helpers/fresh-caches.ts'],
    testTimeout: 30_000,
  },
});
