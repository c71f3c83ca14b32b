import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import type { DataProblem } from '../src/model/problems.js';
import { ByteOut } from '../src/report/formatters/bytes.js';
import { caseText, jsonWriter, ndjsonWriter, omitted, problemJson } from '../src/report/formatters/json.js';
import type { FormatContext } from '../src/report/messages.js';
import type { CaseResult, Report, ReportHead } from '../src/report/types.js';

/** A ByteOut over buffers of `size` bytes, and all it handed on. */
function collected(size?: number): { out: ByteOut; bytes: () => Buffer; chunks: Uint8Array[] } {
  const chunks: Uint8Array[] = [];
  const out = new ByteOut({ write: (c) => chunks.push(c as Uint8Array) }, size);
  return {
    out,
    chunks,
    bytes: () => {
      out.flush();
      return Buffer.concat(chunks);
    },
  };
}

/** Any UTF-16, lone surrogates too, as caseIds and data may hold. */
const anyText = fc.oneof(fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('', '"', '\\', '\u2028', '\u007f', 'Spånga-Tensta', 'a\u0000b'));
const number = fc.oneof(fc.integer(), fc.nat(), fc.double(), fc.constantFrom(-0, 2 ** 31 - 1, 2 ** 31, 1e21, NaN, Infinity, -Infinity));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, anyText, number, fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.oneof(
    fc.dictionary(fc.oneof(anyText, fc.constantFrom('__proto__', 'toJSON', '2', '1')), tie('value'), { maxKeys: 4 }),
    fc.constant(Object.assign(Object.create(null) as object, { a: 1 })),
    fc.constant({ toJSON: () => 'own toJSON' }),
  ),
})).value;

describe('ByteOut', () => {
  it('writes any value as the UTF-8 of JSON.stringify, across buffers of any size', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 6 }), fc.integer({ min: 1, max: 200 }), (values, size) => {
        const { out, bytes } = collected(size);
        for (const v of values) {
          out.json(v);
          out.byte(0x0a);
        }
        const expected = values.map((v) => `${JSON.stringify(v) ?? 'null'}\n`).join('');
        expect(bytes().equals(Buffer.from(expected, 'utf8'))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes text as UTF-8, and a piece kept keeps its bytes after the buffer is handed on', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, fc.boolean())), fc.integer({ min: 1, max: 100 }), (texts, size) => {
        const { out, bytes } = collected(size);
        const kept: [Uint8Array, string][] = [];
        for (const [t, keep] of texts) {
          if (keep) kept.push([out.piece(t), t]);
          else out.text(t);
        }
        // Each text is encoded on its own, as a stream's writes are: a lone surrogate at the end of
        // one and its other half at the start of the next are two replacement characters, not one pair.
        expect(bytes().equals(Buffer.concat(texts.map(([t]) => Buffer.from(t, 'utf8'))))).toBe(true);
        for (const [piece, t] of kept) expect(Buffer.from(piece).equals(Buffer.from(t, 'utf8'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gives where the bytes since start are only while they are in one buffer, and they stay there', () => {
    const { out, bytes } = collected(8);
    let from = out.start(4);
    out.text('abcd');
    const held = out.written()!;
    expect(held.subarray(from, out.at).toString()).toBe('abcd');
    from = out.start(2);
    out.text('efghijkl');
    expect(out.written()).toBeUndefined();
    // What was written stays in the buffer handed on.
    out.copy(held.subarray(1, 3));
    expect(bytes().toString()).toBe('abcdefghijklbc');
  });
});

const ctx: FormatContext = { lang: 'sv', rules: new Map(builtinRules.map((r) => [r.id, r])), color: false };
const ruleIds = builtinRules.slice(0, 3).map((r) => r.id);
const data = fc.dictionary(fc.constantFrom('planId', 'goal', 'days', 'ä"\\'), fc.oneof(anyText, fc.integer()), { maxKeys: 3 });
const result = (ruleId: string) =>
  fc.record(
    {
      ruleId: fc.constant(ruleId),
      status: fc.constantFrom('pass', 'fail', 'not-applicable', 'not-assessable' as const),
      severity: fc.constantFrom('error', 'warning' as const),
      reasons: fc.array(fc.record({ code: fc.constantFrom('expired', 'no-plan', 'missing-data'), data }, { requiredKeys: ['code'] }), { maxLength: 2 }),
      evidence: data,
      baseline: fc.constantFrom('accepted', 'expired' as const),
    },
    { requiredKeys: ['ruleId', 'status', 'severity', 'reasons'] },
  );
/** Origins as the store makes them, and in shapes it does not. */
const origin = fc.oneof(
  fc.record({ file: anyText, line: fc.nat() }),
  fc.record({ file: anyText, index: fc.nat() }),
  fc.record({ file: anyText, line: fc.integer(), index: fc.double() }, { requiredKeys: ['file'] }),
  fc.record({ index: fc.nat(), file: anyText }),
  fc.record({ file: anyText, sheet: anyText }),
  fc.constantFrom({}, { line: 3 }, { file: 'a.csv', line: undefined }),
);
const akt: fc.Arbitrary<CaseResult> = fc.record(
  {
    caseId: anyText,
    district: fc.oneof(fc.constant(null), anyText, fc.constantFrom('Bromma', 'Spånga-Tensta')),
    origin: origin as fc.Arbitrary<CaseResult['origin'] & object>,
    results: fc.tuple(...ruleIds.map(result)),
  },
  { requiredKeys: ['caseId', 'district', 'results'] },
);
/** Akter where most results are the very objects of the akt before, as the engine gives them; some long enough to fill a buffer. */
const akter = fc.array(fc.tuple(akt, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), fc.nat(4000)), { maxLength: 30 }).map((list) => {
  const out: CaseResult[] = [];
  for (const [c, keep, pad] of list) {
    const before = out[out.length - 1];
    const padded = pad > 3000 ? { ...c, caseId: c.caseId + 'x'.repeat(pad * 20) } : c;
    out.push(before ? { ...padded, results: padded.results.map((r, i) => (keep[i] ? before.results[i]! : r)) } : padded);
  }
  return out;
});
/** Akter whose results are, each, the very object some akt a few before had in its place (results in turns of a few), or new. */
const inTurns = fc.array(fc.tuple(akt, fc.array(fc.nat(6), { minLength: 3, maxLength: 3 })), { maxLength: 40 }).map((list) => {
  const out: CaseResult[] = [];
  for (const [c, back] of list) out.push({ ...c, results: c.results.map((r, i) => (back[i]! > 0 && out.length >= back[i]! ? out[out.length - back[i]!]!.results[i]! : r)) });
  return out;
});
const problem: fc.Arbitrary<DataProblem> = fc.record(
  {
    file: anyText,
    line: fc.nat(),
    index: fc.nat(),
    caseId: anyText,
    field: anyText,
    level: fc.constantFrom('error', 'notice' as const),
    code: fc.constantFrom('missing-required', 'invalid-date', 'wrong-type' as const),
    rejected: fc.boolean(),
    value: anyText,
  },
  { requiredKeys: ['file', 'level', 'code'] },
) as fc.Arbitrary<DataProblem>;

function head(notAssessed: ReportHead['notAssessed']): ReportHead {
  return { schemaVersion: 3, tool: { name: 'aktgranskning', version: 'test' }, asOf: '2011-06-01', rules: ruleIds.map((ruleId) => ({ ruleId, severity: 'error', options: {} })), grades: { fulfilled: 90, largely: 75, partly: 50 }, privacy: { mode: 'working-papers' }, notAssessed };
}

/** A writer's whole output for the akter and data problems (a report without figures). */
function written(factory: typeof jsonWriter, h: ReportHead, x: FormatContext, cases: readonly CaseResult[], problems: DataProblem[]): string {
  const chunks: Uint8Array[] = [];
  const w = factory(h, x, { write: (c) => chunks.push(typeof c === 'string' ? Buffer.from(c) : c) });
  for (const c of cases) w.add(c);
  void w.finish({ ...h, dataProblems: problems } as unknown as Report);
  return Buffer.concat(chunks).toString('utf8');
}

describe('json and ndjson written as bytes', () => {
  it('list each akt as caseText writes it and each data problem as JSON.stringify writes problemJson, whatever its shape', () => {
    fc.assert(
      fc.property(akter, fc.array(problem, { maxLength: 5 }), fc.subarray(ruleIds), fc.boolean(), fc.boolean(), (cases, problems, na, messages, evidence) => {
        const x = { ...ctx, messages, evidence };
        const h = head(na.map((ruleId) => ({ ruleId, missing: 'plans' })));
        const omit = omitted(h);
        const tail = `"dataProblems":${JSON.stringify(problems.map((p) => problemJson(x, p)))}}\n`;
        const nd = written(ndjsonWriter, h, x, cases, problems);
        expect(nd.startsWith(cases.map((c) => `${caseText(x, c, omit)}\n`).join(''))).toBe(true);
        expect(nd.endsWith(tail)).toBe(true);
        const json = written(jsonWriter, h, x, cases, problems);
        const listed = json.slice(json.indexOf('"cases":[') + '"cases":['.length);
        expect(listed.startsWith(`${cases.map((c) => caseText(x, c, omit)).join(',')}],`)).toBe(true);
        expect(json.endsWith(tail)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('list each akt as caseText writes it when results come back in turns of a few', () => {
    fc.assert(
      fc.property(inTurns, fc.subarray(ruleIds), fc.boolean(), (cases, na, evidence) => {
        const x = { ...ctx, evidence };
        const h = head(na.map((ruleId) => ({ ruleId, missing: 'plans' })));
        const omit = omitted(h);
        const nd = written(ndjsonWriter, h, x, cases, []);
        expect(nd.startsWith(cases.map((c) => `${caseText(x, c, omit)}\n`).join(''))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
