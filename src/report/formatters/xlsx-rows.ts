import { createRequire } from 'node:module';

/**
 * The Akter rows of the xlsx format on their way from the pass (main thread) to the sheet's XML
 * (workbook thread): RowCoder packs them for the crossing, RowXml writes their XML as exceljs's
 * streaming writer would, without its objects per cell (xlsx-book.ts).
 */

// exceljs's own text escaping and column letters (not in its public API; exceljs is pinned to the
// version these paths are in), so the rows' XML is what exceljs writes. Loaded on first use, as exceljs.
const load = createRequire(import.meta.url);
const exceljsUtils = () => load('exceljs/lib/utils/utils') as { xmlEncode(text: string): string };
const columnLetter = (n: number): string => (load('exceljs/lib/utils/col-cache') as { n2l(n: number): string }).n2l(n);

/**
 * Akter rows as they cross to the workbook's thread: the rows' caseIds as one text, `ends` where
 * each ends in it; then each row's other cells as numbers of texts in a dictionary, which `words`
 * extends.
 */
export interface CodedRows {
  caseIds: string;
  ends: Uint32Array;
  words: string[];
  cells: Uint32Array;
}

/**
 * Packs rows of text into CodedRows. Statuses, reason codes and stadsdelar repeat in every akt, so
 * they cross as numbers; copying the text of every cell to the other thread (as strings or JSON)
 * took a fifth of the main thread's time, and an array of caseIds costs a string each to copy.
 */
export class RowCoder {
  private readonly ids = new Map<string, number>();
  private words: string[] = [];
  private caseIds = '';
  /**
   * Kept in typed arrays, reused from batch to batch: an array of numbers grown by push to a
   * batch's 30,000 cells cost more than all else the main thread does for the workbook.
   */
  private ends: Uint32Array = new Uint32Array(1 << 10);
  private rows = 0;
  private cells: Uint32Array = new Uint32Array(1 << 15);
  private n = 0;

  get size(): number {
    return this.rows;
  }

  add(row: readonly string[]): void {
    this.start(row[0]!);
    for (let i = 1; i < row.length; i++) this.cell(this.word(row[i]!));
  }

  /** Starts a row: its caseId, its first cell. */
  start(caseId: string): void {
    this.caseIds += caseId;
    if (this.rows === this.ends.length) this.ends = grown(this.ends);
    this.ends[this.rows++] = this.caseIds.length;
  }

  /** The number of a cell's text: `cell` appends it to the row. */
  word(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(text, id);
      this.words.push(text);
    }
    return id;
  }

  cell(id: number): void {
    if (this.n === this.cells.length) this.cells = grown(this.cells);
    this.cells[this.n++] = id;
  }

  /** The rows added since the last take, with the texts that are new since then. */
  take(): CodedRows {
    const taken = { caseIds: this.caseIds, ends: this.ends.slice(0, this.rows), words: this.words, cells: this.cells.slice(0, this.n) };
    this.caseIds = '';
    this.rows = 0;
    this.words = [];
    this.n = 0;
    return taken;
  }
}

function grown(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(2 * a.length);
  b.set(a);
  return b;
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/** Copies a few bytes (a loop beats a native call for these lengths); returns the new end. */
function put(out: Uint8Array, p: number, bytes: Uint8Array): number {
  for (let j = 0; j < bytes.length; j++) out[p++] = bytes[j]!;
  return p;
}

/**
 * The XML of Akter rows, in UTF-8, as exceljs writes a row of text cells with the default style
 * (`t="str"`, the text escaped by exceljs): every cell holds text, perhaps empty, so each row spans
 * all columns. Each repeated text is escaped and encoded once, when it enters the dictionary, and
 * the rows are assembled as bytes: building them as strings and encoding those cost twice the zip.
 */
export class RowXml {
  private readonly utils = exceljsUtils();
  /** `<c r="` and each column's letters. */
  private readonly columns: Uint8Array[];
  private readonly columnsLength: number;
  private readonly rowOpen = utf8('<row r="');
  private readonly rowRest: Uint8Array;
  private readonly rowClose = utf8('</row>');
  /** The dictionary (CodedRows), each text as the end of its cell. */
  private readonly tails: Uint8Array[] = [];
  private longestTail = 0;

  constructor(private readonly width: number) {
    this.columns = Array.from({ length: width }, (_, i) => utf8(`<c r="${columnLetter(i + 1)}`));
    this.columnsLength = this.columns.reduce((n, c) => n + c.length, 0);
    this.rowRest = utf8(`" spans="1:${width}" x14ac:dyDescent="0.25">`);
  }

  private tail(text: string): string {
    return `" t="str"><v>${this.utils.xmlEncode(text)}</v></c>`;
  }

  /** The rows' XML, numbered from `first`; the dictionary is kept from one batch to the next. */
  render(rows: CodedRows, first: number): Buffer {
    for (const w of rows.words) {
      const t = utf8(this.tail(w));
      this.tails.push(t);
      this.longestTail = Math.max(this.longestTail, t.length);
    }
    const { caseIds, ends, cells } = rows;
    const width = this.width;
    const ids: string[] = [];
    let size = 0;
    for (let r = 0; r < ends.length; r++) {
      const id = this.tail(caseIds.slice(r === 0 ? 0 : ends[r - 1], ends[r]));
      ids.push(id);
      size += Buffer.byteLength(id);
    }
    const perRow = this.rowOpen.length + this.rowRest.length + this.rowClose.length + 16 * (width + 1) + this.columnsLength + (width - 1) * this.longestTail;
    const out = Buffer.allocUnsafe(size + ends.length * perRow);
    let p = 0;
    for (let r = 0; r < ends.length; r++) {
      p = put(out, p, this.rowOpen);
      // The row's number, written once and copied from there into each cell's reference.
      const at = p;
      p += out.write(String(first + r), p, 'latin1');
      const length = p - at;
      p = put(out, p, this.rowRest);
      for (let i = 0, k = r * (width - 1) - 1; i < width; i++, k++) {
        p = put(out, p, this.columns[i]!);
        for (let j = 0; j < length; j++) out[p++] = out[at + j]!;
        if (i === 0) p += out.write(ids[r]!, p, 'utf8');
        else p = put(out, p, this.tails[cells[k]!]!);
      }
      p = put(out, p, this.rowClose);
    }
    return out.subarray(0, p);
  }
}
