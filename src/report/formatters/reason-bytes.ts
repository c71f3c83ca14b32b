import type { ByteOut } from './bytes.js';

/**
 * A reason's JSON by its code and data keys: the bytes before its first value and after each
 * (`{"code":"c","data":{"k1":` … `,"k2":` … `}}`), so that only the values are written per reason.
 */
interface Shape {
  code: string;
  /** Whether the reason has data (an empty object is data too). */
  data: boolean;
  keys: string[];
  parts: Uint8Array[];
}

/** Shapes kept, by code; a plug-in's codes beyond this are written by ByteOut.json. */
const MAX_SHAPES = 1000;

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/**
 * Writes a result's reasons as `ByteOut.json` (JSON.stringify) does. Most results an akt has of its
 * own differ from the akt before's only in their reasons' values (a plan id, a date, a count): the
 * rest of each reason's text is copied from bytes made once per code and keys. A reason of any
 * other shape (data values that are not strings or numbers, other keys, a toJSON) is given to `json`.
 */
export class ReasonBytes {
  private readonly shapes = new Map<string, Shape>();
  /** Scratch: the keys and values of the reason being written. */
  private readonly keys: string[] = [];
  private readonly values: (string | number)[] = [];

  constructor(private readonly out: ByteOut) {}

  write(reasons: unknown): void {
    const out = this.out;
    if (!Array.isArray(reasons) || typeof (reasons as { toJSON?: unknown }).toJSON === 'function') return out.json(reasons);
    out.byte(0x5b);
    for (let i = 0; i < reasons.length; i++) {
      if (i > 0) out.byte(0x2c);
      const x: unknown = reasons[i];
      if (!this.reason(x)) {
        // As in JSON.stringify, an array's undefined, function or symbol is null.
        if (x === undefined || typeof x === 'function' || typeof x === 'symbol') out.ascii('null');
        else out.json(x);
      }
    }
    out.byte(0x5d);
  }

  /** Writes `x` if it has the shape of a reason with plain data; false (nothing written) if not. */
  private reason(x: unknown): boolean {
    if (!plain(x)) return false;
    let n = 0;
    let code: unknown;
    let data: unknown;
    for (const k in x) {
      if (!Object.hasOwn(x, k)) return false;
      if (n === 0 ? k !== 'code' : n !== 1 || k !== 'data') return false;
      if (n++ === 0) code = x[k];
      else data = x[k];
    }
    if (typeof code !== 'string') return false;
    const keys = this.keys;
    const values = this.values;
    let m = 0;
    if (n === 2) {
      if (!plain(data)) return false;
      for (const k in data) {
        if (!Object.hasOwn(data, k)) return false;
        const v = data[k];
        if (typeof v !== 'string' && typeof v !== 'number') return false;
        keys[m] = k;
        values[m++] = v;
      }
    }
    const shape = this.shape(code, n === 2, m);
    if (shape === undefined) return false;
    const out = this.out;
    const parts = shape.parts;
    out.copy(parts[0]!);
    for (let i = 0; i < m; i++) {
      const v = values[i]!;
      if (typeof v === 'string') out.jsonString(v);
      else out.number(v);
      out.copy(parts[i + 1]!);
    }
    return true;
  }

  /** The shape of a reason with `code`, data or not, and the `m` keys in `this.keys`. */
  private shape(code: string, data: boolean, m: number): Shape | undefined {
    const keys = this.keys;
    let shape = this.shapes.get(code);
    if (shape !== undefined && shape.data === data && shape.keys.length === m) {
      let i = 0;
      while (i < m && keys[i] === shape.keys[i]) i++;
      if (i === m) return shape;
    }
    if (shape === undefined && this.shapes.size >= MAX_SHAPES) return undefined;
    const own = keys.slice(0, m);
    const head = `{"code":${JSON.stringify(code)}`;
    const parts = !data
      ? [utf8(`${head}}`)]
      : m === 0
        ? [utf8(`${head},"data":{}}`)]
        : own.map((k, i) => utf8(`${i === 0 ? `${head},"data":{` : ','}${JSON.stringify(k)}:`)).concat([utf8('}}')]);
    shape = { code, data, keys: own, parts };
    this.shapes.set(code, shape);
    return shape;
  }
}

/** A plain object (as ByteOut.json writes by its keys) without a toJSON. */
function plain(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype && typeof (x as { toJSON?: unknown }).toJSON !== 'function';
}
