import { Command, Option } from 'commander';
import Table from 'cli-table3';
import { builtinRules } from '../../rules/index.js';
import type { Lang } from '../engine/types.js';
import { severityName } from '../i18n/catalog.js';
import { ui } from '../i18n/ui.js';

export function rulesCommand(): Command {
  return new Command('rules')
    .description('list every rule with its title, severity and source')
    .addOption(new Option('--lang <lang>', 'language').choices(['sv', 'en']).default('sv'))
    .addOption(new Option('--format <name>', 'output format').choices(['table', 'json']).default('table'))
    .action((flags: { lang: Lang; format: string }) => {
      if (flags.format === 'json') {
        const list = builtinRules.map((r) => ({ id: r.id, title: r.title, severity: r.defaultSeverity, criterion: r.criterion, requires: r.requires }));
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      const t = new Table({
        head: ['id', ui('rule', flags.lang), ui('severity', flags.lang), ui('source', flags.lang)],
        style: { head: [], border: [] },
        colWidths: [22, 26, 14, 36],
        wordWrap: true,
      });
      for (const r of builtinRules) t.push([r.id, r.title[flags.lang], severityName(r.defaultSeverity, flags.lang), r.criterion.source]);
      process.stdout.write(`${t.toString()}\n`);
    });
}
