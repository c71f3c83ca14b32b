import type { Lang, Localized } from '../model/lang.js';
import type { Severity } from '../engine/types.js';
import type { ProblemCode } from '../model/problems.js';

/**
 * Interpolates {name} from data; a name without data is left visible rather than guessed.
 * {name|one|many} writes the number and the word that fits it: "1 akt", "5 akter".
 */
export function fill(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (m, k: string, one?: string, many?: string) => {
    if (!Object.hasOwn(data, k)) return m;
    const value = String(data[k]);
    if (one === undefined) return value;
    return `${value} ${Number(value.replace(/\s/g, '')) === 1 ? one : many}`;
  });
}

const NUMBER_WORDS: Record<Lang, readonly string[]> = {
  sv: ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
};

/** Numbers up to twelve as words, as Swedish audit reports write them ("i åtta av tio akter"). */
export function numberWord(n: number, lang: Lang): string {
  return NUMBER_WORDS[lang][n] ?? formatInt(n, lang);
}

/** Made on first use: the first NumberFormat of a run loads its locale's data (some 25 ms). */
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * An integer as the report's language writes it: "100 000" (sv-SE, with a plain space), "100,000"
 * (en-GB). A count, the common case, is grouped here rather than by Intl, which then never loads
 * the locale at the end of a run; test/catalog.test.ts holds the two equal.
 */
export function formatInt(n: number, lang: Lang): string {
  if (Number.isSafeInteger(n) && n >= 0 && !Object.is(n, -0)) return grouped(String(n), lang === 'sv' ? ' ' : ',');
  let f = numberFormats.get(lang);
  if (f === undefined) numberFormats.set(lang, (f = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB')));
  return f.format(n).replace(/\u00a0/g, ' ');
}

/** Digits in groups of three from the right. */
function grouped(digits: string, separator: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += separator + digits.slice(i, i + 3);
  return out;
}

export function formatPercent(share: number | null, lang: Lang): string {
  if (share === null) return '–';
  const pct = Math.round(share * 100);
  return lang === 'sv' ? `${pct} %` : `${pct}%`;
}

export const ENGINE_MESSAGES: Record<string, Localized> = {
  'missing-data': {
    sv: 'Exporten saknar de uppgifter regeln behöver ({data}).',
    en: 'The export lacks the data the rule needs ({data}).',
  },
  'missing-field': {
    sv: 'Exporten saknar fältet {field}.',
    en: 'The export lacks the field {field}.',
  },
};

export const PROBLEM_MESSAGES: Record<ProblemCode, Localized> = {
  'missing-required': { sv: 'Obligatoriskt fält saknas.', en: 'Required field is missing.' },
  'wrong-type': { sv: 'Fel typ av värde: {value}.', en: 'Wrong type of value: {value}.' },
  'invalid-date': { sv: 'Ogiltigt datum: {value} (ska vara ÅÅÅÅ-MM-DD).', en: 'Invalid date: {value} (expected YYYY-MM-DD).' },
  'invalid-value': { sv: 'Otillåtet värde: {value}.', en: 'Value not allowed: {value}.' },
  'not-an-object': { sv: 'Posten är inte ett objekt: {value}; raden avvisades.', en: 'The record is not an object: {value}; row rejected.' },
  'missing-case-id': { sv: 'Aktnummer (caseId) saknas; raden avvisades.', en: 'caseId is missing; row rejected.' },
  'duplicate-case-id': { sv: 'Aktnumret finns redan ({value}); raden avvisades.', en: 'Duplicate caseId (first at {value}); row rejected.' },
  'duplicate-row': { sv: 'Akten har redan en rad i tabellen (en rad per akt); raden avvisades.', en: 'The akt already has a row in this table (one row per akt); row rejected.' },
  'unknown-case-id': { sv: 'Aktnumret {value} finns inte bland akterna; raden avvisades.', en: 'caseId {value} matches no akt; row rejected.' },
  'unknown-plan-id': { sv: 'Arbetsplanen {value} finns inte i akten.', en: 'Plan {value} does not exist in the akt.' },
  'plan-dates-reversed': { sv: 'Arbetsplanen slutar före den börjar ({value}).', en: 'The plan ends before it starts ({value}).' },
  'future-date': { sv: 'Uppföljningen är daterad efter granskningsdagen ({value}) och räknas inte.', en: 'The follow-up is dated after the audit date ({value}) and is not counted.' },
  'invalid-json': { sv: 'Ogiltig JSON vid rad:kolumn {value}.', en: 'Invalid JSON at line:column {value}.' },
  'csv-syntax': { sv: 'CSV-filen kan inte läsas vidare ({value}); resten av filen lästes inte.', en: 'The CSV file cannot be read further ({value}); the rest of the file was not read.' },
  'unterminated-quote': { sv: 'Ett citattecken stängs aldrig; posten från denna rad till filens slut avvisades.', en: 'A quote is never closed; the record from this line to the end of the file was rejected.' },
  'wrong-field-count': { sv: 'Raden har {value} fält mot rubrikraden; raden avvisades.', en: 'The row has {value} fields against the header; row rejected.' },
  'duplicate-column': { sv: 'Kolumnen anger samma fält som en tidigare kolumn och lästes inte.', en: 'The column names the same field as an earlier column and was not read.' },
  'undecodable-text': { sv: 'Tecken som inte går att avkoda ({value}); ange rätt teckenkodning med --encoding.', en: 'Characters that cannot be decoded ({value}); give the right encoding with --encoding.' },
  'not-text': { sv: 'Filen är inte en textfil (CSV eller JSON) och lästes inte.', en: 'The file is not a text file (CSV or JSON) and was not read.' },
  'empty-file': { sv: 'Filen är tom.', en: 'The file is empty.' },
  'unknown-field': { sv: 'Okänt fält ignoreras.', en: 'Unknown field ignored.' },
  'ignored-file': { sv: 'Filen är inte en del av exportformatet och lästes inte.', en: 'The file is not part of the export format and was not read.' },
};

const SEVERITY: Record<Severity, Localized> = {
  error: { sv: 'fel', en: 'error' },
  warning: { sv: 'varning', en: 'warning' },
};

export function severityName(s: Severity, lang: Lang): string {
  return SEVERITY[s][lang];
}
