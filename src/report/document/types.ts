import type { Grade } from '../stats.js';

/** Inline text: plain, strong, or code (an id, a file name). */
export type Inline = string | { strong: string } | { code: string };

/** A table cell; a grade lets HTML and the terminal colour it. */
export type Cell = string | { text: string; grade?: Grade | null; code?: boolean; strong?: boolean };

export interface ChartBar {
  label: string;
  share: number;
  low: number;
  high: number;
  grade: Grade;
}

/**
 * The report as a document: headings, paragraphs, lists, tables and one chart. Built once from
 * the report data with all wording in place, then rendered to Markdown or HTML, so the two
 * formats cannot say different things.
 */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  /** Rows may be a generator: Bilaga A of a whole country is read once, never held whole. */
  | { kind: 'table'; header: string[]; rows: Iterable<Cell[]>; numeric?: number[] }
  | { kind: 'chart'; title: string; groups: { label: string; bars: ChartBar[] }[] };

export type Doc = Block[];
