import { Command, Option } from 'commander';
import { audit, hasFailures, resolveSettings } from '../audit.js';
import type { Lang } from '../engine/types.js';
import { EXIT_FINDINGS, EXIT_OK, UserError } from '../errors.js';
import { isIsoDate } from '../model/dates.js';
import { FORMATTERS } from '../report/formatters/index.js';
import { writeOutput } from './output.js';
import { ruleMap, today, useColor } from './shared.js';

interface CheckFlags {
  asOf?: string;
  format: string;
  output?: string;
  lang?: Lang;
  config?: string;
  rule?: string[];
  skipRule?: string[];
}

export function checkCommand(setExit: (code: number) => void): Command {
  return new Command('check')
    .description('audit the akter of an export and write the findings per stadsdel')
    .argument('<path...>', 'export directories or files (.csv tables, .json, .ndjson)')
    .option('--as-of <date>', 'audit date D, YYYY-MM-DD (default: config asOf, else today)')
    .addOption(new Option('--format <name>', 'report format').choices(Object.keys(FORMATTERS)).default('terminal'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--lang <lang>', 'report language').choices(['sv', 'en']))
    .option('--config <file>', 'config file (default: ./aktgranskning.config.json if present)')
    .option('--rule <id...>', 'run only these rules')
    .option('--skip-rule <id...>', 'do not run these rules')
    .action(async (paths: string[], flags: CheckFlags) => {
      if (flags.asOf !== undefined && !isIsoDate(flags.asOf)) {
        throw new UserError(`--as-of ${flags.asOf}: not a date; write it as YYYY-MM-DD, e.g. 2010-11-15`);
      }
      const settings = await resolveSettings(flags.config, { only: flags.rule, skip: flags.skipRule });
      const asOf = flags.asOf ?? settings.asOf ?? today();
      const lang = flags.lang ?? settings.lang ?? 'sv';
      const { report } = await audit({ paths, asOf, rules: settings.rules });
      const text = FORMATTERS[flags.format]!(report, {
        lang,
        rules: ruleMap(settings.rules.map((r) => r.rule)),
        color: flags.format === 'terminal' && flags.output === undefined && useColor(),
      });
      await writeOutput(flags.output, text, report.input.files.map((f) => f.file));
      setExit(hasFailures(report) ? EXIT_FINDINGS : EXIT_OK);
    });
}
