import { describe, expect, it } from 'vitest';
import { parseMapping } from '../src/config/mapping.js';
import { UserError } from '../src/errors.js';
import { makeNormalize } from '../src/model/values.js';

describe('value normalisation', () => {
  const n = makeNormalize();

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
