/** Lower case, letters and digits only, single spaces: two goals that differ only in form compare equal. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function words(text: string): string[] {
  const n = normalizeText(text);
  return n === '' ? [] : n.split(' ');
}

/**
 * `words(text).length`, remembered per text: rules count the words of a plan's free texts in every
 * akt with a current plan, and exports repeat those texts. Emptied when SHORT_TEXTS are held.
 */
export function wordCount(text: string): number {
  let n = wordCounts.get(text);
  // Stryker disable next-line ConditionalExpression: equivalent, counting again gives the same count
  if (n === undefined) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, when the map is emptied changes memory, not answers
    if (wordCounts.size >= SHORT_TEXTS) wordCounts.clear();
    wordCounts.set(text, (n = words(text).length));
  }
  return n;
}

const wordCounts = new Map<string, number>();

/** Case, diacritics and punctuation folded away, words kept: "Ej tillfrågad." and "ej tillfragad" read alike. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Texts case workers write where there is nothing to write: a field holding only one of these (after
 * folding) is missing text, not content. A field of punctuation only ("-", "–", "?") folds to
 * nothing and counts as a placeholder too. Extend it with the config's `placeholders`.
 */
export const PLACEHOLDERS: readonly string[] = [
  'x', 'xx', 'xxx', 'inga', 'inget', 'ingen', 'ingenting', 'saknas', 'uppgift saknas', 'ingen uppgift', 'inga uppgifter',
  'ej tillfrågad', 'ej tillfrågat', 'inte tillfrågad', 'ej aktuellt', 'ej aktuell', 'inte aktuellt', 'ej angivet', 'ej ifyllt',
  'oförändrat', 'oförändrad', 'oförändrade', 'samma som tidigare', 'som tidigare', 'vet ej', 'okänt', 'nej', 'ja', 'ok',
  'dito', 'do', 'enligt ovan', 'enl ovan', 'se ovan', 'se nedan', 'se tidigare plan', 'se journal', 'se bilaga',
];

/**
 * Words that open a reference to somewhere else ("se tidigare plan", "se journalanteckning
 * 2010-03-01", "enligt tidigare"): a short field that starts with one says nothing itself.
 */
export const REFERENCE_WORDS: readonly string[] = ['se', 'enligt', 'enl', 'hänvisas', 'hänvisning'];

/** A reference is at most this many words; a longer text that starts "se till att …" is content. */
export const REFERENCE_MAX_WORDS = 4;

interface FoldedList {
  set: ReadonlySet<string>;
  /** The longest folded entry: a text with more letters than this cannot be one of them. */
  longest: number;
}
const folded = new WeakMap<readonly string[], FoldedList>();
function foldedList(list: readonly string[]): FoldedList {
  let entry = folded.get(list);
  // Stryker disable next-line ConditionalExpression: equivalent, folding the list again gives the same set
  if (!entry) {
    const set = new Set(list.map(foldText));
    // Stryker disable next-line ArrowFunction: equivalent in answers, a limit that is not a number only turns the shortcut off (speed: npm run bench)
    folded.set(list, (entry = { set, longest: Math.max(0, ...[...set].map((f) => f.length)) }));
  }
  return entry;
}

const LETTER = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

/**
 * Whether a text has more than `letters` letters and digits and more than `words` words, counted on
 * the text as written so that long free texts (most of them) skip folding. Both counts never exceed
 * those of the folded text: a word starts only at a letter after a separator, and a character outside
 * the Basic Multilingual Plane counts as neither. Exported for its test: a count that fell short
 * would give the same answers, only slower, so only a test of its own can see it.
 */
export function longerThan(text: string, letters: number, words: number): boolean {
  let nLetters = 0;
  let nWords = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind =
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the expressions classify ASCII alike, only slower
      c < 128
        ? (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) ? 1 : 0
        : c >= 0xd800 && c <= 0xdfff ? 2 : LETTER.test(text[i]!) ? 1 : MARK.test(text[i]!) ? 2 : 0;
    if (kind === 1) {
      nLetters++;
      if (!inWord) nWords++;
      inWord = true;
      if (nLetters > letters && nWords > words) return true;
    } else if (kind === 0) inWord = false;
    // A mark (or an astral character) neither ends nor starts a word.
  }
  return false;
}

export const NO_EXTRA: readonly string[] = [];

/**
 * The placeholder a free-text field holds instead of content (the text as written, trimmed), or
 * undefined when the field is empty or has content of its own. `extra`: the config's own list.
 */
export function placeholderOf(text: string | undefined, extra: readonly string[] = NO_EXTRA): string | undefined {
  // Stryker disable next-line StringLiteral: equivalent, no other text is a placeholder either
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return undefined;
  // The same text as the call before (the store hands out one string per value, and the follow-ups
  // of an akt mostly share their note): answered again without counting its letters, which for a
  // note of a few words with å, ä or ö costs a regular expression per such letter.
  // Stryker disable next-line ConditionalExpression: equivalent in answers, without the shortcut the text is looked at again
  if (text === lastText && extra === lastExtra) return lastAnswer;
  const answer = placeholderIn(trimmed, extra);
  lastText = text;
  lastExtra = extra;
  lastAnswer = answer;
  return answer;
}

let lastText: string | undefined;
let lastExtra: readonly string[] | undefined;
let lastAnswer: string | undefined;

function placeholderIn(trimmed: string, extra: readonly string[]): string | undefined {
  const base = foldedList(PLACEHOLDERS);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, an empty list folds to no entries and a limit of 0
  const own = extra.length > 0 ? foldedList(extra) : undefined;
  // Stryker disable next-line ConditionalExpression: equivalent in answers, without the shortcut every text is folded (speed: npm run bench; the count is tested on its own)
  if (longerThan(trimmed, Math.max(base.longest, own?.longest ?? 0), REFERENCE_MAX_WORDS)) return undefined;
  // A short text is folded once per list: exports repeat them ("-", "Oförändrat", a goal of three
  // words), and the store hands out one string for each, whose hash is already known.
  let known = shortTexts.get(extra);
  // Stryker disable next-line ConditionalExpression: equivalent, a new map each time only forgets (the answers are held by test/text.test.ts)
  if (!known) shortTexts.set(extra, (known = new Map()));
  const seen = known.get(trimmed);
  // Stryker disable next-line ConditionalExpression: equivalent, folding again gives the answer remembered
  if (seen !== undefined) return seen ? trimmed : undefined;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, when the map is emptied changes memory, not answers
  if (known.size >= SHORT_TEXTS) known.clear();
  const f = foldText(trimmed);
  const found = f === '' || base.set.has(f) || own?.set.has(f) === true || isReference(f);
  known.set(trimmed, found);
  return found ? trimmed : undefined;
}

/** A reference to somewhere else: two to four words, the first a REFERENCE_WORDS entry. */
function isReference(folded: string): boolean {
  const w = folded.split(' ');
  return w.length <= REFERENCE_MAX_WORDS && foldedList(REFERENCE_WORDS).set.has(w[0]!) && w.length > 1;
}

/** Short texts remembered per extra list (whether each is a placeholder); emptied when this many are held. */
export const SHORT_TEXTS = 4096;
let shortTexts = new WeakMap<readonly string[], Map<string, boolean>>();

/**
 * Forgets the texts folded so far. For tests: each test then folds its own texts, so that a mutation
 * run, which runs for each mutant only the tests that reached it, sees every test that reads a path.
 */
// Stryker disable next-line BlockStatement: a helper of the tests, which give the same answers with or without it
export function forgetShortTexts(): void {
  shortTexts = new WeakMap();
  wordCounts.clear();
  lastText = lastExtra = lastAnswer = undefined;
}

/** Whether a free-text field says something: not empty and not a placeholder. */
export function isWritten(text: string | undefined, extra: readonly string[] = NO_EXTRA): boolean {
  return (text?.trim() ?? '') !== '' && placeholderOf(text, extra) === undefined;
}
