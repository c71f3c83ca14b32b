import type { CsvRow } from './csv.js';

/** Separates texts in a packed batch; a batch whose text holds it is sent unpacked instead. */
const SEP = '\u001f';
/** Distinct values remembered per column of a file; beyond this a column's new values are sent as text. */
const DICTIONARY_LIMIT = 1 << 16;
/**
 * After this many rows, a column with more distinct values than an eighth of its rows is sent as
 * text from then on: identifiers (caseId, planId) would fill the dictionaries and cost this thread
 * a look-up in a large map per cell, while the main thread reads them without one anyway. By then
 * the columns that do repeat (dates, codes, boilerplate texts) have shown it.
 */
const TRIAL_ROWS = 32_768;

/**
 * A copy of a value of its own. A string cut from a larger text (the parsed chunk of a file, a
 * batch's text) keeps that whole text alive when it is 13 characters or more, and a dictionary
 * keeps its values for a whole file: without the copy, the two threads held most of a file's text
 * (peak RSS 568 MB rather than 493 MB loading 400,000 akter). The store has the same helper
 * (`detach`), which this stage may not import.
 */
function own(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * A batch of rows as integer arrays and one string. Per cell a code: the index of the value in its
 * column's dictionary, which the receiver builds from the batches in order (a code one past its end
 * adds the next text as a new entry), or -1 for a value sent as the next text. `text` holds, joined
 * by SEP, the new entries and the uncoded values in cell order.
 */
export type PackedRows = { kind: 'packed'; lines: Int32Array; widths: Int32Array; codes: Int32Array; text: string; texts: number } | { kind: 'rows'; rows: CsvRow[] };

/**
 * Packs the rows of one file, batch after batch, on the parsing thread. A column's values repeat
 * endlessly in an export (dates, codes, the caseId of the rows of one akt), so each distinct value
 * crosses to the main thread once and arrives there as one shared string: the main thread then
 * neither splits the text into millions of strings nor hashes each of them afresh when it checks
 * the value, which was a third of its time loading a table. Structured clone copies integer arrays
 * and one string far faster than arrays of arrays.
 */
export class RowPacker {
  /** Per column its dictionary; null once the column is sent as text. */
  private readonly dictionaries: (Map<string, number> | null)[] = [];
  private rowsSeen = 0;

  /** The limits are parameters for the tests only. */
  constructor(
    private readonly limit = DICTIONARY_LIMIT,
    private readonly trialRows = TRIAL_ROWS,
  ) {}

  pack(rows: readonly CsvRow[]): PackedRows {
    let cells = 0;
    for (const r of rows) cells += r.fields.length;
    const lines = new Int32Array(rows.length);
    const widths = new Int32Array(rows.length);
    const codes = new Int32Array(cells);
    const parts: string[] = [];
    // What this batch added, taken back if the batch goes unpacked: the receiver never saw it.
    const added: [Map<string, number>, string][] = [];
    let k = 0;
    for (let i = 0; i < rows.length; i++) {
      const fields = rows[i]!.fields;
      lines[i] = rows[i]!.line;
      widths[i] = fields.length;
      for (let c = 0; c < fields.length; c++) {
        const f = fields[c]!;
        const dictionary = this.dictionary(c);
        const code = dictionary?.get(f);
        if (code !== undefined) {
          codes[k++] = code;
          continue;
        }
        if (f.includes(SEP)) {
          for (const [d, v] of added) d.delete(v);
          return { kind: 'rows', rows: [...rows] };
        }
        if (dictionary && dictionary.size < this.limit) {
          codes[k++] = dictionary.size;
          dictionary.set(own(f), dictionary.size);
          added.push([dictionary, f]);
        } else codes[k++] = -1;
        parts.push(f);
      }
    }
    this.rowsSeen += rows.length;
    if (this.rowsSeen >= this.trialRows) this.dropIdentifiers();
    return { kind: 'packed', lines, widths, codes, text: parts.join(SEP), texts: parts.length };
  }

  private dictionary(column: number): Map<string, number> | null {
    while (this.dictionaries.length <= column) this.dictionaries.push(new Map());
    return this.dictionaries[column]!;
  }

  private dropIdentifiers(): void {
    for (let c = 0; c < this.dictionaries.length; c++) {
      const d = this.dictionaries[c];
      if (d && d.size * 8 > this.rowsSeen) this.dictionaries[c] = null;
    }
  }
}

/**
 * The rows of a packed batch, unpacked: row i is the next `widths[i]` cells of `cells`, and each
 * cell's code stands at the same index of `codes` (within one file, two cells of a column with the
 * same code >= 0 hold the same value). One array for the batch, not one per row, and no object per
 * row: the main thread reads the cells where they lie.
 */
export interface CellRows {
  lines: Int32Array;
  widths: Int32Array;
  cells: string[];
  codes: Int32Array;
}

/** Unpacks the batches of one file, in the order they were packed. */
export class RowUnpacker {
  private readonly dictionaries: string[][] = [];

  unpack(e: Extract<PackedRows, { kind: 'packed' }>): CellRows {
    // No text at all and one empty text are both '': the count tells them apart.
    const texts = e.texts === 0 ? [] : e.text.split(SEP);
    const { lines, widths, codes } = e;
    // Filled by push, not made with a length: an array with holes is slower to read.
    const cells: string[] = [];
    let k = 0;
    let t = 0;
    for (let i = 0; i < lines.length; i++) {
      const w = widths[i]!;
      for (let c = 0; c < w; c++) {
        const code = codes[k++]!;
        if (code === -1) {
          cells.push(texts[t++]!);
          continue;
        }
        while (this.dictionaries.length <= c) this.dictionaries.push([]);
        const dictionary = this.dictionaries[c]!;
        if (code === dictionary.length) dictionary.push(own(texts[t++]!));
        cells.push(dictionary[code]!);
      }
    }
    return { lines, widths, cells, codes };
  }
}
