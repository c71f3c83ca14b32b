import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handOver, takeOver } from '../src/ingest/hand-over.js';
import { readExport } from '../src/ingest/read-export.js';
import { PackedColumn, PackedText } from '../src/store/columns.js';
import type { StoredAkter } from '../src/store/akter.js';
import type { Scope } from '../src/model/fields.js';

const ALL = new Set<Scope>(['akt', 'plans', 'subGoals', 'followUps', 'investigations', 'consents', 'jobCenter', 'placements']);

// With two threads checking, the store is sent to the check worker as data and read there: every
// akt (fields, lists, origin, datasets) must be the same akt on both sides.
describe('the store handed over to another thread', () => {
  it.each([['fixtures/stockholm-2011/csv'], ['fixtures/stockholm-2011/json'], ['fixtures/stockholm-2012'], ['fixtures/broken/json']])('%s: every akt is the same after the round trip', async (dir) => {
    const loaded = await readExport([dir], { asOf: '2011-06-01' });
    const akter = loaded.akter;
    expect(akter.length).toBeGreaterThan(0);
    const received = takeOver([...handOver(akter, ALL)!].map((part) => structuredClone(part)));
    expect(received.length).toBe(akter.length);
    const models = [...received.models()];
    const original = [...akter.models()];
    for (let i = 0; i < akter.length; i++) {
      expect(received.at(i)).toStrictEqual(akter.at(i));
      expect(Object.keys(received.at(i).akt)).toEqual(Object.keys(akter.at(i).akt));
      expect({ ...models[i]!, plans: models[i]!.plans, followUps: models[i]!.followUps, jobCenter: models[i]!.jobCenter }).toStrictEqual({ ...original[i]!, plans: original[i]!.plans, followUps: original[i]!.followUps, jobCenter: original[i]!.jobCenter });
    }
    // The sets of datasets stay one object per set, as the engine keys its findings by them.
    expect(new Set(Array.from({ length: received.length }, (_, i) => received.datasets(i))).size).toBe(new Set(Array.from({ length: akter.length }, (_, i) => akter.datasets(i))).size);
  });

  it('reads every akt the same when each identifier column goes in texts of a few rows', async () => {
    const loaded = await readExport(['fixtures/stockholm-2011/csv'], { asOf: '2011-06-01' });
    const akter = loaded.akter as StoredAkter;
    for (const rows of [1, 3, 7]) {
      const parts = [...akter.handOver(ALL, rows)];
      // More than one text per column of the fixture's plans.
      const planTexts = parts.flatMap((p) => (p.type === 'own' && p.part.scope === 'plans' ? [p.part] : []));
      expect(planTexts.filter((p) => p.field === planTexts[0]!.field).length).toBeGreaterThan(1);
      // Sent in any order, they are put back in place.
      const received = takeOver(parts.reverse().map((part) => structuredClone(part)));
      expect([...received]).toStrictEqual([...akter]);
    }
  });

  it('reads a selection (another order of the same store) the same', async () => {
    const loaded = await readExport(['fixtures/stockholm-2011/csv'], { asOf: '2011-06-01' });
    const some = loaded.akter.filter((a) => a.akt.caseId.endsWith('1') || a.akt.caseId.endsWith('4'));
    const received = takeOver([...handOver(some, ALL)!].map((part) => structuredClone(part)));
    expect([...received]).toStrictEqual([...some]);
  });

  it('gives the lists of the tables not handed over the same, and refuses to read their identifiers', async () => {
    const loaded = await readExport(['fixtures/stockholm-2011/csv'], { asOf: '2011-06-01' });
    const akter = loaded.akter;
    const received = takeOver([...handOver(akter, new Set<Scope>(['akt', 'plans', 'subGoals']))!].map((part) => structuredClone(part))).views();
    const withFollowUps = Array.from({ length: akter.length }, (_, i) => i).filter((i) => akter.at(i).akt.followUps.some((f) => f.planId !== undefined));
    expect(withFollowUps.length).toBeGreaterThan(0);
    for (let i = 0; i < akter.length; i++) {
      const mine = akter.at(i).akt;
      const theirs = received.at(i).akt;
      expect(theirs.caseId).toBe(mine.caseId);
      expect(theirs.plans).toStrictEqual(mine.plans);
    }
    expect(() => received.at(withFollowUps[0]!).akt.followUps).toThrow(/not handed over/);
  });

  it('is not offered for akter that are not the store\'s', () => {
    expect(handOver([] as never, ALL)).toBeUndefined();
    expect(() => takeOver([])).toThrow(/not handed over whole/);
  });
});

describe('identifiers packed in texts of a few rows', () => {
  it('reads back every identifier of a column cut into texts of any size, past the end as missing', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.oneof(fc.string(), fc.constantFrom('a"b', 'å-ä', 'A-0000001-P1')), { nil: undefined })), fc.integer({ min: 1, max: 9 }), (strings, rows) => {
        const states = [];
        for (let from = 0; from === 0 || from < strings.length; from += rows) states.push(structuredClone(PackedText.pack(strings.slice(from, from + rows))));
        const column = new PackedColumn(states, rows);
        strings.forEach((s, i) => expect(column.get(i)).toBe(s));
        expect(column.get(strings.length)).toBeUndefined();
        expect(column.get(strings.length + rows)).toBeUndefined();
      }),
    );
  });
});

describe('identifiers packed as one text', () => {
  it('reads back every identifier, missing ones as missing, past the end as missing', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('a"b', 'c\\d', '\u0001', 'å-ä')), { nil: undefined })), (strings) => {
        const state = structuredClone(PackedText.pack(strings));
        const packed = new PackedText(state);
        // As JSON when nothing in it needs escaping (the usual case), else end to end.
        expect(state.json).toBe(strings.every((s) => s === undefined || JSON.stringify(s) === `"${s}"`));
        strings.forEach((s, i) => expect(packed.get(i)).toBe(s));
        expect(packed.get(strings.length)).toBeUndefined();
      }),
    );
  });
});
