import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { invalidArgument } from './help.js';
import type { AnyRule } from '../engine/types.js';
import { UserError } from '../errors.js';
import { parseDelimiter } from '../load/delimiter.js';
import { encodingName } from '../load/text.js';
import { isIsoDate } from '../model/dates.js';
import { SUPPORT_REASONS, type SupportReason } from '../model/schema.js';
import type { Selection } from '../sample/population.js';

export function ruleMap(rules: readonly AnyRule[]): ReadonlyMap<string, AnyRule> {
  return new Map(rules.map((r) => [r.id, r]));
}

/**
 * Colour: --color/--no-color decide; else FORCE_COLOR (force-color.org; "0" or "false" turn it off, as chalk reads it);
 * else only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
 */
export function useColor(flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}

/** The width to write the terminal format in: $COLUMNS, else the terminal's own width, else none (the formatter's default). */
export function terminalColumns(): number | undefined {
  const env = Number(process.env.COLUMNS);
  if (Number.isInteger(env) && env > 0) return env;
  return process.stdout.isTTY ? process.stdout.columns : undefined;
}

export function addColorOptions(cmd: Command): Command {
  return cmd.option('--color', 'colour the terminal format even when stdout is not a terminal').option('--no-color', 'no colour, even at a terminal');
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
  threads?: number;
  /** false with --no-config-lookup. */
  configLookup?: boolean;
}

export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--as-of <date>', 'audit date D, YYYY-MM-DD (default: config asOf, else today)')
    .option('--config <file>', 'config file (default: aktgranskning.config.json in the working directory or the nearest one above it, up to the repository root)')
    .option('--no-config-lookup', 'use no config file unless --config names one')
    .option('--mapping <file>', "mapping of the export's file names, columns and codes (overrides the config's)")
    .option('--encoding <name>', 'encoding of the input files, e.g. utf-8, windows-1252 (default: detected)')
    .option('--delimiter <char>', 'CSV delimiter: , ; | or tab (default: detected)')
    .option('--threads <n>', 'threads for the run: 1 keeps all on one, 2 parses CSV and NDJSON, runs some of the rules on a large export and writes the akter of xlsx and csv on a second core (default: 2 when there is one)', positive);
}

/** A commander parser for a whole number of at least `min`. */
function atLeast(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw invalidArgument('bad-whole-number', { min });
    return n;
  };
}
export const positive = atLeast(1);

/** A date given on the command line must be a real date YYYY-MM-DD: one line saying so otherwise. */
export function dateFlag(flag: string, value: string | undefined): void {
  if (value !== undefined && !isIsoDate(value)) throw new UserError('not-a-date', { flag, value });
}

/** Checks the shared flags before any file is read, so a typo costs one line and no waiting. */
export function readFlags(flags: InputFlags): { encoding?: string; delimiter?: string; threads: number } {
  dateFlag('--as-of', flags.asOf);
  return {
    encoding: flags.encoding === undefined ? undefined : encodingName(flags.encoding),
    delimiter: flags.delimiter === undefined ? undefined : parseDelimiter(flags.delimiter),
    threads: flags.threads ?? (availableParallelism() > 1 ? 2 : 1),
  };
}

export interface SelectionFlags {
  district?: string[];
  minSupportMonths?: number;
  supportReason?: string[];
  aspirant?: 'yes' | 'no';
}

export const wholeNumber = atLeast(0);

/** The population options `check` and `sample` share. */
export function addSelectionOptions(cmd: Command): Command {
  return cmd
    .option('--district <name...>', 'only akter of these stadsdelar')
    .option('--min-support-months <n>', 'only akter with at least n full months from supportStart to the audit date', wholeNumber)
    .addOption(new Option('--support-reason <reason...>', 'only akter with these försörjningshinder').choices([...SUPPORT_REASONS]))
    .addOption(new Option('--aspirant <yes|no>', 'only aspirants at a jobbtorg (enrolled, not exited before the audit date), or only others').choices(['yes', 'no']));
}

export function selectionFrom(flags: SelectionFlags): Selection {
  return {
    ...(flags.district ? { districts: flags.district } : {}),
    ...(flags.minSupportMonths !== undefined ? { minSupportMonths: flags.minSupportMonths } : {}),
    ...(flags.supportReason ? { supportReasons: flags.supportReason as SupportReason[] } : {}),
    ...(flags.aspirant ? { aspirant: flags.aspirant === 'yes' } : {}),
  };
}
