import { stringify } from 'csv-stringify/sync';
import { statusName } from '../../i18n/report-text.js';
import { districtName, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import type { CaseResult, Report } from '../types.js';
import { textOf, type CaseWriter, type ReportHead, type WriterFactory } from './stream.js';

/**
 * A cell that a spreadsheet would run as a formula (= + - @, or a tab or carriage return first)
 * gets a leading apostrophe, which Excel and LibreOffice show as text (OWASP "CSV injection").
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const CHUNK = 1000;

/** The wide layout's columns: the akt, then a status and a reason-codes column per rule. */
export function wideHeader(head: ReportHead): string[] {
  return ['caseId', 'district', ...head.rules.flatMap((r) => [r.ruleId, `${r.ruleId}.reasons`])];
}

/** One akt in the wide layout: per rule its status code and its reasons' codes, space-separated. */
export function wideRow(ctx: FormatContext, c: CaseResult): string[] {
  const row = [c.caseId, districtName(ctx, c)];
  for (const r of c.results) row.push(r.status, r.reasons.map((x) => x.code).join(' '));
  return row;
}

const LONG_HEADER = ['caseId', 'district', 'ruleId', 'rule', 'status', 'statusText', 'severity', 'reasonCodes', 'reasons'];

function longRows(ctx: FormatContext, c: CaseResult): string[][] {
  return c.results.map((r) => [
    c.caseId,
    districtName(ctx, c),
    r.ruleId,
    ruleTitle(ctx, r.ruleId),
    r.status,
    statusName(r.status, ctx.lang),
    r.severity,
    r.reasons.map((x) => x.code).join(' '),
    r.reasons.map((x) => reasonMessage(ctx, r.ruleId, x)).join(' '),
  ]);
}

/**
 * For a spreadsheet. Wide (default): one row per akt, so 400,000 akter fit in Excel; long
 * (--csv-layout long): one row per akt and rule, with the rule's title and the reasons' sentences.
 * `excel` gives UTF-8 with BOM, semicolons and CRLF. Rows are stringified a thousand at a time.
 */
export const csvWriter: WriterFactory = (head, ctx, out): CaseWriter => {
  const excel = ctx.excel === true;
  const options = { delimiter: excel ? ';' : ',', record_delimiter: excel ? '\r\n' : '\n' };
  const long = ctx.csvLayout === 'long';
  out.write((excel ? '\uFEFF' : '') + stringify([long ? LONG_HEADER : wideHeader(head)], options));
  let chunk: string[][] = [];
  const flush = () => {
    if (chunk.length > 0) out.write(stringify(chunk, options));
    chunk = [];
  };
  return {
    add(c) {
      if (long) for (const row of longRows(ctx, c)) chunk.push(row.map(neutralise));
      else chunk.push(wideRow(ctx, c).map(neutralise));
      if (chunk.length >= CHUNK) flush();
    },
    finish: flush,
  };
};

export function formatCsv(report: Report, ctx: FormatContext): Generator<string> {
  return textOf(csvWriter, report, ctx);
}
