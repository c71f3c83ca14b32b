import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Grow, JsonPacker, type PackedJson } from '../src/load/json-pack.js';
import { cutLines } from '../src/load/ndjson-bytes.js';
import { LinePacker } from '../src/load/json-scan.js';
import { Dictionary, hashOf, utf8HashOf } from '../src/load/json-dict.js';
import { hashOf as bytesHashOf } from '../src/load/csv-dict.js';

/** Lines the scan must give back (JSON.parse decides), or must pack exactly as JSON.parse's value packs. */
const TRICKY = [
  '{"n":-0,"s":"-0","z":0,"big":1e308,"tiny":5e-324,"neg":-12.5,"str":"12.5","e":1E+2,"f":-1.5e-3,"long":123456789012345678901}',
  '{"a":null,"b":[null,[],[[]],{}],"c":""}',
  '{"text":"a\\u001fb\\u001f","\\u001f":"\\u001f"}',
  '{"__proto__":{"x":1},"constructor":"c","toString":"t"}',
  '{"å":"Försörjningsstöd ä ö","emoji":"😀 \\ud83d\\ude00","lone":"\\ud800","raw":"\ud800"}',
  '{"2":"b","1":"a","x":"c"}',
  '{"a":1,"b":2,"a":3}',
  '{"a":{"a":{"a":1}},"b":{"a":2},"a":4}',
  '{"":"empty key","x":{"":""}}',
  ' \t{ "a" : [ 1 , 2 ] , "b" : { } } \r',
  '"top"',
  '17',
  '-',
  '01',
  '1.',
  '.5',
  '1e',
  '+1',
  'true',
  'tru',
  'nul',
  'null x',
  '[1,]',
  '{"a":1,}',
  '{"a" 1}',
  '{a:1}',
  '{"a":"tab\there"}',
  '{"a":"open',
  '[',
  '',
  '   ',
  '\u00a0',
  '\ufeff{}',
  '[["a",["a",["a"]]],{"a":{"a":"a"}}]',
  `${'['.repeat(40)}${']'.repeat(40)}`,
  `${'{"a":'.repeat(70)}1${'}'.repeat(70)}`,
];

function parses(line: string): unknown {
  try {
    return { value: JSON.parse(line) as unknown };
  } catch {
    return undefined;
  }
}

/** Packs the lines both ways in batches ending after the given counts: from JSON.parse's values, and by LinePacker (falling back to JSON.parse). */
function bothWays(lines: string[], cuts: number[], limit: number, trial: number): { parsed: PackedJson[]; scanned: PackedJson[]; taken: number } {
  const plain = new JsonPacker(limit, trial);
  const scan = new LinePacker(limit, trial);
  const ends = new Set(cuts.map((c) => c % (lines.length + 1)));
  // The same lines scanned where they stand in one text, as the NDJSON thread scans a chunk's (a line feed is no line's).
  const inPlace = new LinePacker(limit, trial);
  const text = lines.join('\n');
  const cut = !lines.some((l) => l.includes('\n'));
  let at = 0;
  const parsed: PackedJson[] = [];
  const scanned: PackedJson[] = [];
  let taken = 0;
  lines.forEach((line, i) => {
    const p = parses(line) as { value: unknown } | undefined;
    const ok = scan.addLine(i + 1, line, line.length + 1);
    if (ok) {
      // Never a line JSON.parse refuses.
      expect(p).toBeDefined();
      taken++;
    } else if (p) scan.add(i + 1, p.value, line.length + 1);
    if (cut) {
      expect(inPlace.addLine(i + 1, text, line.length + 1, at, at + line.length)).toBe(ok);
      if (!ok && p) inPlace.add(i + 1, p.value, line.length + 1);
    }
    at += line.length + 1;
    if (p) plain.add(i + 1, p.value, line.length + 1);
    if (ends.has(i + 1)) {
      parsed.push(plain.take());
      scanned.push(scan.take());
      if (cut) expect(inPlace.take()).toEqual(scanned.at(-1));
    }
  });
  parsed.push(plain.take());
  scanned.push(scan.take());
  if (cut) expect(inPlace.take()).toEqual(scanned.at(-1));
  return { parsed, scanned, taken };
}

/**
 * The lines as the NDJSON thread scans a UTF-8 file: the bytes of their text end to end, each line
 * scanned where it stands (a line feed after it, a 0 after the last), against JsonPacker's packing
 * of what JSON.parse gives for the text those bytes decode to (a lone surrogate becomes U+FFFD, as
 * utf8Chunks makes it). Lines given back are parsed and added from their values (the dictionaries'
 * string side), so a value met both ways must get one code.
 */
function bytesWay(lines: string[], cuts: number[], limit: number, trial: number): { parsed: PackedJson[]; scanned: PackedJson[]; taken: number } {
  const texts = lines.map((l) => Buffer.from(l).toString());
  const plain = new JsonPacker(limit, trial);
  const scan = new LinePacker(limit, trial, true);
  const bytes = Buffer.from(`${texts.join('\n')}\0`);
  const ends = new Set(cuts.map((c) => c % (lines.length + 1)));
  const parsed: PackedJson[] = [];
  const scanned: PackedJson[] = [];
  let taken = 0;
  let at = 0;
  texts.forEach((line, i) => {
    const p = parses(line) as { value: unknown } | undefined;
    const n = Buffer.byteLength(line);
    const ok = scan.addBytes(i + 1, bytes, at, at + n);
    at += n + 1;
    if (ok) {
      expect(p).toBeDefined();
      taken++;
    } else if (p) scan.add(i + 1, p.value, line.length + 1);
    if (p) plain.add(i + 1, p.value, line.length + 1);
    if (ends.has(i + 1)) {
      parsed.push(plain.take());
      scanned.push(scan.take());
    }
  });
  parsed.push(plain.take());
  scanned.push(scan.take());
  return { parsed, scanned, taken };
}

/** JSON.stringify's line with every character beyond ASCII written as an escape (JSON.parse reads the same value). */
function escaped(v: unknown): string {
  return JSON.stringify(v).replace(/[^ -~\t\n\r]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const pad = (n: number): string => String(n).padStart(2, '0');
/**
 * Dates and near-dates (found by their day once their key's dictionary holds a date): few enough
 * that they repeat in a run, from the edges of the days a dictionary files (years 1900–2099,
 * months 01–12, days 01–31) and just past them, and strings that only start like a date.
 */
const dateLike = fc.oneof(
  fc.tuple(fc.constantFrom(1899, 1900, 2010, 2099, 2100), fc.constantFrom(0, 1, 12, 13), fc.constantFrom(0, 1, 31, 32)).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  fc.constantFrom('2010-01-01x', '2010-01-0', '2010-1-011', '2010/01/01', '2010-01-01"', '0000-01-01', '2010-01-01\\'),
);

describe('NDJSON lines packed from their text', () => {
  it("pack exactly what JSON.parse's values pack, batch by batch, whatever the dictionaries' limits; a line JSON.parse refuses is given back", () => {
    const key = fc.oneof(fc.constantFrom('caseId', 'plans', 'goal', '__proto__', '\u001f', '1', '', 'a"b', 'a\\b'), fc.string({ maxLength: 4 }));
    const text = fc.oneof(fc.constantFrom('', 'a', '\u001f', 'å', '2010-01-01', ' 12 ', 'lång text '.repeat(3), '\n', '"', '\ud800', '\ufffd', '😀', 'Mål 😀 ändrat', '\u2028'), fc.string({ maxLength: 6, unit: 'grapheme' }), dateLike);
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    }));
    // JSON.stringify's lines, with white space put in and characters cut out or put in here and there.
    const spaced = fc.tuple(value, fc.nat(), fc.constantFrom(' ', '\t', '\r', ' \t ')).map(([v, seed, ws]) => JSON.stringify(v).replace(/[,:[\]{}]/g, (c, at: number) => ((at + seed) % 3 === 0 ? `${ws}${c}${ws}` : c)));
    const broken = fc.tuple(value, fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', '"', ',', '}', ']', '\\', '0', '-', ' ', 'e', '.', ':')).map(([v, at, cut, put]) => {
      const s = JSON.stringify(v);
      const i = at % (s.length + 1);
      return s.slice(0, i) + put + s.slice(i + cut);
    });
    const line = fc.oneof(value.map((v) => JSON.stringify(v)), value.map(escaped), spaced, broken, fc.constantFrom(...TRICKY));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 5 }), fc.constantFrom([2, 4], [1 << 16, 32_768], [0, 0], [3, 1]), (lines, cuts, [limit, trial]) => {
        const { parsed, scanned } = bothWays(lines, cuts, limit!, trial!);
        expect(scanned).toEqual(parsed);
        // The same from the lines' UTF-8 bytes.
        const bytes = bytesWay(lines, cuts, limit!, trial!);
        expect(bytes.scanned).toEqual(bytes.parsed);
      }),
      { numRuns: 500 },
    );
  });

  it('packs a plain akt from its text, and gives back a line it cannot be sure of', () => {
    const akt = '{"caseId":"A-1","district":"Rinkeby-Kista","plans":[{"planId":"A-1-P1","validFrom":"2009-09-02","subGoals":[{"text":"Truckkort klart","due":""}]}],"followUps":[{"date":"2009-10-15","goalsRevised":false,"n":-0.5}]}';
    const { parsed, scanned, taken } = bothWays([akt, akt.replace('A-1', 'A-2')], [], 1 << 16, 32_768);
    expect(taken).toBe(2);
    expect(scanned).toEqual(parsed);
    for (const line of TRICKY.slice(2, 9)) expect(new LinePacker().addLine(1, line, 1)).toBe(line.startsWith('{"__proto__"') || line.startsWith('{"":'));
    // Given back untouched: the same dictionaries and batch as if the line had never been seen.
    const packer = new LinePacker();
    expect(packer.addLine(1, '{"goal":"Egen","caseId":"A-1"}', 31)).toBe(true);
    expect(packer.addLine(2, '{"goal":"Ny","district":"Ny","x":"a\\nb"}', 40)).toBe(false);
    expect(packer.addLine(3, '{"goal":"Ny","district":"Ny"}', 30)).toBe(true);
    const reference = new JsonPacker();
    reference.add(1, { goal: 'Egen', caseId: 'A-1' }, 31);
    reference.add(3, { goal: 'Ny', district: 'Ny' }, 30);
    expect(packer.take()).toEqual(reference.take());
    // Nor do its values count towards showing a key an identifier (with a trial of one value, `id` is one: a value per akt).
    const lines = ['{"id":"a"}', `{"id":[${'"b",'.repeat(7)}]}`, '{"id":"a"}'];
    const { parsed: one, scanned: other } = bothWays(lines, [2], 1 << 16, 1);
    expect(other).toEqual(one);
    expect(Array.from(one[1]!.ops)).toContain(-1);
  });

  it('packs from UTF-8 bytes what JSON.parse packs: characters of two, three and four bytes, escapes of them given back, U+FFFD apart from a lone surrogate', () => {
    const lines = [
      '{"goal":"Själv😀","d":"2010-01-01","x":"\ufffd"}',
      '{"goal":"Sj\\u00e4lv\\ud83d\\ude00","d":"2010-01-01","x":"\\ud800"}',
      '{"goal":"Själv😀","d":"2010-01-01","x":"\ufffd","y":"€"}',
      '{"x":"\\ufffd","y":"\\u20ac","goal":"Själv😀"}',
      '{"goal":"Själv😀","x":"\\ud800","å":["ä","ö"]}',
      '{"goal":"Själv😀","x":"\ufffd","å":["ä","ö"]}',
    ];
    const { parsed, scanned, taken } = bytesWay(lines, [3], 1 << 16, 32_768);
    expect(taken).toBe(3);
    expect(scanned).toEqual(parsed);
    // A line's characters, counted from its bytes: code units, as the text path counts them.
    expect(scanned.map((b) => b.chars)).toEqual(parsed.map((b) => b.chars));
  });

  it('scans a line ended by CRLF or a lone CR as one ended by LF, and gives back one whose value runs on past its break', () => {
    const lines = ['{"goal":"Själv","d":"2010-01-01","n":[1,2.5]}  ', '', '  ', '{"goal":"Själv","d":"2010-01-02"}\t', '{"a":1,', '"b":2}', '[1', ',2]', '{"goal":"Ny"}'];
    for (const breaks of [['\r\n'], ['\r'], ['\n', '\r\n', '\r']]) {
      const bytes = Buffer.from(`${lines.map((l, i) => l + breaks[i % breaks.length]!).join('')}\0`);
      const cuts = new Grow(new Int32Array(4));
      cutLines(bytes, 0, bytes.length - 1, cuts);
      expect(cuts.length).toBe(2 * lines.length);
      const scan = new LinePacker(1 << 16, 32_768, true);
      const plain = new JsonPacker(1 << 16, 32_768);
      const taken: number[] = [];
      lines.forEach((line, i) => {
        const at = cuts.data[2 * i]!;
        const stop = cuts.data[2 * i + 1]!;
        expect(bytes.toString('utf8', at, stop)).toBe(line);
        const p = parses(line) as { value: unknown } | undefined;
        if (scan.addBytes(i + 1, bytes, at, stop)) taken.push(i + 1);
        else if (p) scan.add(i + 1, p.value, line.length + 1);
        if (p) plain.add(i + 1, p.value, line.length + 1);
      });
      // Whatever the break: the valid lines scanned (not parsed again), the broken and blank given back.
      expect(taken).toEqual([1, 4, 9]);
      expect(scan.take()).toEqual(plain.take());
    }
  });

  it('files a string of a UTF-8 dictionary under the hash of its bytes; a lone surrogate never under bytes a file can hold', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.string({ maxLength: 5, unit: 'grapheme' }), fc.string({ maxLength: 3, unit: 'binary' }), fc.constantFrom('\ud800', '\ufffd', 'a\udc00b', '😀')), { maxLength: 60 }), fc.nat({ max: 60 }), (words, back) => {
        const d = new Dictionary(true);
        words.forEach((w, i) => expect(d.add(w, d.hash(w))).toBe(i));
        const kept = Math.max(0, words.length - back);
        for (let i = words.length; i > kept; i--) d.removeLast();
        words.forEach((w, i) => {
          expect(d.get(w)).toBe(i < kept ? i : -1);
          const wellFormed = Buffer.from(w).toString() === w;
          const bytes = Buffer.from(`x"${w}"y`);
          const n = Buffer.byteLength(w);
          if (wellFormed) expect(utf8HashOf(w)).toBe(bytesHashOf(bytes, 2, 2 + n));
          // The bytes of the file find the string they decode to, never a lone surrogate's.
          const decoded = Buffer.from(w).toString();
          const code = words.indexOf(decoded);
          expect(d.find(bytes, 2, 2 + n, bytesHashOf(bytes, 2, 2 + n))).toBe(code >= 0 && code < kept ? code : -1);
          if (i < kept) {
            expect(d.extra[i]).toBe(wellFormed ? n - w.length : d.extra[i]);
            const plain = [...w].every((c) => c !== '"' && c !== '\\' && c >= ' ');
            expect(d.quotedAt(i, bytes, 2)).toBe(plain && wellFormed ? 2 + n : -1);
          }
        });
      }),
    );
  });

  it('takes no index where a key was expected: a line given back may have given its code to one', () => {
    // The scan of line 2 expects `x` after `q`, then gives the line back; JsonPacker gives `1` (first in Object.keys) the code `x` had.
    const { parsed, scanned, taken } = bothWays(['{"q":0}', '{"q":0,"x":1,"1":2}', '{"q":0,"1":1}'], [], 1 << 16, 32_768);
    expect(taken).toBe(1);
    expect(scanned).toEqual(parsed);
  });

  it('finds each string of a dictionary by its text or a stretch of a longer one, and takes back the codes added last', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 5 }), { maxLength: 200 }), fc.nat({ max: 200 }), (words, back) => {
        const d = new Dictionary();
        words.forEach((w, i) => expect(d.add(w, hashOf(w))).toBe(i));
        const kept = Math.max(0, words.length - back);
        for (let i = words.length; i > kept; i--) d.removeLast();
        expect(d.size).toBe(kept);
        words.forEach((w, i) => {
          expect(d.get(w)).toBe(i < kept ? i : -1);
          const text = `x"${w}"y`;
          const around = Uint16Array.from({ length: text.length }, (_, at) => text.charCodeAt(at));
          expect(d.find(around, 2, 2 + w.length, hashOf(w))).toBe(i < kept ? i : -1);
        });
      }),
    );
  });

  it('compares a string with the last of its key only if it is plain: one JSON.parse gave a quote must not be found in a line that ends it there', () => {
    // Lines 2 and 3 find "q" where the last string of `a` was: from then on `a`'s strings are first
    // compared with its last. Line 4 scans "new" into a's dictionary (now the last of a), then is
    // given back for its repeated key; JSON.parse keeps the last value, so the code "new" had goes
    // to `x"y`. Line 5's `"x"y"` is no JSON.
    const lines = ['{"a":"q"}', '{"a":"q"}', '{"a":"q"}', '{"a":"new","a":"x\\"y"}', '{"a":"x"y"}', '{"a":"q"}', '{"a":"x\\"y"}'];
    const { parsed, scanned } = bothWays(lines, [3], 1 << 16, 32_768);
    expect(scanned).toEqual(parsed);
    const packer = new LinePacker();
    for (const [i, line] of lines.entries()) {
      const ok = packer.addLine(i + 1, line, line.length + 1);
      if (!ok && i !== 4) packer.add(i + 1, JSON.parse(line) as unknown, line.length + 1);
      expect(ok).toBe(i < 3 || i === 5);
    }
  });

  it('packs dates found by their day as JSON.parse packs them, lines given back among them', () => {
    const line = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(dateLike, dateLike).map(([a, b]) => `{"d":"${a}","e":["${b}","${a}"]}`) },
      { weight: 1, arbitrary: dateLike.map((a) => `{"d":"${a}","d":"${a}"}`) },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 3 }), (lines, cuts) => {
        const { parsed, scanned } = bothWays(lines, cuts, 1 << 16, 32_768);
        expect(scanned).toEqual(parsed);
        const bytes = bytesWay(lines, cuts, 1 << 16, 32_768);
        expect(bytes.scanned).toEqual(bytes.parsed);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a date by its day as find does, and forgets a date taken back', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(dateLike, fc.string({ maxLength: 10 })), { maxLength: 60 }), fc.nat({ max: 60 }), (words, back) => {
        const d = new Dictionary();
        words.forEach((w) => d.add(w, hashOf(w)));
        const kept = Math.max(0, words.length - back);
        for (let i = words.length; i > kept; i--) d.removeLast();
        for (const w of words) {
          // As the export holds it: a quote or backslash in a word is escaped, so it never ends a date.
          const text = `x${JSON.stringify(w)}y`;
          const units = Uint16Array.from({ length: text.length + 1 }, (_, at) => (at < text.length ? text.charCodeAt(at) : 0));
          const day = d.dayCode(units, 2);
          // Only a date of ten characters, its quote after it, and only the code find gives.
          if (day >= 0) expect(day).toBe(d.find(units, 2, 2 + w.length, hashOf(w)));
          if (/^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(w) && d.get(w) >= 0) expect(day).toBe(d.get(w));
          else expect(day).toBe(-1);
        }
      }),
    );
  });

  it('finds a string where it stands, its closing quote after it, only if the string is plain', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 40 }), fc.string({ maxLength: 8 }), fc.nat(), (words, tail, pick) => {
        const d = new Dictionary();
        words.forEach((w) => d.add(w, hashOf(w)));
        const code = pick % words.length;
        const text = `x"${words[(pick >> 3) % words.length]!}${tail}`;
        const units = Uint16Array.from({ length: text.length + 1 }, (_, at) => (at < text.length ? text.charCodeAt(at) : 0));
        const w = words[code]!;
        const plain = [...w].every((c) => c !== '"' && c !== '\\' && c >= ' ');
        const expected = plain && text.startsWith(`${w}"`, 2) ? 2 + w.length : -1;
        expect(d.quotedAt(code, units, 2)).toBe(expected);
      }),
    );
  });
});
