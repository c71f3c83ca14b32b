import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExportBuilder } from '../src/ingest/build.js';
import { rowsByScope } from '../src/ingest/json-akt.js';
import { JsonPacker, JsonUnpacker } from '../src/load/json-pack.js';

/**
 * Akter read as the main thread reads them from the NDJSON worker (rebuilt from packed batches,
 * each distinct value checked once per field by its code) against akter as JSON.parse gives them:
 * the same store and the same problems, in the same order.
 */
function load(lines: string[], packed: { limit: number; trial: number; batch: number; slots?: boolean } | undefined) {
  const b = new ExportBuilder({ asOf: '2011-06-01' });
  const stats = b.addFile({ file: 'a.ndjson', format: 'ndjson', rowsRead: 0, rowsRejected: 0 });
  const at = (line: number) => ({ file: 'a.ndjson', line, index: undefined });
  if (!packed) lines.forEach((l, i) => b.addJsonAkt(JSON.parse(l), at(i + 1), stats));
  else {
    const packer = new JsonPacker(packed.limit, packed.trial);
    const unpacker = new JsonUnpacker();
    const memo = {};
    const fieldOf = {};
    const flush = () => {
      const e = packer.take();
      const { values, codes, slots } = unpacker.unpack(e);
      // With its slots, each object's fields are read from them (as read-export gives them); without, by walking its keys.
      values.forEach((v, i) => b.addJsonAkt(v, at(e.lines[i]!), stats, packed.slots === true ? { codes, memo, slots, fieldOf } : { codes, memo }));
    };
    lines.forEach((l, i) => {
      packer.add(i + 1, JSON.parse(l));
      if (packer.size >= packed.batch) flush();
    });
    flush();
  }
  const loaded = b.finish();
  return { akter: [...loaded.akter].map((a) => JSON.stringify(a)), datasets: Array.from({ length: loaded.akter.length }, (_, i) => [...loaded.akter.datasets(i)].sort()), problems: loaded.problems, stats };
}

const FIXTURES = ['fixtures/broken/json/akter.ndjson', 'fixtures/personal-data/json/akter.ndjson'].flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => {
      try {
        JSON.parse(l);
        return true;
      } catch {
        return false;
      }
    }),
);

describe('JSON akter checked by value code', () => {
  it('give the store and the problems that checking each value gives', () => {
    // Values that pass, fail, need trimming or normalising, repeat or not, under known and unknown keys.
    const text = fc.constantFrom('', ' ', '2010-01-01', ' 2010-01-01 ', '20100101', '2010-02-30', 'arbetsloshet', 'Arbetslöshet', 'x', 'Egen försörjning', 'ja', 'true');
    const value = fc.oneof({ weight: 5, arbitrary: text }, fc.constantFrom(null, true, false, 0, -0, 12, [], {}, ['a']));
    const fields = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
    const plan = fc.tuple(fields(['created', 'validFrom', 'validTo', 'goal', 'activities', 'replaces', 'okänd', '1']), fc.nat(3), fc.array(fields(['text', 'due', 'x']), { maxLength: 2 })).map(([p, n, subGoals]) => ({ planId: `P${n}`, ...p, subGoals }));
    const followUp = fc.tuple(fields(['date', 'type', 'outcome', 'goalsRevised']), fc.nat(4)).map(([f, n]) => ({ planId: `P${n}`, ...f }));
    const akt = fc.record(
      {
        caseId: fc.oneof(fc.constantFrom('A-1', 'A-2', ' A-3 ', '', null), fc.nat(50).map((n) => `C-${n}`)),
        scalars: fields(['district', 'personId', 'caseworker', 'supportReason', 'supportStart', 'ovänt']),
        plans: fc.oneof(fc.array(plan, { maxLength: 3 }), fc.constantFrom(null, 'x')),
        followUps: fc.array(followUp, { maxLength: 3 }),
        consents: fc.array(fields(['date', 'scope']), { maxLength: 2 }),
        jobCenter: fc.oneof(fields(['referred', 'enrolled']), fc.constant('x')),
      },
      { requiredKeys: ['caseId', 'scalars'] },
    );
    const line = fc.oneof(
      akt.map(({ caseId, scalars, ...rest }) => JSON.stringify({ caseId, ...scalars, ...rest })),
      fc.constantFrom(...FIXTURES),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), fc.constantFrom({ limit: 2, trial: 4, batch: 3 }, { limit: 1 << 16, trial: 32_768, batch: 1000 }, { limit: 0, trial: 0, batch: 1 }).chain((p) => fc.boolean().map((slots) => ({ ...p, slots }))), (lines, packed) => {
        expect(load(lines, packed)).toEqual(load(lines, undefined));
      }),
      { numRuns: 120 },
    );
  });
});

describe('the rows a batch of JSON akter stands for', () => {
  it('counts each scope as the store will hold it: plain objects only, delmål under their plans, a jobCenter object once', () => {
    const values = [
      { plans: [{ subGoals: [{}, {}] }, { subGoals: null }, 3], followUps: [{}], jobCenter: {}, consents: 'x', placements: [] },
      'inte en akt',
      { jobCenter: null, investigations: [{}, {}] },
    ];
    expect(Object.fromEntries(rowsByScope(values))).toEqual({ akt: 2, plans: 3, subGoals: 2, followUps: 1, jobCenter: 1, placements: 0, investigations: 2 });
  });
});
