import type { Lang, Localized } from '../engine/types.js';

/** The CLI's own wording: help texts and what the commands print outside the reports, in both languages. */
const COMMANDS: Record<string, Localized> = {
  program: {
    sv: 'Granskar exporter av socialtjänstens akter (SoL-akter) och rapporterar iakttagelserna per stadsdel.',
    en: 'Audits exports of Swedish social-services case files (SoL-akter) and reports per stadsdel.',
  },
  check: { sv: 'granska exportens akter och skriv iakttagelserna per stadsdel', en: 'audit the akter of an export and write the findings per stadsdel' },
  validate: {
    sv: 'kontrollera en export mot format v1 utan att köra regler; slutkod 0 felfri, 1 problem, 2 oanvändbar',
    en: 'check an export against format v1 without running rules; exit 0 clean, 1 problems, 2 unusable',
  },
  compare: {
    sv: 'jämför två granskningar (JSON-rapporter, eller exporter med sina granskningsdatum): vad har ändrats sedan sist',
    en: 'compare two audits (JSON reports, or exports with their audit dates): what has changed since last time',
  },
  sample: { sv: 'dra ett reproducerbart stickprov av akter och skriv det med urvalsprotokoll', en: 'draw a reproducible audit sample of akter and write it with its urvalsprotokoll' },
  init: {
    sv: 'läs en exports filer och rubriker och skriv en första konfiguration med förslag till mappning',
    en: "read an export's files and headers and write a starting config with a proposed mapping",
  },
  rules: {
    sv: 'lista alla regler (inbyggda och tillägg) med titel, förval, allvarlighet och källa; med en export, om den går att bedöma',
    en: 'list every rule (built-in and plug-in) with title, preset, severity and source; given an export, whether it can be assessed',
  },
  explain: {
    sv: 'visa en regels dokumentation (vad den kontrollerar, varför, alternativ och orsakskoder) eller förklara en kod för dataproblem',
    en: "print a rule's documentation (what it checks, why, its options and reason codes) or explain a data-problem code",
  },
  schema: { sv: 'skriv JSON Schema för exportformat v1, eller med --report för JSON-rapporten', en: 'print the JSON Schema of export format v1, or with --report that of the JSON report' },
};

/** Option help by long flag; the same flag means the same in every command. */
const OPTIONS: Record<string, Localized> = {
  '--as-of': { sv: 'granskningsdatum D, ÅÅÅÅ-MM-DD (standard: konfigurationens asOf, annars i dag)', en: 'audit date D, YYYY-MM-DD (default: config asOf, else today)' },
  '--config': {
    sv: 'konfigurationsfil (standard: aktgranskning.config.json i arbetskatalogen eller närmast ovanför, upp till förrådets rot)',
    en: 'config file (default: aktgranskning.config.json in the working directory or the nearest one above it, up to the repository root)',
  },
  '--no-config-lookup': { sv: 'använd ingen konfigurationsfil om inte --config anger en', en: 'use no config file unless --config names one' },
  '--mapping': { sv: 'mappning av exportens filnamn, kolumner och koder (går före konfigurationens)', en: "mapping of the export's file names, columns and codes (overrides the config's)" },
  '--encoding': { sv: 'indatafilernas teckenkodning, t.ex. utf-8, windows-1252 (standard: upptäcks)', en: 'encoding of the input files, e.g. utf-8, windows-1252 (default: detected)' },
  '--delimiter': { sv: 'CSV-avgränsare: , ; | eller tab (standard: upptäcks)', en: 'CSV delimiter: , ; | or tab (default: detected)' },
  '--output': { sv: 'skriv till en fil i stället för standard ut', en: 'write to a file instead of stdout' },
  '--output-dir': { sv: 'skriv en fil per format i denna katalog', en: 'write one file per format into this directory' },
  '--lang': { sv: 'språk: sv (standard) eller en; även $AKTGRANSKNING_LANG eller konfigurationens lang', en: 'language: sv (default) or en; also $AKTGRANSKNING_LANG or the config lang' },
  '--rule': { sv: 'kör bara dessa regler', en: 'run only these rules' },
  '--skip-rule': { sv: 'kör inte dessa regler', en: 'do not run these rules' },
  '--strict': { sv: 'slutkod 1 även när exporten har dataproblem', en: 'exit 1 when the export has data problems, even if every akt passes' },
  '--quiet': { sv: 'ingen förloppsrad och ingen sammanfattningsrad på standard fel', en: 'no progress line and no summary line on stderr' },
  '--threshold': {
    sv: 'slutkod 1 bara när någon stadsdel uppfyller regeln i färre än pct % av sina akter (upprepningsbar; regler utan tröskel påverkar då inte slutkoden)',
    en: 'exit 1 only when some stadsdel meets this rule in fewer than pct % of its akter (repeatable; rules without one then do not set the exit code)',
  },
  '--print-config': { sv: 'skriv inställningarna som gäller (fil, standardvärden och flaggor) som JSON, och läs ingen export', en: 'print the settings in force (config file, defaults and flags) as JSON, and read no export' },
  '--public': { sv: 'en rapport att publicera: akter bara med nyckelad pseudonym, ingen text citerad ur exporten', en: 'a report fit to publish: akter only by keyed pseudonym, no text quoted from the export' },
  '--color': { sv: 'färg i terminalformatet även när standard ut inte är en terminal', en: 'colour the terminal format even when stdout is not a terminal' },
  '--no-color': { sv: 'ingen färg, inte ens i en terminal', en: 'no colour, even at a terminal' },
};

const TEXT = {
  sampleSize: {
    sv: 'Attributurval (binomialfördelning): med förväntad avvikelse {expected}, tolerabel avvikelse {tolerable} och konfidensgrad {confidence} krävs minst {n} akter, varav högst {allowed} med brist, för att med {confidence} säkerhet kunna säga att avvikelsen är under {tolerable}.',
    en: 'Attribute sampling (binomial): with an expected deviation rate of {expected}, a tolerable rate of {tolerable} and {confidence} confidence, at least {n} case files are needed, with at most {allowed} deviating, to conclude with {confidence} confidence that the rate is below {tolerable}.',
  },
  problemTitle: { sv: '# {code} – dataproblem', en: '# {code} – data problem' },
  problemLevel: { sv: 'Nivå: {level}.', en: 'Level: {level}.' },
  problemMessage: { sv: 'Meddelande i rapporterna: {message}', en: 'Message in the reports: {message}' },
  problemMore: {
    sv: 'Dataproblem stoppar inte granskningen: de listas i rapporten med fil, rad och fält, och rader som inte kan knytas till en akt räknas som avvisade. Se docs/export-format-v1.md.',
    en: 'Data problems do not stop the audit: they are listed in the report with file, line and field, and rows that cannot be tied to an akt are counted as rejected. See docs/export-format-v1.md.',
  },
  whatItChecks: { sv: '## Vad regeln kontrollerar', en: '## What it checks' },
  source: { sv: '**Källa:**', en: '**Source:**' },
  needs: { sv: 'Behöver: {needs}. Allvarlighet som standard: {severity}.', en: 'Needs: {needs}. Default severity: {severity}.' },
  needsNothing: { sv: 'bara akten själv', en: 'only the akt itself' },
  options: { sv: '## Alternativ', en: '## Options' },
  optionsHeader: { sv: '| alternativ | standard | betydelse |', en: '| option | default | meaning |' },
  noOptions: { sv: 'Regeln har inga alternativ.', en: 'This rule has no options.' },
  reasonCodes: { sv: '## Orsakskoder', en: '## Reason codes' },
  reasonsHeader: { sv: '| kod | utfall | meddelande |', en: '| code | status | message |' },
  fail: { sv: 'brist', en: 'fail' },
  notApplicable: { sv: 'ej tillämplig', en: 'not applicable' },
  recommendation: { sv: '## Rekommendation', en: '## Recommendation' },
  fullPage: {
    sv: 'Hela sidan, med exempel och bakgrund, finns på engelska: aktgranskning explain {id} --lang en (docs/rules/{id}.md).',
    en: 'The full page, with examples and background: docs/rules/{id}.md.',
  },
  levelError: { sv: 'fel (räknas av validate och check --strict)', en: 'error (counted by validate and check --strict)' },
  levelNotice: { sv: 'notering (ändrar aldrig slutkoden)', en: 'notice (never changes the exit code)' },
} satisfies Record<string, Localized>;

export function cliText(key: keyof typeof TEXT, lang: Lang): string {
  return TEXT[key][lang];
}

export function commandText(name: string, lang: Lang): string | undefined {
  return COMMANDS[name]?.[lang];
}

export function optionText(flag: string, lang: Lang): string | undefined {
  return OPTIONS[flag]?.[lang];
}
