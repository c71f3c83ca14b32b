import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tmpExport } from './helpers/export-dir.js';
import { readExport } from '../src/ingest/read-export.js';

// Follow-ups and delmål find their plan by the akt and the planId; the same planId in another akt is another plan.
describe('rows joined to their plan', () => {
  it('find the plan of their own akt, whichever akt asked before', async () => {
    const dir = tmpExport({
      'cases.csv': 'caseId,district\nA-1,Spånga\nA-2,Spånga\nA-3,Spånga\n',
      'plans.csv': 'caseId,planId,validFrom,goal\nA-1,P1,2010-01-01,Arbete\nA-2,P1,2010-02-01,Studier\nA-2,P2,2010-03-01,Praktik\n',
      'subgoals.csv': 'caseId,planId,text\nA-1,P1,Truckkort\nA-2,P1,CV\nA-3,P1,Saknar plan\nA-2,P1,Körkort\n',
      'followups.csv': 'caseId,date,planId,type\nA-1,2010-02-01,P1,uppfoljning\nA-2,2010-02-02,P1,uppfoljning\nA-1,2010-02-03,P2,uppfoljning\nA-2,2010-02-04,P2,uppfoljning\nA-2,2010-02-05,P1,uppfoljning\n',
    });
    const loaded = await readExport([dir], { asOf: '2011-06-01' });
    const akt = (id: string) => [...loaded.akter].find((a) => a.akt.caseId === id)!.akt;
    expect(akt('A-1').plans.map((p) => p.subGoals.map((s) => s.text))).toEqual([['Truckkort']]);
    expect(akt('A-2').plans.map((p) => p.subGoals.map((s) => s.text))).toEqual([['CV', 'Körkort'], []]);
    expect(akt('A-1').followUps.map((f) => f.planId ?? null)).toEqual(['P1', null]);
    expect(akt('A-2').followUps.map((f) => f.planId)).toEqual(['P1', 'P2', 'P1']);
    expect(loaded.problems.map((p) => [p.file.split('/').pop(), p.line, p.code])).toEqual([
      ['subgoals.csv', 4, 'unknown-plan-id'],
      ['followups.csv', 4, 'unknown-plan-id'],
    ]);
  });

  it('in JSON too: a planId another akt lacked is found in the akt that has it', async () => {
    const dir = tmpExport({
      'akter.ndjson': [
        JSON.stringify({ caseId: 'A-1', district: 'Spånga', plans: [{ planId: 'P1', subGoals: [] }], followUps: [{ date: '2010-02-01', planId: 'P2' }] }),
        JSON.stringify({ caseId: 'A-2', district: 'Spånga', plans: [{ planId: 'P2' }], followUps: [{ date: '2010-02-01', planId: 'P2' }] }),
      ].join('\n'),
    });
    const loaded = await readExport([dir], { asOf: '2011-06-01' });
    expect(loaded.problems.map((p) => [p.line, p.code, p.field])).toEqual([[1, 'unknown-plan-id', 'followUps[0].planId']]);
    expect([...loaded.akter].map((a) => a.akt.followUps.map((f) => f.planId ?? null))).toEqual([[null], ['P2']]);
  });
});

describe('child rows joined to their akt by caseId', () => {
  it('find their own akt whatever the order, the gaps between akter, padding or unknown caseIds', async () => {
    // Akter 0..n-1 in cases.csv, one of them a duplicate; follow-ups name akter in any order, now and then
    // a few akter further on (tried before the map), with spaces around the caseId, or one that does not exist.
    const ref = fc.record({ akt: fc.integer({ min: 0, max: 24 }), pad: fc.boolean(), unknown: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 20 }), fc.array(ref, { maxLength: 40 }), fc.integer({ min: 0, max: 19 }), async (n, refs, dup) => {
        const ids = Array.from({ length: n }, (_, i) => `K-${i}`);
        const cases = ['caseId,district', ...ids.map((id) => `${id},Bromma`), `${ids[dup % n]},Kista`];
        const rows = refs.map((r, i) => {
          const id = r.unknown ? `X-${r.akt}` : `K-${r.akt % n}`;
          return { id: r.unknown ? undefined : id, cell: r.pad ? ` ${id} ` : id, date: `2010-01-${String((i % 28) + 1).padStart(2, '0')}` };
        });
        const dir = tmpExport({
          'cases.csv': `${cases.join('\n')}\n`,
          'followups.csv': `${['caseId,date,type', ...rows.map((r) => `${r.cell},${r.date},uppfoljning`)].join('\n')}\n`,
        });
        const loaded = await readExport([dir], { asOf: '2011-06-01' });
        const byId = new Map([...loaded.akter].map((a) => [a.akt.caseId, a.akt.followUps.map((f) => f.date)]));
        for (const id of ids) expect(byId.get(id)).toEqual(rows.filter((r) => r.id === id).map((r) => r.date));
        const unknown = loaded.problems.filter((p) => p.code === 'unknown-case-id').map((p) => p.line);
        expect(unknown).toEqual(rows.flatMap((r, i) => (r.id === undefined ? [i + 2] : [])));
      }),
      { numRuns: 200 },
    );
  });
});
