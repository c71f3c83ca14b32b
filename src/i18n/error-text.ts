import type { Localized } from '../model/lang.js';
import { criterionText } from './report-text.js';

/**
 * The one line of every user error (exit 2), by code; the data fills {name}. Each names the file or flag
 * and what to do. The English is the library's Error.message too.
 */
export const ERROR_TEXT = {
  // Flags and arguments
  'not-a-date': { sv: '{flag} {value}: inget datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2010-11-15', en: '{flag} {value}: not a date; write it as YYYY-MM-DD, e.g. 2010-11-15' },
  'unknown-encoding': { sv: '--encoding {value}: okänd teckenkodning; använd t.ex. utf-8, windows-1252 eller utf-16le', en: '--encoding {value}: unknown encoding; use e.g. utf-8, windows-1252 or utf-16le' },
  'bad-delimiter': { sv: '--delimiter {value}: ange ett tecken, t.ex. ";" eller tab', en: '--delimiter {value}: give one character, e.g. ";" or tab' },
  'formats-need-dir': { sv: '--format {formats}: flera format kräver --output-dir, som får en fil per format', en: '--format {formats}: several formats need --output-dir, which gets one file each' },
  'output-and-dir': { sv: 'ange antingen --output eller --output-dir, inte båda', en: 'give either --output or --output-dir, not both' },
  'prune-needs-baseline': { sv: '--prune-baseline kräver --baseline FIL', en: '--prune-baseline needs --baseline FILE' },
  'baseline-needs-reason': { sv: '--write-baseline: nya poster kräver --baseline-reason TEXT och --baseline-expires ÅÅÅÅ-MM-DD', en: '--write-baseline: new entries need --baseline-reason TEXT and --baseline-expires YYYY-MM-DD' },
  'sample-needs-export': { sv: 'sample: ange exporten att dra stickprovet ur, eller --sample-size-for', en: 'sample: give the export to sample from, or --sample-size-for' },
  'sample-needs-size': { sv: 'sample: ange antingen --per-district N eller --size N', en: 'sample: give either --per-district N or --size N' },
  'sample-size-rates': {
    sv: '--sample-size-for: den förväntade avvikelsen måste vara lägre än den tolerabla, och båda och konfidensgraden mellan 0 och 100 %',
    en: '--sample-size-for: the expected rate must be below the tolerable rate, and both and the confidence between 0 and 100 %',
  },
  'no-rules-left': {
    sv: "inga regler kvar att köra (--rule, --skip-rule, --preset och konfigurationen lämnar inga); kör 'aktgranskning rules' för listan",
    en: "no rules left to run (--rule, --skip-rule, --preset and the config leave none); run 'aktgranskning rules' for the list",
  },
  'unknown-rule': { sv: "{where}: okänd regel \"{id}\"{suggestion}; kör 'aktgranskning rules' för listan", en: "{where}: unknown rule \"{id}\"{suggestion}; run 'aktgranskning rules' for the list" },
  'unknown-explain': {
    sv: "okänd regel \"{id}\"{suggestion}; kör 'aktgranskning rules' för listan, eller ange en kod för dataproblem",
    en: "unknown rule \"{id}\"{suggestion}; run 'aktgranskning rules' for the list, or give a data-problem code",
  },
  'threshold-rule-off': { sv: '{where}: regeln "{id}" körs inte med denna konfiguration; ta bort dess tröskel eller slå på regeln', en: '{where}: rule "{id}" does not run in this configuration; remove its threshold or turn the rule on' },
  // Invalid flag values (commander prints them after its own "option … argument … is invalid.")
  'bad-threshold': { sv: '"{value}": skriv REGEL=PROCENT med en procentsats från 0 till 100, t.ex. current-plan=90', en: '"{value}": write RULE=PCT with a per cent from 0 to 100, e.g. current-plan=90' },
  'bad-appendix-limit': { sv: 'ange ett heltal akter (0 för inga) eller "all"', en: 'give a whole number of akter (0 for none) or "all"' },
  'bad-format': { sv: '"{value}" är inget format; välj bland {formats}, eller ange sökvägen till en formateringsmodul', en: '"{value}" is not a format; choose from {formats}, or give a formatter module\'s path' },
  'no-format': { sv: 'ange minst ett format', en: 'name at least one format' },
  'bad-whole-number': { sv: 'ange ett heltal, {min} eller större', en: 'give a whole number, {min} or more' },
  'bad-stratify': { sv: 'skriv det som aspirant=ANDEL, t.ex. aspirant=0.5', en: 'write it as aspirant=SHARE, e.g. aspirant=0.5' },
  'bad-rates': { sv: 'ange förväntad,tolerabel[,konfidens] i procent, t.ex. 1,5,95', en: 'give expected,tolerable[,confidence] in per cent, e.g. 1,5,95' },
  // Input
  'no-such-path': { sv: '{path}: filen eller katalogen finns inte; ange en katalog eller en .csv-, .json-, .ndjson-, .xlsx- eller .zip-fil ur exporten', en: '{path}: no such file or directory; give a directory or a .csv, .json, .ndjson, .xlsx or .zip file of the export' },
  'not-regular-file': {
    sv: '{path}: ingen vanlig fil (ett rör, en socket eller en enhet) och lästes aldrig; ange en katalog eller en .csv-, .json-, .ndjson-, .xlsx- eller .zip-fil ur exporten',
    en: '{path}: not a regular file (a pipe, socket or device) and never read; give a directory or a .csv, .json, .ndjson, .xlsx or .zip file of the export',
  },
  'unreadable-directory': { sv: '{path}: katalogen kan inte läsas ({why})', en: '{path}: cannot read the directory ({why})' },
  'not-export-file': {
    sv: '{path}: ingen exportfil; väntade .json, .ndjson/.jsonl, .xlsx, .zip, någon av {tables} (eller deras svenska namn), eller en fil som mappningen namnger',
    en: '{path}: not an export file; expected .json, .ndjson/.jsonl, .xlsx, .zip, one of {tables} (or their Swedish names), or a file named in the mapping',
  },
  'unreadable-file': { sv: '{file}: filen kan inte läsas ({why}); kontrollera att den finns och går att läsa', en: '{file}: cannot read the file ({why}); check that it exists and is readable' },
  'first-row-data': {
    sv: '{file}: första raden ser ut som data, inte kolumnnamn ({columns} kolumner); första raden ska namnge kolumnerna ({expected} eller deras svenska namn), eller namnge dem i en mappning (aktgranskning init)',
    en: '{file}: the first row looks like data, not column names ({columns} columns); the first row must name the columns ({expected} or their Swedish names), or name them in a mapping (aktgranskning init)',
  },
  'missing-column': {
    sv: '{file}: kolumnen {missing} saknas; hittade {found} ({how}); väntade kolumner: {expected} eller deras svenska namn; namnge andra i en mappning (aktgranskning init)',
    en: '{file}: no {missing} column; found {found} ({how}); expected columns: {expected} or their Swedish names; name others in a mapping (aktgranskning init)',
  },
  'csv-thread-failed': { sv: '{file}: tråden som läser CSV misslyckades ({why}); kör igen med --threads 1', en: '{file}: the thread reading CSV failed ({why}); run again with --threads 1' },
  'check-thread-failed': { sv: 'tråden som granskar akterna misslyckades ({why}); kör igen med --threads 1', en: 'the thread checking the akter failed ({why}); run again with --threads 1' },
  'ndjson-thread-failed': { sv: '{file}: tråden som läser NDJSON misslyckades ({why}); kör igen med --threads 1', en: '{file}: the thread reading NDJSON failed ({why}); run again with --threads 1' },
  'unreadable-workbook': {
    sv: '{file}: ingen läsbar Excel-arbetsbok ({why}); spara den igen som .xlsx eller exportera tabellerna som CSV',
    en: '{file}: not a readable Excel workbook ({why}); save it again as .xlsx or export the tables as CSV',
  },
  'archive-unreadable': { sv: '{file}: {reason}; lästes inte (se docs/reading-exports.md#archives)', en: '{file}: {reason}; not read (see docs/reading-exports.md#archives)' },
  'no-akter': { sv: '{paths}: inga akter hittades{why}; väntade cases.csv, .json/.ndjson-filer, en .xlsx-arbetsbok eller ett .zip-arkiv i exportformat v1', en: '{paths}: no akter found{why}; expected cases.csv, .json/.ndjson files, an .xlsx workbook or a .zip archive of export format v1' },
  'no-akter-selected': { sv: '{paths}: inga akter uppfyller urvalet ({criteria})', en: '{paths}: no akter meet the selection ({criteria})' },
  'no-export-files': {
    sv: '{paths}: inga exportfiler hittades; väntade cases.csv (eller akter.csv) och dess tabeller, .json/.ndjson-filer, en .xlsx-arbetsbok, ett .zip-arkiv eller filer som mappningen namnger',
    en: '{paths}: no export files found; expected cases.csv (or akter.csv) and its tables, .json/.ndjson files, an .xlsx workbook, a .zip archive or files named in a mapping',
  },
  'no-akter-to-sample': { sv: '{paths}: inga akter att dra stickprov ur', en: '{paths}: no akter found to sample from' },
  'stdin-empty': { sv: '-: inget på standard in; skicka in akter som JSON eller NDJSON, t.ex. cat akter.ndjson | aktgranskning check -', en: '-: nothing on stdin; pipe JSON or NDJSON akter in, e.g. cat akter.ndjson | aktgranskning check -' },
  'stdin-terminal': { sv: '-: standard in är en terminal; skicka in akter som JSON eller NDJSON, t.ex. cat akter.ndjson | aktgranskning check -', en: '-: stdin is a terminal; pipe JSON or NDJSON akter in, e.g. cat akter.ndjson | aktgranskning check -' },
  // Config, mapping, baseline, plug-ins
  'unreadable-json': { sv: '{file}: {what} kan inte läsas ({why})', en: '{file}: cannot read the {what} ({why})' },
  'invalid-json-file': { sv: '{file}: ogiltig JSON ({why})', en: '{file}: not valid JSON ({why})' },
  'unknown-key': { sv: '{file}: okänd nyckel {keys} vid {where}', en: '{file}: unknown key {keys} at {where}' },
  'invalid-setting': { sv: '{file}: {where}: {message}', en: '{file}: {where}: {message}' },
  'unknown-option': { sv: '{file}: regeln {id} har inget alternativ {keys}; dess alternativ är {known}', en: '{file}: rule {id} has no option {keys}; its options are {known}' },
  'invalid-option': { sv: '{file}: regeln {id}, alternativet {option}: {message}', en: '{file}: rule {id}, option {option}: {message}' },
  'baseline-needs-key': {
    sv: '{file}: baslinjen namnger akter med pseudonym; ange nyckeln den skrevs med (--pseudonym-key-file FIL eller ${env})',
    en: '{file}: the baseline names akter by pseudonym; give the key it was written with (--pseudonym-key-file FILE or ${env})',
  },
  'plugin-not-found': {
    sv: 'tillägget "{spec}": hittas inte från {base}; installera paketet (npm install {spec}) eller ange en sökväg som ./{spec}.mjs',
    en: 'plug-in "{spec}": cannot find it from {base}; install the package (npm install {spec}) or give a path such as ./{spec}.mjs',
  },
  'plugin-missing-import': { sv: 'tillägget {spec}: kan inte laddas (en fil eller ett paket som det importerar saknas)', en: 'plug-in {spec}: cannot be loaded (a file or package it imports is missing)' },
  'plugin-unloadable': { sv: 'tillägget {spec}: kan inte laddas ({why})', en: 'plug-in {spec}: cannot be loaded ({why})' },
  'plugin-no-rules': {
    sv: 'tillägget {spec}: exporterar inga regler; exportera som default en regel, en lista av regler eller { name, rules: [...] }',
    en: 'plug-in {spec}: exports no rules; export default a rule, an array of rules, or { name, rules: [...] }',
  },
  'plugin-rule-invalid': { sv: 'tillägget {spec}: {rule}: {piece} {what}; se docs/plugins.md', en: 'plug-in {spec}: {rule}: {piece} {what}; see docs/plugins.md' },
  'plugin-rule-defaults': { sv: 'tillägget {spec}: regeln "{id}": alternativen måste ha ett standardvärde för varje fält', en: 'plug-in {spec}: rule "{id}": options must have a default for every field' },
  'plugin-rule-taken': { sv: 'tillägget {spec}: regel-id "{id}" är redan upptaget; ge regeln ett annat id', en: 'plug-in {spec}: rule id "{id}" is already taken; give the rule another id' },
  'pseudonym-key-unreadable': { sv: '{file}: pseudonymnyckeln kan inte läsas ({why})', en: '{file}: cannot read the pseudonym key ({why})' },
  'pseudonym-key-short': {
    sv: '{file}: pseudonymnyckeln är för kort; använd minst {min} tecken, t.ex. openssl rand -hex 32 > {file}',
    en: '{file}: the pseudonym key is too short; use at least {min} characters, e.g. openssl rand -hex 32 > {file}',
  },
  'pseudonym-env-short': { sv: '${env}: pseudonymnyckeln är för kort; använd minst {min} tecken', en: '${env}: the pseudonym key is too short; use at least {min} characters' },
  // Output
  'cannot-create-directory': { sv: '{dir}: katalogen kan inte skapas ({why}); välj en annan {flag}', en: '{dir}: cannot create the directory ({why}); choose another {flag}' },
  'output-is-input': { sv: '{file}: är en indatafil i exporten; välj en annan {flag}', en: '{file}: is an input file of the export; choose another {flag}' },
  'cannot-write': { sv: '{file}: utdata kan inte skrivas ({why})', en: '{file}: cannot write the output ({why})' },
  'cannot-write-summary': { sv: '$GITHUB_STEP_SUMMARY {file}: jobbsammanfattningen kan inte skrivas ({why})', en: '$GITHUB_STEP_SUMMARY {file}: cannot write the job summary ({why})' },
  'formatter-unloadable': { sv: '--format {name}: formateringsmodulen kan inte laddas ({why})', en: '--format {name}: cannot load the formatter module ({why})' },
  'formatter-no-default': { sv: '--format {name}: modulen måste exportera en funktion som default: (report, context) => string', en: '--format {name}: the module must export a function as default: (report, context) => string' },
  'init-exists': { sv: '{file}: finns redan; använd --force för att skriva över den eller --output för att skriva någon annanstans', en: '{file}: already exists; use --force to overwrite it or --output to write elsewhere' },
  'init-nothing': { sv: '{paths}: inga CSV- eller texttabeller att mappa; JSON-exporter i format v1 behöver ingen mappning', en: '{paths}: no CSV or text tables found to map; JSON exports of format v1 need no mapping' },
  // compare
  'compare-no-path': { sv: '{path}: filen eller katalogen finns inte; ange en JSON-rapport från check, eller en export med {flag}', en: '{path}: no such file or directory; give a JSON report of check, or an export with {flag}' },
  'compare-report-too-large': {
    sv: '{path}: en JSON-rapport på {mb} MB är för stor att läsa in; jämför exporterna i stället, med --before-as-of och --after-as-of',
    en: '{path}: a JSON report of {mb} MB is too large to read back; compare the exports instead, with --before-as-of and --after-as-of',
  },
  'compare-old-report': { sv: '{path}: en rapport som denna version inte kan läsa ({where}); kör check igen med denna version', en: '{path}: a report this version cannot read ({where}); run check again with this version' },
  'compare-needs-date': { sv: '{path}: ingen JSON-rapport från check; ange exportens granskningsdatum med {flag} ÅÅÅÅ-MM-DD för att jämföra den', en: '{path}: not a JSON report of check; to compare an export, give its audit date with {flag} YYYY-MM-DD' },
  // The tool's own failures: still one line, never a stack trace.
  // A rule's bug ({rule}: "plug-in ./regler.mjs: rule x"); the akt as the reports name it, what the rule threw masked (src/cli/rule-error.ts).
  'rule-threw': { sv: '{rule} kastade ett fel på akt {akt}: {thrown} (ett fel i den regeln)', en: '{rule} threw on akt {akt}: {thrown} (a bug in that rule)' },
  'rule-threw-in-prepare': { sv: '{rule} kastade ett fel i prepare: {thrown} (ett fel i den regeln)', en: '{rule} threw in prepare: {thrown} (a bug in that rule)' },
  'rule-undeclared-code': { sv: '{rule} gav på akt {akt} koden "{code}" för {outcome}, som den inte deklarerar (ett fel i den regeln)', en: '{rule} reported {outcome} code "{code}" on akt {akt}, which it does not declare (a bug in that rule)' },
  'rule-no-reason': { sv: '{rule} underkände akt {akt} utan att ange något skäl (ett fel i den regeln)', en: '{rule} failed akt {akt} without giving a reason (a bug in that rule)' },
  'rule-unknown-status': { sv: '{rule} gav på akt {akt} den okända statusen "{status}" (ett fel i den regeln)', en: '{rule} returned unknown status "{status}" on akt {akt} (a bug in that rule)' },
  'rule-bad-data': { sv: '{rule} gav på akt {akt} {what} som inte är ett objekt av texter och tal (ett fel i den regeln)', en: '{rule} gave {what} on akt {akt} that is not an object of texts and numbers (a bug in that rule)' },
  'rule-bad-data-value': { sv: '{rule} gav på akt {akt} {what} med "{key}" som {type}; där får bara texter och tal stå (ett fel i den regeln)', en: '{rule} gave {what} on akt {akt} with "{key}" as {type}; it may hold texts and numbers only (a bug in that rule)' },
  internal: { sv: 'internt fel: {message} (sätt AKTGRANSKNING_DEBUG=1 för detaljer)', en: 'internal error: {message} (set AKTGRANSKNING_DEBUG=1 for details)' },
} satisfies Record<string, Localized>;

export type ErrorCode = keyof typeof ERROR_TEXT;

/** Selection criteria as one piece of an error line, in both languages. */
export function criteriaText(criteria: readonly string[]): Localized {
  return { sv: criteria.map((c) => criterionText(c, 'sv')).join('; '), en: criteria.map((c) => criterionText(c, 'en')).join('; ') };
}
