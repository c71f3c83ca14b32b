import { Command, CommanderError } from 'commander';
import { RuleContractError } from '../engine/run.js';
import { quote, quoteLines } from '../privacy/quote.js';
import { errorText, EXIT_OK, EXIT_USAGE, UserError } from '../errors.js';
import { usageError } from '../i18n/usage-text.js';
import { VERSION } from '../version.js';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { explainCommand } from './explain.js';
import { cliLang, localizeHelp, setCliLang } from './help.js';
import { initCommand } from './init.js';
import { rulesCommand } from './rules.js';
import { sampleCommand } from './sample.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';
import { langAfterCommand } from './argv.js';
import { ruleError } from './rule-error.js';

function fail(message: string): number {
  // Messages can quote the export (a header that was a data row, a file name): mask them too.
  process.stderr.write(`aktgranskning: ${quote(message)}\n`);
  return EXIT_USAGE;
}

/**
 * The stack for AKTGRANSKNING_DEBUG: its message may quote the export like any other, so it is
 * quoted whole (masked, then folded); the frames name only the tool's code.
 */
function debugStack(e: Error): string {
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return `${quote(`${e.name}: ${e.message}`)}\n${quoteLines(frames.join('\n'))}\n`;
}

/**
 * Commander's own messages quote the arguments given, which may hold a personnummer; a usage error is one
 * line with its hint, in the run's language.
 */
const OUTPUT = {
  writeErr: (s: string) => process.stderr.write(quoteLines(s)),
  outputError: (s: string, write: (s: string) => void) => write(`${quote(usageError(s.trim(), cliLang()))}\n`),
};

/** Runs the CLI and returns the exit code; it never throws and never prints a stack trace. */
export async function main(given: readonly string[]): Promise<number> {
  const argv = langAfterCommand(given);
  let exitCode = EXIT_OK;
  const lang = setCliLang(argv);
  const program = new Command('aktgranskning')
    .description('Audits exports of Swedish social-services case files (SoL-akter) and reports per stadsdel.')
    .version(VERSION)
    .exitOverride()
    .configureOutput(OUTPUT);
  // Set before the report is written, so a reader that stops early (`| head`) still gets the earned code.
  const setExit = (c: number) => {
    exitCode = c;
    process.exitCode = c;
  };
  for (const cmd of [checkCommand(setExit), validateCommand(setExit), compareCommand(), sampleCommand(), initCommand(), rulesCommand(), explainCommand(), schemaCommand()]) {
    program.addCommand(cmd.exitOverride().configureOutput(OUTPUT));
  }
  localizeHelp(program, lang);
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    // The command may have settled the language from the config it read; usage errors could not wait for that.
    if (e instanceof UserError) return fail(e.text(lang));
    // check and compare word it themselves, by their privacy flags (cli/rule-error.ts); here as a working paper names the akt.
    if (e instanceof RuleContractError) return fail(ruleError(e).text(lang));
    if (process.env.AKTGRANSKNING_DEBUG) process.stderr.write(debugStack(e as Error));
    return fail(errorText('internal', { message: (e as Error).message }, lang));
  }
}
