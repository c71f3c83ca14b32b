import type { Lang, Localized } from './model/lang.js';
import { fill } from './i18n/catalog.js';
import { ERROR_TEXT, type ErrorCode } from './i18n/error-text.js';

/** Exit codes, as ESLint has them: 0 clean, 1 findings, 2 the tool could not do its job. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Template data of an error; a piece of wording that is itself in two languages is a Localized. */
export type ErrorData = Readonly<Record<string, string | number | Localized>>;

export type { ErrorCode };

/** An error's one line in the given language. */
export function errorText(code: ErrorCode, data: ErrorData, lang: Lang): string {
  const flat: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) flat[k] = typeof v === 'object' ? v[lang] : v;
  return fill(ERROR_TEXT[code][lang], flat);
}

/**
 * A mistake the user can fix (bad flag, unreadable file, invalid config): printed as one line, exit 2.
 * Like a finding it is a code and data; the CLI words it in the chosen language (the message is the English).
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: ErrorCode,
    readonly data: ErrorData = {},
  ) {
    super(errorText(code, data, 'en'));
  }

  text(lang: Lang): string {
    return errorText(this.code, this.data, lang);
  }
}
