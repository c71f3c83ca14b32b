import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonRoom, rowsByScope } from '../src/ingest/json-akt.js';
import { rowsInFile } from '../src/ingest/table-rows.js';
import type { Scope } from '../src/model/fields.js';

/**
 * An NDJSON file's room in the store (JsonRoom) against a store that grows as RowTable does: room
 * made by reserve is kept, and a table whose room runs out doubles.
 */
function fill(batches: { akter: unknown[]; chars: number }[], again = true) {
  const bytes = batches.reduce((n, b) => n + b.chars, 0);
  const rows = new Map<Scope, number>();
  const room = new Map<Scope, number>();
  const reserves: { scope: Scope; stored: number; plan: number }[] = [];
  let doubled = 0;
  const stored = (scope: Scope) => rows.get(scope) ?? 0;
  const plan = new JsonRoom(
    (n, chars) => rowsInFile(bytes, 'utf-8', n, chars),
    stored,
    (scope, more) => {
      expect(more).toBeGreaterThanOrEqual(0);
      reserves.push({ scope, stored: stored(scope), plan: stored(scope) + more });
      room.set(scope, Math.max(room.get(scope) ?? 0, stored(scope) + more));
    },
  );
  batches.forEach((b, i) => {
    if (again || i === 0) plan.batch(b.akter, b.chars);
    for (const [scope, n] of rowsByScope(b.akter)) {
      for (let r = 0; r < n; r++) {
        const at = stored(scope);
        if (at === (room.get(scope) ?? 0)) {
          doubled++;
          room.set(scope, Math.max(1024, at * 2));
        }
        rows.set(scope, at + 1);
      }
    }
  });
  return { rows, room, reserves, doubled };
}

/** An akt with `plans` plans of `subGoals` delmål each; its line about as long as its rows make it. */
function akt(plans: number, subGoals: number): { value: unknown; chars: number } {
  const value = { caseId: 'x', plans: Array.from({ length: plans }, () => ({ planId: 'p', subGoals: Array.from({ length: subGoals }, () => ({ text: 't' })) })) };
  return { value, chars: 200 + plans * 150 + plans * subGoals * 50 };
}

function batchesOf(akter: { value: unknown; chars: number }[], size: number) {
  const out: { akter: unknown[]; chars: number }[] = [];
  for (let i = 0; i < akter.length; i += size) {
    const part = akter.slice(i, i + size);
    out.push({ akter: part.map((a) => a.value), chars: part.reduce((n, a) => n + a.chars, 0) });
  }
  return out;
}

describe('room in the store for an NDJSON file', () => {
  it('makes room again near its end when the first batch said too little, instead of the table doubling', () => {
    // The first batch has fewer delmål than the rest of the file (as at 400,000 akter).
    const akter = [...Array.from({ length: 250 }, (_, i) => akt(2, i % 3 === 0 ? 0 : 1)), ...Array.from({ length: 40_000 }, (_, i) => akt(2, i % 4 === 0 ? 0 : 1))];
    const batches = batchesOf(akter, 250);
    const once = fill(batches, false);
    expect(once.doubled).toBeGreaterThan(0);
    const { rows, room, doubled, reserves } = fill(batches);
    expect(doubled).toBe(0);
    for (const [scope, n] of rows) expect(room.get(scope)! / n).toBeLessThan(1.1);
    expect(reserves.filter((r) => r.scope === 'subGoals')).toHaveLength(2);
  });

  it('reserves the first batch alone for a file whose first batch was right', () => {
    const akter = Array.from({ length: 10_000 }, (_, i) => akt(1 + (i % 3), i % 2));
    const { doubled, reserves } = fill(batchesOf(akter, 250));
    expect(doubled).toBe(0);
    expect(reserves.map((r) => r.stored)).toEqual(reserves.map(() => 0));
  });

  it('makes room again only near the planned end, and each time for more than a little more', () => {
    const file = fc.array(fc.record({ plans: fc.nat(4), subGoals: fc.nat(3), size: fc.integer({ min: 1, max: 300 }) }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(file, fc.integer({ min: 1, max: 400 }), (runs, size) => {
        const akter = runs.flatMap((r) => Array.from({ length: r.size }, () => akt(r.plans, r.subGoals)));
        const { reserves } = fill(batchesOf(akter, size));
        const last = new Map<Scope, number>();
        for (const r of reserves) {
          const before = last.get(r.scope);
          if (before !== undefined) {
            expect(r.stored * 8).toBeGreaterThanOrEqual(before * 7);
            expect(r.plan).toBeGreaterThan(before * 1.04);
          } else expect(r.stored).toBe(0);
          last.set(r.scope, r.plan);
        }
      }),
      { numRuns: 200 },
    );
  });
});
