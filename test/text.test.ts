import { describe, expect, it } from 'vitest';
import { foldText, isWritten, normalizeText, placeholderOf, REFERENCE_MAX_WORDS, words } from '../src/engine/text.js';

describe('placeholders are missing text', () => {
  it.each([
    ['-', '-'],
    [' – ', '–'],
    ['?', '?'],
    ['x', 'x'],
    ['Inga', 'Inga'],
    ['inget.', 'inget.'],
    ['SAKNAS', 'SAKNAS'],
    ['Ej tillfrågad', 'Ej tillfrågad'],
    ['ej tillfragad', 'ej tillfragad'],
    ['Ej aktuellt!', 'Ej aktuellt!'],
    ['Ingen uppgift', 'Ingen uppgift'],
    ['Oförändrat', 'Oförändrat'],
    ['Se tidigare plan', 'Se tidigare plan'],
    ['se journal', 'se journal'],
    ['Se ovan.', 'Se ovan.'],
    ['Enl. tidigare', 'Enl. tidigare'],
  ])('%s is a placeholder, named as written', (text, named) => {
    expect(placeholderOf(text)).toBe(named);
    expect(isWritten(text)).toBe(false);
  });

  it.each(['Ta truckkort', 'Inga frånvarodagar utan giltigt skäl', 'Se till att få jobb', 'Vill arbeta inom vården', 'Se'])('%s is content', (text) => {
    expect(placeholderOf(text)).toBeUndefined();
    expect(isWritten(text)).toBe(true);
  });

  it('a reference is at most four words', () => {
    expect(REFERENCE_MAX_WORDS).toBe(4);
    expect(placeholderOf('Se journal från maj')).toBe('Se journal från maj');
    expect(placeholderOf('Se journal från maj 2010')).toBeUndefined();
  });

  it('empty is missing but not a placeholder', () => {
    expect(placeholderOf('')).toBeUndefined();
    expect(placeholderOf('   ')).toBeUndefined();
    expect(placeholderOf(undefined)).toBeUndefined();
    expect(isWritten('')).toBe(false);
    expect(isWritten(undefined)).toBe(false);
  });

  it('the config adds placeholders, folded like the built-in ones', () => {
    expect(placeholderOf('Enligt överenskommelse med AF', ['enligt överenskommelse med af'])).toBe('Enligt överenskommelse med AF');
    expect(placeholderOf('Oklart', ['OKLART'])).toBe('Oklart');
    expect(placeholderOf('Oklart')).toBeUndefined();
  });

  it('folds case, diacritics and punctuation but keeps words apart', () => {
    expect(foldText('  Ej TILLFRÅGAD, se Journal! ')).toBe('ej tillfragad se journal');
  });
});

describe('normalised text and words', () => {
  it('compares goals that differ only in case, punctuation, spacing or composed letters', () => {
    expect(normalizeText('  Ta TRUCKKORT,  före mars! ')).toBe('ta truckkort före mars');
    expect(normalizeText('Ske\u0301 i Ha\u0308rnösand')).toBe(normalizeText('Ské i Härnösand'));
    expect(normalizeText('--')).toBe('');
  });
  it('splits a text into its words, none for an empty one', () => {
    expect(words(' Ta truckkort, B! ')).toEqual(['ta', 'truckkort', 'b']);
    expect(words(' - ')).toEqual([]);
  });
  it('a reference word opens a reference only at the start', () => {
    expect(placeholderOf('Hänvisas till journal')).toBe('Hänvisas till journal');
    expect(placeholderOf('Kurs, se journal')).toBeUndefined();
  });
});
