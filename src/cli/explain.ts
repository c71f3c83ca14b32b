import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import type { z } from 'zod';
import { resolveSettings } from '../audit.js';
import type { PluginRule } from '../config/plugins.js';
import { didYouMean } from '../config/suggest.js';
import type { AnyRule } from '../engine/types.js';
import { UserError } from '../errors.js';

/** docs/ of the installed package: dist/src/cli → ../../../docs. */
const DOCS = fileURLToPath(new URL('../../../docs/rules/', import.meta.url));

/** A page from a rule's own metadata, for plug-ins that bring no documentation. */
export function describeRule(rule: AnyRule): string {
  const shape = (rule.options as z.ZodObject).shape as Record<string, z.ZodType>;
  const defaults = (rule.options as z.ZodObject).parse({}) as Record<string, unknown>;
  const lines = [
    `# ${rule.id} — ${rule.title.sv} (${rule.title.en})`,
    '',
    '## What it checks',
    rule.criterion.en,
    '',
    rule.criterion.sv,
    '',
    `**Source:** ${rule.criterion.source}`,
    '',
    `Needs: ${rule.requires.length > 0 ? rule.requires.join(', ') : 'only the akt itself'}. Default severity: ${rule.defaultSeverity}.`,
    '',
    '## Options',
    ...(Object.keys(shape).length === 0
      ? ['This rule has no options.']
      : ['| option | default | meaning |', '| --- | --- | --- |', ...Object.entries(shape).map(([k, s]) => `| \`${k}\` | \`${JSON.stringify(defaults[k])}\` | ${s.description ?? ''} |`)]),
    '',
    '## Reason codes',
    '| code | status | message |',
    '| --- | --- | --- |',
    ...Object.entries(rule.reasons).map(([code, t]) => `| \`${code}\` | fail | ${t.en} |`),
    ...Object.entries(rule.notApplicable).map(([code, t]) => `| \`${code}\` | not applicable | ${t.en} |`),
  ];
  return `${lines.join('\n')}\n`;
}

export function explainCommand(): Command {
  return new Command('explain')
    .description("print a rule's documentation: what it checks, why, its options and reason codes")
    .argument('<id>', 'rule id (see aktgranskning rules)')
    .option('--config <file>', 'config file, for its plug-ins')
    .action(async (id: string, flags: { config?: string }) => {
      const { catalogue } = await resolveSettings({ config: flags.config });
      const rule = catalogue.find((r) => r.id === id) as PluginRule | undefined;
      if (!rule) throw new UserError(`unknown rule "${id}"${didYouMean(id, catalogue.map((r) => r.id))}; run 'aktgranskning rules' for the list`);
      const page = `${DOCS}${id}.md`;
      const text = rule.plugin === undefined && existsSync(page) ? await readFile(page, 'utf8') : (rule.docs ?? describeRule(rule));
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
}
