import { aspirantSince } from '../engine/akt-helpers.js';
import { fold } from '../fold.js';
import type { SupportReason } from '../model/schema.js';
import type { Akter, CheckedAkt } from '../model/types.js';

/** The population to audit or sample from; every criterion left out selects every akt. */
export interface Selection {
  districts?: readonly string[];
  /** Full months from supportStart to the audit date, at least. */
  minSupportMonths?: number;
  supportReasons?: readonly SupportReason[];
  aspirant?: boolean;
}

/** Whole months from `from` to `to`: 2009-11-15 → 2010-11-14 is 11, → 2010-11-15 is 12. */
export function fullMonths(from: string, to: string): number {
  const [y1, m1, d1] = [Number(from.slice(0, 4)), Number(from.slice(5, 7)), Number(from.slice(8, 10))];
  const [y2, m2, d2] = [Number(to.slice(0, 4)), Number(to.slice(5, 7)), Number(to.slice(8, 10))];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

export function isAspirant(a: CheckedAkt, asOf: string): boolean {
  return aspirantSince(a.akt, asOf) !== undefined;
}

/**
 * The akter meeting every criterion. An akt without the data a criterion needs (no supportStart
 * for a minimum of months) does not meet it: it cannot be shown to belong.
 */
export function selectPopulation(akter: Akter, sel: Selection, asOf: string): Akter {
  const districts = sel.districts && sel.districts.length > 0 ? new Set(sel.districts.map(fold)) : undefined;
  return akter.filter(({ akt, ...rest }) => {
    if (districts && (akt.district === undefined || !districts.has(fold(akt.district)))) return false;
    if (sel.minSupportMonths !== undefined && (akt.supportStart === undefined || fullMonths(akt.supportStart, asOf) < sel.minSupportMonths)) return false;
    if (sel.supportReasons && sel.supportReasons.length > 0 && (akt.supportReason === undefined || !sel.supportReasons.includes(akt.supportReason))) return false;
    if (sel.aspirant !== undefined && isAspirant({ akt, ...rest }, asOf) !== sel.aspirant) return false;
    return true;
  });
}

/** The criteria as short, stable statements for the report and the urvalsprotokoll. */
export function describeSelection(sel: Selection): string[] {
  const out: string[] = [];
  if (sel.districts && sel.districts.length > 0) out.push(`district = ${sel.districts.join(' | ')}`);
  if (sel.minSupportMonths !== undefined) out.push(`support months ≥ ${sel.minSupportMonths}`);
  if (sel.supportReasons && sel.supportReasons.length > 0) out.push(`support reason = ${sel.supportReasons.join(' | ')}`);
  if (sel.aspirant !== undefined) out.push(`aspirant = ${sel.aspirant ? 'yes' : 'no'}`);
  return out;
}
