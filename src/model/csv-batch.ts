import { canonicalHeader } from './columns.js';
import { FieldIssue, ISSUES, makeChecks, scalarFields, UNIQUE_FIELDS, type Encoded, type ScopeChecks } from './codec.js';
import { IntColumn, ValueTable } from './columns-store.js';
import { csvLayout, type CsvLayout } from './csv-layout.js';
import type { Scope } from './fields.js';
import type { ProblemCode } from './problems.js';
import type { ExportMapping } from './types.js';
import { makeNormalize } from './values.js';
import type { CsvTable } from '../load/discover.js';

/** Slots before a row's fields: whether the row is usable, its caseId and (delmål) its planId. */
const HEAD = 3;

/**
 * Rows of one CSV table as the worker thread encoded them: value ids and a few texts instead of
 * every field as text, so the main thread only has to store them. Slots hold 0 for "no value",
 * n > 0 for a value id (or texts[n - 1] for identifiers), and -(k + 1) for issues[k].
 */
export interface EncodedBatch {
  kind: 'encoded';
  lines: Int32Array;
  cells: Int32Array;
  texts: string[];
  issues: { code: ProblemCode; raw: string | undefined }[];
  /** Values the worker met for the first time, in the order of its ids. */
  fresh: unknown[];
}

/** Encodes rows on the worker, with the same checks the main thread would run. */
export class BatchEncoder {
  private readonly values = new ValueTable();
  private readonly checks: Record<Scope, ScopeChecks>;
  private sent = 1;
  private layout: CsvLayout | undefined;
  private columns = 0;
  private width = 0;
  private lines: number[] = [];
  private cells: number[] = [];
  private texts: string[] = [];
  private issues: EncodedBatch['issues'] = [];

  constructor(private readonly mapping: ExportMapping | undefined) {
    this.checks = makeChecks(makeNormalize(mapping), this.values);
  }

  /** A new file: its header says which column holds which field. */
  header(table: CsvTable, fields: readonly string[]): void {
    this.layout = csvLayout(table, canonicalHeader(table, fields, this.mapping?.columns?.[table]).columns);
    this.columns = fields.length;
    this.width = HEAD + this.layout.cols.length;
  }

  get size(): number {
    return this.lines.length;
  }

  private text(s: string): number {
    return this.texts.push(s);
  }

  add(line: number, fields: readonly string[]): void {
    const layout = this.layout!;
    // A row whose field count is wrong goes over as read; the main thread rejects it.
    if (fields.length !== this.columns) return this.addBad(line, fields);
    this.lines.push(line);
    const { encoders, fields: names } = this.checks[layout.scope];
    // A child row's caseId (and a delmål's planId) find its parent on the main thread; an akt's caseId is one of its fields.
    const caseId = layout.table !== 'cases' && layout.caseCol >= 0 ? this.text(fields[layout.caseCol]!) : 0;
    this.cells.push(1, caseId, layout.planCol >= 0 ? this.text(fields[layout.planCol]!) : 0);
    for (let f = 0; f < layout.cols.length; f++) {
      const col = layout.cols[f]!;
      const raw = col >= 0 ? fields[col] : undefined;
      const v = encoders[f]!(raw);
      if (v instanceof FieldIssue) this.cells.push(-this.issues.push({ code: v.code, raw }));
      else if (v === undefined) this.cells.push(0);
      else if (UNIQUE_FIELDS.has(names[f]!)) this.cells.push(this.text(v as string));
      else this.cells.push(v as number);
    }
  }

  private addBad(line: number, fields: readonly string[]): void {
    this.lines.push(line);
    this.cells.push(0, this.text(JSON.stringify(fields)), 0);
    for (let f = HEAD; f < this.width; f++) this.cells.push(0);
  }

  take(): EncodedBatch {
    const batch: EncodedBatch = {
      kind: 'encoded',
      lines: Int32Array.from(this.lines),
      cells: Int32Array.from(this.cells),
      texts: this.texts,
      issues: this.issues,
      fresh: this.values.values.slice(this.sent),
    };
    this.sent = this.values.values.length;
    this.lines = [];
    this.cells = [];
    this.texts = [];
    this.issues = [];
    return batch;
  }
}

/** What the main thread does with an encoded row: store it, or reject it as read. */
export interface BatchSink {
  buffers(scope: Scope): { encoded: Encoded[]; raws: unknown[] };
  row(line: number, caseId: string | undefined, planId: string | undefined): void;
  bad(line: number, fields: string[]): void;
}

/** Turns the worker's value ids into the store's, as new values arrive. */
export class BatchReader {
  private readonly ids = new IntColumn();

  constructor(private readonly values: ValueTable) {
    this.ids.push(0);
  }

  read(batch: EncodedBatch, layout: CsvLayout, sink: BatchSink): void {
    for (const v of batch.fresh) this.ids.push(this.values.id(v));
    const ids = this.ids.data;
    const { cells, texts, issues, lines } = batch;
    const n = layout.cols.length;
    const width = HEAD + n;
    const { encoded, raws } = sink.buffers(layout.scope);
    const unique = scalarFields(layout.scope).map((f) => UNIQUE_FIELDS.has(f));
    for (let r = 0, base = 0; r < lines.length; r++, base += width) {
      if (cells[base] === 0) {
        sink.bad(lines[r]!, JSON.parse(texts[cells[base + 1]! - 1]!) as string[]);
        continue;
      }
      for (let f = 0; f < n; f++) {
        const v = cells[base + HEAD + f]!;
        if (v < 0) {
          const issue = issues[-v - 1]!;
          encoded[f] = ISSUES.get(issue.code);
          raws[f] = issue.raw;
        } else if (unique[f]) encoded[f] = v === 0 ? undefined : texts[v - 1];
        else encoded[f] = ids[v];
      }
      const c = cells[base + 1]!;
      const p = cells[base + 2]!;
      sink.row(lines[r]!, c === 0 ? undefined : texts[c - 1], p === 0 ? undefined : texts[p - 1]);
    }
  }
}
