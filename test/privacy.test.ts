import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPersonalNumbers, luhnValid, maskPersonalNumbers, MASK } from '../src/privacy/personnummer.js';
import { pseudonym } from '../src/privacy/pseudonym.js';
import { cli } from './helpers/cli.js';

describe('finding personnummer and samordningsnummer', () => {
  it.each([
    ['19750101-2384', 'personnummer', true],
    ['750101-2384', 'personnummer', true],
    ['7501012384', 'personnummer', true],
    ['197501012384', 'personnummer', true],
    ['750101+2384', 'personnummer', true],
    ['19990361-3314', 'samordningsnummer', true],
    ['990361-3314', 'samordningsnummer', true],
    ['19750101-2385', 'personnummer', false],
    ['19450707-1210', 'personnummer', false],
    ['20000229-1234', 'personnummer', false],
  ])('%s is a %s (check digit right: %s)', (text, kind, valid) => {
    expect(findPersonalNumbers(`x ${text} y`)).toEqual([{ index: 2, length: text.length, kind, valid }]);
  });

  it.each([
    ['19750230-1234', 'no 30 February'],
    ['751301-1234', 'no month 13'],
    ['19990391-1234', 'day 91 − 60 = 31 March is real, so this one is found … ', true],
    ['19990392-1234', 'no 32 March, even as a samordningsnummer'],
    ['17500101-1234', 'a twelve-digit number from before 1800'],
    ['123456789012345', 'a longer digit run'],
    ['1975010123845', 'thirteen digits'],
    ['2010-11-15', 'an ISO date'],
    ['750101 2384', 'a space is not a separator'],
  ])('%s: %s', (text, _why, found = false) => {
    expect(findPersonalNumbers(text).length > 0).toBe(found);
  });

  it('checks the Luhn digit over the ten-digit form', () => {
    expect(luhnValid('7501012384')).toBe(true);
    expect(luhnValid('7501012385')).toBe(false);
  });

  it('masks every one, valid or not, inside free text, keeping nothing of it', () => {
    expect(maskPersonalNumbers('Möte med 20010515-9982 och 19450707-1210.')).toBe(`Möte med ${MASK} och ${MASK}.`);
    expect(maskPersonalNumbers('Ring 7501012384 eller 1234567890123.')).toBe(`Ring ${MASK} eller 1234567890123.`);
  });
});

describe('pseudonyms', () => {
  it('are keyed, stable and hold no digits', () => {
    const key = Buffer.from('a secret of at least sixteen bytes');
    expect(pseudonym(key, 'HL-0001')).toBe(pseudonym(key, 'HL-0001'));
    expect(pseudonym(key, 'HL-0001')).not.toBe(pseudonym(key, 'HL-0002'));
    expect(pseudonym(Buffer.from('another secret, just as long'), 'HL-0001')).not.toBe(pseudonym(key, 'HL-0001'));
    expect(pseudonym(key, 'HL-0001')).toMatch(/^AKT-[B-T]{8}-[B-T]{8}$/);
  });
});

const FIXTURE = 'fixtures/personal-data';
const AS_OF = ['--as-of', '2010-11-15'];
const KEY = { AKTGRANSKNING_PSEUDONYM_KEY: 'test-key-0123456789abcdef' };

/** Personnummer in an output; SHA-256 digests of input files are hex and not personal data. */
function leaks(text: string): string[] {
  const clean = text.replace(/\b[0-9a-f]{64}\b/g, '');
  return findPersonalNumbers(clean).map((p) => clean.slice(p.index, p.index + p.length));
}

describe('the leak test: no personnummer leaves the tool, in any command, format or mode', () => {
  const runs: [string, string[]][] = [];
  for (const format of ['terminal', 'markdown', 'html', 'csv', 'json']) {
    for (const mode of [[], ['--public']]) {
      for (const lang of ['sv', 'en']) runs.push([`check ${format} ${mode.join(' ')} ${lang}`, ['check', FIXTURE, ...AS_OF, '--format', format, '--lang', lang, ...mode]]);
    }
  }
  for (const format of ['terminal', 'markdown', 'json']) {
    for (const mode of [[], ['--public']]) runs.push([`validate ${format} ${mode.join(' ')}`, ['validate', FIXTURE, ...AS_OF, '--format', format, ...mode]]);
  }
  runs.push(['init', ['init', `${FIXTURE}/csv`, '--output', '-']]);
  runs.push(['rules on the export', ['rules', FIXTURE, '--format', 'json']]);
  runs.push(['a header without caseId', ['check', 'fixtures/personal-data-header', ...AS_OF]]);
  runs.push(['a bad flag value', ['check', FIXTURE, '--as-of', '19750101-2384']]);
  runs.push(['a bad format name', ['check', FIXTURE, '--format', '19750101-2384']]);
  runs.push(['a missing path', ['check', `${FIXTURE}/19750101-2384`]]);

  it.each(runs)('%s', (name, args) => {
    const r = cli(args, { env: KEY });
    // The report runs must really report (exit 0 or 1), or they test nothing.
    if (/^(check|validate|init|rules)/.test(name) && !/bad|missing|header/.test(name)) expect(r.code, r.stderr).toBeLessThan(2);
    expect(r.stdout.length + r.stderr.length).toBeGreaterThan(0);
    expect(leaks(r.stdout)).toEqual([]);
    expect(leaks(r.stderr)).toEqual([]);
  });

  it('nor in files written with --output-dir, and a public report names no akt and quotes nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'akt-leak-'));
    cli(['check', FIXTURE, ...AS_OF, '--format', 'markdown,html,csv,json', '--output-dir', dir, '--public'], { env: KEY });
    for (const f of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      expect(leaks(text), f).toEqual([]);
      for (const id of ['PD-0002', 'PD-0003', 'PD-J1', 'Kontakt', 'Ring', 'Bli självförsörjande']) expect(text, `${f}: ${id}`).not.toContain(id);
    }
    const json = JSON.parse(readFileSync(path.join(dir, 'aktgranskning.json'), 'utf8')) as {
      privacy: unknown;
      cases: { caseId: string; origin?: unknown }[];
      districts: { rules: { examples?: { caseId: string }[] }[] }[];
    };
    expect(json.privacy).toEqual({ mode: 'public', pseudonymKey: 'secret' });
    expect(json.cases.every((c) => /^AKT-/.test(c.caseId) && c.origin === undefined)).toBe(true);
    const examples = json.districts.flatMap((d) => d.rules.flatMap((r) => r.examples ?? []));
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.every((e) => /^AKT-/.test(e.caseId))).toBe(true);
  });

  it('the same secret gives the same pseudonyms; without one, the report says the key was for this run only', () => {
    const ids = (env: Record<string, string>) => (JSON.parse(cli(['check', FIXTURE, ...AS_OF, '--format', 'json', '--public'], { env }).stdout) as { cases: { caseId: string }[] }).cases.map((c) => c.caseId);
    expect(ids(KEY)).toEqual(ids(KEY));
    const perRun = cli(['check', FIXTURE, ...AS_OF, '--format', 'markdown', '--public'], { env: { AKTGRANSKNING_PSEUDONYM_KEY: '' } }).stdout;
    expect(perRun).toContain('slumpades för denna körning');
  });
});
