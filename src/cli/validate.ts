import { Command, Option } from 'commander';
import { resolveSettings, validateExport } from '../audit.js';
import type { Lang } from '../engine/types.js';
import { EXIT_FINDINGS, EXIT_OK } from '../errors.js';
import { KEY_ENV, loadPseudonymKey } from '../privacy/pseudonym.js';
import { VALIDATION_FORMATTERS } from '../report/formatters/validation.js';
import { fileLabels, publicProblem } from '../report/public.js';
import { chooseLang } from './help.js';
import { writeOutput } from './output.js';
import { addColorOptions, addInputOptions, readFlags, today, useColor, wholeNumber, type InputFlags } from './shared.js';

interface ValidateFlags extends InputFlags {
  format: string;
  output?: string;
  lang?: Lang;
  maxProblems?: number;
  public?: boolean;
  pseudonymKeyFile?: string;
  color?: boolean;
}

export function validateCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('validate')
    .description('check an export against format v1 without running rules; exit 0 clean, 1 problems, 2 unusable')
    .argument('<path...>', 'export directories or files (.csv tables, .json, .ndjson)');
  addColorOptions(cmd);
  return addInputOptions(cmd)
    .addOption(new Option('--format <name>', 'output format').choices(Object.keys(VALIDATION_FORMATTERS)).default('terminal'))
    .option('-o, --output <file>', 'write the result to a file instead of stdout')
    .addOption(new Option('--lang <lang>', 'language').choices(['sv', 'en']))
    .option('--max-problems <n>', 'list at most n problems (the counts always cover all)', wholeNumber)
    .option('--public', 'list problems without akt, line or value (akter by keyed pseudonym)')
    .option('--pseudonym-key-file <file>', `secret for the pseudonyms (default: $${KEY_ENV}, else a key for this run only)`)
    .action(async (paths: string[], flags: ValidateFlags) => {
      const read = readFlags(flags);
      const settings = await resolveSettings({ config: flags.config, configLookup: flags.configLookup, mapping: flags.mapping });
      const asOf = flags.asOf ?? settings.asOf ?? today();
      const key = flags.public ? await loadPseudonymKey(flags.pseudonymKeyFile) : undefined;
      const full = await validateExport({ paths, asOf, read: { ...read, mapping: settings.mapping }, maxProblems: flags.maxProblems, rules: settings.rules.map((a) => a.rule) });
      const label = fileLabels(full.input.files, full.problems);
      const result = key ? { ...full, input: { ...full.input, files: full.input.files.map((f) => ({ ...f, file: label(f.file) })) }, problems: full.problems.map((p) => publicProblem(p, key, label)) } : full;
      const text = VALIDATION_FORMATTERS[flags.format]!(result, {
        lang: chooseLang(flags.lang, settings.lang),
        color: flags.format === 'terminal' && flags.output === undefined && useColor(flags.color),
      });
      setExit(result.valid ? EXIT_OK : EXIT_FINDINGS);
      await writeOutput(flags.output, text, full.input.files.map((f) => f.file));
    });
}
