import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExportBuilder } from '../src/ingest/build.js';
import { AKT_SHAPE, rowsByScope } from '../src/ingest/json-akt.js';
import { JsonPacker, JsonUnpacker } from '../src/load/json-pack.js';

/**
 * Akter read as the main thread reads them from the NDJSON worker (rebuilt from packed batches,
 * each distinct value checked once per field by its code) against akter as JSON.parse gives them:
 * the same store and the same problems, in the same order.
 */
function load(lines: string[], packed: { limit: number; trial: number; batch: number; slots?: boolean; shape?: boolean } | undefined) {
  const b = new ExportBuilder({ asOf: '2011-06-01' });
  const stats = b.addFile({ file: 'a.ndjson', format: 'ndjson', rowsRead: 0, rowsRejected: 0 });
  const at = (line: number) => ({ file: 'a.ndjson', line, index: undefined });
  // The rows counted per scope (JsonRoom), over all batches.
  const rooms: Record<string, number>[] = [];
  if (!packed) {
    lines.forEach((l, i) => b.addJsonAkt(JSON.parse(l), at(i + 1), stats));
    rooms.push(Object.fromEntries(rowsByScope(lines.map((l) => JSON.parse(l) as unknown))));
  }
  else {
    const packer = new JsonPacker(packed.limit, packed.trial);
    // Cut to the akt's shape (as read-export takes them from the worker), objects read by their slots only.
    const unpacker = new JsonUnpacker(packed.shape === true ? AKT_SHAPE : undefined);
    const memo = {};
    const fieldOf = {};
    const flush = () => {
      const e = packer.take();
      const { values, codes, slots } = unpacker.unpack(e);
      rooms.push(Object.fromEntries(rowsByScope(values)));
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
  const rows: Record<string, number> = {};
  for (const r of rooms) for (const [scope, n] of Object.entries(r)) rows[scope] = (rows[scope] ?? 0) + n;
  return { rows, akter: [...loaded.akter].map((a) => JSON.stringify(a)), datasets: Array.from({ length: loaded.akter.length }, (_, i) => [...loaded.akter.datasets(i)].sort()), problems: loaded.problems, stats };
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
    const value = fc.oneof({ weight: 5, arbitrary: text }, fc.constantFrom(null, true, false, 0, -0, 12, [], {}, ['a'], { a: 'b' }, [{ a: 'b' }]));
    const fields = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
    // Lists that are not lists, items that are not objects, and keys of other places (a plan's subGoals in a follow-up).
    const oddList = fc.constantFrom(null, 'x', 3, { a: 1 }, [1, null], [[{ a: 1 }]], [{}], [{ '1': 'a', b: 'c' }]);
    const subGoal = fields(['text', 'due', 'x', 'subGoals', 'plans']);
    const plan = fc.tuple(fields(['created', 'validFrom', 'validTo', 'goal', 'activities', 'replaces', 'okänd', '1', 'followUps']), fc.nat(3), fc.oneof({ weight: 4, arbitrary: fc.array(subGoal, { maxLength: 2 }) }, oddList)).map(([p, n, subGoals]) => ({ planId: `P${n}`, ...p, subGoals }));
    const followUp = fc.tuple(fields(['date', 'type', 'outcome', 'goalsRevised']), fc.nat(4)).map(([f, n]) => ({ planId: `P${n}`, ...f }));
    const akt = fc.record(
      {
        caseId: fc.oneof(fc.constantFrom('A-1', 'A-2', ' A-3 ', '', null), fc.nat(50).map((n) => `C-${n}`)),
        scalars: fields(['district', 'personId', 'caseworker', 'supportReason', 'supportStart', 'ovänt']),
        plans: fc.oneof(fc.array(plan, { maxLength: 3 }), fc.constantFrom(null, 'x')),
        followUps: fc.oneof({ weight: 4, arbitrary: fc.array(followUp, { maxLength: 3 }) }, oddList),
        consents: fc.oneof({ weight: 4, arbitrary: fc.array(fields(['date', 'scope', 'jobCenter']), { maxLength: 2 }) }, oddList),
        jobCenter: fc.oneof(fields(['referred', 'enrolled', 'plans']), fc.constantFrom('x', [{ referred: 'ja' }], {}, { '1': 'a' })),
      },
      { requiredKeys: ['caseId', 'scalars'] },
    );
    const line = fc.oneof(
      akt.map(({ caseId, scalars, ...rest }) => JSON.stringify({ caseId, ...scalars, ...rest })),
      fc.constantFrom(...FIXTURES),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), fc.constantFrom({ limit: 2, trial: 4, batch: 3 }, { limit: 1 << 16, trial: 32_768, batch: 1000 }, { limit: 0, trial: 0, batch: 1 }).chain((p) => fc.constantFrom({ slots: false, shape: false }, { slots: true, shape: false }, { slots: true, shape: true }).map((mode) => ({ ...p, ...mode }))), (lines, packed) => {
        expect(load(lines, packed)).toEqual(load(lines, undefined));
      }),
      { numRuns: 250 },
    );
  });
});

describe("JSON akter cut to the akt's shape", () => {
  it('keep what JsonAkter reads by name, and every object a problem may show whole', () => {
    const packer = new JsonPacker();
    packer.add(1, { caseId: 'A', plans: [{ planId: 'P', subGoals: [{ text: 't' }], goal: { a: 'b' } }], followUps: [{ date: { a: 'b' } }, {}, { '1': 'x' }], jobCenter: { referred: 'ja' }, consents: { scope: 's' } });
    const { values, slots } = new JsonUnpacker(AKT_SHAPE).unpack(packer.take());
    expect(JSON.stringify(values)).toBe('[{"plans":[{"subGoals":[{}]}],"followUps":[{},{},{"1":"x"}],"jobCenter":{},"consents":{"scope":"s"}}]');
    // The values of the keys left off are in the slots, objects whole.
    expect(slots.values.filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).includes('a')).map((v) => JSON.stringify(v))).toEqual(['{"a":"b"}', '{"a":"b"}']);
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
