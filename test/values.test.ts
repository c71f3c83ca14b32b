import { describe, expect, it } from 'vitest';
import { parseMapping } from '../src/config/mapping.js';
import { UserError } from '../src/errors.js';
import { datePatternProblem, makeNormalize } from '../src/model/values.js';

describe('value normalisation', () => {
  // Made in each test, not once for the file: a mutation run must see each test make its own.
  const n: ReturnType<typeof makeNormalize> = (scope, field, value) => makeNormalize()(scope, field, value);

  it.each([
    ['2010-11-15', '2010-11-15'],
    ['20101115', '2010-11-15'],
    ['2010-11-15T10:30:00', '2010-11-15'],
    ['2010-11-15 10:30', '2010-11-15'],
    ['2010-11-15T23:30:00+01:00', '2010-11-15'],
    ['  2010-11-15 ', '2010-11-15'],
    // Not a date form the tool accepts without a mapping: passed on for validation to report.
    ['15.11.2010', '15.11.2010'],
    ['2010-02-30', '2010-02-30'],
  ])('date %j → %j', (raw, expected) => {
    expect(n('plans', 'validFrom', raw)).toBe(expected);
  });

  it.each([
    [['true', 'ja', 'Ja', 'J', 'j', 'yes', '1', 'x', 'X'], true],
    [['false', 'nej', 'NEJ', 'n', 'no', '0'], false],
  ])('booleans %j → %s', (raws, expected) => {
    for (const raw of raws) expect(n('followUps', 'goalsRevised', raw), raw).toBe(expected);
  });

  it('treats blank as missing and trims text', () => {
    expect(n('followUps', 'goalsRevised', '')).toBeUndefined();
    expect(n('plans', 'goal', '   ')).toBeUndefined();
    expect(n('plans', 'goal', '  Arbete ')).toBe('Arbete');
    expect(n('followUps', 'goalsRevised', 'kanske')).toBe('kanske');
  });

  it('matches enum values regardless of case, diacritics and separators', () => {
    expect(n('akt', 'supportReason', 'Arbetslöshet')).toBe('arbetsloshet');
    expect(n('akt', 'supportReason', 'Sociala/medicinska')).toBe('sociala-medicinska');
    expect(n('followUps', 'type', 'Ärendegenomgång')).toBe('arendegenomgang');
    expect(n('followUps', 'type', 'fika')).toBe('fika');
  });

  it('applies the mapping: coded values (case-insensitive, also JSON numbers), null, date patterns', () => {
    const m = makeNormalize({
      values: { supportReason: { '1': 'arbetsloshet', '9': null }, goalsRevised: { J: true, N: false } },
      dateFormats: ['dd.MM.yyyy', 'd/M yyyy'],
    });
    expect(m('akt', 'supportReason', '1')).toBe('arbetsloshet');
    expect(m('akt', 'supportReason', 1)).toBe('arbetsloshet');
    expect(m('akt', 'supportReason', '9')).toBeUndefined();
    expect(m('followUps', 'goalsRevised', 'j')).toBe(true);
    expect(m('plans', 'validTo', '31.05.2011')).toBe('2011-05-31');
    expect(m('plans', 'validTo', '5/3 2011')).toBe('2011-03-05');
    expect(m('plans', 'validTo', '30.02.2011')).toBe('30.02.2011');
  });

  it('reads a mapping key trimmed, and its lower-case form only where no key has that form', () => {
    const m = makeNormalize({ values: { goalsRevised: { ' J ': true, j: false, N: false }, supportReason: { A: 'arbetsloshet' } } });
    expect(m('followUps', 'goalsRevised', 'J')).toBe(true);
    expect(m('followUps', 'goalsRevised', 'j')).toBe(false);
    expect(m('followUps', 'goalsRevised', 'n')).toBe(false);
    expect(m('akt', 'supportReason', 'a')).toBe('arbetsloshet');
    expect(m('akt', 'supportReason', ' A ')).toBe('arbetsloshet');
    // Whichever comes first: a key written in lower case keeps its own value.
    const lowerFirst = makeNormalize({ values: { goalsRevised: { jo: false, JO: true, ne: true, ' Ne ': false, ' NU ': true } } });
    expect(lowerFirst('followUps', 'goalsRevised', 'jo')).toBe(false);
    expect(lowerFirst('followUps', 'goalsRevised', 'JO')).toBe(true);
    expect(lowerFirst('followUps', 'goalsRevised', 'ne')).toBe(true);
    expect(lowerFirst('followUps', 'goalsRevised', 'Ne')).toBe(false);
    expect(lowerFirst('followUps', 'goalsRevised', 'nu')).toBe(true);
  });

  it('applies a table to JSON numbers and booleans it names, and leaves other values to validation', () => {
    const m = makeNormalize({ values: { supportReason: { '1': 'arbetsloshet' }, goalsRevised: { true: false } } });
    expect(m('akt', 'supportReason', 1)).toBe('arbetsloshet');
    expect(m('akt', 'supportReason', 2)).toBe(2);
    expect(m('followUps', 'goalsRevised', true)).toBe(false);
    expect(m('followUps', 'goalsRevised', false)).toBe(false);
    expect(m('akt', 'supportReason', null)).toBeNull();
    expect(makeNormalize({ values: { supportReason: { null: 'ovrigt' } } })('akt', 'supportReason', null)).toBeNull();
    expect(m('akt', 'supportReason', { '1': 1 })).toEqual({ '1': 1 });
    expect(m('plans', 'goal', 1)).toBe(1);
    expect(makeNormalize()('akt', 'supportReason', 1)).toBe(1);
  });

  it('a value the table does not name is read as its field reads it', () => {
    const m = makeNormalize({ values: { supportReason: { '1': 'arbetsloshet' }, goalsRevised: { J: true }, validFrom: { okänt: null } } });
    expect(m('akt', 'supportReason', 'Arbetslöshet')).toBe('arbetsloshet');
    expect(m('followUps', 'goalsRevised', 'nej')).toBe(false);
    expect(m('plans', 'validFrom', '20110301')).toBe('2011-03-01');
    expect(m('plans', 'validFrom', 'Okänt')).toBeUndefined();
  });

  it('a table for one scope (scope.field) applies there only; one for the field name applies in every scope', () => {
    const m = makeNormalize({ values: { 'followUps.type': { T: 'trepartssamtal' }, 'placements.type': { P: 'praktik' } } });
    expect(m('followUps', 'type', 'T')).toBe('trepartssamtal');
    expect(m('placements', 'type', 'T')).toBe('T');
    expect(m('placements', 'type', 'P')).toBe('praktik');
    expect(m('followUps', 'type', 'P')).toBe('P');
    const both = makeNormalize({ values: { type: { X: 'annat' } } });
    expect(both('placements', 'type', 'x')).toBe('annat');
    expect(both('followUps', 'type', 'X')).toBe('annat');
  });

  it('a field or scope outside the model is only trimmed', () => {
    expect(n('akt', 'colour', '  Blå ')).toBe('Blå');
    expect(n('akt', 'colour', '')).toBeUndefined();
    expect(n('garden' as 'akt', 'goal', ' 20110301 ')).toBe('20110301');
    expect(n('plans', 'goal', '20110301')).toBe('20110301');
    expect(n('plans', 'goal', 'ja')).toBe('ja');
  });
});

describe('date patterns of a mapping', () => {
  it.each(['dd.MM.yyyy', 'MM/dd/yyyy', 'd/M yyyy', "dd 'Dag' MM yyyy", "yyyy-MM-dd'T'"])('%j reads dates', (pattern) => {
    expect(datePatternProblem(pattern)).toBeUndefined();
  });

  it('Moment tokens are named, with the pattern in date-fns tokens', () => {
    expect(datePatternProblem('DD.MM.YYYY')).toEqual({
      sv: '"DD.MM.YYYY" använder Moment-tecken (YYYY, DD); skriv det med date-fns-tecken: "dd.MM.yyyy"',
      en: '"DD.MM.YYYY" uses Moment-style tokens (YYYY, DD); write it in date-fns tokens: "dd.MM.yyyy"',
    });
    expect(datePatternProblem('YYYY-MM-dd')?.en).toBe('"YYYY-MM-dd" uses Moment-style tokens (YYYY, DD); write it in date-fns tokens: "yyyy-MM-dd"');
  });

  it('a pattern date-fns refuses is named with the first line of its reason', () => {
    expect(datePatternProblem('yyyy-MM-dd jj')).toEqual({
      sv: '"yyyy-MM-dd jj" är inget date-fns-mönster (Format string contains an unescaped latin alphabet character `j`); skriv det till exempel som "yyyy-MM-dd" eller "dd.MM.yyyy"',
      en: '"yyyy-MM-dd jj" is not a date-fns pattern (Format string contains an unescaped latin alphabet character `j`); write it as e.g. "yyyy-MM-dd" or "dd.MM.yyyy"',
    });
  });

  it.each(['dd.mm.yyyy', 'yyyy', 'MM-dd'])('%j does not give year, month and day', (pattern) => {
    expect(datePatternProblem(pattern)).toEqual({
      sv: `"${pattern}" ger inte år, månad och dag (yyyy, MM, dd; mm är minuter); skriv det till exempel som "yyyy-MM-dd" eller "dd.MM.yyyy"`,
      en: `"${pattern}" does not give year, month and day (yyyy, MM, dd; mm is minutes); write it as e.g. "yyyy-MM-dd" or "dd.MM.yyyy"`,
    });
  });
});

describe('mapping files are validated', () => {
  it.each([
    [{ colums: {} }, /unknown key "colums" \(did you mean columns\?\)/],
    [{ files: { 'x.csv': 'akter' } }, /files\.x\.csv/],
    [{ columns: { cases: { AKT: 'caseID' } } }, /"caseID" is not a column of cases \(did you mean caseId\?\)/],
    [{ columns: { kaffe: {} } }, /columns/],
    [{ values: { supportReasons: { '1': 'arbetsloshet' } } }, /no field "supportReasons" in format v1 \(did you mean supportReason\?\)/],
    [{ values: { supportReason: { '1': 'arbetslös' } } }, /values\.supportReason\.1: must be arbetsloshet, sociala-medicinska, ovrigt, or null/],
    [{ values: { goalsRevised: { J: 'ja' } } }, /must be true or false/],
    [{ values: { 'placements.type': { P: 'trepartssamtal' } } }, /must be praktik, arbetstraning, kompetenshojande, annat, or null/],
    [{ encoding: 'klingon' }, /unknown encoding/],
  ])('%j', (raw, message) => {
    expect(() => parseMapping(raw, 'm.json')).toThrow(UserError);
    expect(() => parseMapping(raw, 'm.json')).toThrow(message);
  });

  it('accepts the bundled mapping', async () => {
    const { loadMapping } = await import('../src/config/mapping.js');
    const m = await loadMapping('fixtures/mappings/stockholm-2011-mapped.json');
    expect(m.files?.['KLIENT.TXT']).toBe('cases');
  });
});
