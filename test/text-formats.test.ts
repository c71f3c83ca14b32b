import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { cellWriter, csvWriter, neutralise, wideHeader, wideRow } from '../src/report/formatters/csv.js';
import { caseText, jsonWriter, ndjsonWriter, omitted } from '../src/report/formatters/json.js';
import type { WriterFactory } from '../src/report/formatters/stream.js';
import { statusName } from '../src/i18n/report-text.js';
import { districtName, reasonMessage, ruleTitle, type FormatContext } from '../src/report/messages.js';
import type { CaseResult, Report, ReportHead } from '../src/report/types.js';

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
/** Any UTF-16, lone surrogates too, as caseIds and data may hold. */
const anyText = fc.string({ unit: 'binary', maxLength: 12 });

describe('a CSV cell', () => {
  it('is what csv-stringify writes, with either delimiter and line ending', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyText, fc.constantFrom('', '"', ';', ',', '\r', '\n', '\r\n', 'a\r', '\ra', 'a"b', '=1+1'))), fc.boolean(), (row, excel) => {
        const delimiter = excel ? ';' : ',';
        const record_delimiter = excel ? '\r\n' : '\n';
        const cell = cellWriter(delimiter, record_delimiter);
        const ours = row.length === 0 ? '' : row.map(cell).join(delimiter) + record_delimiter;
        expect(ours).toBe(stringify(row.length === 0 ? [] : [row], { delimiter, record_delimiter }));
      }),
      { numRuns: 2000 },
    );
  });
});

const ctx: FormatContext = { lang: 'sv', rules: new Map(builtinRules.map((r) => [r.id, r])), color: false, threads: 1 };
const ruleIds = builtinRules.slice(0, 4).map((r) => r.id);
const result = (ruleId: string) =>
  fc.record(
    {
      ruleId: fc.constant(ruleId),
      status: fc.constantFrom('pass', 'fail', 'not-applicable', 'not-assessable' as const),
      severity: fc.constantFrom('error', 'warning' as const),
      // Codes are the rules' own names, never the export's (a code named as an Object method has no sentence).
      reasons: fc.array(fc.record({ code: fc.oneof(fc.stringMatching(/^[a-z-]{1,8}$/).filter((x) => !(x in {})), fc.constantFrom('expired', 'no-plan', 'missing-data')), data: fc.dictionary(fc.constantFrom('planId', 'goal'), anyText, { maxKeys: 2 }) }, { requiredKeys: ['code'] }), { maxLength: 2 }),
    },
    { requiredKeys: ['ruleId', 'status', 'severity', 'reasons'] },
  );
const akt: fc.Arbitrary<CaseResult> = fc.record(
  {
    caseId: fc.oneof(anyText, fc.constantFrom('=1+1', 'a,b', 'Å"1')),
    district: fc.oneof(fc.constant(null), anyText, fc.constantFrom('Bromma', 'Spånga-Tensta')),
    origin: fc.record({ file: text, line: fc.integer({ min: 1 }) }),
    results: fc.tuple(...ruleIds.map(result)),
  },
  { requiredKeys: ['caseId', 'district', 'results'] },
);
/** Akter where most results are the very objects of the akt before, as the engine gives them. */
const akter = fc.array(fc.tuple(akt, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 })), { maxLength: 40 }).map((list) => {
  const out: CaseResult[] = [];
  for (const [c, keep] of list) {
    const before = out[out.length - 1];
    out.push(before ? { ...c, results: c.results.map((r, i) => (keep[i] ? before.results[i]! : r)) } : c);
  }
  return out;
});
const notAssessed = fc.subarray(ruleIds).map((ids) => ids.map((ruleId) => ({ ruleId, missing: 'plans' })));

function head(na: ReportHead['notAssessed']): ReportHead {
  return { schemaVersion: 3, tool: { name: 'aktgranskning', version: 'test' }, asOf: '2011-06-01', rules: ruleIds.map((ruleId) => ({ ruleId, severity: 'error', options: {} })), grades: { fulfilled: 90, largely: 75, partly: 50 }, privacy: { mode: 'working-papers' }, notAssessed: na };
}

/** The text a writer gives for the akter, up to the figures (which a test report does not have). */
function akterText(factory: WriterFactory, h: ReportHead, x: FormatContext, cases: readonly CaseResult[]): string {
  const pieces: string[] = [];
  const w = factory(h, x, { write: (s) => pieces.push(s as string) });
  for (const c of cases) w.add(c);
  // The figures are not what is tested here: the writer is ended by a report with none.
  void w.finish({ ...h, dataProblems: [] } as unknown as Report);
  return pieces.join('');
}

describe('the text data formats', () => {
  it('CSV, wide and long, plain and for Excel, is what csv-stringify makes of the rows', () => {
    fc.assert(
      fc.property(akter, fc.boolean(), (cases, excel) => {
        const x = { ...ctx, excel };
        const options = { delimiter: excel ? ';' : ',', record_delimiter: excel ? '\r\n' : '\n' };
        const bom = excel ? '\uFEFF' : '';
        const h = head([]);
        expect(akterText(csvWriter, h, x, cases)).toBe(bom + stringify([wideHeader(h), ...cases.map((c) => wideRow(x, c).map(neutralise))], options));
        const longRows = cases.flatMap((c) =>
          c.results.map((r) => [c.caseId, districtName(x, c), r.ruleId, ruleTitle(x, r.ruleId), r.status, statusName(r.status, x.lang), r.severity, r.reasons.map((y) => y.code).join(' '), r.reasons.map((y) => reasonMessage(x, r.ruleId, y)).join(' ')].map(neutralise)),
        );
        const longHeader = ['caseId', 'district', 'ruleId', 'rule', 'status', 'statusText', 'severity', 'reasonCodes', 'reasons'];
        expect(akterText(csvWriter, h, { ...x, csvLayout: 'long' }, cases)).toBe(bom + stringify([longHeader, ...longRows], options));
      }),
      { numRuns: 300 },
    );
  });

  it('NDJSON and JSON list each akt as caseText writes it, the rules not assessed left out', () => {
    fc.assert(
      fc.property(akter, notAssessed, fc.boolean(), (cases, na, messages) => {
        const x = { ...ctx, messages };
        const omit = omitted({ notAssessed: na });
        const lines = akterText(ndjsonWriter, head(na), x, cases).split('\n');
        expect(lines.slice(0, cases.length)).toEqual(cases.map((c) => caseText(x, c, omit)));
        const json = akterText(jsonWriter, head(na), x, cases);
        const listed = json.slice(json.indexOf('"cases":[') + '"cases":['.length);
        expect(listed.startsWith(`${cases.map((c) => caseText(x, c, omit)).join(',')}],`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
