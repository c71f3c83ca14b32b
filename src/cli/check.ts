import { Command, Option } from 'commander';
import { audit, hasFailures, resolveSettings } from '../audit.js';
import type { Preset } from '../config/config.js';
import type { Lang } from '../engine/types.js';
import { EXIT_FINDINGS, EXIT_OK } from '../errors.js';
import { FORMATTERS } from '../report/formatters/index.js';
import { writeOutput } from './output.js';
import { addInputOptions, readFlags, ruleMap, today, useColor, type InputFlags } from './shared.js';

interface CheckFlags extends InputFlags {
  format: string;
  output?: string;
  lang?: Lang;
  rule?: string[];
  skipRule?: string[];
  preset?: Preset;
  strict?: boolean;
}

export function checkCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('check')
    .description('audit the akter of an export and write the findings per stadsdel')
    .argument('<path...>', 'export directories or files (.csv tables, .json, .ndjson)');
  return addInputOptions(cmd)
    .addOption(new Option('--format <name>', 'report format').choices(Object.keys(FORMATTERS)).default('terminal'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--lang <lang>', 'report language').choices(['sv', 'en']))
    .option('--rule <id...>', 'run only these rules')
    .option('--skip-rule <id...>', 'do not run these rules')
    .addOption(new Option('--preset <name>', 'core: the four rules of the 2011 audit; all: every rule (default)').choices(['core', 'all']))
    .option('--strict', 'exit 1 when the export has data problems, even if every akt passes')
    .action(async (paths: string[], flags: CheckFlags) => {
      const read = readFlags(flags);
      const settings = await resolveSettings({ config: flags.config, mapping: flags.mapping, only: flags.rule, skip: flags.skipRule, preset: flags.preset });
      const asOf = flags.asOf ?? settings.asOf ?? today();
      const lang = flags.lang ?? settings.lang ?? 'sv';
      const { report } = await audit({ paths, asOf, rules: settings.rules, read: { ...read, mapping: settings.mapping }, grades: settings.grades });
      const text = FORMATTERS[flags.format]!(report, {
        lang,
        rules: ruleMap(settings.catalogue),
        color: flags.format === 'terminal' && flags.output === undefined && useColor(),
      });
      await writeOutput(flags.output, text, report.input.files.map((f) => f.file));
      const problems = flags.strict === true && report.dataProblems.some((p) => p.level === 'error');
      setExit(hasFailures(report) || problems ? EXIT_FINDINGS : EXIT_OK);
    });
}
