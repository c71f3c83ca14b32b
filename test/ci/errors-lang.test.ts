import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_USAGE } from '../../src/errors.js';
import { cli } from '../helpers/cli.js';

const FIXTURE = 'fixtures/stockholm-2011/csv';
const AS_OF = ['--as-of', '2010-11-15'];
const dir = mkdtempSync(path.join(tmpdir(), 'akt-errlang-'));
const write = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};
const badConfig = write('bad.json', JSON.stringify({ rulez: {} }));
const badValue = write('value.json', JSON.stringify({ asOf: '2010-02-30' }));
const badMapping = write('mapping.json', JSON.stringify({ colums: {} }));
const mappingShown = path.relative(process.cwd(), badMapping);

/** Per error class: the arguments, and the one line in Swedish and in English. */
const CASES: [string, string[], string, string][] = [
  [
    'missing file',
    ['check', 'no/such/dir', ...AS_OF],
    'aktgranskning: no/such/dir: filen eller katalogen finns inte; ange en katalog eller en .csv-, .json-, .ndjson-, .xlsx- eller .zip-fil ur exporten',
    'aktgranskning: no/such/dir: no such file or directory; give a directory or a .csv, .json, .ndjson, .xlsx or .zip file of the export',
  ],
  [
    'bad flag value (checked by the tool)',
    ['check', FIXTURE, '--as-of', '2010-02-30'],
    'aktgranskning: --as-of 2010-02-30: inget datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2010-11-15',
    'aktgranskning: --as-of 2010-02-30: not a date; write it as YYYY-MM-DD, e.g. 2010-11-15',
  ],
  [
    'bad flag value (checked while parsing)',
    ['check', FIXTURE, ...AS_OF, '--threads', '0'],
    "fel: flaggan '--threads <n>' har ett ogiltigt värde '0'. ange ett heltal, 1 eller större (kör aktgranskning --help för hjälp)",
    "error: option '--threads <n>' argument '0' is invalid. give a whole number, 1 or more (run aktgranskning --help for usage)",
  ],
  [
    'bad flag value (commander choices)',
    ['check', FIXTURE, ...AS_OF, '--csv-layout', 'tall'],
    "fel: flaggan '--csv-layout <layout>' har ett ogiltigt värde 'tall'. Tillåtna val: wide, long. (kör aktgranskning --help för hjälp)",
    "error: option '--csv-layout <layout>' argument 'tall' is invalid. Allowed choices are wide, long. (run aktgranskning --help for usage)",
  ],
  [
    'bad config (unknown key)',
    ['check', FIXTURE, ...AS_OF, '--config', badConfig],
    `aktgranskning: ${badConfig}: okänd nyckel "rulez" (menade du rules?) vid (översta nivån)`,
    `aktgranskning: ${badConfig}: unknown key "rulez" (did you mean rules?) at (top level)`,
  ],
  [
    'bad config (bad value)',
    ['check', FIXTURE, '--config', badValue],
    `aktgranskning: ${badValue}: asOf: ska vara ett datum ÅÅÅÅ-MM-DD`,
    `aktgranskning: ${badValue}: asOf: must be a date YYYY-MM-DD`,
  ],
  [
    'bad mapping',
    ['check', FIXTURE, ...AS_OF, '--mapping', badMapping],
    `aktgranskning: ${mappingShown}: okänd nyckel "colums" (menade du columns?) vid (översta nivån)`,
    `aktgranskning: ${mappingShown}: unknown key "colums" (did you mean columns?) at (top level)`,
  ],
  [
    'unknown rule',
    ['check', FIXTURE, ...AS_OF, '--rule', 'current-plans'],
    'aktgranskning: --rule/--skip-rule: okänd regel "current-plans" (menade du current-plan?); kör \'aktgranskning rules\' för listan',
    'aktgranskning: --rule/--skip-rule: unknown rule "current-plans" (did you mean current-plan?); run \'aktgranskning rules\' for the list',
  ],
  [
    'unknown rule to explain',
    ['explain', 'waiting-times'],
    'aktgranskning: okänd regel "waiting-times" (menade du waiting-time?); kör \'aktgranskning rules\' för listan, eller ange en kod för dataproblem',
    'aktgranskning: unknown rule "waiting-times" (did you mean waiting-time?); run \'aktgranskning rules\' for the list, or give a data-problem code',
  ],
  [
    'output over an input file',
    ['check', FIXTURE, ...AS_OF, '--output', `${FIXTURE}/cases.csv`],
    `aktgranskning: ${FIXTURE}/cases.csv: är en indatafil i exporten; välj en annan --output`,
    `aktgranskning: ${FIXTURE}/cases.csv: is an input file of the export; choose another --output`,
  ],
  [
    'output directory that cannot be made',
    ['check', FIXTURE, ...AS_OF, '--format', 'json,markdown', '--output-dir', '/proc/x/y'],
    'aktgranskning: /proc/x/y: katalogen kan inte skapas (ENOENT); välj en annan --output-dir',
    'aktgranskning: /proc/x/y: cannot create the directory (ENOENT); choose another --output-dir',
  ],
  [
    'unknown option',
    ['check', FIXTURE, '--outpt', 'x'],
    "fel: okänd flagga '--outpt' (menade du --output?) (kör aktgranskning --help för hjälp)",
    "error: unknown option '--outpt' (Did you mean --output?) (run aktgranskning --help for usage)",
  ],
  ['missing argument', ['compare', 'a.json'], "fel: argumentet 'after' saknas (kör aktgranskning --help för hjälp)", "error: missing required argument 'after' (run aktgranskning --help for usage)"],
  [
    'too many arguments',
    ['explain', 'current-plan', 'waiting-time'],
    "fel: för många argument till 'explain': väntade 1 men fick 2. (kör aktgranskning --help för hjälp)",
    "error: too many arguments for 'explain'. Expected 1 argument but got 2. (run aktgranskning --help for usage)",
  ],
  ['unknown command', ['chekc'], "fel: okänt kommando 'chekc' (menade du check?) (kör aktgranskning --help för hjälp)", "error: unknown command 'chekc' (Did you mean check?) (run aktgranskning --help for usage)"],
];

describe('user errors: one line in the chosen language, exit 2', () => {
  it.each(CASES)('%s', (_name, args, sv, en) => {
    const s = cli(args);
    expect(s.code).toBe(EXIT_USAGE);
    expect(s.stderr).toBe(`${sv}\n`);
    // --lang is read before commander parses, so even its own errors follow it; the variable does the same.
    for (const r of [cli([...args, '--lang', 'en']), cli(args, { env: { AKTGRANSKNING_LANG: 'en' } })]) {
      expect(r.code).toBe(EXIT_USAGE);
      expect(r.stderr).toBe(`${en}\n`);
    }
  });

  it("the config's lang sets the language of errors too; the flag wins over it", () => {
    const config = write('en.json', JSON.stringify({ lang: 'en', rules: { delmal: 'off' } }));
    const args = ['check', FIXTURE, ...AS_OF, '--config', config];
    expect(cli(args).stderr).toBe(`aktgranskning: ${config}: unknown rule "delmal"; run 'aktgranskning rules' for the list\n`);
    expect(cli([...args, '--lang', 'sv']).stderr).toBe(`aktgranskning: ${config}: okänd regel "delmal"; kör 'aktgranskning rules' för listan\n`);
    // Commander's own errors come before the config is read through the command, and follow it all the same.
    expect(cli([...args, '--frobnicate']).stderr).toBe("error: unknown option '--frobnicate' (run aktgranskning --help for usage)\n");
  });
});

/** The option and argument lines of a help text: term → description, continuation lines joined. */
function entries(help: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | undefined;
  for (const line of help.split('\n')) {
    const m = /^ {2}(\S.*?)(?: {2,}(.*))?$/.exec(line);
    if (m) {
      last = m[1]!.trim();
      out.set(last, m[2] ?? '');
    } else if (/^ {3,}\S/.test(line) && last !== undefined) {
      out.set(last, `${out.get(last)} ${line.trim()}`.trim());
    } else last = undefined;
  }
  return out;
}

const COMMANDS = ['check', 'validate', 'compare', 'sample', 'init', 'rules', 'explain', 'schema'];
/** Words that show a description is English; none of them is Swedish. */
const ENGLISH = /\b(the|of|with|when|write|only|file|files|default|choices|display|output|instead|rules?)\b/i;
/** What may stand in a Swedish description as it is: code, flags, values, file names, variables. */
const ALLOWED = /`[^`]*`|--[\w-]+|\$\w+|<[^>]+>|"[^"]*"|\S+\.(json|mjs|md|csv|txt|html)\S*|aktgranskning \w+|\b(asOf|lang|core|all|wide|long|supportStart|utf-8|windows-1252)\b/g;

describe('help: every command and option speaks Swedish by default, English with --lang en', () => {
  it.each(['', ...COMMANDS])('aktgranskning %s --help', (command) => {
    const args = command === '' ? ['--help'] : [command, '--help'];
    const sv = cli(args, { env: { COLUMNS: '200' } });
    const en = cli([...args, '--lang', 'en'], { env: { COLUMNS: '200' } });
    expect(sv.code).toBe(0);
    expect(en.code).toBe(0);
    expect(sv.stdout).toMatch(/^Användning: aktgranskning/);
    expect(en.stdout).toMatch(/^Usage: aktgranskning/);
    expect(sv.stdout).not.toMatch(/^(Usage|Options|Commands|Arguments):/m);
    const svItems = entries(sv.stdout);
    const enItems = entries(en.stdout.replace(/\[options\]/g, '[flaggor]').replace(/\[command\]/g, '[kommando]'));
    expect([...svItems.keys()]).toEqual([...enItems.keys()]);
    expect(svItems.size).toBeGreaterThan(1);
    for (const [term, text] of svItems) {
      expect(text, term).not.toBe('');
      expect(text, term).not.toBe(enItems.get(term));
      expect(text.replace(ALLOWED, ''), `${command} ${term}: ${text}`).not.toMatch(ENGLISH);
    }
  });
});
