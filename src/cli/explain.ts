import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import type { z } from 'zod';
import { resolveSettings } from '../audit.js';
import type { PluginRule } from '../config/plugins.js';
import { suggestion } from '../config/suggest.js';
import type { AnyRule, Lang } from '../engine/types.js';
import { fill, PROBLEM_MESSAGES } from '../i18n/catalog.js';
import { cliText } from '../i18n/cli-text.js';
import { NOTICE_CODES, PROBLEM_CODES, type ProblemCode } from '../model/problems.js';
import { chooseLang } from './help.js';
import { UserError } from '../errors.js';

/** docs/ of the installed package: dist/src/cli → ../../../docs. */
const DOCS = fileURLToPath(new URL('../../../docs/rules/', import.meta.url));

/** A page from a rule's own metadata: for plug-ins that bring no documentation, and in Swedish for every rule. */
export function describeRule(rule: AnyRule, lang: Lang = 'en'): string {
  const t = (key: Parameters<typeof cliText>[0]) => cliText(key, lang);
  const shape = (rule.options as z.ZodObject).shape as Record<string, z.ZodType>;
  const defaults = (rule.options as z.ZodObject).parse({}) as Record<string, unknown>;
  const lines = [
    `# ${rule.id} — ${rule.title.sv} (${rule.title.en})`,
    '',
    t('whatItChecks'),
    rule.criterion[lang],
    '',
    rule.criterion[lang === 'sv' ? 'en' : 'sv'],
    '',
    `${t('source')} ${rule.criterion.source}`,
    '',
    fill(t('needs'), { needs: rule.requires.length > 0 ? rule.requires.join(', ') : t('needsNothing'), severity: rule.defaultSeverity }),
    '',
    t('options'),
    ...(Object.keys(shape).length === 0
      ? [t('noOptions')]
      : [t('optionsHeader'), '| --- | --- | --- |', ...Object.entries(shape).map(([k, s]) => `| \`${k}\` | \`${JSON.stringify(defaults[k])}\` | ${s.description ?? ''} |`)]),
    '',
    t('reasonCodes'),
    t('reasonsHeader'),
    '| --- | --- | --- |',
    ...Object.entries(rule.reasons).map(([code, m]) => `| \`${code}\` | ${t('fail')} | ${m[lang]} |`),
    ...Object.entries(rule.notApplicable).map(([code, m]) => `| \`${code}\` | ${t('notApplicable')} | ${m[lang]} |`),
    ...(lang === 'sv' ? ['', t('recommendation'), rule.recommendation.sv] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** `explain invalid-date`: what a data-problem code means and how it counts. */
function describeProblem(code: ProblemCode, lang: Lang): string {
  const level = NOTICE_CODES.has(code) ? 'levelNotice' : 'levelError';
  return [
    fill(cliText('problemTitle', lang), { code }),
    '',
    fill(cliText('problemMessage', lang), { message: PROBLEM_MESSAGES[code][lang] }),
    '',
    fill(cliText('problemLevel', lang), { level: cliText(level, lang) }),
    '',
    cliText('problemMore', lang),
    '',
  ].join('\n');
}

export function explainCommand(): Command {
  return new Command('explain')
    .description("print a rule's documentation (what it checks, why, its options and reason codes) or explain a data-problem code")
    .argument('<id>', 'rule id (see aktgranskning rules) or data-problem code (e.g. invalid-date)')
    .option('--config <file>', 'config file, for its plug-ins')
    .addOption(new Option('--lang <lang>', 'language').choices(['sv', 'en']))
    .action(async (id: string, flags: { config?: string; lang?: Lang }) => {
      const { catalogue, lang: configLang } = await resolveSettings({ config: flags.config });
      const lang = chooseLang(flags.lang, configLang);
      const rule = catalogue.find((r) => r.id === id) as PluginRule | undefined;
      if (!rule && (PROBLEM_CODES as readonly string[]).includes(id)) {
        process.stdout.write(describeProblem(id as ProblemCode, lang));
        return;
      }
      if (!rule) throw new UserError('unknown-explain', { id, suggestion: suggestion(id, [...catalogue.map((r) => r.id), ...PROBLEM_CODES]) });
      const page = `${DOCS}${id}.md`;
      const builtIn = rule.plugin === undefined && existsSync(page);
      const text = rule.docs ?? (lang === 'sv' ? `${describeRule(rule, 'sv')}${builtIn ? `\n${fill(cliText('fullPage', lang), { id })}\n` : ''}` : builtIn ? (await readFile(page, 'utf8')).replace(/^<!-- \/?generated: \w+ -->\n/gm, '') : describeRule(rule, 'en'));
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
}
