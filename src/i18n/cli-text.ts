import type { Lang, Localized } from '../model/lang.js';
import { fill } from './catalog.js';

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
  '--rule': { sv: 'kör bara dessa regler', en: 'run only these rules' },
  '--skip-rule': { sv: 'kör inte dessa regler', en: 'do not run these rules' },
  '--strict': { sv: 'slutkod 1 även när exporten har dataproblem', en: 'exit 1 when the export has data problems, even if every akt passes' },
  '--quiet': { sv: 'ingen förloppsrad och ingen sammanfattningsrad på standard fel', en: 'no progress line and no summary line on stderr' },
  '--threshold': {
    sv: 'slutkod 1 bara när någon stadsdel uppfyller regeln i färre än pct % av sina akter (upprepningsbar; regler utan tröskel påverkar då inte slutkoden)',
    en: 'exit 1 only when some stadsdel meets this rule in fewer than pct % of its akter (repeatable; rules without one then do not set the exit code)',
  },
  '--print-config': { sv: 'skriv inställningarna som gäller (fil, standardvärden och flaggor) som JSON, och läs ingen export', en: 'print the settings in force (config file, defaults and flags) as JSON, and read no export' },
  '--threads': { sv: 'trådar för körningen: 1 håller allt på en, 2 tolkar CSV och NDJSON, kör en del av reglerna på en stor export och skriver akterna i xlsx och csv på en andra kärna (standard: 2 när det finns en)', en: 'threads for the run: 1 keeps all on one, 2 parses CSV and NDJSON, runs some of the rules on a large export and writes the akter of xlsx and csv on a second core (default: 2 when there is one)' },
  '--district': { sv: 'bara akter i dessa stadsdelar', en: 'only akter of these stadsdelar' },
  '--min-support-months': { sv: 'bara akter med minst n hela månader från supportStart till granskningsdatum', en: 'only akter with at least n full months from supportStart to the audit date' },
  '--support-reason': { sv: 'bara akter med dessa försörjningshinder', en: 'only akter with these försörjningshinder' },
  '--aspirant': {
    sv: 'bara aspiranter vid ett jobbtorg (inskrivna och inte utskrivna före granskningsdatum), eller bara andra',
    en: 'only aspirants at a jobbtorg (enrolled, not exited before the audit date), or only others',
  },
  '--pseudonym-key-file': {
    sv: 'hemlighet för pseudonymerna (standard: ${keyEnv}, annars en nyckel bara för denna körning)',
    en: 'secret for the pseudonyms (default: ${keyEnv}, else a key for this run only)',
  },
  '--version': { sv: 'visa versionsnumret', en: 'output the version number' },
  '--color': { sv: 'färg i terminalformatet även när standard ut inte är en terminal', en: 'colour the terminal format even when stdout is not a terminal' },
  '--no-color': { sv: 'ingen färg, inte ens i en terminal', en: 'no colour, even at a terminal' },
};

/** Flags whose meaning depends on the command, by "command --flag". */
const COMMAND_OPTIONS: Record<string, Localized> = {
  'check --format': {
    sv: 'rapportformat, eller flera åtskilda med kommatecken tillsammans med --output-dir: {formats} eller en formateringsmodul ./fil.mjs (standard: terminal i en terminal, annars markdown)',
    en: 'report format, or several separated by commas with --output-dir: {formats} or a formatter module ./file.mjs (default: terminal on a terminal, else markdown)',
  },
  'check --output': { sv: 'skriv rapporten till en fil i stället för standard ut', en: 'write the report to a file instead of stdout' },
  'check --output-dir': {
    sv: 'skriv en fil per format i denna katalog (aktgranskning.md, .html, .json, .csv, .txt)',
    en: 'write one file per format into this directory (aktgranskning.md, .html, .json, .csv, .txt)',
  },
  'check --excel': { sv: 'CSV för Excel: UTF-8 med BOM, semikolon och CRLF', en: 'CSV for Excel: UTF-8 with BOM, semicolons and CRLF' },
  'check --csv-layout': {
    sv: 'CSV: wide, en rad per akt (standard); long, en rad per akt och granskningspunkt',
    en: 'CSV: wide, one row per akt (default); long, one row per akt and granskningspunkt',
  },
  'check --pretty': { sv: 'JSON med indrag (kompakt som standard)', en: 'JSON indented (compact by default)' },
  'check --messages': {
    sv: 'JSON och NDJSON: varje orsaks mening bredvid dess kod (katalogen `messages` har dem alla en gång)',
    en: "JSON and NDJSON: each reason's sentence beside its code (the catalogue `messages` has them all once)",
  },
  'check --evidence': {
    sv: 'JSON och NDJSON: varje resultats underlag, det regeln såg när den godkände akten (planens id, datum, målet)',
    en: "JSON and NDJSON: each result's evidence, what the rule saw when the akt passed (the plan's id, dates, the goal)",
  },
  'check --appendix-limit': {
    sv: 'akter som namnges per stadsdel och granskningspunkt i rapportens Bilaga A, och dataproblem per kod i Bilaga B (0 för inga, all för alla; standard 10)',
    en: "akter named per stadsdel and granskningspunkt in the report's Bilaga A, and data problems per code in Bilaga B (0 for none, all for every one; default 10)",
  },
  'check --lang': { sv: 'rapportens språk: sv (standard) eller en; även $AKTGRANSKNING_LANG eller konfigurationens lang', en: 'report language: sv (default) or en; also $AKTGRANSKNING_LANG or the config lang' },
  'check --preset': { sv: 'core: de fyra reglerna i 2011 års granskning; all: alla regler (standard)', en: 'core: the four rules of the 2011 audit; all: every rule (default)' },
  'check --baseline': {
    sv: 'kända brister: slutkod 1 bara för brister som inte finns i den (eller vars post har gått ut)',
    en: 'known failures: exit 1 only for failures not in it (or whose entry has expired)',
  },
  'check --write-baseline': {
    sv: 'spara körningens brister som baslinje (poster som redan finns behåller sitt skäl och slutdatum)',
    en: "record this run's failures as a baseline (entries already there keep their reason and expiry)",
  },
  'check --baseline-reason': { sv: 'varför de nya posterna i baslinjen godtas', en: 'why the new baseline entries are accepted' },
  'check --baseline-expires': { sv: 'till när de nya posterna i baslinjen godtas, ÅÅÅÅ-MM-DD', en: 'until when the new baseline entries are accepted, YYYY-MM-DD' },
  'check --prune-baseline': { sv: 'med --baseline: ta bort de poster som inte längre brister', en: 'with --baseline: remove the entries that no longer fail' },
  'check --public': {
    sv: 'en rapport att publicera: akter bara med nyckelad pseudonym, ingen text citerad ur exporten',
    en: 'a report fit to publish: akter only by keyed pseudonym, no text quoted from the export',
  },
  'validate --format': { sv: 'utdataformat', en: 'output format' },
  'validate --output': { sv: 'skriv resultatet till en fil i stället för standard ut', en: 'write the result to a file instead of stdout' },
  'validate --lang': { sv: 'språk: sv (standard) eller en; även $AKTGRANSKNING_LANG eller konfigurationens lang', en: 'language: sv (default) or en; also $AKTGRANSKNING_LANG or the config lang' },
  'validate --max-problems': { sv: 'lista högst n problem (antalen räknar alltid alla)', en: 'list at most n problems (the counts always cover all)' },
  'validate --public': {
    sv: 'lista problemen utan akt, rad eller värde (akter med nyckelad pseudonym)',
    en: 'list problems without akt, line or value (akter by keyed pseudonym)',
  },
  'compare --before-as-of': { sv: 'granskningsdatum för <before> när det är en export', en: 'audit date of <before> when it is an export' },
  'compare --after-as-of': { sv: 'granskningsdatum för <after> när det är en export', en: 'audit date of <after> when it is an export' },
  'compare --format': { sv: 'utdataformat', en: 'output format' },
  'compare --output': { sv: 'skriv till en fil i stället för standard ut', en: 'write to a file instead of stdout' },
  'compare --lang': { sv: 'språk: sv (standard) eller en; även $AKTGRANSKNING_LANG eller konfigurationens lang', en: 'language: sv (default) or en; also $AKTGRANSKNING_LANG or the config lang' },
  'compare --config': { sv: 'konfigurationsfil: regler, tillägg och mappning för exporter', en: 'config file: rules, plug-ins and mapping for exports' },
  'compare --public': { sv: 'namnge akter bara med nyckelad pseudonym', en: 'name akter only by keyed pseudonym' },
  'sample --seed': { sv: 'dragningens frö (standard: ett slumpat, som skrivs ut)', en: 'the seed of the draw (default: a random one, printed)' },
  'sample --per-district': { sv: 'akter att dra i varje stadsdel', en: 'akter to draw in each stadsdel' },
  'sample --size': { sv: 'akter att dra ur hela populationen', en: 'akter to draw from the whole population' },
  'sample --stratify': { sv: 'dra denna andel av varje stickprov bland aspiranter, t.ex. aspirant=0.5', en: 'draw this share of each sample among aspirants, e.g. aspirant=0.5' },
  'sample --output-dir': {
    sv: 'skriv de dragna akterna till <dir>/export (med exportens upplägg) och urvalsprotokoll.md/.json till <dir>',
    en: 'write the sampled akter to <dir>/export (same layout as the export) and urvalsprotokoll.md/.json to <dir>',
  },
  'sample --format': { sv: 'urvalsprotokollet på standard ut när --output-dir saknas', en: 'urvalsprotokoll on stdout when there is no --output-dir' },
  'sample --lang': { sv: 'urvalsprotokollets språk: sv (standard) eller en', en: 'language of the urvalsprotokoll: sv (default) or en' },
  'sample --sample-size-for': {
    sv: 'skriv stickprovsstorleken vid attributurval för dessa andelar (procent), t.ex. 1,5,95',
    en: 'print the attribute-sampling sample size for these rates (per cent), e.g. 1,5,95',
  },
  'init --output': { sv: 'konfigurationsfil att skriva, eller - för standard ut (standard: {configFile})', en: 'config file to write, or - for stdout (default: {configFile})' },
  'init --force': { sv: 'skriv över konfigurationsfilen om den finns', en: 'overwrite the config file if it exists' },
  'rules --lang': { sv: 'språk: sv (standard) eller en', en: 'language: sv (default) or en' },
  'rules --format': { sv: 'utdataformat', en: 'output format' },
  'rules --config': { sv: 'konfigurationsfil, för dess tillägg och allvarlighetsgrader', en: 'config file, for its plug-ins and severities' },
  'rules --mapping': { sv: 'mappning för att läsa exporten', en: 'mapping for reading the export' },
  'rules --encoding': { sv: 'exportfilernas teckenkodning', en: 'encoding of the export files' },
  'rules --delimiter': { sv: 'exportens CSV-avgränsare', en: 'CSV delimiter of the export' },
  'explain --config': { sv: 'konfigurationsfil, för dess tillägg', en: 'config file, for its plug-ins' },
  'explain --lang': { sv: 'språk: sv (standard) eller en', en: 'language: sv (default) or en' },
  'schema --report': { sv: 'schemat för `check --format json` i stället', en: 'the schema of `check --format json` instead' },
  'schema --output': { sv: 'skriv det till en fil', en: 'write it to a file' },
  'schema --lang': { sv: 'språk för hjälp och fel: sv (standard) eller en', en: 'language of help and errors: sv (default) or en' },
  'init --lang': { sv: 'språk: sv (standard) eller en; även $AKTGRANSKNING_LANG eller konfigurationens lang', en: 'language: sv (default) or en; also $AKTGRANSKNING_LANG or the config lang' },
};

/** Arguments, by "command name". */
const ARGUMENTS: Record<string, Localized> = {
  'check path': {
    sv: 'exportens kataloger eller filer (.csv-tabeller, .json, .ndjson), eller - för akter som JSON/NDJSON på standard in',
    en: 'export directories or files (.csv tables, .json, .ndjson), or - for JSON/NDJSON akter on stdin',
  },
  'validate path': { sv: 'exportens kataloger eller filer (.csv-tabeller, .json, .ndjson)', en: 'export directories or files (.csv tables, .json, .ndjson)' },
  'compare before': { sv: 'den tidigare granskningen: en JSON-rapport från check, eller en export', en: 'the earlier audit: a JSON report of check, or an export' },
  'compare after': { sv: 'den senare granskningen: en JSON-rapport från check, eller en export', en: 'the later audit: a JSON report of check, or an export' },
  'sample path': { sv: 'exportens kataloger eller filer', en: 'export directories or files' },
  'init path': { sv: 'exportens kataloger eller filer', en: 'export directories or files' },
  'rules path': { sv: 'en export, för att visa vilka regler dess data räcker till att bedöma', en: 'an export, to show which rules its data can assess' },
  'explain id': {
    sv: 'regelns id (se aktgranskning rules) eller en kod för dataproblem (t.ex. invalid-date)',
    en: 'rule id (see aktgranskning rules) or data-problem code (e.g. invalid-date)',
  },
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
  preset: { sv: 'förval', en: 'preset' },
  off: { sv: 'av', en: 'off' },
  seed: { sv: 'frö {seed} (ange --seed {seed} för att dra samma stickprov igen)', en: 'seed {seed} (give --seed {seed} to draw the same sample again)' },
  initNotPlaced: { sv: 'inte placerad: ange dess tabell under mapping.files, eller lämna null för att hoppa över den', en: 'not placed: set its table under mapping.files, or leave null to skip it' },
  initUnplaced: { sv: '; kolumner som inte placerats (null, läses inte): {columns}', en: '; columns not placed (null, not read): {columns}' },
  initFirstRowData: {
    sv: '{file}: första raden ser ut som data, inte kolumnnamn ({columns} kolumner); lägg till en rad med kolumnnamn och kör sedan init igen',
    en: '{file}: the first row looks like data, not column names ({columns} columns); add a row of column names, then run init again',
  },
  initUnknownValues: { sv: '{field}: värdena {values} är inte kända; mappa dem under mapping.values.{field}', en: '{field}: values {values} are not known; map them under mapping.values.{field}' },
  initDates: { sv: 'datum läses som {formats} (mapping.dateFormats)', en: 'dates read as {formats} (mapping.dateFormats)' },
  initWrote: { sv: 'skrev {file}; granska den och kör sedan: aktgranskning validate <export>', en: 'wrote {file}; review it, then run: aktgranskning validate <export>' },
} satisfies Record<string, Localized>;

export function cliText(key: keyof typeof TEXT, lang: Lang): string {
  return TEXT[key][lang];
}

export function commandText(name: string, lang: Lang): string | undefined {
  return COMMANDS[name]?.[lang];
}

/** A command's own wording of a flag first (`check --format`), else the flag's shared one; {name} from data. */
export function optionText(command: string, flag: string, lang: Lang, data: Readonly<Record<string, string>> = {}): string | undefined {
  const t = (COMMAND_OPTIONS[`${command} ${flag}`] ?? OPTIONS[flag])?.[lang];
  return t === undefined ? undefined : fill(t, data);
}

export function argumentText(command: string, name: string, lang: Lang): string | undefined {
  return ARGUMENTS[`${command} ${name}`]?.[lang];
}

const TITLES: Record<string, string> = { 'Usage:': 'Användning:', 'Options:': 'Flaggor:', 'Commands:': 'Kommandon:', 'Arguments:': 'Argument:', 'Global Options:': 'Globala flaggor:' };

/** Commander's help headings in Swedish. */
export function helpTitle(title: string): string {
  return TITLES[title] ?? title;
}

const WORDS: Record<string, string> = { options: 'flaggor', command: 'kommando', choices: 'val', default: 'standard', preset: 'förval', env: 'miljövariabel' };

/** The words commander puts in a usage line and after a description, in Swedish. */
export function usageWord(word: string): string {
  return WORDS[word] ?? word;
}
