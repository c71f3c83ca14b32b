import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPartialNumbers, findPersonalNumbers, luhnValid, maskPersonalNumbers, MASK } from '../src/privacy/personnummer.js';
import { firstLine, quote, shorten, withoutPersonalNumbers } from '../src/privacy/quote.js';
import { pseudonym } from '../src/privacy/pseudonym.js';
import { cli } from './helpers/cli.js';
import { organisationNumbers, peerNumbers, renderings, writePlanted } from './helpers/planted.js';
import { zipParts } from './helpers/zip.js';

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
    ['19750230-1234', '30 February: a typo of a real number, found', true],
    ['751301-1234', 'no month 13'],
    ['19811399-1234', 'no month 13, no day 99'],
    ['212000-0142', 'an organisation number (month place 20)'],
    ['19990391-1234', 'day 91 − 60 = 31 March is real, so this one is found … ', true],
    ['19990392-1234', 'day 92: no 32nd, even as a samordningsnummer'],
    ['17500101-1234', 'a twelve-digit number from before 1800'],
    ['123456789012345', 'a longer digit run'],
    ['1975010123845', 'thirteen digits'],
    ['2010-11-15', 'an ISO date'],
    ['750101 2384', 'a space is a separator (the peer list writes one so)', true],
    ['750101  2384', 'two spaces are one too (typed so)', true],
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

  const noDigits = fc.string().map((t) => t.replace(/\d/g, ''));
  it('blanks every one, and every mask already there, for a rule that reads the words of a text', () => {
    expect(withoutPersonalNumbers('Arbete 19850101-2389, 850101-238 och ÅÅMMDD-XXXX.')).toBe('Arbete  ,   och  .');
    expect(withoutPersonalNumbers('Arbeta 20 timmar, 556036-0793 och 2011-06-01')).toBe('Arbeta 20 timmar, 556036-0793 och 2011-06-01');
    fc.assert(
      fc.property(fc.constantFrom(...renderings()), noDigits, noDigits, (r, a, b) => {
        expect(withoutPersonalNumbers(`${a} ${r} ${b}`)).not.toMatch(/\d{6}/);
      }),
    );
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

describe('quote: the one way text from the export leaves the tool', () => {
  it('masks before it shortens, so a cut keeps no date and birth number', () => {
    const text = `${'Anteckning '.repeat(5)}${'x'.repeat(5)} se om 19811218-9876 och mer`;
    expect(quote(text, 80)).toBe(`${'Anteckning '.repeat(5)}${'x'.repeat(5)} se om ${MASK}…`);
    expect(quote(text, 80)).not.toMatch(/\d/);
  });

  it("takes an error's first line after masking, so a number broken over two lines leaves no date behind", () => {
    expect(firstLine('Unexpected value 811218-\n9876 in row 3\nat parse (x.js:1)')).toBe(`Unexpected value ${MASK} in row 3`);
    expect(firstLine('bad cell 19811218\n-9876')).toBe(`bad cell ${MASK}`);
    expect(firstLine('one line')).toBe('one line');
  });

  it('cuts on a word boundary and never ends in digits', () => {
    expect(shorten('ett två tre fyra', 10)).toBe('ett två…');
    expect(shorten(`x${'1'.repeat(30)}`, 20)).toBe('x…');
    // A digit run that is no personnummer, cut to twelve digits, would look like one.
    expect(shorten(`${'a'.repeat(60)}19811218987654321`, 74)).toBe(`${'a'.repeat(60)}…`);
  });

  it('skips only texts that cannot hold a number: the same as searching every text', () => {
    // The definition, without the shortcut: both searches over every text.
    const sep = String.raw`\s{0,3}[-+\u2010-\u2015\u2212\ufe63\uff0b\uff0d]?\s{0,3}`;
    const dated = (d: string) => maskPersonalNumbers(`${d}0000`) === MASK;
    const slow = (t: string) =>
      t
        .replace(new RegExp(String.raw`(?<!\d)(\d{6}|\d{8})(${sep})(\d{4})(?!\d)`, 'g'), (m, d: string) => (dated(d) ? MASK : m))
        .replace(new RegExp(String.raw`(?<!\d)(\d{6}|\d{8})(${sep})(\d{3})(?!\d)`, 'g'), (m, d: string) => (dated(d) ? MASK : m))
        .replace(/(?<!\d)\d{8,9}(?!\d)/g, (m) => (dated(m.padStart(10, '0').slice(0, 6)) && luhnValid(m.padStart(10, '0')) ? MASK : m));
    const piece = fc.oneof(
      fc.constantFrom('19811218', '811218', '20010515', '811278', '9876', '987', '98', '-', '+', ' ', '  ', '\u2013', '\u00a0', '\n', 'A-', '0', '1', 'x', '30115123', '301151236'),
      fc.stringMatching(/^\d{1,13}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const t = pieces.join('');
        expect(maskPersonalNumbers(t)).toBe(slow(t));
      }),
      { numRuns: 3000 },
    );
    expect(maskPersonalNumbers('A-0000001-P2')).toBe('A-0000001-P2');
    expect(maskPersonalNumbers('811218-987')).toBe(MASK);
    expect(maskPersonalNumbers('19811218+987')).toBe(MASK);
  });

  it('masks a number without its check digit, which Luhn gives back', () => {
    expect(maskPersonalNumbers('om 19811218-987 och 811218987')).toBe(`om ${MASK} och ${MASK}`);
    expect(findPartialNumbers('2010-11-15 och 212000-014')).toEqual([]);
  });

  it('folds line breaks, control characters and terminal escapes to one line, then masks what they hid', () => {
    expect(quote('a\nb\r\nc\td\u2028e')).toBe('a b c d e');
    expect(quote('\u001b[31mröd\u001b[0m \u001b]8;;http://x\u0007länk')).toBe(' röd   länk');
    expect(quote('19811218\n9876')).toBe(MASK);
    // Invisible format characters go: a bidi control, and a soft hyphen or zero-width space that hid a number.
    expect(quote('\u202eabc')).toBe('abc');
    expect(quote('8112\u00ad18-9876 och 811218\u200b-9876, 81\u206012189876')).toBe(`${MASK} och ${MASK}, ${MASK}`);
  });

  it('masks a number however people and word processors separate date and number', () => {
    for (const sep of ['', '-', '+', ' ', '  ', ' - ', '- ', ' -', '\u00a0', '\u202f', '\u2009', '\u2010', '\u2011', '\u2013', '\u2014', '\u2212', '\uff0d', '\n', '-\r\n', ' \r\n', '\t']) {
      for (const text of [`Ring 811218${sep}9876 i dag`, `19811218${sep}9876`, `811218${sep}987.`]) {
        expect(quote(text), JSON.stringify(text)).not.toMatch(/\d{3}/);
        expect(quote(text, 12), JSON.stringify(text)).not.toMatch(/\d{3}/);
      }
    }
    // Not these: no one writes a personnummer so, and dates and identifiers are written so.
    for (const text of ['811218.9876', '811218/9876', '81-12-18-9876', '2010-11-15 9876']) expect(quote(text)).toBe(text);
  });

  it('masks a number stored as a number, which lost its leading zeros (born 2000–2009), when its check digit is right', () => {
    // 030115-1239 (15 January 2003) stored as 301151239; 001015-1231 (15 October 2000) as 10151231.
    expect(luhnValid('0301151239') && luhnValid('0010151231')).toBe(true);
    expect(maskPersonalNumbers('caseId 301151239')).toBe(`caseId ${MASK}`);
    expect(maskPersonalNumbers('id 10151231.')).toBe(`id ${MASK}.`);
    expect(maskPersonalNumbers('10151231')).toBe(MASK);
    expect(findPartialNumbers('id 301151239 och 811218-987')).toEqual([
      { index: 17, length: 10 },
      { index: 3, length: 9 },
    ]);
    // The check digit wrong: an identifier of nine digits, kept.
    expect(maskPersonalNumbers('301151234 är ett annat nummer')).toBe('301151234 är ett annat nummer');
    // Eight or nine digits that are no such number: dates, identifiers.
    for (const t of ['20110601', '12345678', '100000123', '301301236']) expect(maskPersonalNumbers(`x ${t}`)).toBe(`x ${t}`);
  });

  it('masks numbers written in the digits of another script, showing those digits as 0–9', () => {
    const arabic = (t: string) => t.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const persian = (t: string) => t.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
    const wide = (t: string) => t.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    for (const f of [arabic, persian, wide]) {
      expect(maskPersonalNumbers(`Ring ${f('811218-9876')} nu ${f('3')}`)).toBe(`Ring ${MASK} nu 3`);
      // Zero, the first digit of each script, too.
      expect(maskPersonalNumbers(f('850101-2389'))).toBe(MASK);
      expect(maskPersonalNumbers(`Klockan ${f('3')} och ${f('1234567')} kronor`)).toBe(`Klockan ${f('3')} och ${f('1234567')} kronor`);
    }
  });

  it('leaves organisation numbers readable', () => {
    for (const o of organisationNumbers()) expect(quote(`org ${o}`)).toBe(`org ${o}`);
    expect(quote('212000-0142')).toBe('212000-0142');
  });

  it('finds and masks every number of the peer list, in every rendering', () => {
    for (const r of renderings()) {
      expect(findPersonalNumbers(`x ${r} y`), r).toHaveLength(1);
      expect(quote(`x ${r} y`), r).toBe(`x ${MASK} y`);
    }
    // Whatever the list calls valid, so do we (it also rejects serial 000 and a space, which we mask all the same).
    for (const e of peerNumbers().filter((x) => x.valid)) expect(findPersonalNumbers(e.separated_long)[0]?.valid, e.separated_long).toBe(true);
  });
});

describe('one gate: no text from the export can leave around it', () => {
  const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
  it('only src/privacy masks or shortens: everything else calls quote, shorten or showValue', () => {
    const offenders: string[] = [];
    for (const file of [...sources('src'), ...sources('rules')]) {
      if (file.startsWith(path.join('src', 'privacy'))) continue;
      const text = readFileSync(file, 'utf8');
      // A hand-made cut ("….slice(0, n)}…") or a direct call of the masker bypasses the gate.
      // So is a message's first line taken before masking: a number broken over two lines would leave its date (firstLine).
      if (/\.(slice|substring|substr)\(0,[^)]*\)\}?…/.test(text) || /\bmaskPersonalNumbers\b/.test(text) || /\.(map|forEach)\(quote\)/.test(text) || /\.split\('\\n'\)\[0\]/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});

const FIXTURE = 'fixtures/personal-data';
const AS_OF = ['--as-of', '2010-11-15'];
const KEY = { AKTGRANSKNING_PSEUDONYM_KEY: 'test-key-0123456789abcdef' };
// --evidence: the data formats then carry what each rule saw in the akter that pass (a goal, the word that made it individual).
const ALL_FORMATS = ['--format', 'terminal,markdown,html,csv,json,ndjson,xlsx,sarif,junit,github', '--evidence'];

/** Personnummer in an output, whole or without the check digit; SHA-256 digests of input files are hex and not personal data. */
function leaks(text: string, planted: readonly string[] = []): string[] {
  const clean = text.replace(/\b[0-9a-f]{64}\b/g, '');
  const shapes = [...findPersonalNumbers(clean), ...findPartialNumbers(clean)].map((p) => clean.slice(p.index, p.index + p.length));
  // Every planted rendering, and what a cut leaves of it (all but the check digit).
  const literal = planted.flatMap((r) => [r, r.slice(0, -1)]).filter((r) => clean.includes(r));
  // And its date part standing alone, which no mask recognises once the rest is gone (a word picked out of a text).
  const dates = planted.map(datePart).filter((d) => new RegExp(`(?<!\\d)${d}(?!\\d)`).test(clean));
  return [...shapes, ...literal, ...dates];
}

/** The birth date a rendering starts with: eight digits of a twelve-digit number, else six. */
function datePart(rendering: string): string {
  const digits = rendering.replace(/\D/g, '');
  return digits.slice(0, digits.length >= 12 ? 8 : 6);
}

interface Run {
  name: string;
  args: string[];
  env?: Record<string, string>;
  /** Files the run writes, scanned too. */
  files?: () => string[];
  /** What the run must exit with (default: below 2, i.e. it really reported). */
  code?: number;
  /** Outputs of the run that are working files (README, Personal data): not scanned. */
  working?: ('stdout' | 'stderr')[];
}

const outDir = () => mkdtempSync(path.join(tmpdir(), 'akt-leak-'));
const filesIn = (dir: string) => () => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));

/** A file's text; a workbook's is the text of its XML parts, where every cell's value is. */
async function textOf(file: string): Promise<string> {
  const bytes = readFileSync(file);
  if (!file.endsWith('.xlsx')) return bytes.toString('utf8');
  const parts = await zipParts(bytes);
  expect(parts.some(([name]) => name.startsWith('xl/worksheets/')), file).toBe(true);
  return parts.map(([, data]) => data.toString('utf8')).join('\n');
}

/** Runs each and returns what it printed and wrote, checking its exit code. */
async function scan(runs: readonly Run[], planted: readonly string[] = []): Promise<{ scanned: number; found: string[] }> {
  const found: string[] = [];
  let scanned = 0;
  for (const run of runs) {
    const r = cli(run.args, { env: run.env ?? KEY });
    if (run.code === undefined) expect(r.code, `${run.name}: ${r.stderr}`).toBeLessThan(2);
    else expect(r.code, `${run.name}: ${r.stderr}`).toBe(run.code);
    expect(r.stdout.length + r.stderr.length + (run.files?.().length ?? 0), run.name).toBeGreaterThan(0);
    const texts: [string, string][] = [];
    if (!run.working?.includes('stdout')) texts.push(['stdout', r.stdout]);
    if (!run.working?.includes('stderr')) texts.push(['stderr', r.stderr]);
    for (const f of run.files?.() ?? []) texts.push([f, await textOf(f)]);
    for (const [where, text] of texts) for (const leak of leaks(text, planted)) found.push(`${run.name} ${where}: ${leak}`);
    scanned++;
  }
  return { scanned, found };
}

describe('the leak test: no personnummer leaves the tool, in any command, format or mode', () => {
  it("init's summary quotes each value whole: a line break inside one does not split a number into two halves it keeps", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'akt-init-'));
    writeFileSync(path.join(dir, 'cases.csv'), 'caseId,district,supportReason\r\nI-1,Norrmalm,"Se 19850101\r\n1234"\r\nI-2,Norrmalm,"Ring 850102-\n1234"\r\n');
    const r = cli(['init', dir, '--output', '-']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('supportReason');
    expect(r.stderr).not.toMatch(/\d{4}/);
    expect(r.stderr.split('\n').filter((l) => l.includes(MASK))).toHaveLength(1);
  });

  it('over fixtures/personal-data: every command, format and mode', async () => {
    const runs: Run[] = [];
    for (const mode of [[], ['--public']]) {
      for (const lang of ['sv', 'en']) {
        const dir = outDir();
        runs.push({ name: `check ${mode.join('')} ${lang}`, args: ['check', FIXTURE, ...AS_OF, ...ALL_FORMATS, '--output-dir', dir, '--lang', lang, ...mode], files: filesIn(dir) });
      }
      for (const format of ['terminal', 'markdown', 'json']) runs.push({ name: `validate ${format} ${mode.join('')}`, args: ['validate', FIXTURE, ...AS_OF, '--format', format, ...mode] });
    }
    runs.push({ name: 'check to stdout', args: ['check', FIXTURE, ...AS_OF] });
    // init's proposal names the export's files and columns as written: a working file; its summary is not.
    runs.push({ name: 'init', args: ['init', `${FIXTURE}/csv`, '--output', '-'], working: ['stdout'] });
    runs.push({ name: 'rules on the export', args: ['rules', FIXTURE, '--format', 'json'] });
    runs.push({ name: 'a header without caseId', args: ['check', 'fixtures/personal-data-header', ...AS_OF], code: 2 });
    runs.push({ name: 'a bad flag value', args: ['check', FIXTURE, '--as-of', '19750101-2384'], code: 2 });
    runs.push({ name: 'a bad format name', args: ['check', FIXTURE, '--format', '19750101-2384'], code: 2 });
    runs.push({ name: 'a missing path', args: ['check', `${FIXTURE}/19750101-2384`], code: 2 });
    expect((await scan(runs)).found).toEqual([]);
  }, 300_000);

  it('a public report names no akt and quotes nothing', () => {
    const dir = outDir();
    cli(['check', FIXTURE, ...AS_OF, '--format', 'markdown,html,csv,json', '--output-dir', dir, '--public'], { env: KEY });
    for (const f of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      for (const id of ['PD-0002', 'PD-0003', 'PD-J1', 'Kontakt', 'Ring', 'Bli självförsörjande', 'akt-']) expect(text, `${f}: ${id}`).not.toContain(id);
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

describe('data nobody here wrote: the personnummer project’s test list, planted everywhere', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'akt-peer-'));
  const planted = writePlanted(dir);
  const P = planted.root;
  const H = planted.headerless;

  it('leaves the tool in no output of any command, format or mode, whole or in part', async () => {
    const runs: Run[] = [];
    const dirs: Record<string, string> = {};
    for (const mode of [[], ['--public']]) {
      for (const lang of ['sv', 'en']) {
        const d = (dirs[`${mode.join('')}${lang}`] = outDir());
        runs.push({ name: `check ${mode.join('')} ${lang}`, args: ['check', P, ...AS_OF, ...ALL_FORMATS, '--output-dir', d, '--lang', lang, ...mode], files: filesIn(d) });
      }
      for (const format of ['terminal', 'markdown', 'json']) runs.push({ name: `validate ${format} ${mode.join('')}`, args: ['validate', P, ...AS_OF, '--format', format, ...mode] });
      runs.push({ name: `compare ${mode.join('')}`, args: ['compare', P, P, '--before-as-of', '2010-11-15', '--after-as-of', '2011-11-15', '--format', 'markdown', ...mode] });
    }
    runs.push({ name: 'check csv --excel to stdout', args: ['check', P, ...AS_OF, '--format', 'csv', '--excel'] });
    runs.push({ name: 'compare json --public', args: ['compare', P, P, '--before-as-of', '2010-11-15', '--after-as-of', '2011-11-15', '--format', 'json', '--public'] });
    runs.push({ name: 'rules on the export', args: ['rules', P, '--format', 'json'] });
    runs.push({ name: 'init', args: ['init', P, '--output', '-'], working: ['stdout'] });
    const sampled = outDir();
    runs.push({ name: 'sample --output-dir', args: ['sample', P, ...AS_OF, '--seed', '1', '--size', '8', '--output-dir', sampled], files: () => ['urvalsprotokoll.md', 'urvalsprotokoll.json'].map((f) => path.join(sampled, f)) });
    runs.push({ name: 'sample json', args: ['sample', P, ...AS_OF, '--seed', '1', '--per-district', '1', '--format', 'json'] });
    const baseline = path.join(outDir(), 'baseline.json');
    const write = ['--write-baseline', baseline, '--baseline-reason', 'känd', '--baseline-expires', '2011-12-31'];
    runs.push({ name: 'check --write-baseline (keyed)', args: ['check', P, ...AS_OF, ...write, '--format', 'json'], files: () => [baseline] });
    runs.push({ name: 'check --baseline --public', args: ['check', P, ...AS_OF, '--baseline', baseline, '--public', '--format', 'markdown'] });
    for (const args of [['check', H, ...AS_OF], ['validate', H, ...AS_OF], ['init', H, '--output', '-']]) runs.push({ name: `headerless ${args[0]}`, args, code: args[0] === 'init' ? 0 : 2 });
    runs.push({ name: 'a bad flag value', args: ['check', P, '--as-of', planted.renderings[0]!], code: 2 });
    runs.push({ name: 'a bad format name', args: ['check', P, '--format', planted.renderings[2]!], code: 2 });
    runs.push({ name: 'a missing path', args: ['check', path.join(P, `${planted.renderings[3]!}x`)], code: 2 });

    const { scanned, found } = await scan(runs, planted.renderings);
    // The counts issue 14 asks for: numbers planted, renderings, akter, runs scanned, leaks found.
    expect({ numbers: peerNumbers().length, renderings: planted.renderings.length, akter: planted.akter, runs: scanned }).toEqual({ numbers: 14, renderings: 54, akter: 217, runs: 26 });
    expect(found).toEqual([]);

    // Public reports name no file, directory, unknown column or akt; every akt has a pseudonym of its own.
    for (const lang of ['sv', 'en']) {
      // SARIF names its own schema by URL (…/sarif-schema-2.1.0.json): that is no file of the export.
      for (const f of filesIn(dirs[`--public${lang}`]!)()) expect((await textOf(f)).replace(/"\$schema": "[^"]*"/, ''), f).not.toMatch(/Anna|Bengtsson|\.json|\.ndjson|cases\.csv/);
    }
    const json = JSON.parse(readFileSync(path.join(dirs['--publicsv']!, 'aktgranskning.json'), 'utf8')) as { cases: { caseId: string }[]; input: { casesChecked: number; files: { file: string }[] } };
    expect(json.input.casesChecked).toBe(planted.akter);
    expect(new Set(json.cases.map((c) => c.caseId)).size).toBe(planted.akter);
    expect(json.input.files.every((f) => /^fil \d+$/.test(f.file))).toBe(true);
    // The working files carry what they must: the sampled export its rows as written.
    expect(readdirSync(path.join(sampled, 'export'), { recursive: true }).length).toBeGreaterThan(0);
    expect(readFileSync(baseline, 'utf8')).toContain('"privacy": "pseudonymised"');
  }, 600_000);
});
