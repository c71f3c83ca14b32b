import { beforeEach } from 'vitest';
import { forgetShortTexts } from '../../src/engine/text.js';

// For the mutation run (vitest.mutation.config.ts): Stryker runs for each mutant only the tests that
// reached it, and a text folded by an earlier test would reach the folding code in that test only.
beforeEach(() => {
  forgetShortTexts();
});
