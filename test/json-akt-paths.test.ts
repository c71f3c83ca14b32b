import { describe, expect, it } from 'vitest';
import { ExportBuilder } from '../src/ingest/build.js';
import { AKT_SHAPE } from '../src/ingest/json-akt.js';
import { JsonPacker, JsonUnpacker } from '../src/load/json-pack.js';

/**
 * JsonAkter fills one record per scope anew for each object and makes each path's prefix once
 * (`followUps[2].`): a problem must still name its own object's path and line, whichever object
 * of that scope came before it, in an akt or the one before.
 */
const AKTER = [
  {
    caseId: 'A-1',
    plans: [
      { planId: 'P1', validFrom: '2010-01-01', validTo: '2010-06-01', subGoals: [{ text: 'a', due: '2010-02-30' }] },
      { planId: 'P2', validFrom: '2010-06-01', validTo: '2010-01-01', okänd: 1, subGoals: [{ text: 'b', due: '2010-13-01' }, { text: 'c', due: 'x' }, 3] },
    ],
    followUps: [{ planId: 'P1', date: '2010-03-01' }, { planId: 'P9', date: '2012-01-01' }, 'x'],
    consents: [{ date: 'y' }, { date: 'z', extra: 1 }],
    jobCenter: { referred: 'kanske' },
  },
  {
    caseId: 'A-2',
    plans: [{ planId: 'Q1', validFrom: '2011-01-01', validTo: '2010-01-01', subGoals: [{ due: 'nej' }] }],
    followUps: [{ planId: 'Q1', date: 'nej' }],
    consents: 'x',
    jobCenter: { referred: 'ja', okänd: 2 },
  },
];

function problems(packed: boolean) {
  const b = new ExportBuilder({ asOf: '2011-06-01' });
  const stats = b.addFile({ file: 'a.ndjson', format: 'ndjson', rowsRead: 0, rowsRejected: 0 });
  const at = (line: number) => ({ file: 'a.ndjson', line, index: undefined });
  if (packed) {
    const packer = new JsonPacker();
    AKTER.forEach((a, i) => packer.add(i + 1, a));
    const e = packer.take();
    const { values, codes, slots } = new JsonUnpacker(AKT_SHAPE).unpack(e);
    const memo = {};
    const fieldOf = {};
    values.forEach((v, i) => b.addJsonAkt(v, at(e.lines[i]!), stats, { codes, memo, slots, fieldOf }));
  } else AKTER.forEach((a, i) => b.addJsonAkt(JSON.parse(JSON.stringify(a)), at(i + 1), stats));
  return b.finish().problems.map((p) => [p.code, p.line, p.caseId, p.field].join(' '));
}

describe('problems in the objects of JSON akter', () => {
  it.each([false, true])('name their own path and line (packed: %s)', (packed) => {
    const got = problems(packed);
    expect(got).toEqual(expect.arrayContaining([
      'invalid-date 1 A-1 plans[0].subGoals[0].due',
      'plan-dates-reversed 1 A-1 plans[1].validTo',
      'invalid-date 1 A-1 plans[1].subGoals[0].due',
      'invalid-date 1 A-1 plans[1].subGoals[1].due',
      'not-an-object 1 A-1 plans[1].subGoals[2]',
      'unknown-plan-id 1 A-1 followUps[1].planId',
      'not-an-object 1 A-1 followUps[2]',
      'plan-dates-reversed 2 A-2 plans[0].validTo',
      'invalid-date 2 A-2 plans[0].subGoals[0].due',
      'invalid-date 2 A-2 followUps[0].date',
      'wrong-type 2 A-2 consents',
    ]));
    expect(got).toEqual(problems(false));
  });
});
