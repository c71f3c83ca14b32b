import type { FormatContext } from '../messages.js';
import type { Report } from '../types.js';
import { csvWriter, formatCsv } from './csv.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson, formatNdjson, jsonWriter, ndjsonWriter } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import type { WriterFactory } from './stream.js';
import { formatTerminal } from './terminal.js';
import { xlsxWriter } from './xlsx.js';

/** A formatter gives its text whole, or in pieces when it can grow larger than a string may be. */
export type Formatter = (report: Report, ctx: FormatContext) => string | Iterable<string>;

/** Formatters by name, as ESLint looks them up. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  terminal: formatTerminal,
  markdown: formatMarkdown,
  json: formatJson,
  ndjson: formatNdjson,
  html: formatHtml,
  csv: formatCsv,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
};

/**
 * Formats that list every akt, as writers fed in the pass that aggregates (see stream.ts); xlsx,
 * being binary, is only a writer.
 */
export const WRITERS: Readonly<Record<string, WriterFactory>> = { json: jsonWriter, ndjson: ndjsonWriter, csv: csvWriter, xlsx: xlsxWriter };

/** The file name extension of each format, for --output-dir. */
export const EXTENSIONS: Readonly<Record<string, string>> = { terminal: 'txt', markdown: 'md', json: 'json', ndjson: 'ndjson', html: 'html', csv: 'csv', xlsx: 'xlsx', sarif: 'sarif', junit: 'junit.xml', github: 'github.txt' };
