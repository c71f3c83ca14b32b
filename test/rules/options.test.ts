import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { builtinRules } from '../../rules/index.js';

/**
 * Each option's limits, both sides: the smallest value accepted and the one below it, a large value
 * (no hidden upper limit), and the default. Whole numbers only; lists of types not empty.
 */
const LIMITS: Record<string, Record<string, { min?: number; default: unknown }>> = {
  'af-consulted-before-placement': { types: { default: ['praktik', 'kompetenshojande'] } },
  'attendance-monthly': { windowDays: { min: 1, default: 365 } },
  'client-view-documented': { minWords: { min: 1, default: 1 } },
  'current-plan': { appliesToReasons: { default: ['arbetsloshet'] } },
  'follow-ups-traceable': {
    windowDays: { min: 1, default: 365 },
    intervalDays: { min: 1, default: 92 },
    graceDays: { min: 0, default: 14 },
    countedTypes: { default: ['uppfoljning', 'trepartssamtal', 'arendegenomgang', 'utvardering', 'annat'] },
  },
  'job-plan-received': { graceDays: { min: 0, default: 0 } },
  'job-plan-within-5-days': { maxDays: { min: 0, default: 5 }, weekdays: { default: false } },
  'long-term-review': { afterDays: { min: 1, default: 365 }, allowanceDays: { min: 0, default: 30 }, types: { default: ['utvardering', 'arendegenomgang'] } },
  'requirements-stated': { minWords: { min: 1, default: 1 } },
  'subgoals-present': { minSubGoals: { min: 1, default: 1 } },
  'tripartite-every-3-months': { windowDays: { min: 1, default: 365 }, intervalDays: { min: 1, default: 92 }, graceDays: { min: 0, default: 14 }, minEnrolledDays: { min: 0, default: 92 } },
  'waiting-time': { maxDays: { min: 0, default: 14 } },
};

describe.each(Object.entries(LIMITS))('options of %s', (id, options) => {
  const rule = builtinRules.find((r) => r.id === id)!;
  const schema = rule.options as z.ZodObject;
  const ok = (o: object) => schema.safeParse(o).success;

  it('has exactly these options, with these defaults', () => {
    expect(Object.keys(schema.shape).sort()).toEqual(Object.keys(options).sort());
    expect(schema.parse({})).toEqual(Object.fromEntries(Object.entries(options).map(([k, v]) => [k, v.default])));
  });

  it.each(Object.entries(options))('%s: the limits hold on both sides', (name, limit) => {
    if (limit.min !== undefined) {
      expect(ok({ [name]: limit.min }), `${name} = ${limit.min}`).toBe(true);
      expect(ok({ [name]: limit.min - 1 }), `${name} = ${limit.min - 1}`).toBe(false);
      expect(ok({ [name]: 10_000 }), `${name} = 10000`).toBe(true);
      expect(ok({ [name]: limit.min + 0.5 }), 'a fraction').toBe(false);
      expect(ok({ [name]: String(limit.default) }), 'a string').toBe(false);
    } else if (typeof limit.default === 'boolean') {
      expect(ok({ [name]: true }) && ok({ [name]: false })).toBe(true);
      expect(ok({ [name]: 'yes' })).toBe(false);
    } else {
      const values = limit.default as string[];
      expect(ok({ [name]: [values[0]] })).toBe(true);
      expect(ok({ [name]: ['no-such-value'] })).toBe(false);
      expect(ok({ [name]: [] }), 'an empty list').toBe(id === 'current-plan');
    }
  });
});

/** Options that are free words (not codes) or switches: their defaults, and that an empty word is refused. */
describe('free-word and switch options', () => {
  const schema = (id: string) => builtinRules.find((r) => r.id === id)!.options as z.ZodObject;

  it('consent-before-transfer: scopes default to the jobbtorg, general consents count', () => {
    const s = schema('consent-before-transfer');
    expect(s.parse({})).toEqual({ scopes: ['jobbtorg'], acceptGeneral: true });
    expect(s.safeParse({ scopes: [''] }).success).toBe(false);
    expect(s.safeParse({ scopes: ['a'] }).success).toBe(true);
  });

  it('investigation-before-plan: every type counts by default; 90 days before the period, 0 at least', () => {
    const s = schema('investigation-before-plan');
    expect(s.parse({})).toEqual({ types: [], periodDaysBefore: 90 });
    expect(s.safeParse({ types: [''] }).success).toBe(false);
    expect(s.safeParse({ types: ['a'] }).success).toBe(true);
    expect(s.safeParse({ periodDaysBefore: 0 }).success).toBe(true);
    expect(s.safeParse({ periodDaysBefore: -1 }).success).toBe(false);
    expect(s.safeParse({ periodDaysBefore: 0.5 }).success).toBe(false);
  });

  it('individual-goals: boilerplate from 2 plans on, 3 by default; the extra lists empty by default', () => {
    const s = schema('individual-goals');
    const d = s.parse({}) as Record<string, unknown>;
    expect([d.boilerplateMinCases, d.extraGenericWords, d.extraAnchorWords]).toEqual([3, [], []]);
    for (const list of ['genericWords', 'anchorWords', 'commonNames']) expect((d[list] as string[]).length, list).toBeGreaterThan(10);
    expect(s.safeParse({ boilerplateMinCases: 2 }).success).toBe(true);
    expect(s.safeParse({ boilerplateMinCases: 1 }).success).toBe(false);
    expect(s.safeParse({ boilerplateMinCases: 2.5 }).success).toBe(false);
  });
});
