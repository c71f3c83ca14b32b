import type { Scope } from '../model/fields.js';
import { problem, showValue, type Location } from '../model/problems.js';
import type { Dataset, FieldPath, FileStats } from '../model/types.js';
import type { Normalize } from '../model/values.js';
import { detach, type RowWriter, type StoreWriter } from '../store/index.js';
import type { Accounts } from './accounts.js';
import { FieldIssue, makeChecks, type Encoded, type ScopeChecks } from './field-checks.js';
import { KEYS_END, type JsonSlots } from '../load/json-pack.js';

/** A record's fields: a JSON object, or a CSV row. */
export type RowSource = Record<string, unknown> | readonly string[];

/** A record being read, and where: what one call about it needs besides the record's place in the store. */
export interface Rec {
  fields: RowSource;
  /** A CSV row's column per field of its scope (-1: none); undefined for a JSON object. */
  cols: Int32Array | undefined;
  at: Location;
  stats: FileStats;
  /** Its fields' path in problems starts with this (`followUps[2].`); '' for a CSV row. */
  prefix: string;
  /**
   * Value codes from the parsing thread, else undefined: a CSV row's (CellRows.codes), or a JSON
   * object's, one per key in for-in order (UnpackedJson.codes).
   */
  codes: Int32Array | undefined;
  /** A CSV row's first cell in `fields` (and its code in `codes`): a batch's cells lie end to end; a JSON object's first code. */
  first: number;
  /** With codes: per column (a JSON object's: per field), per code, the value as checked, kept for the rest of the file. */
  memo: Encoded[][] | undefined;
  /** A JSON object's keys and values from the parsing thread, from `first` on (JsonSlots), and its scope's field per key code for the file. */
  slots?: JsonSlots | undefined;
  fieldOf?: number[] | undefined;
}

/**
 * What reading the records of one scope uses. The buffers are reused: a row is stored before the
 * next row of its scope is read.
 */
interface ScopeState {
  checks: ScopeChecks;
  raws: unknown[];
  encoded: Encoded[];
  /** The fields some JSON record carries as a key. */
  jsonKeys: Uint8Array;
  /** The codes of the fields of the JSON object last read (-1: none). */
  jsonCodes: Int32Array;
  /** The last value without a code each field of a CSV row had, and what it was checked as. */
  lastRaws: unknown[];
  lastEncoded: Encoded[];
  writer: RowWriter;
  /** The CSV row last read with value codes, whose values are read from it (else `raws` holds them). */
  rawRec: Rec | undefined;
}

/** The value a field of the record last read had as read. */
function rawOf(state: ScopeState, field: number): unknown {
  const rec = state.rawRec;
  if (rec === undefined) return state.raws[field];
  const col = rec.cols![field]!;
  return col >= 0 ? (rec.fields as readonly string[])[rec.first + col] : undefined;
}

/**
 * Reads the fields of one record of a scope through their checks, and stores the ones that pass
 * in the record's row; each field that does not pass is a data problem. The buffers are reused
 * per scope: a row is stored before the next row of its scope is read.
 */
export class FieldReader {
  /**
   * Per scope what reading its records uses, in one object: a row costs one look-up by scope name
   * (a megamorphic load, the scope names being many) rather than one per buffer and per field stored.
   */
  private readonly scopes: Record<Scope, ScopeState>;
  private readonly paths = new Map<string, string>();

  constructor(
    private readonly store: StoreWriter,
    private readonly accounts: Accounts,
    normalize: Normalize,
  ) {
    const checks = makeChecks(normalize, store.values);
    this.scopes = Object.fromEntries(
      (Object.entries(checks) as [Scope, ScopeChecks][]).map(([scope, c]) => {
        const n = c.fields.length;
        const state: ScopeState = {
          checks: c,
          raws: new Array<unknown>(n),
          encoded: new Array<Encoded>(n),
          jsonKeys: new Uint8Array(n),
          jsonCodes: new Int32Array(n),
          // A value no cell can have, so that the first cell is always checked.
          lastRaws: new Array<unknown>(n).fill(FieldReader),
          lastEncoded: new Array<Encoded>(n).fill(undefined),
          writer: store.writer(scope),
          rawRec: undefined,
        };
        return [scope, state];
      }),
    ) as Record<Scope, ScopeState>;
  }

  /** Where a field stands in its scope, looked up once by the caller. */
  position(scope: Scope, name: string): number {
    return this.scopes[scope].checks.index.get(name)!;
  }

  /**
   * Encodes every field of `scope` from the record: from a JSON object (whose unknown keys outside
   * `nested` are reported first), or from a CSV row, column by column.
   */
  read(scope: Scope, rec: Rec, nested?: ReadonlySet<string>): Encoded[] {
    const state = this.scopes[scope];
    const { fields, encoders, index } = state.checks;
    const raws = state.raws;
    const out = state.encoded;
    const cols = rec.cols;
    if (cols && rec.codes) {
      // A code names one value of its column in this file, and a check gives one value the same
      // result every time: each distinct value is checked once, and a row costs an array read per
      // field rather than hashing its text for a map look-up (most of the time of loading a table).
      const record = rec.fields as readonly string[];
      const { codes, first } = rec;
      const memo = rec.memo!;
      const lastRaws = state.lastRaws;
      const lastOut = state.lastEncoded;
      // The values as read are not copied out: `raw` finds one in the row when a problem quotes it.
      state.rawRec = rec;
      for (let f = 0; f < fields.length; f++) {
        const col = cols[f]!;
        const code = col >= 0 ? codes[first + col]! : -1;
        if (code < 0) {
          // A value without a code (an identifier) is most often the one the row above had (the
          // caseId of an akt's rows, the planId of a plan's follow-ups): checked once for them all.
          const raw = col >= 0 ? record[first + col] : undefined;
          if (raw !== lastRaws[f]) {
            lastRaws[f] = raw;
            lastOut[f] = encoders[f]!(raw);
          }
          out[f] = lastOut[f];
          continue;
        }
        const checked = (memo[col] ??= []);
        let v = checked[code];
        if (v === undefined) checked[code] = v = encoders[f]!(record[first + col]);
        out[f] = v;
      }
      return out;
    }
    state.rawRec = undefined;
    if (cols) {
      const record = rec.fields as readonly string[];
      const first = rec.first;
      for (let f = 0; f < fields.length; f++) raws[f] = cols[f]! >= 0 ? record[first + cols[f]!] : undefined;
    } else {
      // One pass over the object's own keys (a JSON object has no others), in the order its codes lie in.
      const obj = rec.fields as Record<string, unknown>;
      const seen = state.jsonKeys;
      const codes = rec.codes;
      const fieldCodes = state.jsonCodes;
      // Loops: fill is a call out of compiled code, and a record has a handful of fields (0.15 s of the main thread for 400,000 akter).
      for (let f = 0; f < raws.length; f++) raws[f] = undefined;
      for (let f = 0; f < fieldCodes.length; f++) fieldCodes[f] = -1;
      const slots = rec.slots;
      if (slots !== undefined) this.slots(state, rec, slots, nested);
      else {
        let at = rec.first;
        for (const k in obj) {
          const f = index.get(k);
          if (f === undefined) {
            if (!nested?.has(k)) this.accounts.reportUnknownField(rec.at, rec.prefix + k);
          } else {
            raws[f] = obj[k];
            seen[f] = 1;
            if (codes) fieldCodes[f] = codes[at]!;
          }
          at++;
        }
      }
      if (codes) {
        // As for a CSV row with codes: each distinct value of a field is checked once per file.
        const memo = rec.memo!;
        for (let f = 0; f < fields.length; f++) {
          const code = fieldCodes[f]!;
          if (code < 0) {
            out[f] = encoders[f]!(raws[f]);
            continue;
          }
          const checked = (memo[f] ??= []);
          let v = checked[code];
          if (v === undefined) checked[code] = v = encoders[f]!(raws[f]);
          out[f] = v;
        }
        return out;
      }
    }
    for (let f = 0; f < fields.length; f++) out[f] = encoders[f]!(raws[f]);
    return out;
  }

  /**
   * A tagged JSON object's fields from its slots, as the walk of its keys would find them (the
   * same keys in the same order): each key's field is looked up by name once per file.
   */
  private slots(state: ScopeState, rec: Rec, slots: JsonSlots, nested: ReadonlySet<string> | undefined): void {
    const { keys, values, names } = slots;
    const codes = rec.codes!;
    const fieldOf = rec.fieldOf!;
    const index = state.checks.index;
    for (let at = rec.first; ; at++) {
      const key = keys[at]!;
      const code = key & ~KEYS_END;
      let f = fieldOf[code];
      if (f === undefined) fieldOf[code] = f = index.get(names[code]!) ?? -1;
      if (f < 0) {
        const k = names[code]!;
        if (!nested?.has(k)) this.accounts.reportUnknownField(rec.at, rec.prefix + k);
      } else {
        state.raws[f] = values[at];
        state.jsonKeys[f] = 1;
        state.jsonCodes[f] = codes[at]!;
      }
      if (key & KEYS_END) return;
    }
  }

  /** The value a field of the record last read in `scope` had as read (for a problem that quotes it). */
  raw(scope: Scope, field: number): unknown {
    return rawOf(this.scopes[scope], field);
  }

  /** Reports the fields of the record last read in `scope` that did not pass, and stores the rest in `row`. */
  keep(scope: Scope, row: number, rec: Rec, caseId: string): void {
    const state = this.scopes[scope];
    const { checks, encoded, writer } = state;
    const fields = checks.fields;
    for (let f = 0; f < encoded.length; f++) {
      const v = encoded[f];
      if (typeof v === 'number') {
        if (v !== 0) writer.setId(row, f, v);
      } else if (typeof v === 'string') writer.setText(row, f, v);
      else if (v instanceof FieldIssue) {
        const original = v.code === 'missing-required' ? undefined : rawOf(state, f);
        this.accounts.report(problem(v.code, rec.at, { caseId, field: this.path(rec.prefix, fields[f]!), value: showValue(original) }));
      }
    }
  }

  /**
   * A field's path in a problem (`followUps[2].date`), one string for all problems that share it:
   * a country-wide export can have hundreds of thousands of problems.
   */
  path(prefix: string, name: string): string {
    if (prefix === '') return name;
    const key = prefix + name;
    let p = this.paths.get(key);
    if (p === undefined) this.paths.set(key, (p = detach(key)));
    return p;
  }

  /** The value an encoded field stands for. */
  valueOf(encoded: Encoded): unknown {
    return typeof encoded === 'number' ? this.store.values.values[encoded] : encoded instanceof FieldIssue ? undefined : encoded;
  }

  /** Adds to what the JSON akter provide the fields some record carried as a key. */
  addJsonFields(provided: Set<Dataset | FieldPath>): void {
    for (const [scope, { jsonKeys: seen, checks }] of Object.entries(this.scopes) as [Scope, ScopeState][]) {
      // No record of this kind at all (every akt has `plans: []`) says nothing of which fields the
      // export carries: an empty dataset is a finding ("no plan"), not a gap in the export.
      const none = !seen.some((on) => on !== 0) && provided.has(scope as Dataset);
      seen.forEach((on, f) => (on || none) && provided.add(`${scope}.${checks.fields[f]!}` as FieldPath));
    }
  }
}
