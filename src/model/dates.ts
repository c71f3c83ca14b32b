/** Calendar dates are ISO strings (YYYY-MM-DD) in the model; day arithmetic uses epoch days in UTC
 * so that no time zone or DST can shift a date. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date written YYYY-MM-DD. Called for every date of every row: no Date object. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, a month outside 1–12 has no length below and no day is <= undefined; kept to say so
  if (mo < 1 || mo > 12) return false;
  if (d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!);
}

export function toEpochDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromEpochDay(toEpochDay(iso) + days);
}

export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function minDate(dates: Iterable<string | undefined>): string | undefined {
  let min: string | undefined;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, undefined compares false with any date and an equal date changes nothing
  for (const d of dates) if (d !== undefined && (min === undefined || d < min)) min = d;
  return min;
}

export function maxDate(dates: Iterable<string | undefined>): string | undefined {
  let max: string | undefined;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, undefined compares false with any date and an equal date changes nothing
  for (const d of dates) if (d !== undefined && (max === undefined || d > max)) max = d;
  return max;
}
