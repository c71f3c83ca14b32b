import type { Lang, Localized } from '../model/lang.js';

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
  aktResult: { sv: 'Akt {caseId} ({district}): {reasons}', en: 'Case file {caseId} ({district}): {reasons}' },
  ruleHelp: {
    sv: '{criterion}\n\nKälla: {source}\n\nLäs mer: aktgranskning explain {id}',
    en: '{criterion}\n\nSource: {source}\n\nMore: aktgranskning explain {id}',
  },
  problemRule: { sv: 'Dataproblem: {code}', en: 'Data problem: {code}' },
  problemHelp: { sv: 'Ett problem i exporten mot exportformat v1. Läs mer: aktgranskning explain {code}', en: 'A problem in the export against export format v1. More: aktgranskning explain {code}' },
  junitFailure: {
    sv: '{district}: {passed} av {applicable} bedömda akter uppfyller ”{title}” ({share})',
    en: '{district}: {passed} of {applicable} case files assessed meet “{title}” ({share})',
  },
  junitThreshold: { sv: 'under tröskelvärdet {threshold}', en: 'below the threshold {threshold}' },
  junitNone: { sv: 'Inga akter att bedöma.', en: 'No case files to assess.' },
  junitFirst: { sv: 'De första akterna med brister:', en: 'The first case files with deficiencies:' },
  moreAnnotations: {
    sv: '{count|akt till|akter till} har brister i ”{title}”; se rapporten.',
    en: '{count|more case file fails|more case files fail} “{title}”; see the report.',
  },
  moreProblems: { sv: '{count|dataproblem till|dataproblem till} av typen {code}; se rapporten.', en: '{count|more data problem|more data problems} of type {code}; see the report.' },
  stepSummaryTitle: { sv: 'Aktgranskning per {asOf}', en: 'Case file audit as of {asOf}' },
} satisfies Record<string, Localized>;

export type CiKey = keyof typeof CI;

export function ciText(key: CiKey, lang: Lang): string {
  return CI[key][lang];
}
