import { stringify } from 'csv-stringify/sync';
import { statusName } from '../../i18n/report-text.js';
import { districtName, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import type { CaseResult, Report } from '../types.js';
import { textOf, type CaseWriter, type ReportHead, type WriterFactory } from './stream.js';
import { ByteOut, statusSlot } from './bytes.js';

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
 * `excel` gives UTF-8 with BOM, semicolons and CRLF. Written as UTF-8 on this thread (bytes.ts):
 * each rule's result is made into cells once and copied while the akter after have the very same
 * result object in its place, which left less to do than sending the akter to a worker thread did.
 */
export const csvWriter: WriterFactory = (head, ctx, to): CaseWriter => {
  const excel = ctx.excel === true;
  const delimiter = excel ? ';' : ',';
  const end = excel ? '\r\n' : '\n';
  const long = ctx.csvLayout === 'long';
  const out = new ByteOut(to);
  out.write((excel ? '\uFEFF' : '') + stringify([long ? LONG_HEADER : wideHeader(head)], { delimiter, record_delimiter: end }));
  const cell = cellWriter(delimiter, end);
  const cells = (values: readonly string[]) => values.map((v) => delimiter + cell(neutralise(v))).join('');
  const plain = plainCell(delimiter);
  const districts = new Map<string | null, Uint8Array>();
  const endBytes = Buffer.from(end);
  // Per slot (4 × the rule's place + its status), the last result there and its cells.
  const keys: (Result | undefined)[] = [];
  const texts: Uint8Array[] = [];
  const result = (slot: number, r: Result, make: (r: Result) => string) => {
    const bytes = keys[slot] === r ? texts[slot] : undefined;
    if (bytes) return out.copy(bytes);
    const made = out.piece(make(r));
    keys[slot] = r;
    texts[slot] = made;
  };
  const wide = (r: Result) => cells([r.status, r.reasons.map((x) => x.code).join(' ')]);
  const longRow = (r: Result) => cells(longCells(ctx, r)) + end;
  // The akt's caseId and stadsdel, the start of each of its rows.
  const start = (c: CaseResult) => {
    if (plain(c.caseId)) out.text(c.caseId);
    else out.text(cell(neutralise(c.caseId)));
    let d = districts.get(c.district);
    if (d === undefined) {
      d = Buffer.from(cells([districtName(ctx, c)]));
      if (districts.size < 10_000) districts.set(c.district, d);
    }
    out.copy(d);
  };
  return {
    add(c) {
      const results = c.results;
      if (long) {
        for (let i = 0; i < results.length; i++) {
          start(c);
          result(4 * i + statusSlot(results[i]!.status), results[i]!, longRow);
        }
        return;
      }
      start(c);
      for (let i = 0; i < results.length; i++) result(4 * i + statusSlot(results[i]!.status), results[i]!, wide);
      out.copy(endBytes);
    },
    finish() {
      out.flush();
    },
  };
};

type Result = CaseResult['results'][number];

/**
 * Whether a value is its own cell: neutralise leaves it as it is (no formula's first character)
 * and the cell needs no quotes (no quote, delimiter or line break).
 */
function plainCell(delimiter: string): (value: string) => boolean {
  const d = delimiter.charCodeAt(0);
  return (value) => {
    if (value.length === 0) return true;
    const first = value.charCodeAt(0);
    if (first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40 || first === 0x09 || first === 0x0d) return false;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c === 0x22 || c === 0x0a || c === 0x0d || c === d) return false;
    }
    return true;
  };
}

export function formatCsv(report: Report, ctx: FormatContext): Generator<string> {
  return textOf(csvWriter, report, ctx);
}
