import { existsSync, readFileSync } from 'node:fs';
import { Help, InvalidArgumentError, type Command } from 'commander';
import { CONFIG_FILE, findConfig } from '../config/config.js';
import type { Lang } from '../engine/types.js';
import { errorText, type ErrorCode, type ErrorData } from '../errors.js';
import { KEY_ENV } from '../privacy/pseudonym.js';
import { FORMATTERS, WRITERS } from '../report/formatters/index.js';
import { argumentText, commandText, helpTitle, optionText, usageWord } from '../i18n/cli-text.js';

export const LANG_ENV = 'AKTGRANSKNING_LANG';

const isLang = (v: unknown): v is Lang => v === 'sv' || v === 'en';

/** $AKTGRANSKNING_LANG when it names a language the tool speaks. */
export function envLang(): Lang | undefined {
  const v = process.env[LANG_ENV]?.trim().toLowerCase();
  return isLang(v) ? v : undefined;
}

/** The value of a flag in the arguments (`--flag v` or `--flag=v`), the last one given winning as commander has it. */
function peek(argv: readonly string[], flag: string): string | undefined {
  let found: string | undefined;
  for (const [i, a] of argv.entries()) {
    if (a === '--') break;
    if (a === flag) found = argv[i + 1];
    else if (a.startsWith(`${flag}=`)) found = a.slice(flag.length + 1);
  }
  return found;
}

/** The config's lang, read quietly: a config that cannot be read is reported later, by the command, in the language decided without it. */
function configLang(argv: readonly string[]): Lang | undefined {
  try {
    const file = peek(argv, '--config') ?? (argv.includes('--no-config-lookup') ? undefined : findConfig());
    if (file === undefined || !existsSync(file)) return undefined;
    const lang = (JSON.parse(readFileSync(file, 'utf8')) as { lang?: unknown } | null)?.lang;
    return isLang(lang) ? lang : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The language of help, usage errors and messages, decided before commander parses (its own errors
 * come during parsing): --lang in the arguments, else $AKTGRANSKNING_LANG, else the config's lang, else Swedish.
 */
export function argvLang(argv: readonly string[]): Lang {
  const flag = peek(argv, '--lang');
  return isLang(flag) ? flag : (envLang() ?? configLang(argv) ?? 'sv');
}

let current: Lang = 'sv';
let flagged: Lang | undefined;

/** The language a command speaks: --lang (its own, or one given before the command), else $AKTGRANSKNING_LANG, else the config's lang, else Swedish. */
export function chooseLang(flag: Lang | undefined, config: Lang | undefined): Lang {
  return flag ?? flagged ?? envLang() ?? config ?? 'sv';
}

/** Decides this run's language from its arguments before commander parses them; main calls it first. */
export function setCliLang(argv: readonly string[]): Lang {
  const flag = peek(argv, '--lang');
  flagged = isLang(flag) ? flag : undefined;
  current = argvLang(argv);
  return current;
}

export function cliLang(): Lang {
  return current;
}

/** A flag value commander rejects, worded in the run's language (commander prefixes which option and value). */
export function invalidArgument(code: ErrorCode, data: ErrorData = {}): InvalidArgumentError {
  return new InvalidArgumentError(errorText(code, data, current));
}

/** Commander's own help in Swedish: headings, "[options]", and the "(choices: …, default: …)" it adds to a description. */
function swedishHelp(cmd: Command): void {
  const extra = (s: string) => s.replace(/\((choices|default|preset|env): /g, (_, w: string) => `(${usageWord(w)}: `).replace(/, (choices|default|preset|env): /g, (_, w: string) => `, ${usageWord(w)}: `);
  const usage = (s: string) => s.replace(/\[options\]/g, `[${usageWord('options')}]`).replace(/\[command\]/g, `[${usageWord('command')}]`);
  cmd.configureHelp({
    styleTitle: (s) => helpTitle(s),
    styleUsage: usage,
    subcommandTerm(this: Help, c) {
      return usage(Help.prototype.subcommandTerm.call(this, c));
    },
    optionDescription(this: Help, o) {
      return extra(Help.prototype.optionDescription.call(this, o));
    },
    argumentDescription(this: Help, a) {
      return extra(Help.prototype.argumentDescription.call(this, a));
    },
  });
}

/** Puts the help texts of the program and every command in the chosen language (the code keeps the English as fallback). */
export function localizeHelp(program: Command, lang: Lang): void {
  const data = { formats: [...new Set([...Object.keys(FORMATTERS), ...Object.keys(WRITERS)])].join(', '), keyEnv: KEY_ENV, configFile: CONFIG_FILE };
  for (const cmd of [program, ...program.commands]) {
    const name = cmd === program ? 'program' : cmd.name();
    const text = commandText(name, lang);
    if (text !== undefined) cmd.description(text);
    for (const o of cmd.options) {
      const t = o.long === undefined ? undefined : optionText(name, o.long, lang, data);
      if (t !== undefined) o.description = t;
    }
    for (const a of cmd.registeredArguments) {
      const t = argumentText(name, a.name(), lang);
      if (t !== undefined) a.description = t;
    }
    if (lang === 'sv') {
      cmd.helpOption('-h, --help', 'visa hjälp');
      swedishHelp(cmd);
    }
  }
  if (lang === 'sv') program.helpCommand('help [command]', 'visa hjälp för ett kommando');
}
