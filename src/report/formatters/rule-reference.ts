import type { z } from 'zod';
import type { AnyRule, Localized } from '../../engine/types.js';

/**
 * The parts of the rule documentation that come from each rule's metadata (options, reason codes,
 * the README's rule table), written between markers so the hand-written prose around them stays:
 * `<!-- generated: NAME -->` … `<!-- /generated: NAME -->`. `npm run docs:rules` rewrites them and a
 * test fails when a page is stale, as markdownlint does for its rule pages.
 */

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** A default as a reader wants it: short values as JSON, long built-in lists by their length. */
function shownDefault(value: unknown): string {
  const json = JSON.stringify(value);
  if (Array.isArray(value) && json.length > 120) return `built-in list of ${value.length}`;
  return `\`${cell(json)}\``;
}

export function optionsTable(rule: AnyRule): string {
  const shape = (rule.options as z.ZodObject).shape as Record<string, z.ZodType>;
  const defaults = (rule.options as z.ZodObject).parse({}) as Record<string, unknown>;
  const names = Object.keys(shape);
  if (names.length === 0) return 'This rule has no options.';
  return [
    '| option | default | meaning |',
    '| --- | --- | --- |',
    ...names.map((k) => `| \`${k}\` | ${shownDefault(defaults[k])} | ${cell(shape[k]!.description ?? '')} |`),
  ].join('\n');
}

/** The template fields a message names, in order of first use: the reason's data. */
function fieldsOf(m: Localized): string[] {
  return [...new Set([...`${m.sv} ${m.en}`.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!))];
}

export function reasonsTable(rule: AnyRule): string {
  const row = (code: string, status: string, m: Localized) => {
    const data = fieldsOf(m).map((f) => `\`${f}\``).join(', ') || '–';
    return `| \`${code}\` | ${status} | ${data} | ${cell(m.sv)} | ${cell(m.en)} |`;
  };
  return [
    '| code | status | data | message (sv) | message (en) |',
    '| --- | --- | --- | --- | --- |',
    ...Object.entries(rule.reasons as Record<string, Localized>).map(([code, m]) => row(code, 'fail', m)),
    ...Object.entries(rule.notApplicable as Record<string, Localized>).map(([code, m]) => row(code, 'not applicable', m)),
  ].join('\n');
}

const ADDRESSEES = { district: 'stadsdelsnämnden', jobcenter: 'nämnden för Jobbtorg Stockholm' } as const;

/** README's table of the built-in rules, in report order. */
export function rulesTable(rules: readonly AnyRule[], presets: Readonly<Record<string, readonly string[]>>): string {
  const presetOf = (id: string) => Object.keys(presets).find((p) => presets[p]!.includes(id)) ?? '–';
  return [
    '| id | granskningspunkt | title | preset | default severity | addressee |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rules.map(
      (r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${cell(r.title.sv)} | ${cell(r.title.en)} | ${presetOf(r.id)} | ${r.defaultSeverity} | ${ADDRESSEES[r.addressee ?? 'district']} |`,
    ),
  ].join('\n');
}

/** The page with its generated section NAME set to `content`; throws when the page has no such markers. */
export function withGenerated(page: string, name: string, content: string): string {
  const start = `<!-- generated: ${name} -->`;
  const end = `<!-- /generated: ${name} -->`;
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no generated section "${name}"`);
  return `${page.slice(0, from + start.length)}\n${content}\n${page.slice(to)}`;
}

/** A rule page with its options and reason codes made anew from the rule's metadata. */
export function rulePage(page: string, rule: AnyRule): string {
  return withGenerated(withGenerated(page, 'options', optionsTable(rule)), 'reasons', reasonsTable(rule));
}
