/** Exit codes, as ESLint has them: 0 clean, 1 findings, 2 the tool could not do its job. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A mistake the user can fix (bad flag, unreadable file, invalid config): printed as one line, exit 2. */
export class UserError extends Error {
  override readonly name = 'UserError';
}
