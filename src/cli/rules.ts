import { Command, Option } from 'commander';
import Table from 'cli-table3';
import { PRESETS } from '../../rules/index.js';
import { resolveSettings } from '../audit.js';
import type { AnyRule, Lang, Severity } from '../engine/types.js';
import { severityName } from '../i18n/catalog.js';
import { cliText } from '../i18n/cli-text.js';
import { ui } from '../i18n/ui.js';
import { readExport } from '../ingest/read-export.js';
import type { Dataset, FieldPath } from '../model/types.js';
import { missingFor } from '../engine/run.js';
import { chooseLang } from './help.js';
import { addInputOptions, readFlags, today, type InputFlags } from './shared.js';

interface RulesFlags extends InputFlags {
  lang?: Lang;
  format: string;
}

function presetOf(rule: AnyRule): string {
  if ('plugin' in rule) return 'plug-in';
  return PRESETS.core.includes(rule.id) ? 'core, all' : 'all';
}

/** What the export holds, as the rules need it: a dataset counts when any akt has it. */
async function exportDatasets(paths: string[], read: ReturnType<typeof readFlags>, asOf: string, mapping: Awaited<ReturnType<typeof resolveSettings>>['mapping']): Promise<Set<Dataset | FieldPath>> {
  const loaded = await readExport(paths, { ...read, mapping, asOf });
  const out = new Set<Dataset | FieldPath>();
  for (let i = 0; i < loaded.akter.length; i++) for (const d of loaded.akter.datasets(i)) out.add(d);
  return out;
}

export function rulesCommand(): Command {
  // The same input flags as check, so a check command line still runs with `check` changed to `rules`.
  const cmd = new Command('rules')
    .description('list every rule (built-in and plug-in) with title, preset, severity and source; given an export, whether it can be assessed')
    .argument('[path...]', 'an export, to show which rules its data can assess')
    .addOption(new Option('--lang <lang>', 'language').choices(['sv', 'en']))
    .addOption(new Option('--format <name>', 'output format').choices(['table', 'json']).default('table'));
  return addInputOptions(cmd)
    .action(async (paths: string[], flags: RulesFlags) => {
      const read = readFlags(flags);
      const settings = await resolveSettings({ config: flags.config, configLookup: flags.configLookup, mapping: flags.mapping });
      const held = paths.length > 0 ? await exportDatasets(paths, read, flags.asOf ?? settings.asOf ?? today(), settings.mapping) : undefined;
      const active = new Map(settings.rules.map((a) => [a.rule.id, a.severity]));
      const list = settings.catalogue.map((r) => {
        const lack = held ? missingFor(r, held) : undefined;
        const missing = lack ? [...lack.datasets, ...lack.fields] : [];
        return {
          id: r.id,
          title: r.title,
          preset: presetOf(r),
          severity: active.get(r.id) ?? 'off',
          criterion: r.criterion,
          requires: r.requires,
          fields: r.fields ?? [],
          ...(held ? { assessable: missing.length === 0, missing } : {}),
        };
      });
      if (flags.format === 'json') {
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      const lang = chooseLang(flags.lang, settings.lang);
      const head = ['id', ui('rule', lang), cliText('preset', lang), ui('severity', lang), ui('source', lang)];
      const t = new Table({ head: held ? [...head, ui('assessable', lang)] : head, style: { head: [], border: [] }, wordWrap: true, colWidths: held ? [22, 22, 10, 9, 26, 13] : [24, 24, 11, 9, 32] });
      for (const r of list) {
        const severity = r.severity === 'off' ? cliText('off', lang) : severityName(r.severity as Severity, lang);
        const row = [r.id, r.title[lang], r.preset, severity, r.criterion.source];
        if (r.missing) row.push(r.missing.length === 0 ? ui('yes', lang) : `${ui('no', lang)} (${r.missing.join(', ')})`);
        t.push(row);
      }
      process.stdout.write(`${t.toString()}\n`);
    });
}
