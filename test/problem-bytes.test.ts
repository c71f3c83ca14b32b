import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import type { AktResult } from '../src/engine/run.js';
import type { DataProblem } from '../src/model/problems.js';
import { caseMaker, maskProblem } from '../src/report/build.js';
import { jsonWriter, ndjsonWriter, problemJson } from '../src/report/formatters/json.js';
import type { FormatContext } from '../src/report/messages.js';
import type { Report, ReportHead } from '../src/report/types.js';

const ctx: FormatContext = { lang: 'sv', rules: new Map(builtinRules.map((r) => [r.id, r])), color: false };
const head: ReportHead = { schemaVersion: 3, tool: { name: 'aktgranskning', version: 'test' }, asOf: '2011-06-01', rules: [], grades: { fulfilled: 90, largely: 75, partly: 50 }, privacy: { mode: 'working-papers' }, notAssessed: [] };

function written(factory: typeof jsonWriter, x: FormatContext, problems: DataProblem[]): string {
  const chunks: Uint8Array[] = [];
  const w = factory(head, x, { write: (c) => chunks.push(typeof c === 'string' ? Buffer.from(c) : c) });
  void w.finish({ ...head, dataProblems: problems } as unknown as Report);
  return Buffer.concat(chunks).toString('utf8');
}

const text = fc.oneof(fc.constantFrom('followups.csv', 'plans.csv', 'date', 'validTo', 'A-0000008', '2011-07-04', 'a"b\\', 'å\u2028', '\udc00'), fc.string({ maxLength: 8 }));
/** Problems in runs that share their file, field, level and code (as a run's are), some of them in other shapes. */
const problems: fc.Arbitrary<DataProblem[]> = fc
  .array(
    fc.record(
      {
        file: fc.constantFrom('followups.csv', 'plans.csv', 'a"b.csv'),
        line: fc.oneof(fc.nat(), fc.constant(undefined), fc.double(), fc.constant(null)),
        index: fc.oneof(fc.constant(undefined), fc.nat()),
        caseId: fc.oneof(text, fc.constant(undefined), fc.constant(7)),
        field: fc.oneof(fc.constantFrom('date', 'validTo', 'personId'), fc.constant(undefined), text),
        level: fc.constantFrom('error', 'notice' as const),
        code: fc.constantFrom('future-date', 'invalid-date' as const),
        rejected: fc.oneof(fc.boolean(), fc.constant(undefined)),
        value: fc.oneof(text, fc.constant(undefined), fc.constant(null)),
      },
      { requiredKeys: ['file', 'level', 'code'] },
    ),
    { maxLength: 12 },
  )
  .map((list) => list.map((p, i) => (i > 0 && p.level === 'notice' ? { ...list[i - 1]!, line: p.line, caseId: p.caseId, value: p.value } : p)) as unknown as DataProblem[]);

describe('data problems written as bytes', () => {
  it('are JSON.stringify of problemJson for each, in runs that share their file and field or not', () => {
    fc.assert(
      fc.property(problems, fc.boolean(), (list, messages) => {
        const x = { ...ctx, messages };
        const tail = `"dataProblems":${JSON.stringify(list.map((p) => problemJson(x, p)))}}\n`;
        expect(written(jsonWriter, x, list).endsWith(tail)).toBe(true);
        expect(written(ndjsonWriter, x, list).endsWith(tail)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('masking in runs', () => {
  it('leaves out a personId value after problems of another field, and keeps it after a personId one', () => {
    const date: DataProblem = { level: 'error', code: 'future-date', file: 'f.csv', line: 3, caseId: 'A-1', field: 'date', value: '2011-07-04' };
    const person: DataProblem = { ...date, field: 'akt.personId', value: '811218-9874' };
    const masked = [date, person, person, date, { ...date, field: 'personId' }, date].map((p) => maskProblem(p));
    expect(masked.map((p) => p.value)).toEqual(['2011-07-04', undefined, undefined, '2011-07-04', undefined, '2011-07-04']);
    expect(maskProblem({ ...date, field: 'a\nb' }).field).toBe('a b');
    expect(maskProblem(date).field).toBe('date');
  });

  it('masks a long text in findings every time it comes, and each text as its own', () => {
    const goal = 'Arbete inom vården för 811218-9874 senast i juni';
    const other = 'Arbete inom vården för en annan person, i juni';
    const result = (id: string, g: string): AktResult => ({
      checked: { akt: { caseId: id, district: 'Bromma' }, origin: { file: 'cases.csv', line: 2 }, datasets: new Set() } as unknown as AktResult['checked'],
      findings: [{ ruleId: 'individual-goals', status: 'fail', severity: 'error', reasons: [{ code: 'vague-goal', data: { goal: g, shared: 1 } }] }],
    });
    const make = caseMaker();
    const goals = [result('A-1', goal), result('A-2', other), result('A-3', goal), result('A-4', goal)].map((r) => make(r).results[0]!.reasons[0]!.data!.goal);
    expect(goals).toEqual(['Arbete inom vården för ÅÅMMDD-XXXX senast i juni', other, 'Arbete inom vården för ÅÅMMDD-XXXX senast i juni', 'Arbete inom vården för ÅÅMMDD-XXXX senast i juni']);
  });
});
