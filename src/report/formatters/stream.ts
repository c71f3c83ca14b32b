import type { FormatContext } from '../messages.js';
import type { CaseResult, Report, ReportHead } from '../types.js';

export type { ReportHead };

/** Where a writer puts its output: a file or stdout, or pieces collected for a formatter. */
export interface Out {
  write(chunk: string | Uint8Array): unknown;
}

/** An output that holds what is written until `flush`; `settle` as ByteOut's (bytes.ts). */
export type Batched = Out & { flush(): void; settle(): Promise<void> | undefined };

/**
 * Joins the small writes of a text format (one per akt) into pieces of about `size` characters:
 * turning each short string into a buffer of its own cost more than the text. `flush` writes what
 * is held; the writer calls it when it finishes.
 */
export function batched(out: Out, size = 1 << 16): Batched {
  let parts: string[] = [];
  let length = 0;
  const flush = () => {
    if (parts.length === 0) return;
    out.write(parts.length === 1 ? parts[0]! : parts.join(''));
    parts = [];
    length = 0;
  };
  return {
    write(chunk) {
      if (typeof chunk !== 'string') {
        flush();
        return out.write(chunk);
      }
      parts.push(chunk);
      length += chunk.length;
      if (length >= size) flush();
      return true;
    },
    flush,
    /** When the output (a Node stream) is full, a promise of when it has taken what was written. */
    settle() {
      const stream = out as Partial<Pick<NodeJS.WritableStream, 'once'>> & { writableNeedDrain?: boolean };
      return stream.writableNeedDrain && stream.once ? new Promise<void>((r) => stream.once!('drain', () => r())) : undefined;
    },
  };
}

/**
 * A data format that lists every akt, written in the same pass that aggregates: each akt is
 * added as it is made, and the figures come last. So no format walks the akter a second time.
 */
export interface CaseWriter {
  add(c: CaseResult): void;
  /** Bytes of akter as another thread wrote them for this writer (json.ts caseBodies), after those added. */
  raw?(b: Uint8Array): void;
  /** When the writer has work queued (in another thread), a promise of when it can take more akter. */
  ready?(): Promise<void> | undefined;
  /** Writes what needs the whole report (figures, data problems); resolves when the output is complete. */
  finish(report: Report): void | Promise<void>;
}

export type WriterFactory = (head: ReportHead, ctx: FormatContext, out: Out) => CaseWriter;

export function headOf(report: Report): ReportHead {
  const { schemaVersion, tool, asOf, rules, grades, privacy, notAssessed } = report;
  return { schemaVersion, tool, asOf, rules, grades, privacy, notAssessed };
}

/** A writer over a finished report (its akter walked once more), for a report not written in the pass. */
export async function writeReport(factory: WriterFactory, report: Report, ctx: FormatContext, out: Out): Promise<void> {
  const w = factory(headOf(report), ctx, out);
  let n = 0;
  for (const c of report.cases) {
    w.add(c);
    if (++n % 256 === 0) await w.ready?.();
  }
  await w.finish(report);
}

/**
 * A text writer as a formatter: pieces yielded about every thousand akter. Only for writers whose
 * finish is synchronous, which they are on one thread.
 */
export function* textOf(factory: WriterFactory, report: Report, ctx: FormatContext): Generator<string> {
  let pieces: string[] = [];
  // json's and ndjson's writers hand on UTF-8, each buffer ending where a piece of text does.
  const w = factory(headOf(report), { ...ctx, threads: 1 }, { write: (s) => pieces.push(typeof s === 'string' ? s : Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString('utf8')) });
  let n = 0;
  for (const c of report.cases) {
    w.add(c);
    if (++n % 1000 === 0) {
      yield pieces.join('');
      pieces = [];
    }
  }
  void w.finish(report);
  yield pieces.join('');
}
