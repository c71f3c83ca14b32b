import { ENGINE_MESSAGES, PROBLEM_MESSAGES } from '../../i18n/catalog.js';
import type { AnyRule, Lang } from '../../engine/types.js';
import type { DataProblem, Location } from '../../model/problems.js';
import { problemMessage, reasonMessage, type FormatContext } from '../messages.js';
import type { CaseResult, Report } from '../types.js';
import { RECENT } from '../../engine/run.js';
import { ByteOut, statusSlot } from './bytes.js';
import { ReasonBytes } from './reason-bytes.js';
import { batched, textOf, type CaseWriter, type Out, type ReportHead, type WriterFactory } from './stream.js';

const NONE: ReadonlySet<string> = new Set();

/** The rules listed in notAssessed: the data formats give them no result in any akt. */
export function omitted(head: Pick<ReportHead, 'notAssessed'>): ReadonlySet<string> {
  return head.notAssessed.length === 0 ? NONE : new Set(head.notAssessed.map((x) => x.ruleId));
}

/**
 * One akt for machines: per rule run on it its status and the reasons' codes and data; `omit`, the
 * rules the export cannot assess in any akt, are left out (the same sentence in every akt). The
 * severity is in rules[]; the sentence for a reason is in the message catalogue (or here with --messages).
 */
export function caseJson(ctx: FormatContext, c: CaseResult, omit: ReadonlySet<string> = NONE): Record<string, unknown> {
  return {
    caseId: c.caseId,
    district: c.district,
    ...(c.origin ? { origin: c.origin } : {}),
    results: (omit.size === 0 ? c.results : c.results.filter((r) => !omit.has(r.ruleId))).map((r) => resultJson(ctx, r)),
  };
}

type Result = CaseResult['results'][number];

function resultJson(ctx: FormatContext, r: Result): Record<string, unknown> {
  return {
    ruleId: r.ruleId,
    status: r.status,
    ...(r.reasons.length > 0 ? { reasons: ctx.messages ? r.reasons.map((x) => ({ ...x, message: reasonMessage(ctx, r.ruleId, x) })) : r.reasons } : {}),
    ...(r.evidence && ctx.evidence ? { evidence: r.evidence } : {}),
    ...(r.baseline ? { baseline: r.baseline } : {}),
  };
}

/** Rule ids, statuses and stadsdelar recur in every akt: each is quoted once. */
const quoted = new Map<string, string>();
function q(s: string): string {
  let x = quoted.get(s);
  if (x === undefined) {
    x = JSON.stringify(s);
    if (quoted.size < 10_000) quoted.set(s, x);
  }
  return x;
}

/** `JSON.stringify(resultJson(ctx, r))`, built as text. */
function resultText(ctx: FormatContext, r: Result): string {
  if (ctx.messages) return JSON.stringify(resultJson(ctx, r));
  let s = `{"ruleId":${q(r.ruleId)},"status":${q(r.status)}`;
  if (r.reasons.length > 0) s += `,"reasons":${JSON.stringify(r.reasons)}`;
  if (r.evidence && ctx.evidence) s += `,"evidence":${JSON.stringify(r.evidence)}`;
  if (r.baseline) s += `,"baseline":${q(r.baseline)}`;
  return `${s}}`;
}

/** The akt's text up to its results: `{"caseId":…,"district":…,"origin":…,"results":[`. */
function caseStart(c: CaseResult): string {
  let s = `{"caseId":${JSON.stringify(c.caseId)}`;
  if (c.district !== undefined) s += `,"district":${c.district === null ? 'null' : q(c.district)}`;
  if (c.origin) s += `,"origin":${JSON.stringify(c.origin)}`;
  return `${s},"results":[`;
}

/**
 * `JSON.stringify(caseJson(ctx, c, omit))` without the object in between: the data formats write
 * this for every akt, so it is built as text (a property test holds the two equal).
 */
export function caseText(ctx: FormatContext, c: CaseResult, omit: ReadonlySet<string> = NONE): string {
  let s = caseStart(c);
  let first = true;
  for (const r of c.results) {
    if (omit.size > 0 && omit.has(r.ruleId)) continue;
    s += (first ? '' : ',') + resultText(ctx, r);
    first = false;
  }
  return `${s}]}`;
}

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const CASE_ID = utf8('{"caseId":');
const ORIGIN = utf8(',"origin":');
const RESULTS = utf8(',"results":[');
const CASE_END = utf8(']}');
const REASONS = utf8(',"reasons":');
const EVIDENCE = utf8(',"evidence":');
const BASELINE = utf8(',"baseline":');
const LINE = utf8(',"line":');
const INDEX = utf8(',"index":');
const COMMA = 0x2c;

/**
 * Writes each akt as `caseText` gives it, as UTF-8 into a ByteOut. A result is mostly the very
 * object an akt before had in its place (findingMasker), and then its bytes are copied from there,
 * not made again; a stadsdel's bytes are made once. An akt of its own is not made a string at all:
 * its caseId is written as it is unless JSON must escape it.
 */
class CaseBytes {
  /**
   * Per slot (4 × the rule's place + statusSlot), the last RECENT results there (the engine keeps as
   * many per rule and status, engine/run.ts), the latest first at RECENT × slot, and their bytes
   * (undefined: left out): at first where they were written, the buffer from `froms` up to `tos`,
   * made a view of their own (`froms` -1) only when an akt after has the same result. Most results
   * an akt has of its own (a planId in the reason) are never written again, and a view is an object.
   */
  private readonly keys: (Result | undefined)[] = [];
  private readonly texts: (Uint8Array | undefined)[] = [];
  private readonly froms: number[] = [];
  private readonly tos: number[] = [];
  private readonly districts = new Map<string | null, Uint8Array>();
  /** The stadsdel of the akt before (undefined: none yet) and its bytes. */
  private lastDistrict: string | null | undefined;
  private lastDistrictBytes: Uint8Array | undefined;
  /** Per slot, the start of its result's text: `{"ruleId":…,"status":…`. */
  private readonly ruleIds: string[] = [];
  private readonly statuses: string[] = [];
  private readonly heads: Uint8Array[] = [];
  private lastFile: string | undefined;
  private fileBytes = CASE_END;
  private readonly reasons: ReasonBytes;

  constructor(
    private readonly ctx: FormatContext,
    private readonly omit: ReadonlySet<string>,
    private readonly out: ByteOut,
  ) {
    this.reasons = new ReasonBytes(out);
  }

  write(c: CaseResult): void {
    const out = this.out;
    out.copy(CASE_ID);
    out.jsonString(c.caseId);
    if (c.district !== undefined) out.copy(this.district(c.district));
    if (c.origin) this.origin(c.origin);
    out.copy(RESULTS);
    const { keys, texts, froms, tos } = this;
    const results = c.results;
    let first = true;
    for (let i = 0; i < results.length; i++) {
      const r = results[i]!;
      const slot = 4 * i + statusSlot(r.status);
      const at = RECENT * slot;
      let e = at;
      while (e < at + RECENT && keys[e] !== r) e++;
      if (e < at + RECENT) {
        let bytes = texts[e];
        if (bytes === undefined) continue;
        if (!first) out.byte(COMMA);
        if (froms[e]! >= 0) {
          bytes = texts[e] = bytes.subarray(froms[e], tos[e]);
          froms[e] = -1;
        }
        out.copy(bytes);
      } else {
        // The latest first: the others move down one place, the oldest is forgotten.
        for (let j = at + RECENT - 1; j > at; j--) {
          keys[j] = keys[j - 1];
          texts[j] = texts[j - 1];
          froms[j] = froms[j - 1]!;
          tos[j] = tos[j - 1]!;
        }
        keys[at] = r;
        if (this.omit.size > 0 && this.omit.has(r.ruleId)) {
          texts[at] = undefined;
          continue;
        }
        if (!first) out.byte(COMMA);
        if (!this.result(r, slot, at)) keys[at] = undefined;
      }
      first = false;
    }
    out.copy(CASE_END);
  }

  /** `resultText`, written, and where its bytes are kept for the place `e`; false if they did not fit in one buffer. */
  private result(r: Result, slot: number, e: number): boolean {
    const out = this.out;
    if (this.ctx.messages) {
      this.texts[e] = out.piece(resultText(this.ctx, r));
      this.froms[e] = -1;
      return true;
    }
    const from = out.start(1024);
    if (this.ruleIds[slot] !== r.ruleId || this.statuses[slot] !== r.status) {
      this.ruleIds[slot] = r.ruleId;
      this.statuses[slot] = r.status;
      this.heads[slot] = utf8(`{"ruleId":${q(r.ruleId)},"status":${q(r.status)}`);
    }
    out.copy(this.heads[slot]!);
    if (r.reasons.length > 0) {
      out.copy(REASONS);
      this.reasons.write(r.reasons);
    }
    if (r.evidence && this.ctx.evidence) {
      out.copy(EVIDENCE);
      out.json(r.evidence);
    }
    if (r.baseline) {
      out.copy(BASELINE);
      out.jsonString(r.baseline);
    }
    out.byte(0x7d);
    const bytes = out.written();
    if (bytes === undefined) return false;
    this.texts[e] = bytes;
    this.froms[e] = from;
    this.tos[e] = out.at;
    return true;
  }

  /**
   * `,"origin":` and the origin as JSON.stringify writes it. The store's are the file, then a line
   * or an index (store/akt-store.ts), and the file's bytes are made once; any other shape is stringified.
   */
  private origin(o: Location): void {
    const out = this.out;
    const fields = o as unknown as Record<string, unknown>;
    let n = 0;
    let plain = true;
    // The key after the file, and its number: the store's origins have one.
    let second: string | undefined;
    let at = 0;
    for (const k in o) {
      const v = fields[k];
      if (n === 1) {
        second = k;
        at = v as number;
      }
      if (n++ === 0 ? k !== 'file' || typeof v !== 'string' : (k !== 'line' && k !== 'index') || typeof v !== 'number') plain = false;
    }
    if (!plain || n === 0) {
      out.copy(ORIGIN);
      return out.text(JSON.stringify(o));
    }
    if (o.file !== this.lastFile) {
      this.lastFile = o.file;
      this.fileBytes = utf8(`,"origin":{"file":${JSON.stringify(o.file)}`);
    }
    out.copy(this.fileBytes);
    if (n === 2) {
      out.copy(second === 'line' ? LINE : INDEX);
      out.number(at);
    } else {
      for (const k in o) {
        if (k === 'file') continue;
        out.copy(k === 'line' ? LINE : INDEX);
        out.number(fields[k] as number);
      }
    }
    out.byte(0x7d);
  }

  private district(d: string | null): Uint8Array {
    // Akter come a stadsdel at a time (report order).
    if (d === this.lastDistrict) return this.lastDistrictBytes!;
    let bytes = this.districts.get(d);
    if (bytes === undefined) {
      bytes = utf8(`,"district":${d === null ? 'null' : JSON.stringify(d)}`);
      if (this.districts.size < 10_000) this.districts.set(d, bytes);
    }
    this.lastDistrict = d;
    this.lastDistrictBytes = bytes;
    return bytes;
  }
}

/** What a thread needs to write akter as the json or ndjson writer does (caseBodies): data a clone carries. */
export interface BodyOptions {
  format: 'json' | 'ndjson';
  lang: Lang;
  messages: boolean;
  evidence: boolean;
  /** The rules left out of every akt (omitted). */
  omit: string[];
}

/**
 * Each akt as the compact json writer (after its first akt) or the ndjson writer adds it, for
 * another thread to write a later share of the akter that the main thread's writer then takes as
 * they are (CaseWriter.raw).
 */
export function caseBodies(opts: BodyOptions, rules: readonly AnyRule[], out: ByteOut): (c: CaseResult) => void {
  const ctx: FormatContext = { lang: opts.lang, rules: new Map(rules.map((r) => [r.id, r])), color: false, messages: opts.messages, evidence: opts.evidence };
  const akter = new CaseBytes(ctx, opts.omit.length === 0 ? NONE : new Set(opts.omit), out);
  if (opts.format === 'ndjson') {
    return (c) => {
      akter.write(c);
      out.byte(0x0a);
    };
  }
  return (c) => {
    out.byte(COMMA);
    akter.write(c);
  };
}

/** Message templates once, keyed by rule and code: {name} in a template is the reason's data. */
export function messageCatalogue(ctx: FormatContext, head: ReportHead): Record<string, unknown> {
  const rules: Record<string, Record<string, string>> = {};
  for (const { ruleId } of head.rules) {
    const rule = ctx.rules.get(ruleId);
    if (!rule) continue;
    // Made as entries, not by assignment, where a code named `__proto__` would set the prototype instead.
    rules[ruleId] = Object.fromEntries([...Object.entries(rule.reasons), ...Object.entries(rule.notApplicable)].map(([code, t]) => [code, (t as { sv: string; en: string })[ctx.lang]]));
  }
  const pick = (m: Record<string, { sv: string; en: string }>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v[ctx.lang]]));
  return { rules, engine: pick(ENGINE_MESSAGES), problems: pick(PROBLEM_MESSAGES) };
}

/** What follows the akter: the figures and the data problems. */
export function tailJson(report: Report, ctx: FormatContext): Record<string, unknown> {
  return { ...figuresJson(report), dataProblems: report.dataProblems.map((p) => problemJson(ctx, p)) };
}

/** The tail without its last key, dataProblems, which the streamed writers write one problem at a time. */
function figuresJson(report: Report): Record<string, unknown> {
  const { listed: _l, leftOut: _o, cases: _c, schemaVersion: _s, tool: _t, asOf: _a, rules: _r, grades: _g, privacy: _p, dataProblems: _d, ...rest } = report;
  return rest;
}

function headJson(head: ReportHead, ctx: FormatContext): Record<string, unknown> {
  const { schemaVersion, tool, asOf, rules, grades, privacy } = head;
  return { schemaVersion, tool, lang: ctx.lang, asOf, rules, grades, privacy };
}

/** Indents a whole value (with --pretty) or leaves it on one line. */
const text = (ctx: FormatContext, x: unknown) => JSON.stringify(x, null, ctx.pretty ? 2 : undefined);

/** A value's keys and values (undefined left out) as JSON fields, indented with --pretty. */
function fields(ctx: FormatContext, o: Record<string, unknown>): string[] {
  const pad = ctx.pretty ? '  ' : '';
  const indent = (s: string) => (ctx.pretty ? s.replace(/\n/g, '\n  ') : s);
  return Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${pad}${JSON.stringify(k)}:${ctx.pretty ? ' ' : ''}${indent(text(ctx, v))}`);
}

/**
 * The whole result for machines, written as the akter are made: the head, every akt, then the
 * figures. Compact (one line) unless --pretty.
 */
export const jsonWriter: WriterFactory = (head, ctx, to: Out): CaseWriter => (ctx.pretty ? prettyWriter(head, ctx, to) : compactWriter(head, ctx, to));

function compactWriter(head: ReportHead, ctx: FormatContext, to: Out): CaseWriter {
  const out = new ByteOut(to);
  out.write(`{${fields(ctx, { ...headJson(head, ctx), messages: messageCatalogue(ctx, head) }).join(',')},"cases":[`);
  const akter = new CaseBytes(ctx, omitted(head), out);
  let first = true;
  return {
    add(c) {
      if (!first) out.byte(COMMA);
      akter.write(c);
      first = false;
    },
    raw(b) {
      out.flush();
      to.write(b);
      first = false;
    },
    finish(report) {
      out.write(`],${fields(ctx, figuresJson(report)).join(',')},"dataProblems":`);
      const end = () => {
        out.write('}\n');
        out.flush();
      };
      const wait = writeProblems(ctx, report.dataProblems, out);
      return wait ? wait.then(end) : end();
    },
  };
}

/** With --pretty: each akt indented as JSON.stringify indents it. */
function prettyWriter(head: ReportHead, ctx: FormatContext, to: Out): CaseWriter {
  const out = batched(to);
  out.write(`{\n${fields(ctx, { ...headJson(head, ctx), messages: messageCatalogue(ctx, head) }).join(',\n')},\n  "cases": [`);
  const omit = omitted(head);
  let first = true;
  return {
    add(c) {
      out.write(`${first ? '' : ','}\n    ${text(ctx, caseJson(ctx, c, omit)).replace(/\n/g, '\n    ')}`);
      first = false;
    },
    finish(report) {
      out.write(`${first ? '' : '\n  '}],\n${fields(ctx, tailJson(report, ctx)).join(',\n')}\n}\n`);
      out.flush();
    },
  };
}

export function formatJson(report: Report, ctx: FormatContext): Generator<string> {
  return textOf(jsonWriter, report, ctx);
}

/**
 * NDJSON: one line per akt (as in cases[] of the JSON report), then one summary line: the JSON
 * report without cases[]. Streams into jq, DuckDB or pandas.
 */
export const ndjsonWriter: WriterFactory = (head, ctx, to: Out): CaseWriter => {
  const out = new ByteOut(to);
  const akter = new CaseBytes(ctx, omitted(head), out);
  return {
    add(c) {
      akter.write(c);
      out.byte(0x0a);
    },
    raw(b) {
      out.flush();
      to.write(b);
    },
    finish(report) {
      const rest = figuresJson(report);
      // The summary line's last key is dataProblems, written one problem at a time.
      out.write(`${JSON.stringify({ ...headJson(head, ctx), messages: messageCatalogue(ctx, head), ...rest }).slice(0, -1)},"dataProblems":`);
      const wait = writeProblems(ctx, report.dataProblems, out);
      const end = () => {
        out.write('}\n');
        out.flush();
      };
      return wait ? wait.then(end) : end();
    },
  };
};

export function formatNdjson(report: Report, ctx: FormatContext): Generator<string> {
  return textOf(ndjsonWriter, report, ctx);
}

/**
 * The data problems as a JSON array, one at a time: a country-wide export has hundreds of
 * thousands, too many to hold as one string beside the report.
 */
function writeProblems(ctx: FormatContext, problems: readonly DataProblem[], out: ByteOut, from = 0, write = problemWriter(ctx, out)): Promise<void> | undefined {
  // Synchronous unless the output is full, so that formatJson (pieces collected in memory) gets all.
  if (from === 0) out.byte(0x5b);
  for (let i = from; i < problems.length; i++) {
    if (i > 0) out.byte(COMMA);
    write(problems[i]!);
    const wait = i % 1000 === 999 ? out.settle() : undefined;
    if (wait) return wait.then(() => writeProblems(ctx, problems, out, i + 1, write));
  }
  out.write(']');
  return undefined;
}

const PROBLEM_KEYS = ['file', 'line', 'index', 'caseId', 'field', 'level', 'code', 'rejected', 'value', 'message'].map((k, i) => utf8(`${i === 0 ? '{' : ','}"${k}":`));
const NULL_INDEX = utf8(',"index":null');
const NULL_CASE_ID = utf8(',"caseId":null');

/**
 * `JSON.stringify(problemJson(ctx, p))`, written without the object (a country-wide export has
 * hundreds of thousands). A run's problems are mostly one code in one field of one file (future
 * dates of follow-ups): the bytes before the line, and from the field to the value, are made once
 * for the problem before and copied while the next has the same.
 */
function problemWriter(ctx: Pick<FormatContext, 'lang' | 'messages'>, out: ByteOut): (p: DataProblem) => void {
  let file: string | undefined;
  let fileBytes = PROBLEM_KEYS[0]!;
  let field: string | undefined;
  let level: string | undefined;
  let code: string | undefined;
  let rejected: boolean | undefined;
  let middle = PROBLEM_KEYS[4]!;
  return (p) => {
    const { line, index, caseId, value } = p;
    // Anything else than the store's shapes (a plug-in's, a test's) as the generic writer has it.
    if (
      typeof p.file !== 'string' ||
      !(line === undefined || typeof line === 'number') ||
      index !== undefined ||
      !(caseId === undefined || typeof caseId === 'string') ||
      !(p.field === undefined || typeof p.field === 'string') ||
      typeof p.level !== 'string' ||
      typeof p.code !== 'string' ||
      !(p.rejected === undefined || typeof p.rejected === 'boolean') ||
      !(value === undefined || typeof value === 'string')
    ) {
      return problemBytes(ctx, p, out);
    }
    if (p.file !== file) {
      file = p.file;
      fileBytes = utf8(`{"file":${JSON.stringify(file)},"line":`);
    }
    out.copy(fileBytes);
    if (line === undefined) out.ascii('null');
    else out.number(line);
    out.copy(NULL_INDEX);
    if (caseId === undefined) out.copy(NULL_CASE_ID);
    else {
      out.copy(PROBLEM_KEYS[3]!);
      out.jsonString(caseId);
    }
    if (p.field !== field || p.level !== level || p.code !== code || p.rejected !== rejected) {
      field = p.field;
      level = p.level;
      code = p.code;
      rejected = p.rejected;
      middle = utf8(`,"field":${JSON.stringify(field ?? null)},"level":${JSON.stringify(level)},"code":${JSON.stringify(code)},"rejected":${rejected ?? false},"value":`);
    }
    out.copy(middle);
    if (value === undefined) out.ascii('null');
    else out.jsonString(value);
    if (ctx.messages) {
      out.copy(PROBLEM_KEYS[9]!);
      out.jsonString(problemMessage(ctx, p));
    }
    out.byte(0x7d);
  };
}

/** `JSON.stringify(problemJson(ctx, p))`, written without the object, for any shape of problem. */
function problemBytes(ctx: Pick<FormatContext, 'lang' | 'messages'>, p: DataProblem, out: ByteOut): void {
  const values = [p.file, p.line ?? null, p.index ?? null, p.caseId ?? null, p.field ?? null, p.level, p.code, p.rejected ?? false, p.value ?? null];
  for (let i = 0; i < values.length; i++) {
    out.copy(PROBLEM_KEYS[i]!);
    out.json(values[i]);
  }
  if (ctx.messages) {
    out.copy(PROBLEM_KEYS[9]!);
    out.jsonString(problemMessage(ctx, p));
  }
  out.byte(0x7d);
}

/** One data problem with every key present, so consumers need no existence checks; its sentence only with --messages. */
export function problemJson(ctx: Pick<FormatContext, 'lang' | 'messages'>, p: DataProblem): Record<string, unknown> {
  return {
    file: p.file,
    line: p.line ?? null,
    index: p.index ?? null,
    caseId: p.caseId ?? null,
    field: p.field ?? null,
    level: p.level,
    code: p.code,
    rejected: p.rejected ?? false,
    value: p.value ?? null,
    ...(ctx.messages ? { message: problemMessage(ctx, p) } : {}),
  };
}
