import type { Command } from 'commander';
import type { Lang } from '../engine/types.js';
import { commandText, optionText } from '../i18n/cli-text.js';

export const LANG_ENV = 'AKTGRANSKNING_LANG';

/** $AKTGRANSKNING_LANG when it names a language the tool speaks. */
export function envLang(): Lang | undefined {
  const v = process.env[LANG_ENV]?.trim().toLowerCase();
  return v === 'sv' || v === 'en' ? v : undefined;
}

/** The language of help and messages before any config is read: --lang in the arguments, else $AKTGRANSKNING_LANG, else Swedish. */
export function argvLang(argv: readonly string[]): Lang {
  for (const [i, a] of argv.entries()) {
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v === 'sv' || v === 'en') return v;
  }
  return envLang() ?? 'sv';
}

/** The language a command speaks: --lang, else $AKTGRANSKNING_LANG, else the config's lang, else Swedish. */
export function chooseLang(flag: Lang | undefined, config: Lang | undefined): Lang {
  return flag ?? envLang() ?? config ?? 'sv';
}

/** Puts the help texts of the program and every command in the chosen language (the code keeps the English as fallback). */
export function localizeHelp(program: Command, lang: Lang): void {
  for (const cmd of [program, ...program.commands]) {
    const name = cmd === program ? 'program' : cmd.name();
    const text = commandText(name, lang);
    if (text !== undefined) cmd.description(text);
    for (const o of cmd.options) {
      const t = o.long === undefined ? undefined : optionText(o.long, lang);
      if (t !== undefined) o.description = t;
    }
    if (lang === 'sv') cmd.helpOption('-h, --help', 'visa hjälp');
  }
}
