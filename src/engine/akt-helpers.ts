import { addDays, daysBetween, toEpochDay } from '../model/dates.js';
import type { Akt, FollowUp, Plan } from '../model/schema.js';
import { isWritten, NO_EXTRA } from './text.js';

export { addDays, daysBetween, maxDate, minDate, toEpochDay } from '../model/dates.js';

/** The plan in force at `asOf` (validFrom ≤ D ≤ validTo); of several, the one with the latest validFrom. */
export function currentPlan(akt: Akt, asOf: string): Plan | undefined {
  let best: Plan | undefined;
  for (const p of akt.plans) {
    if (!p.validFrom || !p.validTo || p.validFrom > asOf || p.validTo < asOf) continue;
    if (!best || p.validFrom >= best.validFrom!) best = p;
  }
  return best;
}

/** What planInForce gave last: for this list of plans (at this length) and audit date. */
let lastPlans: Akt['plans'] | undefined;
let lastCount = 0;
let lastAsOf = '';
let lastPlan: Plan | undefined;

/**
 * `currentPlan` for the built-in rules, seven of which ask it of each akt in turn: the answer for
 * the list of plans asked about last is kept while the list (which is all `currentPlan` reads of
 * an akt), its length and the audit date are the same (rules never change an akt). Plug-ins call
 * `currentPlan` itself, which keeps nothing.
 */
export function planInForce(akt: Akt, asOf: string): Plan | undefined {
  const plans = akt.plans;
  if (plans === lastPlans && plans.length === lastCount && asOf === lastAsOf) return lastPlan;
  lastPlan = currentPlan(akt, asOf);
  lastPlans = plans;
  lastCount = plans.length;
  lastAsOf = asOf;
  return lastPlan;
}

/** The most recently drawn-up plan: by created, else validFrom, else its place in the akt. */
export function newestPlan(akt: Akt): Plan | undefined {
  let best: Plan | undefined;
  let bestKey = '';
  for (const p of akt.plans) {
    const key = p.created ?? p.validFrom ?? '';
    if (!best || key >= bestKey) {
      best = p;
      bestKey = key;
    }
  }
  return best;
}

/**
 * A documented follow-up: held on or before the audit date, with what it found written down ("-"
 * or "oförändrat" is not written down; `placeholders` extends that list).
 */
export function isDocumented(f: FollowUp, asOf: string, placeholders: readonly string[] = NO_EXTRA): f is FollowUp & { date: string; outcome: string } {
  return f.date !== undefined && f.date <= asOf && isWritten(f.outcome, placeholders);
}

export interface Gap {
  from: string;
  to: string;
  days: number;
}

/** The longest stretch between consecutive points of [start, ...dates in the window, end]. */
export function longestGap(start: string, end: string, dates: Iterable<string>): Gap {
  const points = [...dates].filter((d) => d >= start && d <= end).sort();
  let prev = start;
  let gap: Gap = { from: start, to: start, days: 0 };
  for (const d of [...points, end]) {
    const days = daysBetween(prev, d);
    if (days > gap.days) gap = { from: prev, to: d, days };
    prev = d;
  }
  return gap;
}

/**
 * `longestGap(start, end, points)` for points already in [start, end], which it sorts in place: one
 * walk, each date turned into a day number once, and no array or gap made on the way. For rules
 * that collect the points themselves (follow-ups-traceable, on every akt with a current plan).
 */
export function longestGapWithin(start: string, end: string, points: string[]): Gap {
  // Insertion sort: an akt has a few dates in the window, and the default sort makes room for its work.
  for (let i = 1; i < points.length; i++) {
    const d = points[i]!;
    let j = i - 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, points[-1] > d is false, and equal dates are the same text
    for (; j >= 0 && points[j]! > d; j--) points[j + 1] = points[j]!;
    points[j + 1] = d;
  }
  let from = start;
  let to = start;
  let days = 0;
  let prev = start;
  let prevDay = toEpochDay(start);
  for (let i = 0; i <= points.length; i++) {
    const d = i < points.length ? points[i]! : end;
    const day = toEpochDay(d);
    if (day - prevDay > days) {
      from = prev;
      to = d;
      days = day - prevDay;
    }
    prev = d;
    prevDay = day;
  }
  return { from, to, days };
}

export function daysBefore(iso: string, days: number): string {
  return addDays(iso, -days);
}

/** Dates of documented follow-ups of the given types (all types when `types` is empty). */
export function documentedDates(akt: Akt, asOf: string, types: readonly string[] = [], placeholders: readonly string[] = NO_EXTRA): string[] {
  // The type first: it is cheaper to look at than the note, and most follow-ups are of other types.
  return akt.followUps.filter((f) => (types.length === 0 || (f.type !== undefined && types.includes(f.type))) && isDocumented(f, asOf, placeholders)).map((f) => f.date!);
}

/**
 * An aspirant at D: enrolled at the jobbtorg on or before D and not exited before D. Returns the
 * enrolment date, or undefined for anyone else.
 */
export function aspirantSince(akt: Akt, asOf: string): string | undefined {
  const jc = akt.jobCenter;
  if (!jc?.enrolled || jc.enrolled > asOf) return undefined;
  if (jc.exited !== undefined && jc.exited < asOf) return undefined;
  return jc.enrolled;
}

/** Monday–Friday days after `from` up to and including `to` (holidays are not known to the tool). */
export function weekdaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = toEpochDay(from) + 1; d <= toEpochDay(to); d++) {
    // Epoch day 0 (1970-01-01) was a Thursday: (d + 3) % 7 gives 0 for Monday … 6 for Sunday.
    if ((d + 3) % 7 < 5) n++;
  }
  return n;
}

/** Calendar months as YYYY-MM, from `first` to `last` inclusive. */
export function monthsFrom(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  const end = last.slice(0, 7);
  for (;;) {
    const ym = `${y}-${String(m).padStart(2, '0')}`;
    if (ym > end) return out;
    out.push(ym);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

/** The month after `iso`'s month, unless `iso` is the 1st: the first whole month from that day on. */
export function firstWholeMonth(iso: string): string {
  if (iso.endsWith('-01')) return iso.slice(0, 7);
  const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before `iso`'s month, as YYYY-MM. */
export function previousMonth(iso: string): string {
  const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
