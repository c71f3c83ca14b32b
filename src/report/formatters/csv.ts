import { stringify } from 'csv-stringify/sync';
import { statusName } from '../../i18n/report-text.js';
import { districtName, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import type { Report } from '../types.js';

/**
 * A cell that a spreadsheet would run as a formula (= + - @, or a tab or carriage return first)
 * gets a leading apostrophe, which Excel and LibreOffice show as text (OWASP "CSV injection").
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const CHUNK = 1000;

/** One row per akt and rule, for a spreadsheet; `excel` gives UTF-8 with BOM, semicolons and CRLF. Written in chunks of rows. */
export function* formatCsv(report: Report, ctx: FormatContext): Generator<string> {
  const header = ['caseId', 'district', 'ruleId', 'rule', 'status', 'statusText', 'severity', 'reasonCodes', 'reasons'];
  const excel = ctx.excel === true;
  const options = { delimiter: excel ? ';' : ',', record_delimiter: excel ? '\r\n' : '\n' };
  yield (excel ? '\uFEFF' : '') + stringify([header], options);
  let chunk: string[][] = [];
  for (const c of report.cases) {
    for (const r of c.results) {
      chunk.push(
        [
          c.caseId,
          districtName(ctx, c),
          r.ruleId,
          ruleTitle(ctx, r.ruleId),
          r.status,
          statusName(r.status, ctx.lang),
          r.severity,
          r.reasons.map((x) => x.code).join(' '),
          r.reasons.map((x) => reasonMessage(ctx, r.ruleId, x)).join(' '),
        ].map(neutralise),
      );
      if (chunk.length >= CHUNK) {
        yield stringify(chunk, options);
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield stringify(chunk, options);
}
