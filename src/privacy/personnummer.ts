/**
 * Swedish personnummer and samordningsnummer, wherever they stand in a text: 6 or 8 digits of date
 * (YYMMDD / YYYYMMDD; a samordningsnummer adds 60 to the day), an optional - or +, and 4 digits, the
 * last a Luhn check digit over the 10-digit form. A digit run that is longer is something else.
 */
const CANDIDATE = /(?<!\d)(\d{6}|\d{8})([-+]?)(\d{4})(?!\d)/g;
export const MASK = 'ÅÅMMDD-XXXX';
const SIX_DIGITS = /\d{6}/;

export interface PersonalNumber {
  /** Where it stands in the text. */
  index: number;
  length: number;
  kind: 'personnummer' | 'samordningsnummer';
  /** The check digit is right; a lookalike with a wrong one is still found (and masked). */
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

function classify(date: string, last4: string): Omit<PersonalNumber, 'index' | 'length'> | undefined {
  const long = date.length === 8;
  if (long && !/^(18|19|20)/.test(date)) return undefined;
  const yy = Number(date.slice(long ? 2 : 0, long ? 4 : 2));
  // A 10-digit number does not say its century; any century with a real date will do.
  const years = long ? [Number(date.slice(0, 4))] : [1900 + yy, 2000 + yy, 1800 + yy];
  const month = Number(date.slice(-4, -2));
  const day = Number(date.slice(-2));
  let kind: PersonalNumber['kind'] | undefined;
  if (years.some((y) => realDate(y, month, day))) kind = 'personnummer';
  else if (day > 60 && years.some((y) => realDate(y, month, day - 60))) kind = 'samordningsnummer';
  if (!kind) return undefined;
  return { kind, valid: luhnValid(date.slice(-6) + last4) };
}

export function findPersonalNumbers(text: string): PersonalNumber[] {
  const out: PersonalNumber[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const found = classify(m[1]!, m[3]!);
    if (found) out.push({ index: m.index, length: m[0].length, ...found });
  }
  return out;
}

/** Replaces every personnummer and samordningsnummer (valid or not) with ÅÅMMDD-XXXX, keeping nothing of it. */
export function maskPersonalNumbers(text: string): string {
  // Every value of a report passes here: most cannot hold a number at all (ten digits, six in a row).
  if (text.length < 10 || !SIX_DIGITS.test(text)) return text;
  return text.replace(CANDIDATE, (m: string, date: string, _sep: string, last4: string) => (classify(date, last4) ? MASK : m));
}

/** Masks the strings of template data; data with nothing to mask is returned as it is, not copied. */
export function maskData<T extends Readonly<Record<string, string | number>>>(data: T | undefined): T | undefined {
  if (!data) return data;
  let out: Record<string, string | number> | undefined;
  for (const k in data) {
    const v = data[k];
    if (typeof v !== 'string') continue;
    const masked = maskPersonalNumbers(v);
    if (masked !== v) (out ??= { ...data })[k] = masked;
  }
  return (out as T | undefined) ?? data;
}
