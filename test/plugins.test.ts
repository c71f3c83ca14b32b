import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../src/errors.js';
import { cli } from './helpers/cli.js';

const FIXTURE = 'fixtures/stockholm-2011/csv';
const AS_OF = ['--as-of', '2010-11-15'];
const EXAMPLE = path.resolve('examples/egna-regler.mjs');

function config(content: object, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'akt-plugin-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const file = path.join(dir, 'aktgranskning.config.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

interface JsonReport {
  rules: { ruleId: string; severity: string }[];
  districts: { district: string; rules: { ruleId: string; applicable: number; failed: number; reasonCounts: Record<string, number> }[] }[];
}
const ruleIds = (r: JsonReport) => r.rules.map((x) => x.ruleId);

describe('presets', () => {
  it('all (the default) runs every built-in rule; core runs the four of the 2011 audit', () => {
    const all = JSON.parse(cli(['check', FIXTURE, ...AS_OF, '--format', 'json']).stdout) as JsonReport;
    expect(all.rules).toHaveLength(16);
    const core = JSON.parse(cli(['check', FIXTURE, ...AS_OF, '--format', 'json', '--preset', 'core']).stdout) as JsonReport;
    expect(ruleIds(core)).toEqual(['current-plan', 'individual-goals', 'subgoals-present', 'follow-ups-traceable']);
  });

  it('a rule the config names is on even outside its preset', () => {
    const file = config({ preset: 'core', rules: { 'waiting-time': 'warning', 'current-plan': 'off' } });
    const r = JSON.parse(cli(['check', FIXTURE, ...AS_OF, '--format', 'json', '--config', file]).stdout) as JsonReport;
    expect(ruleIds(r)).toEqual(['individual-goals', 'subgoals-present', 'follow-ups-traceable', 'waiting-time']);
  });
});

describe('the example plug-in, end to end', () => {
  const file = config({ plugins: [EXAMPLE], preset: 'core', rules: { 'caseworker-assigned': 'error', 'plan-activities-stated': 'error' } });

  it('runs its rules next to the built-in ones', () => {
    const r = cli(['check', FIXTURE, ...AS_OF, '--format', 'json', '--config', file, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT_FINDINGS);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(ruleIds(report).slice(-2)).toEqual(['caseworker-assigned', 'plan-activities-stated']);
    const hl = report.districts.find((d) => d.district === 'Hägersten-Liljeholmen')!;
    // Every synthetic akt names its handläggare and every current plan its activities.
    expect(hl.rules.find((x) => x.ruleId === 'caseworker-assigned')).toMatchObject({ applicable: 10, failed: 0 });
    expect(hl.rules.find((x) => x.ruleId === 'plan-activities-stated')).toMatchObject({ applicable: 10, failed: 0 });
  });

  it('finds what its rules look for', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'akt-plugin-data-'));
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify([{ caseId: 'A-1', district: 'Norrmalm', caseworker: 'Vakant', plans: [{ planId: 'P1', validFrom: '2010-01-01', validTo: '2011-01-01' }] }]));
    const r = JSON.parse(cli(['check', dir, ...AS_OF, '--format', 'json', '--config', file]).stdout) as JsonReport;
    const counts = Object.fromEntries(r.districts[0]!.rules.map((x) => [x.ruleId, x.reasonCounts]));
    expect(counts['caseworker-assigned']).toEqual({ 'no-caseworker': 1 });
    expect(counts['plan-activities-stated']).toEqual({ 'no-activities': 1 });
  });

  it('lists its rules and explains them', () => {
    const list = JSON.parse(cli(['rules', '--format', 'json', '--config', file]).stdout) as { id: string; preset: string }[];
    expect(list.filter((x) => x.preset === 'plug-in').map((x) => x.id)).toEqual(['caseworker-assigned', 'plan-activities-stated']);
    expect(cli(['explain', 'plan-activities-stated', '--config', file]).stdout).toMatch(/^# plan-activities-stated — /);
    const generated = cli(['explain', 'caseworker-assigned', '--config', file]).stdout;
    expect(generated).toContain('`placeholders`');
    expect(generated).toContain('`no-caseworker`');
  });
});

describe('a plug-in whose codes are named like members of every object', () => {
  // Rules choose their codes; these name Object.prototype's members, where a lookup on a plain object
  // finds a function (or the prototype) instead of no template.
  const t = (name: string) => `{ sv: 'sv ${name} {n}', en: 'en ${name} {n}' }`;
  const objectCodes = (reasons: string) => `{ id: 'object-codes', title: { sv: 'Objektkoder', en: 'Object codes' }, criterion: { sv: 'x', en: 'x', source: 's' },
    defaultSeverity: 'error', reasons: ${reasons},
    notApplicable: { constructor: ${t('constructor')} }, evidence: { toString: { sv: 'bevis {cases}', en: 'evidence {cases}' } },
    observation: { sv: 'I {failed} av {applicable} akter x', en: 'In {failed} of {applicable} case files x' }, recommendation: { sv: 'r', en: 'r' },
    check(akt) {
      if (akt.caseId.endsWith('1')) return { status: 'not-applicable', reason: { code: 'constructor', data: { n: 1 } } };
      if (akt.caseId.endsWith('2')) return { status: 'pass' };
      return { status: 'fail', reasons: [{ code: 'valueOf', data: { n: 2 } }, { code: '__proto__', data: { n: 3 } }, { code: 'toString', data: { n: 4 } }] };
    } }`;
  const rule = objectCodes(`{ valueOf: ${t('valueOf')}, ['__proto__']: ${t('proto')}, toString: ${t('toString')} }`);
  const file = config({ plugins: ['./p.mjs'], preset: 'core', rules: { 'object-codes': 'error' } }, { 'p.mjs': `export default ${rule};\n` });
  const run = (...args: string[]) => {
    const r = cli(['check', FIXTURE, ...AS_OF, '--config', file, '--quiet', ...args]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT_FINDINGS);
    return r.stdout;
  };

  it("has each code's own message in --format json --messages, and its template in the catalogue", () => {
    interface Result { ruleId: string; status: string; reasons: { code: string; message: string }[] }
    const report = JSON.parse(run('--format', 'json', '--messages')) as { cases: { caseId: string; results: Result[] }[]; messages: { rules: Record<string, Record<string, string>> } };
    const of = (id: string) => report.cases.find((c) => c.caseId === id)!.results.find((r) => r.ruleId === 'object-codes')!;
    expect(of('HL-0003').reasons).toEqual([
      { code: 'valueOf', data: { n: 2 }, message: 'sv valueOf 2' },
      { code: '__proto__', data: { n: 3 }, message: 'sv proto 3' },
      { code: 'toString', data: { n: 4 }, message: 'sv toString 4' },
    ]);
    expect(of('HL-0001')).toMatchObject({ status: 'not-applicable', reasons: [{ code: 'constructor', message: 'sv constructor 1' }] });
    const templates = report.messages.rules['object-codes']!;
    expect(Object.keys(templates)).toEqual(['valueOf', '__proto__', 'toString', 'constructor']);
    expect(Object.values(templates)).toEqual(['sv valueOf {n}', 'sv proto {n}', 'sv toString {n}', 'sv constructor {n}']);
  });

  it('counts each code per stadsdel in reasonCounts, __proto__ and valueOf too', () => {
    interface Summary { ruleId: string; failed: number; reasonCounts: Record<string, number> }
    const report = JSON.parse(run('--format', 'json')) as { total: { rules: Summary[] } };
    const s = report.total.rules.find((r) => r.ruleId === 'object-codes')!;
    expect(s.failed).toBeGreaterThan(0);
    expect(Object.entries(s.reasonCounts)).toEqual([['valueOf', s.failed], ['__proto__', s.failed], ['toString', s.failed]]);
  });

  it('is worded by its own templates in markdown and terminal, in both languages', () => {
    const sv = run('--format', 'markdown');
    expect(sv).toContain('- Vanligast (8 akter): sv valueOf 2\n');
    expect(sv).toContain('1 akt omfattas inte. sv constructor 1');
    expect(sv).toContain('| Objektkoder | `HL-0003` | sv valueOf 2 sv proto 3 sv toString 4 |');
    const en = run('--format', 'markdown', '--lang', 'en');
    expect(en).toContain('- Most common (8 case files): en valueOf 2\n');
    expect(en).toContain('| Object codes | `HL-0003` | en valueOf 2 en proto 3 en toString 4 |');
    expect(run('--format', 'terminal')).toMatch(/HL-0003 +Objektkoder: sv valueOf 2/);
    expect(cli(['explain', 'object-codes', '--config', file]).stdout).toContain('| `__proto__` | brist | sv proto {n} |');
  });

  it('a code named __proto__ is checked like any other', () => {
    const bad = config({ plugins: ['./p.mjs'] }, { 'p.mjs': `export default ${rule.replace(t('proto'), "{ sv: 'x' }")};\n` });
    const r = cli(['check', FIXTURE, ...AS_OF, '--config', bad, '--lang', 'en']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/rule "object-codes": reasons\.__proto__\.en is missing/);
    // A rule's only fail code, and with it the check that a rule declares at least one.
    const only = config({ plugins: ['./p.mjs'] }, { 'p.mjs': `export default ${objectCodes(`{ ['__proto__']: ${t('proto')} }`)};\n` });
    const list = cli(['explain', 'object-codes', '--config', only]);
    expect(list.stderr).toBe('');
    expect(list.stdout).toContain('| `__proto__` | brist | sv proto {n} |');
    expect(list.stdout).not.toContain('`valueOf`');
  });
});

describe('malformed plug-ins are rejected with the file and the missing piece', () => {
  const rule = `{ id: 'x-rule', title: { sv: 'X', en: 'X' }, criterion: { sv: 'x', en: 'x', source: 's' }, defaultSeverity: 'error',
    reasons: { bad: { sv: 'x', en: 'x' } }, observation: { sv: 'x', en: 'x' }, recommendation: { sv: 'x', en: 'x' }, check: () => ({ status: 'pass' }) }`;
  const cases: [string, string, RegExp][] = [
    ['no check', rule.replace(", check: () => ({ status: 'pass' })", ''), /plug-in \.\/p\.mjs: rule "x-rule": check is missing/],
    ['no reasons', rule.replace("reasons: { bad: { sv: 'x', en: 'x' } }, ", ''), /rule "x-rule": reasons is missing/],
    ['no reason codes', rule.replace("reasons: { bad: { sv: 'x', en: 'x' } }", 'reasons: {}'), /rule "x-rule": reasons must declare at least one reason code/],
    ['an id that is not kebab-case', rule.replace("'x-rule'", "'XRule'"), /rule "XRule": id must be kebab-case/],
    ['a title without English', rule.replace("title: { sv: 'X', en: 'X' }", "title: { sv: 'X' }"), /rule "x-rule": title\.en is missing/],
    ['an id a built-in rule has', rule.replace("'x-rule'", "'current-plan'"), /rule id "current-plan" is already taken/],
    ['no rules at all', 'null', /exports no rules/],
  ];
  it.each(cases)('%s', (_name, body, message) => {
    const file = config({ plugins: ['./p.mjs'] }, { 'p.mjs': `export default ${body};\n` });
    const r = cli(['check', FIXTURE, ...AS_OF, '--config', file, '--lang', 'en']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the same rule, whole, loads as a plain object without any import', () => {
    const file = config({ plugins: ['./p.mjs'], preset: 'core', rules: { 'x-rule': 'error' } }, { 'p.mjs': `export default [${rule}];\n` });
    const r = cli(['check', FIXTURE, ...AS_OF, '--config', file, '--format', 'json', '--quiet']);
    expect(r.stderr).toBe('');
    expect(ruleIds(JSON.parse(r.stdout) as JsonReport)).toContain('x-rule');
  });

  it('a rule pack published as a package is found by its name', () => {
    const file = config({ plugins: ['aktgranskning-regler-test'], preset: 'core', rules: { 'x-rule': 'error' } });
    const pkg = path.join(path.dirname(file), 'node_modules', 'aktgranskning-regler-test');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'aktgranskning-regler-test', type: 'module', main: 'index.js' }));
    writeFileSync(path.join(pkg, 'index.js'), `export default { name: 'test', rules: [${rule}] };\n`);
    const r = cli(['check', FIXTURE, ...AS_OF, '--config', file, '--format', 'json', '--quiet']);
    expect(r.stderr).toBe('');
    expect(ruleIds(JSON.parse(r.stdout) as JsonReport)).toContain('x-rule');
  });

  it('a plug-in that cannot be found', () => {
    const r = cli(['check', FIXTURE, ...AS_OF, '--config', config({ plugins: ['aktgranskning-regler-finns-inte'] }), '--lang', 'en']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/plug-in "aktgranskning-regler-finns-inte": cannot find it .*npm install aktgranskning-regler-finns-inte/);
  });

  // Data and evidence are masked string by string; a list would carry a number past the mask.
  it('a rule whose finding holds a list, in every format: one line naming the plug-in, the rule, the akt and the key, and no output', () => {
    const leaky = rule.replace("check: () => ({ status: 'pass' })", "check: (akt) => ({ status: 'fail', reasons: [{ code: 'bad', data: { note: [akt.caseId + ' 19850101-2389'] } }] })");
    const file = config({ plugins: ['./p.mjs'] }, { 'p.mjs': `export default [${leaky}];\n` });
    for (const format of ['json', 'markdown', 'ndjson', 'html']) {
      const out = path.join(path.dirname(file), `out.${format}`);
      const r = cli(['check', FIXTURE, ...AS_OF, '--config', file, '--lang', 'en', '--format', format, '-o', out]);
      expect(r.code, format).toBe(EXIT_USAGE);
      expect(r.stderr).toBe('aktgranskning: plug-in ./p.mjs: rule x-rule gave data of reason "bad" on akt HL-0001 with "note" as a list; it may hold texts and numbers only (a bug in that rule)\n');
      expect(r.stdout).toBe('');
      expect(existsSync(out), format).toBe(false);
    }
  });

  it('a plug-in whose module throws', () => {
    const file = config({ plugins: ['./p.mjs'] }, { 'p.mjs': "throw new Error('trasig');\n" });
    const r = cli(['check', FIXTURE, ...AS_OF, '--config', file]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toBe('aktgranskning: tillägget ./p.mjs: kan inte laddas (trasig)\n');
    expect(cli(['check', FIXTURE, ...AS_OF, '--config', file, '--lang', 'en']).stderr).toBe('aktgranskning: plug-in ./p.mjs: cannot be loaded (trasig)\n');
  });
});

describe('rules and explain', () => {
  it('rules says which rules an export can assess', () => {
    const list = JSON.parse(cli(['rules', 'fixtures/broken/csv', '--format', 'json']).stdout) as { id: string; assessable: boolean; missing: string[] }[];
    expect(list.find((x) => x.id === 'current-plan')).toMatchObject({ assessable: true, missing: [] });
    expect(list.find((x) => x.id === 'waiting-time')).toMatchObject({ assessable: false, missing: ['jobCenter'] });
    const full = JSON.parse(cli(['rules', FIXTURE, '--format', 'json']).stdout) as { assessable: boolean }[];
    expect(full.every((x) => x.assessable)).toBe(true);
  });

  it('explain prints a built-in rule page, and suggests on a typo', () => {
    const r = cli(['explain', 'waiting-time']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toMatch(/^# waiting-time — Väntetid till jobbtorg/);
    const typo = cli(['explain', 'waiting-times', '--lang', 'en']);
    expect(typo.code).toBe(EXIT_USAGE);
    expect(typo.stderr).toMatch(/unknown rule "waiting-times" \(did you mean waiting-time\?\)/);
  });
});

describe('rules whose data the export lacks altogether', () => {
  it('are listed once, with the data named, and left out of the per-district figures', () => {
    const paths = [`${FIXTURE}/cases.csv`, `${FIXTURE}/plans.csv`];
    const json = JSON.parse(cli(['check', ...paths, ...AS_OF, '--format', 'json']).stdout) as { notAssessed: { ruleId: string; missing: string }[] };
    expect(json.notAssessed).toHaveLength(12);
    expect(json.notAssessed).toContainEqual({ ruleId: 'consent-before-transfer', missing: 'jobCenter, consents' });
    const md = cli(['check', ...paths, ...AS_OF, '--format', 'markdown', '--lang', 'en']).stdout;
    expect(md.match(/could not be assessed in any case file/g)).toHaveLength(12);
    expect(md.match(/“Waiting time for the job centre” could not be assessed/g)).toHaveLength(1);
    expect(md).not.toMatch(/\| Waiting time for the job centre \| 0 \|/);
  });
});

describe('configuration mistakes name the rule, the option and what is expected', () => {
  it('an option of the wrong type', () => {
    const file = config({ rules: { 'waiting-time': { options: { maxDays: '14' } } } });
    const r = cli(['check', FIXTURE, ...AS_OF, '--config', file, '--lang', 'en']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/rule waiting-time, option maxDays: .*expected number, received string/);
    // zod's own message in its Swedish wording.
    expect(cli(['check', FIXTURE, ...AS_OF, '--config', file]).stderr).toMatch(/regeln waiting-time, alternativet maxDays: Ogiltig inmatning: förväntat antal, fick string/);
  });

  it('an unknown preset', () => {
    const r = cli(['check', FIXTURE, ...AS_OF, '--config', config({ preset: 'kärna' })]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/preset/);
  });
});
