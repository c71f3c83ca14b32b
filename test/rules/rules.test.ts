import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { runCase } from './run.js';
import { tables } from './tables/index.js';

for (const rule of builtinRules) {
  describe(`rule ${rule.id}`, () => {
    it.each((tables[rule.id] ?? []).map((c) => [c.description, c] as const))('%s', (_d, c) => {
      const finding = runCase(rule.id, c);
      expect(finding.status).toBe(c.expect.status);
      expect(finding.reasons.map((r) => r.code)).toEqual(c.expect.codes ?? []);
    });
  });
}
