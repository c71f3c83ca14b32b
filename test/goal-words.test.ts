import { beforeEach, describe, expect, it } from 'vitest';
import { ANCHOR_PARTS, ANCHOR_PHRASES, ANCHOR_WORDS, COMMON_NAMES, GENERIC_WORDS, goalMatcher, JUDGED_GOALS, QUANTITY_WORDS } from '../src/engine/goal-text.js';

/**
 * Every word of the goal vocabulary does what its list says, one goal per word: the mutation run leaves
 * these module-level lists out (static mutants), so this is where a dropped or emptied word fails.
 */
// A matcher per test: it remembers judgements, and a mutation run must see each test judge its goals.
let m = goalMatcher();
beforeEach(() => {
  m = goalMatcher();
});
const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

describe('the goal vocabulary', () => {
  it.each(GENERIC_WORDS)('general word %s makes no goal individual', (w) => {
    expect(m.judge(`Bli ${w}`)).toEqual({ individual: false, generic: [w] });
  });
  // In a compound, as most are written ("arbetare" alone is the general "arbete").
  it.each(ANCHOR_PARTS)('anchor part %s anchors a goal', (p) => {
    expect(m.judge(`Bli skogs${p}`)).toMatchObject({ individual: true, anchor: `skogs${p}`, kind: 'occupation-or-field' });
  });
  it.each(ANCHOR_WORDS)('anchor word %s anchors a goal as a whole word only', (w) => {
    expect(m.judge(`Klara ${w}`)).toMatchObject({ individual: true, anchor: w, kind: 'occupation-or-field' });
    expect(m.judge(`Klara ${w}q`).anchor).not.toBe(`${w}q`);
  });
  it.each(ANCHOR_PHRASES)('phrase %s anchors a goal', (p) => {
    expect(m.judge(`Klara ${p}`)).toMatchObject({ individual: true, anchor: p, kind: 'occupation-or-field' });
  });
  it.each(QUANTITY_WORDS)('quantity or time %s anchors a goal', (q) => {
    expect(m.judge(`Klara ${q}`)).toMatchObject({ individual: true, anchor: q, kind: 'quantity-or-date' });
  });
  it.each(COMMON_NAMES)('common name %s is no name anchor, though any other name is', (n) => {
    expect(n).toMatch(/^\p{L}+$/u);
    expect(m.judge(`Kontakt med ${capital(n)}`).kind).not.toBe('name');
    expect(goalMatcher({ commonNames: [] }).judge(`Kontakt med ${capital(n)}`).individual).toBe(true);
  });
});

describe('how a goal is read', () => {
  it('the first anchor counts; general words are collected all through, as written, in order', () => {
    expect(m.judge('Bli undersköterska i juni och få Arbete')).toEqual({ individual: true, anchor: 'undersköterska', kind: 'occupation-or-field', generic: ['Arbete'] });
    expect(m.judge('Arbete, försörjning.')).toEqual({ individual: false, generic: ['Arbete', 'försörjning'] });
  });
  it('an education named by its field anchors; bare or barely prefixed it does not', () => {
    expect(m.judge('Gå kockutbildningen').anchor).toBe('kockutbildningen');
    expect(m.judge('Gå abcutbildningar').anchor).toBe('abcutbildningar');
    expect(m.judge('Gå abcutbildning').anchor).toBe('abcutbildning');
    expect(m.judge('Gå abutbildning').individual).toBe(false);
    expect(m.judge('Gå abcutbildningsdag').individual).toBe(false);
  });
  it('a name: an acronym even at a sentence start, a capitalised word elsewhere', () => {
    expect(m.judge('ICA').kind).toBe('name');
    expect(m.judge('Praktik på Samhall').anchor).toBe('Samhall');
    expect(m.judge('Praktik. Samhall').individual).toBe(false);
    expect(m.judge('I praktik').individual).toBe(false);
    expect(m.judge('KY').kind).toBe('name');
    expect(m.judge('Sälja på eBay').individual).toBe(false);
    expect(m.judge('Praktik på I').kind).toBe('name');
  });
  it('"som X" names an occupation only after a word for working', () => {
    // (florist, seven letters ending in -ist, is an occupation by its ending wherever it stands)
    expect(m.judge('Jobba som clown')).toMatchObject({ anchor: 'clown', kind: 'occupation-or-field' });
    expect(m.judge('Som clown').individual).toBe(false);
    expect(m.judge('Vara som clown').individual).toBe(false);
  });
  it('"som X": a word that ends like a verb opens a clause; the ending counts at the end of the word only', () => {
    // "-ar" inside "barnflicka" is no verb ending; "-ns" after "-iker" is one ("-iker" itself ends occupations).
    expect(m.judge('Bli barnflicka').individual).toBe(false);
    expect(m.judge('Få jobb som barnflicka')).toMatchObject({ anchor: 'barnflicka', kind: 'occupation-or-field' });
    expect(m.judge('Få jobb som mekanikerns')).toEqual({ individual: false, generic: ['jobb'] });
    expect(m.judge('Få jobb som mekaniker')).toMatchObject({ anchor: 'mekaniker', kind: 'occupation-or-field' });
  });
  it('an occupation by its ending has at least 6 letters: "gör" ends in -ör and is a verb', () => {
    expect(m.judge('Hon gör framsteg')).toEqual({ individual: false, generic: [] });
    expect(m.judge('Bli montör')).toMatchObject({ anchor: 'montör', kind: 'occupation-or-field' });
  });
  it('digits anchor, unless a run of six or more digits stands in the goal (what is left of a number no mask knows)', () => {
    expect(m.judge('Arbeta 20 timmar')).toMatchObject({ anchor: '20', kind: 'quantity-or-date' });
    expect(m.judge('Arbeta 20 timmar, se 850101.2389').anchor).toBe('timmar');
    expect(m.judge('Arbete 850101.2389')).toEqual({ individual: false, generic: ['Arbete'] });
    expect(m.judge('Arbete 12345 och 1')).toMatchObject({ anchor: '12345' });
  });
  it('a phrase matches whole words only', () => {
    expect(m.judge('Arbeta med barn').anchor).toBe('med barn');
    expect(m.judge('Arbeta med barnen').individual).toBe(false);
    expect(m.judge('Bli undersköterska och arbeta med barn').anchor).toBe('undersköterska');
  });
});

describe('a goal text is judged once per matcher', () => {
  it('shares one frozen judgement between akter with the same text', () => {
    const j = goalMatcher().judge('Arbete, försörjning.');
    const matcher = goalMatcher();
    const first = matcher.judge('Arbete, försörjning.');
    expect(matcher.judge('Arbete, försörjning.')).toBe(first);
    expect(first).toEqual(j);
    expect(Object.isFrozen(first) && Object.isFrozen(first.generic)).toBe(true);
    expect(() => (first.generic as string[]).push('x')).toThrow(TypeError);
  });

  it('gives every text its own judgement, also past the number of texts remembered', () => {
    const matcher = goalMatcher();
    // Generic and anchored goals taking turns, asked twice over: a judgement given for another text shows.
    const goals = Array.from({ length: JUDGED_GOALS * 2 + 3 }, (_, i) => (i % 2 === 0 ? `Arbete ${'och arbete '.repeat(i % 5)}`.trim() : `Bli kock nr ${i}`));
    for (let round = 0; round < 2; round++) {
      goals.forEach((g, i) => {
        const j = matcher.judge(g);
        if (i % 2 === 0) expect(j, g).toEqual({ individual: false, generic: g.split(' ').filter((w) => w === 'Arbete' || w === 'arbete') });
        else expect(j, g).toEqual({ individual: true, anchor: 'kock', kind: 'occupation-or-field', generic: [] });
      });
    }
  });

  it('keeps its own word lists: another matcher judges the same text by its own', () => {
    const text = 'Kontakt med Arbetsförmedlingen';
    expect(goalMatcher().judge(text).individual).toBe(false);
    expect(goalMatcher({ commonNames: [] }).judge(text)).toMatchObject({ individual: true, anchor: 'Arbetsförmedlingen', kind: 'name' });
  });
});
