import { stringify } from 'csv-stringify/sync';
import { statusName } from '../../i18n/report-text.js';
import { districtName, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import type { CaseResult, Report } from '../types.js';
import { textOf, type CaseWriter, type ReportHead, type WriterFactory } from './stream.js';
import { codedWriter } from './text-out.js';

/**
 * A cell that a spreadsheet would run as a formula (= + - @, or a tab or carriage return first)
 * gets a leading apostrophe, which Excel and LibreOffice show as text (OWASP "CSV injection").
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

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

/** A long row's cells after the akt's caseId and district: one rule's result. */
function longCells(ctx: FormatContext, r: CaseResult['results'][number]): string[] {
  return [
    r.ruleId,
    ruleTitle(ctx, r.ruleId),
    r.status,
    statusName(r.status, ctx.lang),
    r.severity,
    r.reasons.map((x) => x.code).join(' '),
    r.reasons.map((x) => reasonMessage(ctx, r.ruleId, x)).join(' '),
  ];
}

/**
 * A cell as csv-stringify writes it with these options (the header still goes through it, and a
 * property test holds the two equal): quoted, its quotes doubled, when it holds a quote, the
 * delimiter or the line ending (or ends as a CRLF starts). A lone line break of the other kind stays
 * bare, as csv-stringify leaves it once the line ending is given.
 */
export function cellWriter(delimiter: string, end: string): (value: string) => string {
  const maybe = new RegExp(`["\\n\\r${delimiter}]`);
  const quote = (value: string) => value.includes('"') || value.includes(delimiter) || value.includes(end) || (end.length > 1 && (value + end).indexOf(end) < value.length);
  return (value) => (maybe.test(value) && quote(value) ? `"${value.replaceAll('"', '""')}"` : value);
}

/**
 * For a spreadsheet. Wide (default): one row per akt, so 400,000 akter fit in Excel; long
 * (--csv-layout long): one row per akt and rule, with the rule's title and the reasons' sentences.
 * `excel` gives UTF-8 with BOM, semicolons and CRLF. Each rule's result is written out once and then
 * repeated by number (text-rows.ts), the rows put together off the main thread (text-out.ts).
 */
export const csvWriter: WriterFactory = (head, ctx, out): CaseWriter => {
  const excel = ctx.excel === true;
  const delimiter = excel ? ';' : ',';
  const end = excel ? '\r\n' : '\n';
  const long = ctx.csvLayout === 'long';
  out.write((excel ? '\uFEFF' : '') + stringify([long ? LONG_HEADER : wideHeader(head)], { delimiter, record_delimiter: end }));
  const cell = cellWriter(delimiter, end);
  const cells = (values: readonly string[]) => values.map((v) => delimiter + cell(neutralise(v))).join('');
  const END = 0;
  const districts = new Map<string | null, string>();
  // The akt's caseId and stadsdel, the start of each of its rows.
  const start = (c: CaseResult) => {
    let d = districts.get(c.district);
    if (d === undefined) districts.set(c.district, (d = cells([districtName(ctx, c)])));
    return cell(neutralise(c.caseId)) + d;
  };
  return codedWriter(
    out,
    ctx.threads,
    [end],
    long
      ? (coder, c) => {
          const first = start(c);
          c.results.forEach((r, i) => {
            coder.own(first);
            coder.push(coder.keyed(i, r, () => cells(longCells(ctx, r)) + end));
          });
        }
      : (coder, c) => {
          coder.own(start(c));
          const results = c.results;
          for (let i = 0; i < results.length; i++) {
            const r = results[i]!;
            coder.push(coder.keyed(i, r, () => cells([r.status, r.reasons.map((x) => x.code).join(' ')])));
          }
          coder.push(END);
        },
    () => undefined,
  );
};

export function formatCsv(report: Report, ctx: FormatContext): Generator<string> {
  return textOf(csvWriter, report, ctx);
}
