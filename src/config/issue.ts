import { z } from 'zod';
import type { Lang, Localized } from '../engine/types.js';
import { suggestion } from './suggest.js';

const SV = z.locales.sv();

/** Our own fixed messages in the schemas of config, baseline and plug-in rules, in Swedish. */
const OWN_SV: Readonly<Record<string, string>> = {
  'must be a date YYYY-MM-DD': 'ska vara ett datum ÅÅÅÅ-MM-DD',
  'must be a pseudonym AKT-XXXXXXXX-XXXXXXXX': 'ska vara en pseudonym AKT-XXXXXXXX-XXXXXXXX',
  'give every entry a reason': 'ge varje post ett skäl',
  'give an entry either caseId or pseudonym': 'ge en post antingen caseId eller pseudonym',
  'must be kebab-case, e.g. "caseworker-assigned"': 'ska skrivas med små bokstäver och bindestreck, t.ex. "caseworker-assigned"',
  'must be a zod object schema (z.strictObject) with a default for every field': 'ska vara ett zod-objektschema (z.strictObject) med ett standardvärde för varje fält',
  'must declare at least one reason code': 'ska ange minst en orsakskod',
  'must be a function': 'ska vara en funktion',
  'must be a function (akt, context, options) => outcome': 'ska vara en funktion (akt, context, options) => outcome',
};

/**
 * The first issue of a failed parse, worded in both languages: zod's own messages from its Swedish
 * locale (by parsing again, which only happens on the way to exit 2), ours from params.sv or the table above.
 */
export function issueText(schema: z.ZodType, raw: unknown, issue: z.core.$ZodIssue): Localized {
  const own = (issue as { params?: { sv?: unknown } }).params?.sv;
  if (typeof own === 'string') return { sv: own, en: issue.message };
  const fixed = OWN_SV[issue.message];
  if (fixed !== undefined) return { sv: fixed, en: issue.message };
  const sv = schema.safeParse(raw, { error: SV.localeError });
  return { sv: sv.success ? issue.message : (sv.error.issues[0]?.message ?? issue.message), en: issue.message };
}

/** Where in the file an issue is: its path, or the top level. */
export function issuePath(issue: z.core.$ZodIssue): Localized | string {
  return issue.path.length > 0 ? issue.path.join('.') : { sv: '(översta nivån)', en: '(top level)' };
}

/** Keys the schema does not know, each with the closest known one. */
export function unknownKeys(keys: readonly string[], known: readonly string[]): Localized {
  const list = (lang: Lang) => keys.map((k) => `"${k}"${suggestion(k, known)[lang]}`).join(', ');
  return { sv: list('sv'), en: list('en') };
}
