/**
 * Swedish personnummer and samordningsnummer, wherever they stand in a text: 6 or 8 digits of date
 * (YYMMDD / YYYYMMDD; a samordningsnummer adds 60 to the day), an optional -, + or space, and 4
 * digits, the last a Luhn check digit over the 10-digit form. A digit run that is longer is something else.
 *
 * What counts (README, "What is masked"): the month is 01–12 and the day 01–31 (61–91 for a
 * samordningsnummer), whether or not that day exists (a 30 February is a typo of a real number and
 * still points at a person); a twelve-digit form starts with 18, 19 or 20. Organisation numbers have
 * 20 or more in the month place and are left readable. Nine or eleven digits that begin with such a
 * date (the number without its check digit, which Luhn gives back) are masked as well.
 */
const CANDIDATE = /(?<!\d)(\d{6}|\d{8})([-+ ]?)(\d{4})(?!\d)/g;
const PARTIAL = /(?<!\d)(\d{6}|\d{8})([-+ ]?)(\d{3})(?!\d)/g;
export const MASK = 'ÅÅMMDD-XXXX';
// What every match of either pattern holds: six digits, a separator or none, and three more (of an
// eight-digit date, its last six). Identifiers such as A-0000001-P2 have digit runs, but not this.
const MAYBE_NUMBER = /\d{6}[-+ ]?\d{3}/;

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

/** Dates followed by three digits: a personnummer without its check digit, which Luhn gives back. */
export function findPartialNumbers(text: string): { index: number; length: number }[] {
  return [...text.matchAll(PARTIAL)].filter((m) => dateShaped(m[1]!)).map((m) => ({ index: m.index, length: m[0].length }));
}

/**
 * Replaces every personnummer and samordningsnummer (valid or not, whole or without its check
 * digit) with ÅÅMMDD-XXXX, keeping nothing of it. Text that leaves the tool goes through
 * `quote` (quote.ts), which calls this first.
 */
export function maskPersonalNumbers(text: string, mask = MASK): string {
  // Every value of a report passes here: most cannot hold a number at all.
  if (text.length < 9 || !MAYBE_NUMBER.test(text)) return text;
  return text
    .replace(CANDIDATE, (m: string, date: string) => (dateShaped(date) ? mask : m))
    .replace(PARTIAL, (m: string, date: string) => (dateShaped(date) ? mask : m));
}

/**
 * The text with every personnummer (as `maskPersonalNumbers` finds them) and every mask already in it
 * (an export masked before it reached the tool) blanked out: for reading a text, never for showing it.
 * A rule that picks words out of a text must not pick the date part of a number, which no mask
 * recognises once it stands alone ("19850101" of "19850101-1234").
 */
export function withoutPersonalNumbers(text: string): string {
  const blanked = maskPersonalNumbers(text, ' ');
  return blanked.includes(MASK) ? blanked.replaceAll(MASK, ' ') : blanked;
}
