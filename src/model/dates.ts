/** Calendar dates are ISO strings (YYYY-MM-DD) in the model; day arithmetic uses epoch days in UTC
 * so that no time zone or DST can shift a date. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
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
  for (const d of dates) if (d !== undefined && (min === undefined || d < min)) min = d;
  return min;
}

export function maxDate(dates: Iterable<string | undefined>): string | undefined {
  let max: string | undefined;
  for (const d of dates) if (d !== undefined && (max === undefined || d > max)) max = d;
  return max;
}
