/**
 * No format uses this since session 11: csv, json and ndjson write their akter as UTF-8 on the main
 * thread (bytes.ts), which cost less than coding them for the text worker did (docs/benchmarks.md).
 * It stays, with text-out.ts and text-worker.ts, until the bundle (scripts/bundle.mjs) drops the
 * text worker's entry.
 *
 * The akter of a text data format on their way from the pass (main thread) to their text: TextCoder packs each akt as a list of pieces, TextBytes (on the text worker's
 * thread) and TextJoiner (on this one) put the pieces together. Most pieces recur: a rule's result
 * in one akt is often the very object of the akt before (report/build.ts findingMasker), and
 * statuses, reasons and stadsdelar repeat, so each such piece is made and sent once and then named
 * by number. Building every akt's text anew on the main thread cost 1.2–1.4 s of it at 100,000 akter.
 */

/** Cells that take the batch's next piece of text: OWN writes it (an akt's caseId and the like), DEFINE adds it to the dictionary. */
export const OWN = 0xffffffff;
export const DEFINE = 0xfffffffe;

/**
 * Akter as they cross to the text worker: `cells` are, in order, numbers of words in the
 * dictionary (written), OWN or DEFINE; `text` holds the pieces those take, one after another,
 * `ends` where each ends. With `reset` the dictionary is emptied first. All text crosses as one
 * string: an array of strings costs a string each to copy, which took more of the main thread than
 * making the text had.
 */
export interface CodedText {
  reset: boolean;
  text: string;
  ends: Uint32Array;
  cells: Uint32Array;
}

/**
 * Words the dictionary holds before both sides empty it: most results' texts are used for a few
 * akter and then never again, so the dictionary must not grow, or the memory for it, without bound.
 */
const LIMIT = 1 << 16;

export class TextCoder {
  private readonly ids = new Map<string, number>();
  private size = 0;
  /** Per slot (a rule's place in the akt), the last key and its number. */
  private lastKey: (object | undefined)[] = [];
  private lastId: number[] = [];
  /** The batch's pieces of text, joined when taken: a string built piece by piece outlives the young generation while the batch grows, and flattening it there cost more than all else the coder does. */
  private parts: string[] = [];
  private size_ = 0;
  private ends: number[] = [];
  private cells: number[] = [];
  private reset = false;

  /** `fixed` are numbered 0, 1, … for as long as the coder lasts: the glue between an akt's pieces. */
  constructor(private readonly fixed: readonly string[] = []) {
    for (const w of fixed) this.word(w);
  }

  /** The number of a recurring text, such as a stadsdel. */
  word(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.define(text);
      this.ids.set(text, id);
    }
    return id;
  }

  private piece(cell: number, text: string): void {
    this.parts.push(text);
    this.ends.push((this.size_ += text.length));
    this.cells.push(cell);
  }

  private define(text: string): number {
    this.piece(DEFINE, text);
    return this.size++;
  }

  /**
   * The number of the text `make` gives for `key`, an object whose text never changes, in place
   * `slot` of its akt. A result is mostly the very object the akt before had in that place
   * (report/build.ts findingMasker), and then its text is not made again; other texts are not
   * looked up (hashing and keeping them cost more than making them).
   */
  keyed(slot: number, key: object, make: () => string): number {
    if (this.lastKey[slot] === key) return this.lastId[slot]!;
    const id = this.define(make());
    this.lastKey[slot] = key;
    this.lastId[slot] = id;
    return id;
  }

  /** The text's length so far, in characters. */
  get length(): number {
    return this.size_;
  }

  /** Appends a piece by its number (from `word` or `keyed`). */
  push(id: number): void {
    this.cells.push(id);
  }

  /** Appends a piece that is the akt's own (its caseId): sent as it is, never kept. */
  own(piece: string): void {
    this.piece(OWN, piece);
  }

  /** The pieces appended since the last take, with the words that are new since then. */
  take(): CodedText {
    const taken: CodedText = { reset: this.reset, text: this.parts.join(''), ends: new Uint32Array(this.ends), cells: new Uint32Array(this.cells) };
    this.parts = [];
    this.size_ = 0;
    this.ends = [];
    this.cells = [];
    this.reset = this.size >= LIMIT;
    if (this.reset) {
      this.ids.clear();
      this.size = 0;
      this.lastKey = [];
      this.lastId = [];
      for (const w of this.fixed) this.word(w);
    }
    return taken;
  }
}

/**
 * Walks coded akter: `write` gets each piece written, in order, as `T` (text on this thread, bytes
 * on the worker's); `piece(k)` gives the batch's k-th piece of text as `T`.
 */
class Reader<T> {
  private words: T[] = [];

  read(coded: CodedText, piece: (k: number) => T, write: (x: T) => void): void {
    if (coded.reset) this.words = [];
    const { cells } = coded;
    const words = this.words;
    let k = 0;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      if (c === OWN) write(piece(k++));
      else if (c === DEFINE) words.push(piece(k++));
      else write(words[c]!);
    }
  }
}

/** Puts coded akter together as text, on this thread (--threads 1 and the formatters of a finished report). */
export class TextJoiner {
  private readonly reader = new Reader<string>();

  join(coded: CodedText): string {
    const { text, ends } = coded;
    let s = '';
    this.reader.read(
      coded,
      (k) => text.slice(k === 0 ? 0 : ends[k - 1], ends[k]),
      (x) => (s += x),
    );
    return s;
  }
}

/**
 * Puts coded akter together as UTF-8 (on the text worker): each word is encoded once, when it
 * enters the dictionary, and a batch is assembled as bytes into a buffer of its own, which can be
 * handed to the main thread without a copy. Where two pieces meet one of them has ASCII (a
 * delimiter, a quote, a brace, a line's end), and JSON escapes lone surrogates, so encoding the
 * pieces one by one gives the bytes that encoding the joined text gives.
 */
export class TextBytes {
  private readonly reader = new Reader<Uint8Array>();

  render(coded: CodedText): Uint8Array {
    const { text, ends } = coded;
    const all = Buffer.from(text, 'utf8');
    // With only ASCII the ends count bytes; otherwise each piece is encoded by itself.
    const ascii = all.length === text.length;
    const piece = (k: number): Uint8Array => {
      const from = k === 0 ? 0 : ends[k - 1]!;
      // A view: a word keeps its batch's bytes until the dictionary is emptied (LIMIT words at most).
      return ascii ? all.subarray(from, ends[k]) : Buffer.from(text.slice(from, ends[k]), 'utf8');
    };
    const written: Uint8Array[] = [];
    let size = 0;
    this.reader.read(coded, piece, (x) => {
      written.push(x);
      size += x.length;
    });
    const out = Buffer.allocUnsafeSlow(size);
    let p = 0;
    for (const bytes of written) {
      // A loop beats a native call for the few bytes most pieces have.
      if (bytes.length < 64) for (let j = 0; j < bytes.length; j++) out[p++] = bytes[j]!;
      else {
        out.set(bytes, p);
        p += bytes.length;
      }
    }
    return out;
  }
}
