import type { Localized } from './types.js';

/** Rules that judge the current plan leave akter without one to current-plan, which counts that lack. */
export const NO_CURRENT_PLAN: Record<'no-current-plan', Localized> = {
  'no-current-plan': {
    sv: 'Ingen aktuell arbetsplan (räknas i regeln om aktuell arbetsplan).',
    en: 'No current work plan (counted by the current-plan rule).',
  },
};
