import { Writable } from 'node:stream';
import { severityName } from '../../i18n/catalog.js';
import { gradeName } from '../../i18n/report-text.js';
import { ui } from '../../i18n/ui.js';
import { workerBuilt } from '../../load/prefetch.js';
import type { DataProblem } from '../../model/problems.js';
import { districtName, problemMessage, ruleTitle, type FormatContext } from '../messages.js';
import type { CaseResult, Report } from '../types.js';
import { statusSlot } from './bytes.js';
import { wideHeader } from './csv.js';
import { GRADE_COLOURS } from './html.js';
import type { CaseWriter, Out, WriterFactory } from './stream.js';
import type { BookEnd, BookStart, Sheet, Value } from './xlsx-book.js';
import { RowCoder, type CodedRows } from './xlsx-rows.js';
import { workerOutput } from './worker-output.js';
import type { ToBook } from './xlsx-worker.js';

const PERCENT = '0%';
/**
 * Akter rows sent to the workbook's thread at a time, and how many such batches may wait there: a
 * batch is some 150 kB, and while the thread starts (loading exceljs) the pass must not wait for
 * it. Each message cost the main thread more than its rows did (1.1 s of it for 1,563 messages at
 * 400,000 akter, in batches of 256).
 */
const BATCH = 1024;
const IN_FLIGHT = 16;

/**
 * A workbook written as it goes (exceljs's streaming writer, in a worker thread: xlsx-worker.ts):
 * Akter gets a row per akt in the pass that aggregates; Sammanfattning, Dataproblem and Metod are
 * written at the end. This side words the cells; the worker lays them out and zips them.
 */
export const xlsxWriter: WriterFactory = (head, ctx, out): CaseWriter => {
  const header = wideHeader(head);
  const book = startBook(
    {
      creator: `${head.tool.name} ${head.tool.version}`,
      created: new Date(`${head.asOf}T00:00:00Z`),
      cases: header.map((h, i) => ({ header: h, width: i < 2 ? 22 : h.endsWith('.reasons') ? 18 : 14 })),
    },
    out,
    ctx.threads,
  );
  const rows = new RowCoder();
  // Per slot (4 × the rule's place + its status), the last result there and its two cells' numbers:
  // mostly the very object the akt before had (report/build.ts findingMasker), so its cells are not made again.
  const keys: (CaseResult['results'][number] | undefined)[] = [];
  const status: number[] = [];
  const codes: number[] = [];
  return {
    add(c) {
      rows.start(c.caseId);
      rows.cell(rows.word(districtName(ctx, c)));
      const results = c.results;
      for (let i = 0; i < results.length; i++) {
        const r = results[i]!;
        const slot = 4 * i + statusSlot(r.status);
        if (keys[slot] !== r) {
          keys[slot] = r;
          status[slot] = rows.word(r.status);
          codes[slot] = rows.word(r.reasons.map((x) => x.code).join(' '));
        }
        rows.cell(status[slot]!);
        rows.cell(codes[slot]!);
      }
      if (rows.size === BATCH) book.rows(rows.take());
    },
    ready: () => book.ready(),
    async finish(report) {
      if (rows.size > 0) book.rows(rows.take());
      await book.finish({ summary: summarySheet(ctx, report), problems: problemsSheet(ctx, report), method: methodSheet(ctx, report) });
    },
  };
};

interface BookWriter {
  rows(rows: CodedRows): void;
  ready(): Promise<void> | undefined;
  finish(end: BookEnd): Promise<void>;
}

const WORKER = new URL('./xlsx-worker.js', import.meta.url);

/**
 * On a worker thread unless the run keeps to one thread (--threads 1). The worker runs the built
 * JavaScript; from the TypeScript sources (unit tests) there is none, and the workbook is written on
 * this thread. Either way the bytes are the same (test/xlsx.test.ts).
 */
function startBook(start: BookStart, out: Out, threads = Infinity): BookWriter {
  return threads > 1 && workerBuilt(WORKER) ? workerBook(start, out) : localBook(start, out);
}

/** The workbook on this thread, each batch written before the pass goes on. */
function localBook(start: BookStart, out: Out): BookWriter {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      const ok = out.write(chunk);
      if (ok === false && out instanceof Writable) out.once('drain', () => done());
      else done();
    },
  });
  // exceljs is loaded only when a workbook is written.
  const loaded = import('./xlsx-book.js').then((m) => new m.Book(start, stream));
  let written: Promise<unknown> = loaded;
  return {
    rows(rows) {
      written = written.then(async () => {
        const book = await loaded;
        book.coded(rows);
        await book.settled();
      });
    },
    ready: () => written.then(() => undefined),
    async finish(end) {
      await written;
      await (await loaded).finish(end);
    },
  };
}

/** The main thread's side of the worker: sends rows; the worker says when it has taken a batch. */
function workerBook(start: BookStart, out: Out): BookWriter {
  const output = workerOutput<ToBook>(WORKER, out, { name: 'xlsx', writes: 'the workbook', limit: IN_FLIGHT, workerData: start });
  return {
    rows(rows) {
      output.count();
      output.post({ rows }, [rows.ends.buffer as ArrayBuffer, rows.cells.buffer as ArrayBuffer]);
    },
    ready: () => output.ready(),
    finish: (end) => output.finish({ end }),
  };
}

function summarySheet(ctx: FormatContext, report: Report): Sheet {
  const { lang } = ctx;
  const sv = lang === 'sv';
  const groups = [...report.districts, report.total];
  const rows: Value[][] = [];
  const cells: NonNullable<Sheet['cells']> = [];
  for (const d of groups) {
    for (const s of d.rules) {
      if (s.grade) cells.push({ row: rows.length, column: 10, argb: `FF${GRADE_COLOURS[s.grade].slice(1).toUpperCase()}` });
      rows.push([
        d === report.total ? ui('total', lang) : districtName(ctx, d),
        ruleTitle(ctx, s.ruleId),
        s.ruleId,
        s.passed,
        s.applicable,
        s.applicable > 0 ? `${s.passed} ${sv ? 'av' : 'of'} ${s.applicable}` : '–',
        s.share,
        s.interval?.low ?? null,
        s.interval?.high ?? null,
        s.grade === null ? '–' : gradeName(s.grade, lang),
        s.failed,
        s.notAssessable,
        s.notApplicable,
      ]);
    }
  }
  return {
    columns: [
      { header: ui('district', lang), width: 24 },
      { header: ui('rule', lang), width: 40 },
      { header: 'ruleId', width: 26 },
      { header: ui('passed', lang), width: 10 },
      { header: ui('applicable', lang), width: 10 },
      { header: sv ? 'X av Y' : 'X of Y', width: 14 },
      { header: ui('share', lang), width: 12, numFmt: PERCENT },
      { header: sv ? 'KI låg (95 %)' : 'CI low (95 %)', width: 12, numFmt: PERCENT },
      { header: sv ? 'KI hög (95 %)' : 'CI high (95 %)', width: 12, numFmt: PERCENT },
      { header: sv ? 'Bedömning' : 'Assessment', width: 22 },
      { header: ui('failed', lang), width: 10 },
      { header: ui('notAssessable', lang), width: 12 },
      { header: ui('notApplicable', lang), width: 12 },
    ],
    rows,
    cells,
  };
}

function problemsSheet(ctx: FormatContext, report: Report): Sheet {
  const { lang } = ctx;
  const limit = report.listed?.limit ?? Infinity;
  const counts = new Map<string, { level: string; count: number; listed: DataProblem[] }>();
  for (const p of report.dataProblems) {
    let e = counts.get(p.code);
    if (!e) counts.set(p.code, (e = { level: p.level, count: 0, listed: [] }));
    e.count++;
    if (e.listed.length < limit) e.listed.push(p);
  }
  const rows: Value[][] = [[ui('code', lang), ui('level', lang), lang === 'sv' ? 'Antal' : 'Count', lang === 'sv' ? 'Listade' : 'Listed']];
  for (const [code, e] of counts) rows.push([code, e.level, e.count, e.listed.length]);
  rows.push([]);
  const bold = [0, rows.length];
  rows.push([ui('file', lang), ui('line', lang), ui('caseId', lang), ui('field', lang), ui('code', lang), ui('problem', lang)]);
  for (const e of counts.values()) {
    for (const p of e.listed) rows.push([p.file, p.line ?? p.index ?? null, p.caseId ?? null, p.field ?? null, p.code, problemMessage(ctx, p)]);
  }
  return { columns: [{ width: 40 }, { width: 8 }, { width: 18 }, { width: 20 }, { width: 22 }, { width: 60 }], rows, bold };
}

function methodSheet(ctx: FormatContext, report: Report): Sheet {
  const { lang } = ctx;
  const sv = lang === 'sv';
  const rows: Value[][] = [
    [ui('asOf', lang), new Date(`${report.asOf}T00:00:00Z`)],
    [sv ? 'Verktyg' : 'Tool', `${report.tool.name} ${report.tool.version}`],
    [sv ? 'Granskade akter' : 'Case files checked', report.input.casesChecked],
    [sv ? 'Urval' : 'Population', report.population.criteria.join('; ') || (sv ? 'hela exporten' : 'the whole export')],
    [sv ? 'Integritet' : 'Privacy', report.privacy.mode],
    [],
  ];
  const bold = [rows.length];
  rows.push([ui('file', lang), ui('format', lang), ui('rowsRead', lang), ui('rowsRejected', lang), 'SHA-256']);
  for (const f of report.input.files) rows.push([f.file, f.table ? `${f.format} (${f.table})` : f.format, f.rowsRead, f.rowsRejected, f.sha256 ?? null]);
  rows.push([]);
  bold.push(rows.length);
  rows.push([ui('rule', lang), 'ruleId', ui('severity', lang), sv ? 'Inställning' : 'Option', sv ? 'Värde' : 'Value']);
  for (const r of report.rules) {
    const options = Object.entries(r.options);
    const first = [ruleTitle(ctx, r.ruleId), r.ruleId, severityName(r.severity, lang)];
    if (options.length === 0) rows.push([...first, null, null]);
    options.forEach(([k, v], i) => rows.push([...(i === 0 ? first : [null, null, null]), k, typeof v === 'number' ? v : Array.isArray(v) ? v.join(', ') : String(v)]));
  }
  return {
    columns: [{ width: 40 }, { width: 26 }, { width: 14 }, { width: 24 }, { width: 70 }],
    rows,
    bold,
    cells: [{ row: 0, column: 2, numFmt: 'yyyy-mm-dd' }],
  };
}
