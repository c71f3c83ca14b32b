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

const folded = new WeakMap<readonly string[], ReadonlySet<string>>();
function foldedSet(list: readonly string[]): ReadonlySet<string> {
  let set = folded.get(list);
  if (!set) folded.set(list, (set = new Set(list.map(foldText))));
  return set;
}

/**
 * The placeholder a free-text field holds instead of content (the text as written, trimmed), or
 * undefined when the field is empty or has content of its own. `extra`: the config's own list.
 */
export function placeholderOf(text: string | undefined, extra: readonly string[] = []): string | undefined {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return undefined;
  const f = foldText(trimmed);
  if (f === '' || foldedSet(PLACEHOLDERS).has(f) || (extra.length > 0 && foldedSet(extra).has(f))) return trimmed;
  const w = f.split(' ');
  if (w.length <= REFERENCE_MAX_WORDS && foldedSet(REFERENCE_WORDS).has(w[0]!) && w.length > 1) return trimmed;
  return undefined;
}

/** Whether a free-text field says something: not empty and not a placeholder. */
export function isWritten(text: string | undefined, extra: readonly string[] = []): boolean {
  return (text?.trim() ?? '') !== '' && placeholderOf(text, extra) === undefined;
}
