import type { Command } from 'commander';
import type { AnyRule } from '../engine/types.js';
import { UserError } from '../errors.js';
import { parseDelimiter } from '../load/delimiter.js';
import { encodingName } from '../load/text.js';
import { isIsoDate } from '../model/dates.js';

export function ruleMap(rules: readonly AnyRule[]): ReadonlyMap<string, AnyRule> {
  return new Map(rules.map((r) => [r.id, r]));
}

/** Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org). */
export function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}

/** The default audit date: today in local time, the date an auditor means by "today". */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Flags every command that reads an export shares. */
export interface InputFlags {
  config?: string;
  mapping?: string;
  encoding?: string;
  delimiter?: string;
  asOf?: string;
}

export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--as-of <date>', 'audit date D, YYYY-MM-DD (default: config asOf, else today)')
    .option('--config <file>', 'config file (default: ./aktgranskning.config.json if present)')
    .option('--mapping <file>', "mapping of the export's file names, columns and codes (overrides the config's)")
    .option('--encoding <name>', 'encoding of the input files, e.g. utf-8, windows-1252 (default: detected)')
    .option('--delimiter <char>', 'CSV delimiter: , ; | or tab (default: detected)');
}

/** Checks the shared flags before any file is read, so a typo costs one line and no waiting. */
export function readFlags(flags: InputFlags): { encoding?: string; delimiter?: string } {
  if (flags.asOf !== undefined && !isIsoDate(flags.asOf)) {
    throw new UserError(`--as-of ${flags.asOf}: not a date; write it as YYYY-MM-DD, e.g. 2010-11-15`);
  }
  return {
    encoding: flags.encoding === undefined ? undefined : encodingName(flags.encoding),
    delimiter: flags.delimiter === undefined ? undefined : parseDelimiter(flags.delimiter),
  };
}
