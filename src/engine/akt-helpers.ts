import { addDays, daysBetween } from '../model/dates.js';
import type { Akt, FollowUp, Plan } from '../model/schema.js';

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

/** A documented follow-up: held on or before the audit date, with what it found written down. */
export function isDocumented(f: FollowUp, asOf: string): f is FollowUp & { date: string; outcome: string } {
  return f.date !== undefined && f.date <= asOf && f.outcome !== undefined && f.outcome.trim() !== '';
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

export function daysBefore(iso: string, days: number): string {
  return addDays(iso, -days);
}
