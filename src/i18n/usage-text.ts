import type { Lang } from '../model/lang.js';

const HINT = { sv: '(kör aktgranskning --help för hjälp)', en: '(run aktgranskning --help for usage)' };

/**
 * Commander's own usage errors (commander 14 words them in English and gives us only the text), in
 * Swedish: each pattern is one of its messages, in the order tried; $1… are what it quoted.
 */
const COMMANDER_SV: readonly (readonly [RegExp, string])[] = [
  [/^\(Did you mean one of (.*?)\?\)/, '(menade du någon av $1?)'],
  [/^\(Did you mean (.*?)\?\)/, '(menade du $1?)'],
  [/^Allowed choices are (.*)\.$/, 'Tillåtna val: $1.'],
  [/^error: unknown option '(.*?)'/, "fel: okänd flagga '$1'"],
  [/^error: unknown command '(.*?)'/, "fel: okänt kommando '$1'"],
  [/^error: missing required argument '(.*?)'/, "fel: argumentet '$1' saknas"],
  [/^error: option '(.*?)' argument missing/, "fel: flaggan '$1' saknar värde"],
  [/^error: required option '(.*?)' not specified/, "fel: flaggan '$1' måste anges"],
  [/^error: option '(.*?)' argument '(.*)' is invalid\./, "fel: flaggan '$1' har ett ogiltigt värde '$2'."],
  [/^error: command-argument value '(.*)' is invalid for argument '(.*?)'\./, "fel: värdet '$1' är ogiltigt för argumentet '$2'."],
  [/^error: too many arguments for '(.*?)'\. Expected (\d+) arguments? but got (\d+)\./, "fel: för många argument till '$1': väntade $2 men fick $3."],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, 'fel: för många argument: väntade $1 men fick $2.'],
  [/^error: (.*) cannot be used with (.*)$/, 'fel: $1 kan inte användas med $2'],
];

/** The message's known head in Swedish, then what commander appended to it (a suggestion, the reason), in turn. */
function translate(message: string): string {
  for (const [pattern, sv] of COMMANDER_SV) {
    const m = pattern.exec(message);
    if (!m) continue;
    const said = m[0].replace(pattern, sv);
    const rest = message.slice(m[0].length).trim();
    return rest === '' ? said : `${said} ${translate(rest)}`;
  }
  return message;
}

/** A commander usage error as one line with the hint, in the run's language (English as commander wrote it). */
export function usageError(message: string, lang: Lang): string {
  const line = message.replace(/\s*\n\s*/g, ' ').trim();
  return `${lang === 'sv' ? translate(line) : line} ${HINT[lang]}`;
}
