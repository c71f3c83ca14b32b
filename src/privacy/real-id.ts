/**
 * The caseId as written in the export, carried inside the tool beside its masked form and never
 * written. Pseudonyms and baselines need it: akter whose caseIds are personnummer all mask to
 * ÅÅMMDD-XXXX, and a pseudonym of that would be one pseudonym for all of them. It is kept under a
 * symbol, which object spreads copy but JSON.stringify, Object.keys and every formatter pass by.
 */
export const REAL_ID: unique symbol = Symbol('caseId as written in the export');

interface Carrier {
  [REAL_ID]?: string;
}

/** `target` with the real caseId attached (the same object, for building reports without copies). */
export function withRealId<T extends object>(target: T, id: string | undefined): T {
  if (id !== undefined) (target as Carrier)[REAL_ID] = id;
  return target;
}

/** The real caseId where the tool still has it; a report read back from JSON has only what it holds. */
export function realId(x: { caseId: string }): string {
  return (x as Carrier)[REAL_ID] ?? x.caseId;
}

/** Carries the real caseId of `from` (if any) over to `to`. */
export function sameRealId<T extends object>(to: T, from: object): T {
  return withRealId(to, (from as Carrier)[REAL_ID]);
}

/** Whether the tool still has the real caseId (a fresh report), rather than only what a file held. */
export function hasRealId(x: object): boolean {
  return (x as Carrier)[REAL_ID] !== undefined;
}
