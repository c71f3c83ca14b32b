import type { Localized, Reason } from './types.js';

/** Rules that judge the current plan leave akter without one to current-plan, which counts that lack. */
export const NO_CURRENT_PLAN: Record<'no-current-plan', Localized> = {
  'no-current-plan': {
    sv: 'Ingen aktuell arbetsplan (räknas i regeln om aktuell arbetsplan).',
    en: 'No current work plan (counted by the current-plan rule).',
  },
};

/**
 * What those rules give an akt without a current plan (most akter of an export): one object, not two
 * made for each rule and akt, since findings are data never changed (the engine keeps one finding
 * per rule and outcome all the same).
 */
export const OUTSIDE_NO_CURRENT_PLAN: { status: 'not-applicable'; reason: Reason<'no-current-plan'> } = Object.freeze({ status: 'not-applicable', reason: Object.freeze({ code: 'no-current-plan' }) });

/** Rules about aspirants leave everyone else out, saying why once. */
export const NOT_ASPIRANT: Record<'not-aspirant', Localized> = {
  'not-aspirant': {
    sv: 'Inte inskriven som aspirant på jobbtorg vid granskningsdagen.',
    en: 'Not enrolled as an aspirant at a job centre at the audit date.',
  },
};

/** Rules about the referral to the jobbtorg apply only where there was one. */
export const NOT_REFERRED: Record<'not-referred', Localized> = {
  'not-referred': {
    sv: 'Ingen remiss till jobbtorg före granskningsdagen.',
    en: 'No referral to a job centre before the audit date.',
  },
};

/**
 * Words reason data may name with `term(key)`, so that data stays codes and the formatter picks
 * the language. The prefix keeps an ordinary value (a planId "none") from being taken for a term.
 */
export const TERM_PREFIX = 'term:';
export function term(key: string): string {
  return TERM_PREFIX + key;
}
export const TERMS: Record<string, Localized> = {
  none: { sv: 'saknas', en: 'none' },
  days: { sv: 'dagar', en: 'days' },
  weekdays: { sv: 'vardagar', en: 'weekdays' },
  redacted: { sv: '[borttaget]', en: '[removed]' },
};
