import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { builtinRules } from '../rules/index.js';
import { CSV_TABLES } from '../src/model/datasets.js';
import { canonicalHeader, TABLE_COLUMNS } from '../src/model/columns.js';
import { PROBLEM_CODES } from '../src/model/problems.js';
import { tables } from './rules/tables/index.js';

/** Every rule is documented and tested as the project asks; this fails when a rule is added without either. */
describe.each(builtinRules.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  const doc = `docs/rules/${id}.md`;

  it('has kebab-case id, both languages and a source', () => {
    expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    for (const text of [rule.title, rule.criterion, rule.recommendation, rule.observation]) {
      expect(text.sv.length).toBeGreaterThan(0);
      expect(text.en.length).toBeGreaterThan(0);
    }
    expect(rule.criterion.source.length).toBeGreaterThan(0);
  });

  it('has options with defaults for every field', () => {
    expect(() => rule.options.parse({})).not.toThrow();
    expect(rule.options.safeParse({ noSuchOption: 1 }).success).toBe(false);
  });

  it('has a docs page naming its title, every code and every option', () => {
    expect(existsSync(doc)).toBe(true);
    const text = readFileSync(doc, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${id} — ${rule.title.sv} (${rule.title.en})`);
    for (const code of [...Object.keys(rule.reasons), ...Object.keys(rule.notApplicable)]) expect(text).toContain(`\`${code}\``);
    for (const option of Object.keys((rule.options as z.ZodObject).shape)) expect(text).toContain(`\`${option}\``);
    for (const heading of ['## What it checks', '## Why', '## Options', '## Reason codes', '## Examples']) expect(text).toContain(heading);
  });

  it('has a table that covers every reason code and every status it can give', () => {
    const table = tables[id] ?? [];
    const seen = new Set(table.flatMap((c) => c.expect.codes ?? []));
    for (const code of [...Object.keys(rule.reasons), ...Object.keys(rule.notApplicable)]) expect(seen, code).toContain(code);
    expect(new Set(table.map((c) => c.expect.status))).toContain('pass');
  });
});

/** The reading docs promise names and codes; these fail when the docs and the code part ways. */
describe('docs/reading-exports.md and docs/export-format-v1.md', () => {
  const reading = readFileSync('docs/reading-exports.md', 'utf8');
  const format = readFileSync('docs/export-format-v1.md', 'utf8');

  it('every Swedish column name in the table is read as its column', () => {
    const section = reading.slice(reading.indexOf('## Column names'), reading.indexOf('## Values'));
    const rows = [...section.matchAll(/^\| `(\w+)`(?: \([^)]*\))? \| ([^|]+) \|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const [, column, names] of rows) {
      const table = CSV_TABLES.find((t) => TABLE_COLUMNS[t].includes(column!));
      expect(table, column).toBeDefined();
      for (const name of names!.split(',').map((n) => n.trim())) {
        expect(canonicalHeader(table!, [name]).columns, `${name} → ${column}`).toEqual([column]);
      }
    }
  });

  it('every problem code is documented', () => {
    for (const code of PROBLEM_CODES) expect(format, code).toContain(`\`${code}\``);
  });
});

describe('the bundles (scripts/bundle.mjs)', () => {
  const dir = 'dist/bundle/cli';

  it('are ASCII, so that V8 reads them as one-byte text', () => {
    for (const file of readdirSync(dir).filter((f) => /\.c?js$/.test(f))) {
      const text = readFileSync(`${dir}/${file}`, 'latin1');
      expect(/[^\0-\x7f]/.exec(text)?.index, file).toBeUndefined();
    }
  });

  it('carry zod messages in English and Swedish only', () => {
    const text = readFileSync(`${dir}/command.cjs`, 'utf8');
    expect(text).toMatch(/zod\/v4\/locales\/sv\.js/);
    expect(text).not.toMatch(/zod\/v4\/locales\/de\.js/);
  });
});
