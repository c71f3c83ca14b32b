/**
 * Swedish personnummer and samordningsnummer, wherever they stand in a text: 6 or 8 digits of date
 * (YYMMDD / YYYYMMDD; a samordningsnummer adds 60 to the day), an optional -, + or space, and 4
 * digits, the last a Luhn check digit over the 10-digit form. A digit run that is longer is something else.
 * Between date and number people also write spaces, line breaks, no-break spaces and dashes (SEP
 * below); a spreadsheet drops the leading zeros of a number born 2000–2009 (DROPPED).
 *
 * What counts (README, "What is masked"): the month is 01–12 and the day 01–31 (61–91 for a
 * samordningsnummer), whether or not that day exists (a 30 February is a typo of a real number and
 * still points at a person); a twelve-digit form starts with 18, 19 or 20. Organisation numbers have
 * 20 or more in the month place and are left readable. Nine or eleven digits that begin with such a
 * date (the number without its check digit, which Luhn gives back) are masked as well.
 */
// Between date and number: `-`, `+`, a space or nothing as the Skatteverket writes it, and what
// people and word processors make of that: spaces on either side or more than one, a line break,
// a no-break or thin space, a hyphen, non-breaking hyphen, en or em dash or minus sign.
const SIGNS = String.raw`\-+\u2010-\u2015\u2212\ufe63\uff0b\uff0d`;
const SEP = String.raw`\s{0,3}[${SIGNS}]?\s{0,3}`;
const CANDIDATE = new RegExp(String.raw`(?<!\d)(\d{6}|\d{8})(${SEP})(\d{4})(?!\d)`, 'g');
const PARTIAL = new RegExp(String.raw`(?<!\d)(\d{6}|\d{8})(${SEP})(\d{3})(?!\d)`, 'g');
// Ten digits that a spreadsheet or a JSON number stored as a number: a birth year 2000–2009 loses
// its leading zero ("0301151234" → 301151234), year 2000 two. Only with a right check digit, as
// many identifiers have eight or nine digits.
const DROPPED = /(?<!\d)\d{8,9}(?!\d)/g;
export const MASK = 'ÅÅMMDD-XXXX';
// What every match of the patterns holds: six digits, a separator or none, and two more (of an
// eight-digit date, its last six; of a number that lost its leading zeros, eight digits).
// Identifiers such as A-0000001-P2 have digit runs, but not this.
const MAYBE_NUMBER = new RegExp(String.raw`\d{6}[\s${SIGNS}]{0,7}\d{2}`);
// Digits of other scripts that a form on a phone may send (Arabic-Indic, Persian, full width): read as 0–9.
const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g;
const OTHER_DIGIT = new RegExp(OTHER_DIGITS.source);

export interface PersonalNumber {
  /** Where it stands in the text. */
  index: number;
  length: number;
  kind: 'personnummer' | 'samordningsnummer';
  /** The check digit is right and the date real; a lookalike is still found (and masked). */
  valid: boolean;
}

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Luhn over the ten digits YYMMDDNNNC: weights 2,1,2,1,… and the sum a multiple of ten. */
export function luhnValid(ten: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The date part has the shape of a birth date (or one with day + 60): see the note at the top. */
function dateShaped(date: string): boolean {
  const long = date.length === 8;
  if (long && !/^(18|19|20)/.test(date)) return false;
  const month = Number(date.slice(-4, -2));
  const day = Number(date.slice(-2));
  return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

function classify(date: string, last4: string): Omit<PersonalNumber, 'index' | 'length'> | undefined {
  if (!dateShaped(date)) return undefined;
  const long = date.length === 8;
  const yy = Number(date.slice(long ? 2 : 0, long ? 4 : 2));
  // A 10-digit number does not say its century; any century with a real date will do.
  const years = long ? [Number(date.slice(0, 4))] : [1900 + yy, 2000 + yy, 1800 + yy];
  const month = Number(date.slice(-4, -2));
  const day = Number(date.slice(-2));
  const kind = day > 60 ? 'samordningsnummer' : 'personnummer';
  const real = years.some((y) => realDate(y, month, kind === 'samordningsnummer' ? day - 60 : day));
  return { kind, valid: real && luhnValid(date.slice(-6) + last4) };
}

export function findPersonalNumbers(text: string): PersonalNumber[] {
  const out: PersonalNumber[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const found = classify(m[1]!, m[3]!);
    if (found) out.push({ index: m.index, length: m[0].length, ...found });
  }
  return out;
}

/**
 * Dates followed by three digits (a personnummer without its check digit, which Luhn gives back),
 * and numbers that lost their leading zeros (DROPPED).
 */
export function findPartialNumbers(text: string): { index: number; length: number }[] {
  const partial = [...text.matchAll(PARTIAL)].filter((m) => dateShaped(m[1]!));
  const dropped = [...text.matchAll(DROPPED)].filter((m) => lostItsZeros(m[0]));
  return [...partial, ...dropped].map((m) => ({ index: m.index, length: m[0].length }));
}

/**
 * Replaces every personnummer and samordningsnummer (valid or not, whole or without its check
 * digit) with ÅÅMMDD-XXXX, keeping nothing of it. Text that leaves the tool goes through
 * `quote` (quote.ts), which calls this first.
 */
export function maskPersonalNumbers(text: string, mask = MASK): string {
  // Every value of a report passes here: most cannot hold a number at all. (The shortcuts below
  // change speed, not results: test/privacy.test.ts compares them with the search over every text.)
  // Stryker disable next-line ConditionalExpression: equivalent, the searches find nothing in a shorter text
  if (text.length < 8) return text;
  // Stryker disable next-line ConditionalExpression: equivalent, as above
  if (!MAYBE_NUMBER.test(text)) {
    // Stryker disable next-line ConditionalExpression: equivalent, as above
    if (!OTHER_DIGIT.test(text)) return text;
    // Digits of another script are shown as 0–9 where a number was found among them, as they stood elsewhere.
    const ascii = text.replace(OTHER_DIGITS, asciiDigit);
    // Stryker disable next-line ConditionalExpression: equivalent, as above
    if (!MAYBE_NUMBER.test(ascii)) return text;
    const masked = maskPersonalNumbers(ascii, mask);
    return masked === ascii ? text : masked;
  }
  return text
    .replace(CANDIDATE, (m: string, date: string) => (dateShaped(date) ? mask : m))
    .replace(PARTIAL, (m: string, date: string) => (dateShaped(date) ? mask : m))
    .replace(DROPPED, (m: string) => (lostItsZeros(m) ? mask : m));
}

function asciiDigit(d: string): string {
  const c = d.charCodeAt(0);
  return String(c - (c >= 0xff10 ? 0xff10 : c >= 0x06f0 ? 0x06f0 : 0x0660));
}

/** Eight or nine digits that are a ten-digit personnummer without its leading zeros (see DROPPED). */
function lostItsZeros(digits: string): boolean {
  const ten = digits.padStart(10, '0');
  return dateShaped(ten.slice(0, 6)) && luhnValid(ten);
}
