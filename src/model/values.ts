// Sub-path imports: the package root loads every one of date-fns' functions (70 ms at start-up).
import { format as formatDate } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse as parseDate } from 'date-fns/parse';
import type { Localized } from './lang.js';
import { FIELD_KINDS, type FieldKind, type Scope } from './fields.js';
import { fold } from '../fold.js';
import { firstLine } from '../privacy/quote.js';

export type MappedValue = string | boolean | null;

export interface ValueRules {
  /** Per field (`type`, or `placements.type` for one scope), export value → canonical value; null means "no value". */
  values?: Readonly<Record<string, Readonly<Record<string, MappedValue>>>>;
  /** date-fns patterns tried after the built-in date forms, e.g. "dd.MM.yyyy". */
  dateFormats?: readonly string[];
}

export type Normalize = (scope: Scope, field: string, value: unknown) => unknown;

const TRUE = new Set(['true', 'ja', 'j', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'nej', 'n', 'no', '0']);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WITH_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const REFERENCE = new Date(2000, 0, 1);

/** The built-in date forms: YYYY-MM-DD, YYYYMMDD, and either with a time of day (which is dropped). */
function isoFrom(text: string, patterns: readonly string[]): string {
  const compact = COMPACT.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const timed = WITH_TIME.exec(text);
  if (timed) return timed[1]!;
  for (const pattern of patterns) {
    const d = parseDate(text, pattern, REFERENCE);
    if (isValid(d)) return formatDate(d, 'yyyy-MM-dd');
  }
  return text;
}

const PROBE = new Date(2001, 10, 23);

/**
 * Why a mapping's date pattern is not one date-fns can read dates with, or undefined if it is:
 * it must use date-fns' tokens (Unicode: yyyy, MM, dd; not Moment's YYYY and DD, which date-fns
 * refuses while reading) and read back year, month and day from a date it writes.
 */
export function datePatternProblem(pattern: string): Localized | undefined {
  // Stryker disable next-line StringLiteral: equivalent unless the text put in holds a Y or a D
  const tokens = pattern.replace(/'[^']*'/g, '');
  const suggestion = pattern.replace(/Y/g, 'y').replace(/D/g, 'd');
  if (/[YD]/.test(tokens)) {
    return {
      sv: `"${pattern}" använder Moment-tecken (YYYY, DD); skriv det med date-fns-tecken: "${suggestion}"`,
      en: `"${pattern}" uses Moment-style tokens (YYYY, DD); write it in date-fns tokens: "${suggestion}"`,
    };
  }
  let read: Date;
  try {
    read = parseDate(formatDate(PROBE, pattern), pattern, REFERENCE);
  } catch (e) {
    const why = firstLine((e as Error).message);
    return {
      sv: `"${pattern}" är inget date-fns-mönster (${why}); skriv det till exempel som "yyyy-MM-dd" eller "dd.MM.yyyy"`,
      en: `"${pattern}" is not a date-fns pattern (${why}); write it as e.g. "yyyy-MM-dd" or "dd.MM.yyyy"`,
    };
  }
  if (!isValid(read) || read.getTime() !== PROBE.getTime()) {
    return {
      sv: `"${pattern}" ger inte år, månad och dag (yyyy, MM, dd; mm är minuter); skriv det till exempel som "yyyy-MM-dd" eller "dd.MM.yyyy"`,
      en: `"${pattern}" does not give year, month and day (yyyy, MM, dd; mm is minutes); write it as e.g. "yyyy-MM-dd" or "dd.MM.yyyy"`,
    };
  }
  return undefined;
}

/** Lower-case keys of a value table, so "J" and "j" need one entry. */
function foldTable(table: Readonly<Record<string, MappedValue>>): Map<string, MappedValue> {
  const m = new Map<string, MappedValue>();
  for (const [k, v] of Object.entries(table)) {
    m.set(k.trim(), v);
    if (!m.has(k.trim().toLowerCase())) m.set(k.trim().toLowerCase(), v);
  }
  return m;
}

/**
 * Brings export values onto format v1 before validation: trims text, treats blanks as missing,
 * applies the mapping's coded values, reads the accepted date and boolean forms, and matches
 * enum values without regard to case, diacritics or separators ("Arbetslöshet" → arbetsloshet).
 * What it cannot place is passed on unchanged, so validation reports it.
 */
export function makeNormalize(rules: ValueRules = {}): Normalize {
  const byKey = new Map(Object.entries(rules.values ?? {}).map(([field, t]) => [field, foldTable(t)]));
  const patterns = rules.dateFormats ?? [];
  // Everything a field needs, looked up once per scope and field rather than per value.
  const fieldPlans = new Map<Scope, Map<string, { table?: Map<string, MappedValue>; kind?: FieldKind; enumIndex?: Map<string, string> }>>();
  for (const [scope, kinds] of FIELD_KINDS) {
    const perField = new Map<string, { table?: Map<string, MappedValue>; kind?: FieldKind; enumIndex?: Map<string, string> }>();
    for (const [field, kind] of kinds) {
      const table = byKey.get(`${scope}.${field}`) ?? byKey.get(field);
      perField.set(field, { ...(table ? { table } : {}), kind, ...(kind.kind === 'enum' ? { enumIndex: new Map(kind.values.map((v) => [fold(v), v])) } : {}) });
    }
    fieldPlans.set(scope, perField);
  }
  return (scope, field, value) => {
    const plan = fieldPlans.get(scope)?.get(field);
    const table = plan?.table;
    if (typeof value !== 'string') {
      if (table && (typeof value === 'number' || typeof value === 'boolean') && table.has(String(value))) return table.get(String(value)) ?? undefined;
      return value;
    }
    const text = value.trim();
    if (text === '') return undefined;
    if (table) {
      const mapped = table.has(text) ? table.get(text) : table.get(text.toLowerCase());
      if (mapped !== undefined) return mapped ?? undefined;
    }
    const kind = plan?.kind;
    if (kind?.kind === 'date') return isoFrom(text, patterns);
    if (kind?.kind === 'boolean') {
      const lower = text.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : text;
    }
    if (kind?.kind === 'enum') return plan!.enumIndex!.get(fold(text)) ?? text;
    return text;
  };
}
