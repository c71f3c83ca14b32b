import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { severityName } from '../../i18n/catalog.js';
import { gradeName } from '../../i18n/report-text.js';
import { ui } from '../../i18n/ui.js';
import type { DataProblem } from '../../model/problems.js';
import { districtName, problemMessage, ruleTitle, type FormatContext } from '../messages.js';
import type { DistrictSummary, Report } from '../types.js';
import { wideHeader, wideRow } from './csv.js';
import { GRADE_COLOURS } from './html.js';
import type { CaseWriter, Out, WriterFactory } from './stream.js';

/** Sheet names and column headings: Swedish names are the workbook's contract, as in the issue and docs. */
const SHEETS = { summary: 'Sammanfattning', cases: 'Akter', problems: 'Dataproblem', method: 'Metod' } as const;

const PERCENT = '0%';

/** exceljs writes to a stream; this one hands each piece to the output and waits when it is full. */
function toStream(out: Out): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      const ok = out.write(chunk);
      if (ok === false && out instanceof Writable) out.once('drain', () => done());
      else done();
    },
  });
}

function summaryRows(ctx: FormatContext, report: Report): (string | number | null)[][] {
  const groups: DistrictSummary[] = [...report.districts, report.total];
  return groups.flatMap((d) =>
    d.rules.map((s) => [
      d === report.total ? ui('total', ctx.lang) : districtName(ctx, d),
      ruleTitle(ctx, s.ruleId),
      s.ruleId,
      s.passed,
      s.applicable,
      s.applicable > 0 ? `${s.passed} ${ctx.lang === 'sv' ? 'av' : 'of'} ${s.applicable}` : '–',
      s.share,
      s.interval?.low ?? null,
      s.interval?.high ?? null,
      s.grade === null ? '–' : gradeName(s.grade, ctx.lang),
      s.failed,
      s.notAssessable,
      s.notApplicable,
    ]),
  );
}

/**
 * A workbook written as it goes (exceljs's streaming writer): Akter gets a row per akt in the pass
 * that aggregates; Sammanfattning, Dataproblem and Metod are written at the end. Every cell holds
 * a typed value (text, number, date), never a formula, so nothing from the export can run.
 */
export const xlsxWriter: WriterFactory = (head, ctx, out): CaseWriter => {
  const stream = toStream(out);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  wb.creator = `${head.tool.name} ${head.tool.version}`;
  // A fixed date, so the same run gives the same workbook content.
  wb.created = wb.modified = new Date(`${head.asOf}T00:00:00Z`);
  // Sheets in reading order; only Akter is written during the pass.
  const summary = wb.addWorksheet(SHEETS.summary, { views: [{ state: 'frozen', ySplit: 1 }] });
  const cases = wb.addWorksheet(SHEETS.cases, { views: [{ state: 'frozen', ySplit: 1 }] });
  const problems = wb.addWorksheet(SHEETS.problems);
  const method = wb.addWorksheet(SHEETS.method);
  const header = wideHeader(head);
  cases.columns = header.map((h, i) => ({ header: h, key: `c${i}`, width: i < 2 ? 22 : h.endsWith('.reasons') ? 18 : 14 }));
  cases.getRow(1).font = { bold: true };
  let n = 0;
  return {
    add(c) {
      cases.addRow(wideRow(ctx, c)).commit();
      n++;
    },
    async finish(report) {
      cases.autoFilter = { from: { row: 1, column: 1 }, to: { row: n + 1, column: header.length } };
      cases.commit();
      writeSummary(summary, ctx, report);
      writeProblems(problems, ctx, report);
      writeMethod(method, ctx, report);
      await wb.commit();
    },
  };
};

function writeSummary(ws: ExcelJS.Worksheet, ctx: FormatContext, report: Report): void {
  const { lang } = ctx;
  const sv = lang === 'sv';
  ws.columns = [
    { header: ui('district', lang), width: 24 },
    { header: ui('rule', lang), width: 40 },
    { header: 'ruleId', width: 26 },
    { header: ui('passed', lang), width: 10 },
    { header: ui('applicable', lang), width: 10 },
    { header: sv ? 'X av Y' : 'X of Y', width: 14 },
    { header: ui('share', lang), width: 12, style: { numFmt: PERCENT } },
    { header: sv ? 'KI låg (95 %)' : 'CI low (95 %)', width: 12, style: { numFmt: PERCENT } },
    { header: sv ? 'KI hög (95 %)' : 'CI high (95 %)', width: 12, style: { numFmt: PERCENT } },
    { header: sv ? 'Bedömning' : 'Assessment', width: 22 },
    { header: ui('failed', lang), width: 10 },
    { header: ui('notAssessable', lang), width: 12 },
    { header: ui('notApplicable', lang), width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const groups: DistrictSummary[] = [...report.districts, report.total];
  const grades = groups.flatMap((d) => d.rules.map((s) => s.grade));
  summaryRows(ctx, report).forEach((values, i) => {
    const row = ws.addRow(values);
    const grade = grades[i];
    if (grade) row.getCell(10).font = { bold: true, color: { argb: `FF${GRADE_COLOURS[grade].slice(1).toUpperCase()}` } };
    row.commit();
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: grades.length + 1, column: 13 } };
  ws.commit();
}

function writeProblems(ws: ExcelJS.Worksheet, ctx: FormatContext, report: Report): void {
  const { lang } = ctx;
  const limit = report.listed?.limit ?? Infinity;
  const counts = new Map<string, { level: string; count: number; listed: DataProblem[] }>();
  for (const p of report.dataProblems) {
    let e = counts.get(p.code);
    if (!e) counts.set(p.code, (e = { level: p.level, count: 0, listed: [] }));
    e.count++;
    if (e.listed.length < limit) e.listed.push(p);
  }
  ws.columns = [{ width: 40 }, { width: 8 }, { width: 18 }, { width: 20 }, { width: 22 }, { width: 60 }];
  const bold = (values: string[]) => {
    const row = ws.addRow(values);
    row.font = { bold: true };
    row.commit();
  };
  bold([ui('code', lang), ui('level', lang), lang === 'sv' ? 'Antal' : 'Count', lang === 'sv' ? 'Listade' : 'Listed']);
  for (const [code, e] of counts) ws.addRow([code, e.level, e.count, e.listed.length]).commit();
  ws.addRow([]).commit();
  bold([ui('file', lang), ui('line', lang), ui('caseId', lang), ui('field', lang), ui('code', lang), ui('problem', lang)]);
  for (const e of counts.values()) {
    for (const p of e.listed) ws.addRow([p.file, p.line ?? p.index ?? null, p.caseId ?? null, p.field ?? null, p.code, problemMessage(ctx, p)]).commit();
  }
  ws.commit();
}

function writeMethod(ws: ExcelJS.Worksheet, ctx: FormatContext, report: Report): void {
  const { lang } = ctx;
  const sv = lang === 'sv';
  ws.columns = [{ width: 40 }, { width: 26 }, { width: 14 }, { width: 24 }, { width: 70 }];
  const add = (values: (string | number | Date | null)[], bold = false) => {
    const row = ws.addRow(values);
    if (bold) row.font = { bold: true };
    row.commit();
  };
  const asOf = ws.addRow([ui('asOf', lang), new Date(`${report.asOf}T00:00:00Z`)]);
  asOf.getCell(2).numFmt = 'yyyy-mm-dd';
  asOf.commit();
  add([sv ? 'Verktyg' : 'Tool', `${report.tool.name} ${report.tool.version}`]);
  add([sv ? 'Granskade akter' : 'Case files checked', report.input.casesChecked]);
  add([sv ? 'Urval' : 'Population', report.population.criteria.join('; ') || (sv ? 'hela exporten' : 'the whole export')]);
  add([sv ? 'Integritet' : 'Privacy', report.privacy.mode]);
  add([]);
  add([ui('file', lang), ui('format', lang), ui('rowsRead', lang), ui('rowsRejected', lang), 'SHA-256'], true);
  for (const f of report.input.files) add([f.file, f.table ? `${f.format} (${f.table})` : f.format, f.rowsRead, f.rowsRejected, f.sha256 ?? null]);
  add([]);
  add([ui('rule', lang), 'ruleId', ui('severity', lang), sv ? 'Inställning' : 'Option', sv ? 'Värde' : 'Value'], true);
  for (const r of report.rules) {
    const options = Object.entries(r.options);
    const first = [ruleTitle(ctx, r.ruleId), r.ruleId, severityName(r.severity, lang)];
    if (options.length === 0) add([...first, null, null]);
    options.forEach(([k, v], i) => add([...(i === 0 ? first : [null, null, null]), k, typeof v === 'number' ? v : Array.isArray(v) ? v.join(', ') : String(v)]));
  }
  ws.commit();
}
