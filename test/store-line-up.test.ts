import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AKT_LISTS, type AktList } from '../src/model/datasets.js';
import { scalarFields, type Scope } from '../src/model/fields.js';
import type { Provided } from '../src/model/types.js';
import { readExport } from '../src/ingest/read-export.js';
import { AktStore } from '../src/store/akt-store.js';
import { StoredAkter } from '../src/store/akter.js';
import { shareColumns } from '../src/store/columns.js';

const ALL = new Set<Scope>(['akt', 'plans', 'subGoals', 'followUps', 'investigations', 'consents', 'jobCenter', 'placements']);

/** A row added to the store: its list (or delmål, or jobCenter), the owner (an akt; a plan's number among the plans added so far) and its cells. */
interface Added {
  scope: Exclude<Scope, 'akt'>;
  owner: number;
  cells: (string | undefined)[];
}

const cell = fc.option(fc.constantFrom('A-1', 'A-1-P1', '2011-06-01', 'praktik', 'Vill arbeta.', ''), { nil: undefined });
const added = fc.record({
  scope: fc.constantFrom<Added['scope']>(...AKT_LISTS, 'subGoals', 'jobCenter'),
  owner: fc.nat(40),
  cells: fc.array(cell, { minLength: 12, maxLength: 12 }),
});

/**
 * A store filled as the ingest fills it: akter, then rows of any list in any order (an akt's rows
 * among other akter's, delmål of plans of any akt, read after other files), some akter with no rows.
 */
function fill(akter: number, rows: readonly Added[], reserve: boolean): AktStore {
  const store = new AktStore();
  const sets: Provided[] = [new Set(['plans']), new Set()];
  for (let a = 0; a < akter; a++) {
    const akt = store.addAkt(a % 3 === 0 ? { file: 'akter.csv', line: a + 2 } : { file: 'akter.json', index: a }, sets[a % 2]!);
    store.setText('akt', akt, 0, `A-${a}`);
    store.writer('akt').setId(akt, 1, store.values.id(['Norr', 'Söder'][a % 2]));
  }
  if (reserve) for (const scope of ['plans', 'followUps', 'subGoals'] as const) store.reserve(scope, 3);
  for (const r of rows) {
    let owner = r.owner % akter;
    if (r.scope === 'subGoals') {
      if (store.tables.plans.length === 0) continue;
      owner = r.owner % store.tables.plans.length;
    }
    if (r.scope === 'jobCenter' && store.hasJobCenter(owner)) continue;
    const row = store.addRow(r.scope, owner);
    const table = store.tables[r.scope];
    scalarFields(r.scope).forEach((_, f) => {
      const v = r.cells[f];
      if (v === undefined) return;
      if (table.isUnique(f)) store.setText(r.scope, row, f, `${v}#${row}`);
      else table.setId(row, f, store.values.id(v));
    });
  }
  return store;
}

/**
 * Per akt of `akter` and list, for each value of the list's first field in any row, the cells of the
 * row lastRowWith finds (the walk ingest makes for every follow-up and delmål), as text.
 */
function lastRows(store: AktStore, akter: readonly number[]): string {
  return JSON.stringify(
    akter.map((a) =>
      AKT_LISTS.map((list) => {
        const table = store.tables[list];
        const values = [...new Set(Array.from({ length: table.length }, (_, r) => table.value(r, 0, store.values)))].sort((x, y) => String(x).localeCompare(String(y)));
        return values.map((v) => {
          const r = store.lastRowWith(list, a, 0, v);
          return r === undefined ? null : scalarFields(list).map((_, f) => table.value(r, f, store.values));
        });
      }),
    ),
  );
}

/** An akt as text, keys in their order: equal texts, equal akter down to the order of keys and rows. */
const text = (x: unknown) => JSON.stringify(x, (_, v: unknown) => (v instanceof Set ? [...(v as Set<string>)] : v));

describe('the store lined up in report order (AktStore.lineUp)', () => {
  afterEach(() => shareColumns(false));

  it('makes every akt as the chained store did, each list in its rows\' order, on this thread and after a hand-over', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }))),
        fc.array(added, { maxLength: 60 }),
        fc.boolean(),
        fc.boolean(),
        // Five to nine rows of one akt's list after the others: a list longer than four is made apart (AktStore.run).
        fc.record({ row: added, count: fc.integer({ min: 5, max: 9 }) }),
        ([n, order], rows, reserve, shared, run) => {
          shareColumns(shared);
          const store = fill(n, [...rows, ...Array<Added>(run.count).fill(run.row)], reserve);
          const found = lastRows(store, order);
          const before = order.map((a) => text(store.checked(a)));
          const lists = order.map((a) => AKT_LISTS.map((l: AktList) => text(store.view(a)[l])));
          const lined = store.lineUp(Int32Array.from(order));
          expect([...lined]).toEqual([...Array(n).keys()]);
          // A walk of an akt's rows ends at its last row: the same rows found, under the akter's new numbers.
          expect(lastRows(store, [...lined])).toBe(found);
          const akter = new StoredAkter(store, lined);
          expect(Array.from({ length: n }, (_, k) => text(akter.at(k)))).toEqual(before);
          expect(Array.from({ length: n }, (_, k) => AKT_LISTS.map((l) => text(akter.viewAt(k).akt[l])))).toEqual(lists);
          const received = StoredAkter.of([...akter.handOver(ALL, 2)].map((p) => structuredClone(p)));
          expect(Array.from({ length: n }, (_, k) => text(received.at(k)))).toEqual(before);
          // Each list's rows follow one another, an akt's in report order after the one before.
          for (const list of AKT_LISTS) {
            const { first, last } = store.chains[list];
            let at = 0;
            for (let k = 0; k < n; k++) {
              if (k >= first.length || first.data[k] === -1) continue;
              expect(first.data[k]).toBe(at);
              at = last.data[k]! + 1;
            }
            expect(at).toBe(store.tables[list].length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the last row with a value by walking the lined-up rows as it did the chain', () => {
    const store = fill(3, [0, 1, 2, 0, 1, 0].map((owner, i) => ({ scope: 'plans', owner, cells: ['P', ...Array<undefined>(11)].map((c, f) => (f === 0 ? `${c}${i % 2}` : c)) })), false);
    const before = [0, 1, 2].map((a) => store.lastRowWith('plans', a, 0, `P0#${a}`));
    expect(before[0]).toBe(0);
    store.lineUp(Int32Array.from([2, 0, 1]));
    // Akt 0 was akt 2 (no row with P0#2 either: identifiers carry the old row number), akt 1 was akt 0.
    expect(store.field('plans', store.lastRowWith('plans', 1, 0, 'P0#0')!, 0)).toBe('P0#0');
    expect(store.plans(1).map((p) => p.planId)).toEqual(['P0#0', 'P1#3', 'P1#5']);
  });

  it('refuses an order that is not of every akt, and a second line-up', () => {
    const store = fill(3, [], false);
    expect(() => store.lineUp(Int32Array.from([0, 1]))).toThrow(/order of 2 akter for a store of 3/);
    store.lineUp(Int32Array.from([2, 1, 0]));
    expect(() => store.lineUp(Int32Array.from([0, 1, 2]))).toThrow(/lined up already/);
  });
});

describe('an export whose rows of each list come in any order across akter', () => {
  const dir = 'fixtures/stockholm-2011/csv';

  it('gives the same akter, each list in the order its rows were read', async () => {
    const akter = (await readExport([dir], { asOf: '2011-06-01' })).akter;
    const expected = Array.from({ length: akter.length }, (_, i) => text(akter.at(i).akt));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 400, maxLength: 400 }), async (picks) => {
        const out = mkdtempSync(join(tmpdir(), 'line-up-'));
        try {
          for (const file of readdirSync(dir)) {
            const [header, ...lines] = readFileSync(join(dir, file), 'utf8').trimEnd().split('\n');
            // The akter's rows merged at random: each akt's rows keep their order, among other akter's.
            const byAkt = new Map<string, string[]>();
            for (const l of lines) {
              const caseId = l.slice(0, l.indexOf(','));
              byAkt.set(caseId, [...(byAkt.get(caseId) ?? []), l]);
            }
            const runs = [...byAkt.values()];
            const merged: string[] = [];
            for (let k = 0; runs.length > 0; k++) {
              const at = picks[k % picks.length]! % runs.length;
              merged.push(runs[at]!.shift()!);
              if (runs[at]!.length === 0) runs.splice(at, 1);
            }
            writeFileSync(join(out, file), [header, ...merged].join('\n') + '\n');
          }
          const read = (await readExport([out], { asOf: '2011-06-01' })).akter;
          expect(Array.from({ length: read.length }, (_, i) => text(read.at(i).akt))).toEqual(expected);
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      }),
      { numRuns: 15 },
    );
  });
});
