import type { Lang, Localized } from '../engine/types.js';

/** Wording of the summary line and the CI formats (SARIF, JUnit, GitHub annotations), in both languages. */
const CI = {
  summary: {
    sv: 'aktgranskning: {checked|akt granskad|akter granskade}, {failing|akt|akter} med brister, {problems|dataproblem|dataproblem}; slutkod {code}: {why}',
    en: 'aktgranskning: {checked|case file checked|case files checked}, {failing|with deficiencies|with deficiencies}, {problems|data problem|data problems}; exit code {code}: {why}',
  },
  clean: { sv: 'inga brister som avgör slutkoden', en: 'no deficiencies that set the exit code' },
  cleanThresholds: { sv: 'alla stadsdelar når sina tröskelvärden', en: 'every district reaches its thresholds' },
  failures: { sv: 'akter har brister i regler med allvarlighet error', en: 'case files fail rules of severity error' },
  newFailures: { sv: '{fresh|ny brist|nya brister} och {expired|utgången post|utgångna poster} mot baslinjen', en: '{fresh|new failure|new failures} and {expired|expired entry|expired entries} against the baseline' },
  belowThreshold: { sv: '{count|stadsdel|stadsdelar} under tröskelvärdet ({list})', en: '{count|district|districts} below the threshold ({list})' },
  breach: { sv: '{district}: {title} {share} < {threshold}', en: '{district}: {title} {share} < {threshold}' },
  moreBreaches: { sv: 'och {count} till', en: 'and {count} more' },
  dataProblems: { sv: '--strict och dataproblem i exporten', en: '--strict and data problems in the export' },
} satisfies Record<string, Localized>;

export type CiKey = keyof typeof CI;

export function ciText(key: CiKey, lang: Lang): string {
  return CI[key][lang];
}
