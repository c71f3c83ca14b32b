import type { Lang } from '../model/lang.js';

/** Wording of the report's bounded appendices, its table of contents and the Metod table of rule options. */
const APPENDIX = {
  contents: { sv: 'Innehåll', en: 'Contents' },
  casesLead: {
    sv: 'Bilagan listar, per stadsdel och granskningspunkt, akter som inte uppfyller granskningspunkten: högst {limit} per grupp. Akter som uppfyller samtliga granskningspunkter och granskningspunkter som inte är tillämpliga på en akt listas inte; de räknas i kapitel 3 och i tabellen nedan. Samtliga akter med status och skälskoder per granskningspunkt finns i dataformaten (--format csv, json, ndjson eller xlsx).',
    en: 'This appendix lists, per district and audit point, case files that do not meet the audit point: at most {limit} per group. Case files that meet every audit point, and audit points that do not apply to a case file, are not listed; they are counted in chapter 3 and in the table below. Every case file with its status and reason codes per audit point is in the data formats (--format csv, json, ndjson or xlsx).',
  },
  casesLeadAll: {
    sv: 'Bilagan listar, per stadsdel och granskningspunkt, samtliga akter som inte uppfyller granskningspunkten. Akter som uppfyller samtliga granskningspunkter och granskningspunkter som inte är tillämpliga på en akt listas inte; de räknas i kapitel 3 och i tabellen nedan. Samtliga akter med status per granskningspunkt finns i dataformaten (--format csv, json, ndjson eller xlsx).',
    en: 'This appendix lists, per district and audit point, every case file that does not meet the audit point. Case files that meet every audit point, and audit points that do not apply to a case file, are not listed; they are counted in chapter 3 and in the table below. Every case file with its status per audit point is in the data formats (--format csv, json, ndjson or xlsx).',
  },
  casesLeadNone: {
    sv: 'Bilagan listar inga enskilda akter (--appendix-limit 0), bara antalen nedan. Samtliga akter med status och skälskoder per granskningspunkt finns i dataformaten (--format csv, json, ndjson eller xlsx).',
    en: 'This appendix lists no individual case files (--appendix-limit 0), only the counts below. Every case file with its status and reason codes per audit point is in the data formats (--format csv, json, ndjson or xlsx).',
  },
  withFindings: { sv: 'Med minst en brist', en: 'With a deficiency' },
  clean: { sv: 'Uppfyller allt', en: 'Meet every point' },
  listedCol: { sv: 'Listade här', en: 'Listed here' },
  notListed: { sv: 'Inga akter med brister.', en: 'No case files with deficiencies.' },
  more: {
    sv: '… och {more|akt|akter} till (totalt {failed}); samtliga i dataformaten',
    en: '… and {more|more case file|more case files} (in all {failed}); all of them in the data formats',
  },
  problemsLead: {
    sv: 'Dataproblemen räknas per kod; högst {limit} exempel per kod listas. Samtliga dataproblem med fil, rad och fält finns i --format json (dataProblems), i ndjson (sista raden) och i aktgranskning validate --format json.',
    en: 'Data problems are counted per code; at most {limit} examples per code are listed. Every data problem with its file, line and field is in --format json (dataProblems), in ndjson (the last line) and in aktgranskning validate --format json.',
  },
  problemsLeadAll: {
    sv: 'Dataproblemen räknas per kod och listas samtliga.',
    en: 'Data problems are counted per code and all of them are listed.',
  },
  count: { sv: 'Antal', en: 'Count' },
  moreProblems: { sv: '… och {more} till med koden {code}', en: '… and {more} more with code {code}' },
  option: { sv: 'Inställning', en: 'Option' },
  value: { sv: 'Värde', en: 'Value' },
  filesHashes: { sv: 'Kontrollsummor (SHA-256)', en: 'Checksums (SHA-256)' },
} as const;

export function appendixText(key: keyof typeof APPENDIX, lang: Lang): string {
  return APPENDIX[key][lang];
}
