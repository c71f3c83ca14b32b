import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_USAGE } from '../src/errors.js';
import { pseudonym } from '../src/privacy/pseudonym.js';
import { cli } from './helpers/cli.js';

// A rule's bug ends the run with one line (exit 2) naming the rule and the akt. What the rule threw
// is its author's text, which may quote the export: it is masked as the reports mask free text, and
// under --public left out, with the akt named by the pseudonym the report would give it.

const AS_OF = ['--as-of', '2010-11-15'];
const SECRET = 'rule-error-test-key-0123456789';
const NAME = 'Karin Lindqvist';
const PNR = '19850101-2389';
/** Every way the planted personnummer could show, whole or in part. */
const PLANTED = [PNR, '850101', '8501012389', '0101-2389', '2389'];
/** The first akt checked (the akter go by caseId) has a personnummer for its caseId, as some exports have them. */
const FIRST = '19700110-2008';
const OTHER = 'K-1001';

const rule = (check: string, prepare = '') => `{ id: 'x-rule', title: { sv: 'X', en: 'X' }, criterion: { sv: 'x', en: 'x', source: 's' }, defaultSeverity: 'error',
  requires: [], reasons: { bad: { sv: 'x', en: 'x' } }, observation: { sv: 'x', en: 'x' }, recommendation: { sv: 'x', en: 'x' }, ${prepare} check: ${check} }`;

/** An export of two akter (JSON), a config with the plug-in `body` and a key file; their paths. */
function setup(body: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'akt-rule-error-'));
  const akter = [OTHER, FIRST].map((caseId) => ({ caseId, district: 'Norrmalm', supportReason: 'arbetsloshet', caseworker: NAME, personId: PNR, plans: [], followUps: [] }));
  writeFileSync(path.join(dir, 'akter.json'), JSON.stringify(akter));
  writeFileSync(path.join(dir, 'p.mjs'), `export default [${body}];\n`);
  writeFileSync(path.join(dir, 'aktgranskning.config.json'), JSON.stringify({ plugins: ['./p.mjs'] }));
  writeFileSync(path.join(dir, 'key'), SECRET);
  return { input: path.join(dir, 'akter.json'), config: path.join(dir, 'aktgranskning.config.json'), key: path.join(dir, 'key') };
}

/** Runs check and expects the one line of a rule's bug, with nothing of the planted values in it. */
function ruleLine(files: ReturnType<typeof setup>, extra: string[]): string {
  const r = cli(['check', files.input, ...AS_OF, '--config', files.config, '--lang', 'en', '--format', 'json', ...extra]);
  expect(r.code).toBe(EXIT_USAGE);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  for (const p of PLANTED) expect(r.stderr).not.toContain(p);
  // Under --public no text of the export at all: neither the name nor a caseId.
  if (extra.includes('--public')) for (const p of [NAME, 'Lindqvist', FIRST, OTHER]) expect(r.stderr).not.toContain(p);
  return r.stderr;
}

const PUBLIC = (files: ReturnType<typeof setup>) => ['--public', '--pseudonym-key-file', files.key];
const alias = (caseId: string) => pseudonym(Buffer.from(SECRET), caseId);

describe("a rule's own error", { timeout: 60_000 }, () => {
  // The message names the client and her personnummer, over two lines; the akt has a plain caseId.
  const throwing = setup(rule(`(akt) => { if (akt.caseId === 'K-1001') throw new TypeError('bad goal for ' + akt.caseworker + ', ' + akt.personId + '\\nsee the plan'); return { status: 'pass' }; }`));

  it('names the akt as the reports do and masks what the rule threw', () => {
    expect(ruleLine(throwing, [])).toBe(`aktgranskning: plug-in ./p.mjs: rule x-rule threw on akt K-1001: TypeError: bad goal for ${NAME}, ÅÅMMDD-XXXX see the plan (a bug in that rule)\n`);
  });

  it('under --public, names the akt by its pseudonym in the report and leaves the text out', () => {
    const line = ruleLine(throwing, PUBLIC(throwing));
    expect(line).toBe(`aktgranskning: plug-in ./p.mjs: rule x-rule threw on akt ${alias(OTHER)}: TypeError: [removed] (a bug in that rule)\n`);
    expect(line).not.toContain(NAME);
    // The same pseudonym as the report gives the akt.
    const report = cli(['check', throwing.input, ...AS_OF, '--format', 'json', ...PUBLIC(throwing)]);
    expect(report.stdout).toContain(`"${alias(OTHER)}"`);
    // (in Swedish too)
    const sv = cli(['check', throwing.input, ...AS_OF, '--config', throwing.config, '--format', 'json', ...PUBLIC(throwing)]);
    expect(sv.stderr).toBe(`aktgranskning: plug-in ./p.mjs: regeln x-rule kastade ett fel på akt ${alias(OTHER)}: TypeError: [borttaget] (ett fel i den regeln)\n`);
  });

  it('is the same line when two threads are asked for (a plug-in keeps the check on one)', () => {
    const split = ['--threads', '2', '--split-from', '1'];
    expect(ruleLine(throwing, split)).toBe(ruleLine(throwing, []));
    expect(ruleLine(throwing, [...split, ...PUBLIC(throwing)])).toBe(ruleLine(throwing, PUBLIC(throwing)));
  });

  it('is masked before it is cut: no part of a number at the cut is left', () => {
    // The personnummer falls across the cut at 160 characters.
    const long = setup(rule(`(akt) => { throw new Error('${'x'.repeat(140)} ' + akt.personId + ' ${'y'.repeat(40)}'); }`));
    const line = ruleLine(long, []);
    expect(line).toMatch(/threw on akt ÅÅMMDD-XXXX: Error: x+ ÅÅMMDD-XXXX…? \(a bug in that rule\)\n$/);
    expect(line).not.toMatch(/\d{4}\s*…/);
  });

  it('in prepare: names no akt, masks what it threw, and leaves it out under --public', () => {
    const preparing = setup(rule("() => ({ status: 'pass' })", "prepare: (akter) => { for (const a of akter) throw new Error('no plan for ' + a.caseworker + ' ' + a.personId); },"));
    expect(ruleLine(preparing, [])).toBe(`aktgranskning: plug-in ./p.mjs: rule x-rule threw in prepare: Error: no plan for ${NAME} ÅÅMMDD-XXXX (a bug in that rule)\n`);
    expect(ruleLine(preparing, PUBLIC(preparing))).toBe('aktgranskning: plug-in ./p.mjs: rule x-rule threw in prepare: Error: [removed] (a bug in that rule)\n');
  });

  it("an error's own name is left out under --public too: only JavaScript's kinds of error are named", () => {
    const named = setup(rule(`(akt) => { const e = new Error('x'); e.name = akt.caseworker.split(' ')[1] + 'Error'; throw e; }`));
    const line = ruleLine(named, PUBLIC(named));
    expect(line).toBe(`aktgranskning: plug-in ./p.mjs: rule x-rule threw on akt ${alias(FIRST)}: [removed] (a bug in that rule)\n`);
    expect(line).not.toContain('Lindqvist');
  });

  it('a thrown value that is no Error is quoted as text', () => {
    const plain = setup(rule('(akt) => { throw akt.personId; }'));
    expect(ruleLine(plain, [])).toBe('aktgranskning: plug-in ./p.mjs: rule x-rule threw on akt ÅÅMMDD-XXXX: ÅÅMMDD-XXXX (a bug in that rule)\n');
  });
});

describe("a rule's finding the engine refuses (checkData and the codes)", { timeout: 60_000 }, () => {
  it('a key made of the export: masked, and left out under --public', () => {
    const keyed = setup(rule("(akt) => ({ status: 'fail', reasons: [{ code: 'bad', data: { [akt.caseworker + ' ' + akt.personId]: [1] } }] })"));
    expect(ruleLine(keyed, [])).toBe(`aktgranskning: plug-in ./p.mjs: rule x-rule gave data of reason "bad" on akt ÅÅMMDD-XXXX with "${NAME} ÅÅMMDD-XXXX" as a list; it may hold texts and numbers only (a bug in that rule)\n`);
    expect(ruleLine(keyed, PUBLIC(keyed))).toBe(`aktgranskning: plug-in ./p.mjs: rule x-rule gave data of reason "bad" on akt ${alias(FIRST)} with "[removed]" as a list; it may hold texts and numbers only (a bug in that rule)\n`);
  });

  it('a code or a status made of the export: the same', () => {
    const coded = setup(rule("(akt) => ({ status: 'fail', reasons: [{ code: akt.personId }] })"));
    expect(ruleLine(coded, [])).toBe('aktgranskning: plug-in ./p.mjs: rule x-rule reported fail reason code "ÅÅMMDD-XXXX" on akt ÅÅMMDD-XXXX, which it does not declare (a bug in that rule)\n');
    const sv = cli(['check', coded.input, ...AS_OF, '--config', coded.config, '--format', 'json']);
    expect(sv.stderr).toBe('aktgranskning: plug-in ./p.mjs: regeln x-rule gav på akt ÅÅMMDD-XXXX koden "ÅÅMMDD-XXXX" för underkänt, som den inte deklarerar (ett fel i den regeln)\n');
    const status = setup(rule('(akt) => ({ status: akt.caseworker })'));
    expect(ruleLine(status, PUBLIC(status))).toBe(`aktgranskning: plug-in ./p.mjs: rule x-rule returned unknown status "[removed]" on akt ${alias(FIRST)} (a bug in that rule)\n`);
  });
});

describe('compare, which audits exports too', { timeout: 60_000 }, () => {
  it('names the akt by pseudonym under --public', () => {
    const files = setup(rule(`(akt) => { throw new Error(akt.caseworker + ' ' + akt.personId); }`));
    const r = cli(['compare', files.input, files.input, '--before-as-of', '2010-11-15', '--after-as-of', '2010-11-15', '--config', files.config, '--lang', 'en', ...PUBLIC(files)]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toBe(`aktgranskning: plug-in ./p.mjs: rule x-rule threw on akt ${alias(FIRST)}: Error: [removed] (a bug in that rule)\n`);
  });
});
