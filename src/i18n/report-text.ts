import type { Lang } from '../model/lang.js';
import type { Status } from '../engine/types.js';
import type { Grade } from '../report/stats.js';

/** The wording of the revisionsrapport: headings and the sentences around the numbers. */
const TEXT = {
  reportTitle: { sv: 'Aktgranskning – granskning av SoL-akter', en: 'Case file audit – review of social services case files' },
  meta: { sv: 'Granskningsdatum {asOf} · {cases} akter · {tool} {version}', en: 'Audit date {asOf} · {cases} case files · {tool} {version}' },
  summary: { sv: '1. Sammanfattning', en: '1. Summary' },
  summaryLead: {
    sv: 'Granskningen omfattar {cases|akt|akter} i {districts|stadsdel|stadsdelar}, granskade per {asOf} mot {rules|revisionskriterium|revisionskriterier}.',
    en: 'The audit covers {cases|case file|case files} in {districts|district|districts}, reviewed as of {asOf} against {rules|audit criterion|audit criteria}.',
  },
  overallGrade: { sv: 'Samlad bedömning', en: 'Overall assessment' },
  introduction: { sv: '2. Inledning', en: '2. Introduction' },
  purpose: { sv: '2.1 Syfte', en: '2.1 Purpose' },
  purposeText: {
    sv: 'Syftet med granskningen är att bedöma om akterna för personer med ekonomiskt bistånd uppfyller de krav som riktlinjer och lagstiftning ställer på utredning, planering, mål och uppföljning.',
    en: 'The purpose of the audit is to assess whether the case files of people receiving financial assistance meet the requirements that guidelines and law place on investigation, planning, goals and follow-up.',
  },
  questions: { sv: '2.2 Revisionsfrågor', en: '2.2 Audit questions' },
  questionPoints: { sv: 'Granskningspunkter: {titles}.', en: 'Audit points: {titles}.' },
  criteria: { sv: '2.3 Revisionskriterier', en: '2.3 Audit criteria' },
  method: { sv: '2.4 Metod och avgränsning', en: '2.4 Method and scope' },
  methodText: {
    sv: 'Samtliga akter i exporten har granskats maskinellt per granskningsdagen {asOf} med {tool} {version}. Varje akt har bedömts mot varje granskningspunkt nedan; akter som en punkt inte avser, och akter där exporten saknar de uppgifter som behövs, räknas inte in i andelarna.',
    en: 'Every case file in the export was reviewed by machine as of the audit date {asOf} with {tool} {version}. Each case file was judged against each audit point below; case files a point does not concern, and case files where the export lacks the data needed, are not counted in the shares.',
  },
  configNote: { sv: 'Inställningarna (regler, alternativ och gränser) kommer från {file}.', en: 'The settings (rules, options and limits) come from {file}.' },
  population: { sv: 'Population: samtliga {cases} akter i exporten.', en: 'Population: all {cases} case files in the export.' },
  populationCriteria: { sv: 'Population: {cases|akt|akter} som uppfyller {criteria}.', en: 'Population: {cases|case file|case files} meeting {criteria}.' },
  publicNote: {
    sv: 'Rapporten är avidentifierad för publicering: akterna anges med pseudonyma nycklar (HMAC-SHA256) och ingen text ur akterna återges.',
    en: 'The report is de-identified for publication: case files are given by pseudonymous keys (HMAC-SHA256) and no text from the case files is quoted.',
  },
  perRunKey: {
    sv: 'Nyckeln till pseudonymerna slumpades för denna körning: samma akt får en annan pseudonym i nästa körning.',
    en: 'The pseudonym key was drawn at random for this run: the same case file gets another pseudonym in the next run.',
  },
  baselineNote: {
    sv: 'Baslinje ({file}): {accepted} kända brister accepteras, {fresh} brister är nya, {expired} har ett undantag som löpt ut och {stale} poster i baslinjen avser brister som inte längre finns.',
    en: 'Baseline ({file}): {accepted} known failures are accepted, {fresh} failures are new, {expired} have an exception that has expired and {stale} baseline entries refer to failures that no longer exist.',
  },
  inBaseline: { sv: '(i baslinjen)', en: '(in the baseline)' },
  baselineExpired: { sv: '(undantaget i baslinjen har löpt ut)', en: '(its baseline exception has expired)' },
  appendixBaseline: { sv: 'Bilaga D. Inaktuella poster i baslinjen', en: 'Appendix D. Stale baseline entries' },
  expires: { sv: 'Gäller till', en: 'Expires' },
  reasonCol: { sv: 'Skäl', en: 'Reason' },
  intervalNote: {
    sv: 'Andelarna anges med ett 95-procentigt konfidensintervall (Wilson). Andelar som bygger på färre än {few} akter är markerade med * och ska tolkas med försiktighet.',
    en: 'Shares are given with a 95 % confidence interval (Wilson). Shares resting on fewer than {few} case files are marked * and should be read with care.',
  },
  scale: {
    sv: 'Bedömningsskala: Uppfyllt minst {fulfilled} %, I huvudsak uppfyllt minst {largely} %, Delvis uppfyllt minst {partly} %, annars Ej uppfyllt. Den samlade bedömningen för en stadsdel utgår från medelvärdet av andelarna för granskningspunkter med allvarlighet fel.',
    en: 'Assessment scale: Fulfilled at least {fulfilled} %, Largely fulfilled at least {largely} %, Partly fulfilled at least {partly} %, otherwise Not fulfilled. The overall assessment of a district rests on the mean share of the audit points of severity error.',
  },
  inputHeading: { sv: 'Underlag', en: 'Data examined' },
  settingsHeading: { sv: 'Granskningspunkter och inställningar', en: 'Audit points and settings' },
  options: { sv: 'Inställningar', en: 'Options' },
  observations: { sv: '3. Iakttagelser', en: '3. Observations' },
  assessment: { sv: '4. Bedömning', en: '4. Assessment' },
  assessmentLine: { sv: 'Samlad bedömning för {district}: {grade}.', en: 'Overall assessment for {district}: {grade}.' },
  recommendations: { sv: '5. Rekommendationer', en: '5. Recommendations' },
  recommendationsLead: { sv: 'Vi rekommenderar stadsdelsnämnden i {district} följande:', en: 'We recommend the district committee of {district} the following:' },
  jobcenterAddressee: { sv: 'Den nämnd som ansvarar för Jobbtorg Stockholm', en: 'The committee responsible for Jobbtorg Stockholm' },
  jobcenterLead: {
    sv: 'Jobbtorgets egna åtaganden har brister i akterna från {districts}. Vi rekommenderar den nämnd som ansvarar för Jobbtorg Stockholm följande:',
    en: "The job centre's own duties show shortcomings in the case files from {districts}. We recommend the committee responsible for Jobbtorg Stockholm the following:",
  },
  noRecommendations: { sv: 'Inga rekommendationer: samtliga granskningspunkter är uppfyllda.', en: 'No recommendations: every audit point is fulfilled.' },
  appendixCases: { sv: 'Bilaga A. Akter', en: 'Appendix A. Case files' },
  appendixProblems: { sv: 'Bilaga B. Dataproblem', en: 'Appendix B. Data problems' },
  appendixRules: { sv: 'Bilaga C. Granskningspunkter och revisionskriterier', en: 'Appendix C. Audit points and audit criteria' },
  status: { sv: 'Status', en: 'Status' },
  shareInterval: { sv: 'Andel (95 % KI)', en: 'Share (95 % CI)' },
  grade: { sv: 'Bedömning', en: 'Assessment' },
  evidenceMost: { sv: 'Vanligast ({count|akt|akter}): {message}', en: 'Most common ({count|case file|case files}): {message}' },
  evidenceExample: { sv: 'Exempel: {message}', en: 'Example: {message}' },
  chartTitle: { sv: 'Andel uppfyllt per stadsdel och granskningspunkt, med 95 % konfidensintervall', en: 'Share met per district and audit point, with 95 % confidence interval' },
} as const;

export type TextKey = keyof typeof TEXT;

export function text(key: TextKey, lang: Lang): string {
  return TEXT[key][lang];
}

const GRADE_NAMES: Record<Grade, { sv: string; en: string }> = {
  fulfilled: { sv: 'Uppfyllt', en: 'Fulfilled' },
  'largely-fulfilled': { sv: 'I huvudsak uppfyllt', en: 'Largely fulfilled' },
  'partly-fulfilled': { sv: 'Delvis uppfyllt', en: 'Partly fulfilled' },
  'not-fulfilled': { sv: 'Ej uppfyllt', en: 'Not fulfilled' },
};

export function gradeName(g: Grade | null, lang: Lang): string {
  return g === null ? '–' : GRADE_NAMES[g][lang];
}

const STATUS_NAMES: Record<Status, { sv: string; en: string }> = {
  pass: { sv: 'Uppfyllt', en: 'Met' },
  fail: { sv: 'Ej uppfyllt', en: 'Not met' },
  'not-applicable': { sv: 'Ej tillämplig', en: 'Not applicable' },
  'not-assessable': { sv: 'Ej bedömbar', en: 'Not assessable' },
};

export function statusName(s: Status, lang: Lang): string {
  return STATUS_NAMES[s][lang];
}

/** Selection criteria are stored in a fixed notation ("district = A | B"); these are their Swedish words. */
const CRITERIA_SV: [RegExp, string][] = [
  [/^district = /, 'stadsdel = '],
  [/^support months ≥ /, 'månader med ekonomiskt bistånd ≥ '],
  [/^support reason = /, 'försörjningshinder = '],
  [/^aspirant = yes$/, 'aspirant på jobbtorg'],
  [/^aspirant = no$/, 'inte aspirant på jobbtorg'],
];

export function criterionText(c: string, lang: Lang): string {
  if (lang === 'en') return c.replace(/^aspirant = yes$/, 'job centre aspirant').replace(/^aspirant = no$/, 'not a job centre aspirant');
  for (const [re, sv] of CRITERIA_SV) if (re.test(c)) return c.replace(re, sv).replace(/ \| /g, ' eller ');
  return c;
}
