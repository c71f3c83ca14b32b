import { Command, CommanderError } from 'commander';
import { RuleContractError } from '../engine/run.js';
import { maskPersonalNumbers } from '../privacy/personnummer.js';
import { EXIT_OK, EXIT_USAGE, UserError } from '../errors.js';
import { VERSION } from '../version.js';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { explainCommand } from './explain.js';
import { initCommand } from './init.js';
import { rulesCommand } from './rules.js';
import { sampleCommand } from './sample.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

/** A message that quotes input (a header cell, a file name, an argument) stays one line, with no terminal control codes. */
export function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

function fail(message: string): number {
  // Messages can quote the export (a header that was a data row, a file name): mask them too.
  process.stderr.write(`aktgranskning: ${maskPersonalNumbers(oneLine(message))}\n`);
  return EXIT_USAGE;
}

const USAGE_HINT = '(run aktgranskning --help for usage)';

/** Commander's own messages quote the arguments given, which may hold a personnummer; a usage error is one line with its hint. */
const OUTPUT = {
  writeErr: (s: string) => process.stderr.write(maskPersonalNumbers(s)),
  outputError: (s: string, write: (s: string) => void) => write(`${oneLine(s)} ${USAGE_HINT}\n`),
};

/** Runs the CLI and returns the exit code; it never throws and never prints a stack trace. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('aktgranskning')
    .description('Audits exports of Swedish social-services case files (SoL-akter) and reports per stadsdel.')
    .version(VERSION)
    .exitOverride()
    .configureOutput(OUTPUT);
  const setExit = (c: number) => (exitCode = c);
  for (const cmd of [checkCommand(setExit), validateCommand(setExit), compareCommand(), sampleCommand(), initCommand(), rulesCommand(), explainCommand(), schemaCommand()]) {
    program.addCommand(cmd.exitOverride().configureOutput(OUTPUT));
  }
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (e instanceof UserError) return fail(e.message);
    if (e instanceof RuleContractError) return fail(`${e.message} (a bug in that rule)`);
    if (process.env.AKTGRANSKNING_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return fail(`internal error: ${(e as Error).message} (set AKTGRANSKNING_DEBUG=1 for details)`);
  }
}
