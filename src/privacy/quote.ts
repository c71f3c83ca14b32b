import { MASK, maskPersonalNumbers } from './personnummer.js';

/**
 * The one way text from the export leaves the tool: every value, field, file name, caseId, evidence
 * quote and message that repeats the export passes `quote`. The order matters: mask first (a cut
 * must never leave "… 19811218-987", from which the check digit follows), fold to one line (a line
 * break or terminal escape in a value must not forge report lines or colour a terminal), mask again
 * (folding may join a date and its four digits across what was a line break), then shorten.
 */
export function quote(text: string, max = Infinity): string {
  const masked = maskPersonalNumbers(text);
  // Every evidence value of a country-wide run passes here: most hold no control character at all.
  return shorten(HAS_CONTROL.test(masked) ? maskPersonalNumbers(oneLine(masked)) : masked, max);
}

// CSI (ESC [ … final), OSC (ESC ] … BEL or ST) and two-character escapes.
// eslint-disable-next-line no-control-regex -- control characters are what these look for
const ESCAPE = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_]?)/g;
// C0 and C1 controls (line breaks and tabs included) and Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]+/g;
// Invisible format characters: the bidirectional controls that can make a terminal show text in
// another order than it is stored, and soft hyphens, zero-width spaces and joiners, which hide a
// number from the masker ("8501\u00ad01-1234") while a reader sees it whole.
const FORMAT = /\p{Cf}+/gu;
// eslint-disable-next-line no-control-regex -- as above
const HAS_CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\p{Cf}]/u;

/**
 * The first line of a message that may quote the export (a library's or a thread's error): masked
 * whole first, so a number broken over two lines ("811218-⏎9876") is masked, not cut to its date.
 */
export function firstLine(text: string): string {
  return maskPersonalNumbers(text).split('\n')[0]!;
}

/** Line breaks, control characters and escape sequences become a space, invisible format characters nothing, so a quote is one line of plain text. */
export function oneLine(text: string): string {
  // Stryker disable next-line ConditionalExpression: equivalent, the replaces find nothing then
  if (!HAS_CONTROL.test(text)) return text;
  return text.replace(ESCAPE, ' ').replace(CONTROL, ' ').replace(FORMAT, '');
}

/**
 * At most `max` characters, ending in … when cut. A cut inside a word goes back to the space before
 * it (if that keeps at least half), and never ends in digits: whatever the cut leaves of a number is
 * dropped, so no part of a personnummer (nor a run of digits that a cut made look like one) remains.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  if (!/\s/.test(text[cut.length] ?? ' ') && space >= max / 2) cut = cut.slice(0, space);
  // (Not dashes other than -: the tool's own "2010-06-01 – 2011-05-31" keeps its first date; the text was masked before the cut.)
  return `${maskPersonalNumbers(cut.replace(/[\s\d+-]+$/, ''))}…`;
}

/** Quotes the strings of template data (by `quoteText`, `quote` or the same); data with nothing to change is returned as it is, not copied. */
export function quoteData<T extends Readonly<Record<string, string | number>>>(data: T | undefined, quoteText: (text: string) => string = quote): T | undefined {
  if (!data) return data;
  let out: Record<string, string | number> | undefined;
  for (const k in data) {
    const v = data[k];
    if (typeof v !== 'string') continue;
    const quoted = quoteText(v);
    if (quoted !== v) (out ??= { ...data })[k] = quoted;
  }
  return (out as T | undefined) ?? data;
}

/** A message of several lines (help text, a summary): each line quoted, the line breaks kept. */
export function quoteLines(text: string): string {
  return text.split('\n').map((l) => quote(l)).join('\n');
}

/**
 * The text folded like a quote, with every personnummer and every mask already in it (an export
 * masked before it reached the tool) blanked out: for reading a text, never for showing it. A rule
 * that picks words out of a text must not pick the date part of a number, which no mask recognises
 * once it stands alone ("19850101" of "19850101-1234").
 */
export function withoutPersonalNumbers(text: string): string {
  const blanked = maskPersonalNumbers(oneLine(text), ' ');
  return blanked.includes(MASK) ? blanked.replaceAll(MASK, ' ') : blanked;
}
