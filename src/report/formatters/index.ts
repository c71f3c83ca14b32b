import type { FormatContext } from '../messages.js';
import type { Report } from '../types.js';
import { formatCsv } from './csv.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatTerminal } from './terminal.js';

/** A formatter gives its text whole, or in pieces when it can grow larger than a string may be. */
export type Formatter = (report: Report, ctx: FormatContext) => string | Iterable<string>;

/** Formatters by name, as ESLint looks them up. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  terminal: formatTerminal,
  markdown: formatMarkdown,
  json: formatJson,
  html: formatHtml,
  csv: formatCsv,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
};

/** The file name extension of each format, for --output-dir. */
export const EXTENSIONS: Readonly<Record<string, string>> = { terminal: 'txt', markdown: 'md', json: 'json', html: 'html', csv: 'csv', sarif: 'sarif', junit: 'junit.xml', github: 'github.txt' };
