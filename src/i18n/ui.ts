import type { Lang } from '../model/lang.js';

/** Every fixed word a formatter prints, in both languages. */
const UI = {
  title: { sv: 'Aktgranskning – iakttagelser per stadsdel', en: 'Case file audit – observations per district' },
  asOf: { sv: 'Granskningsdatum', en: 'Audit date' },
  casesChecked: { sv: 'Granskade akter', en: 'Case files checked' },
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  district: { sv: 'Stadsdel', en: 'District' },
  unknownDistrict: { sv: '(stadsdel saknas)', en: '(no district)' },
  total: { sv: 'Hela exporten', en: 'Whole export' },
  cases: { sv: 'Akter', en: 'Case files' },
  failingCases: { sv: 'Akter med brister', en: 'Case files with deficiencies' },
  observations: { sv: 'Iakttagelser', en: 'Observations' },
  resultsPerRule: { sv: 'Resultat per granskningspunkt', en: 'Results per audit point' },
  rule: { sv: 'Granskningspunkt', en: 'Audit point' },
  applicable: { sv: 'Bedömda', en: 'Assessed' },
  passed: { sv: 'Uppfyllt', en: 'Passed' },
  failed: { sv: 'Ej uppfyllt', en: 'Failed' },
  share: { sv: 'Andel uppfyllt', en: 'Share passed' },
  notAssessable: { sv: 'Ej bedömbara', en: 'Not assessable' },
  notApplicable: { sv: 'Ej tillämpliga', en: 'Not applicable' },
  ofCases: { sv: '{passed} av {applicable}', en: '{passed} of {applicable}' },
  findings: { sv: 'Akter med brister', en: 'Case files with deficiencies' },
  caseId: { sv: 'Akt', en: 'Case file' },
  reasons: { sv: 'Brist', en: 'Deficiency' },
  input: { sv: 'Underlag', en: 'Input' },
  file: { sv: 'Fil', en: 'File' },
  format: { sv: 'Format', en: 'Format' },
  encoding: { sv: 'Teckenkodning', en: 'Encoding' },
  delimiter: { sv: 'Avgränsare', en: 'Delimiter' },
  rowsRead: { sv: 'Rader lästa', en: 'Rows read' },
  rowsRejected: { sv: 'Rader avvisade', en: 'Rows rejected' },
  inputTotals: {
    sv: '{rowsRead|rad läst|rader lästa}, {casesChecked|akt granskad|akter granskade}, {rowsRejected|rad avvisad|rader avvisade}.',
    en: '{rowsRead|row read|rows read}, {casesChecked|case file checked|case files checked}, {rowsRejected|row rejected|rows rejected}.',
  },
  dataProblems: { sv: 'Dataproblem', en: 'Data problems' },
  noDataProblems: { sv: 'Inga dataproblem.', en: 'No data problems.' },
  line: { sv: 'Rad', en: 'Line' },
  field: { sv: 'Fält', en: 'Field' },
  problem: { sv: 'Problem', en: 'Problem' },
  ruleCatalogue: { sv: 'Granskningspunkter och revisionskriterier', en: 'Audit points and audit criteria' },
  criterion: { sv: 'Revisionskriterium', en: 'Audit criterion' },
  source: { sv: 'Källa', en: 'Source' },
  severity: { sv: 'Allvarlighet', en: 'Severity' },
  onlyPassed: {
    sv: 'Den enda bedömda akten uppfyller kriteriet ”{title}”.',
    en: 'The only case file assessed meets the criterion “{title}”.',
  },
  bothPassed: {
    sv: 'Båda bedömda akterna uppfyller kriteriet ”{title}”.',
    en: 'Both case files assessed meet the criterion “{title}”.',
  },
  allPassed: {
    sv: 'Samtliga {applicable} bedömda akter uppfyller kriteriet ”{title}”.',
    en: 'All {applicable} case files assessed meet the criterion “{title}”.',
  },
  noneApplicable: {
    sv: '”{title}”: inga akter att bedöma.',
    en: '“{title}”: no case files to assess.',
  },
  notAssessableNote: {
    sv: '”{title}” kunde inte bedömas i {count|akt|akter}: {reason}',
    en: '“{title}” could not be assessed in {count|case file|case files}: {reason}',
  },
  notApplicableNote: {
    sv: '{titles}: {count|akt omfattas|akter omfattas} inte. {reason}',
    en: '{titles}: {count|case file|case files} not covered. {reason}',
  },
  notAssessedHeading: { sv: 'Ej bedömda granskningspunkter', en: 'Audit points not assessed' },
  absentFieldsHeading: { sv: 'Fält som saknas i exporten (noteringar)', en: 'Fields the export lacks (notices)' },
  absentField: {
    sv: 'Fältet {field} ({table}) finns inte i exporten; dessa granskningspunkter kan därför inte bedömas: {rules}.',
    en: 'The field {field} ({table}) is not in the export; these audit points cannot be assessed: {rules}.',
  },
  notAssessedField: {
    sv: '”{title}” har inte kunnat bedömas i någon akt: exporten saknar fältet {field}.',
    en: '“{title}” could not be assessed in any case file: the export lacks the field {field}.',
  },
  notAssessedRule: {
    sv: '”{title}” har inte kunnat bedömas i någon akt: exporten saknar uppgifterna ({missing}).',
    en: '“{title}” could not be assessed in any case file: the export lacks the data ({missing}).',
  },
  noFindings: { sv: 'Inga brister.', en: 'No deficiencies.' },
  moreFindings: { sv: '… och {count} till (se --format markdown eller json).', en: '… and {count} more (see --format markdown or json).' },
  validationTitle: { sv: 'Validering av export', en: 'Export validation' },
  validationTotals: {
    sv: '{files|fil|filer}, {rowsRead|rad läst|rader lästa}, {rowsRejected|rad avvisad|rader avvisade}, {cases|akt inläst|akter inlästa}.',
    en: '{files|file|files}, {rowsRead|row read|rows read}, {rowsRejected|row rejected|rows rejected}, {cases|case file read|case files read}.',
  },
  validationCounts: { sv: '{errors} fel, {notices|notering|noteringar}.', en: '{errors|error|errors}, {notices|notice|notices}.' },
  valid: { sv: 'Exporten följer formatet.', en: 'The export follows the format.' },
  invalid: { sv: 'Exporten följer inte formatet.', en: 'The export does not follow the format.' },
  problemsOmitted: { sv: '… och {count} problem till som inte listas (--max-problems).', en: '… and {count} more problems not listed (--max-problems).' },
  code: { sv: 'Kod', en: 'Code' },
  count: { sv: 'Antal', en: 'Count' },
  level: { sv: 'Nivå', en: 'Level' },
  levelError: { sv: 'fel', en: 'error' },
  levelNotice: { sv: 'notering', en: 'notice' },
  assessable: { sv: 'Bedömbar', en: 'Assessable' },
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  generatedBy: { sv: 'Framtagen med {tool} {version}.', en: 'Produced with {tool} {version}.' },
} as const;

export type UiKey = keyof typeof UI;

export function ui(key: UiKey, lang: Lang): string {
  return UI[key][lang];
}
