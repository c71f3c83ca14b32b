import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { ActiveRule } from '../engine/run.js';
import type { AnyRule, Severity } from '../engine/types.js';
import { UserError } from '../errors.js';
import { isIsoDate } from '../model/dates.js';
import { dirname, join, relative, resolve } from 'node:path';
import type { ExportMapping } from '../ingest/options.js';
import { loadMapping, parseMapping } from './mapping.js';
import { readUserJson } from './read-json.js';
import { PRESETS } from '../../rules/index.js';
import { issuePath, issueText, unknownKeys } from './issue.js';
import { suggestion } from './suggest.js';

export const CONFIG_FILE = 'aktgranskning.config.json';

const SeveritySetting = z.enum(['off', 'error', 'warning']);
const RuleSetting = z.union([
  SeveritySetting,
  z.strictObject({ severity: SeveritySetting.optional(), options: z.record(z.string(), z.unknown()).optional() }),
]);

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  asOf: z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD').optional(),
  lang: z.enum(['sv', 'en']).optional(),
  rules: z.record(z.string(), RuleSetting).optional(),
  /** Share thresholds (per cent) of the four-step bedömning: Uppfyllt ≥ fulfilled > I huvudsak ≥ largely > Delvis ≥ partly > Ej uppfyllt. */
  grades: z
    .strictObject({
      fulfilled: z.number().min(0).max(100).default(90),
      largely: z.number().min(0).max(100).default(75),
      partly: z.number().min(0).max(100).default(40),
    })
    .refine((g) => g.fulfilled >= g.largely && g.largely >= g.partly, { message: 'must be fulfilled ≥ largely ≥ partly', params: { sv: 'ska vara fulfilled ≥ largely ≥ partly' } })
    .optional(),
  /** Per rule, the per cent of each stadsdel's assessed akter that must meet it; when any is set, only these decide exit code 1. */
  thresholds: z.record(z.string(), z.number().min(0).max(100)).optional(),
  /** `core`: the four rules revisionsrapport 3-2011 checked; `all` (default): every rule, plug-ins included. */
  preset: z.enum(['core', 'all']).optional(),
  /** Placeholder texts of this export ("enl. tidigare"), beyond the built-in list: every rule reading free text treats them as missing. */
  placeholders: z.array(z.string().min(1)).optional(),
  /** Plug-in modules: paths (relative to this config) or package names. */
  plugins: z.array(z.string().min(1)).optional(),
  /** A mapping file (relative to this config) or the mapping itself. */
  mapping: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

function describeIssue(file: string, raw: unknown, issue: z.core.$ZodIssue): UserError {
  const where = issuePath(issue);
  if (issue.code === 'unrecognized_keys') return new UserError('unknown-key', { file, keys: unknownKeys(issue.keys, Object.keys(ConfigSchema.shape)), where });
  return new UserError('invalid-setting', { file, where, message: issueText(ConfigSchema, raw, issue) });
}

/**
 * aktgranskning.config.json in the working directory or the nearest directory above it, as ESLint looks:
 * the walk stops at the repository root (a directory with .git) or the filesystem root.
 */
export function findConfig(from: string = process.cwd()): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return relative(process.cwd(), candidate) || CONFIG_FILE;
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

/** Reads the config named by --config, else the one found by findConfig (unless lookup is off), else none. */
export async function loadConfig(file: string | undefined, lookup = true): Promise<{ config: Config; file?: string }> {
  const path = file ?? (lookup ? findConfig() : undefined);
  if (path === undefined) return { config: {} };
  const raw = await readUserJson(path, { sv: 'konfigurationsfilen', en: 'config file' });
  const r = ConfigSchema.safeParse(raw);
  if (!r.success) throw describeIssue(path, raw, r.error.issues[0]!);
  return { config: r.data, file: path };
}

function optionError(file: string, rule: AnyRule, raw: unknown, issue: z.core.$ZodIssue): UserError {
  const option = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys((rule.options as z.ZodObject).shape);
    return new UserError('unknown-option', { file, id: rule.id, keys: unknownKeys(issue.keys, known), known: known.join(', ') });
  }
  return new UserError('invalid-option', { file, id: rule.id, option: option || { sv: '(alternativen)', en: '(options)' }, message: issueText(rule.options as z.ZodType, raw, issue) });
}

export interface Selection {
  only?: readonly string[];
  skip?: readonly string[];
  /** --preset, which wins over the config's. */
  preset?: Preset;
}

export type Preset = 'core' | 'all';

/** Turns config and --rule/--skip-rule into the rules to run, with validated options. */
export function activeRules(all: readonly AnyRule[], config: Config, configFile: string, selection: Selection = {}): ActiveRule[] {
  const ids = all.map((r) => r.id);
  const unknown = (id: string, where: string): UserError => new UserError('unknown-rule', { where, id, suggestion: suggestion(id, ids) });
  for (const id of Object.keys(config.rules ?? {})) if (!ids.includes(id)) throw unknown(id, configFile);
  for (const id of [...(selection.only ?? []), ...(selection.skip ?? [])]) if (!ids.includes(id)) throw unknown(id, '--rule/--skip-rule');

  const preset = selection.preset ?? config.preset ?? 'all';
  const active: ActiveRule[] = [];
  for (const rule of all) {
    if (selection.only && selection.only.length > 0 && !selection.only.includes(rule.id)) continue;
    if (selection.skip?.includes(rule.id)) continue;
    const setting = config.rules?.[rule.id];
    // Like an ESLint preset: it chooses the rules on by default; a rule the config names is on too.
    const named = setting !== undefined && setting !== 'off' || Boolean(selection.only?.includes(rule.id));
    if (preset === 'core' && !PRESETS.core.includes(rule.id) && !named) continue;
    const severity = typeof setting === 'string' ? setting : (setting?.severity ?? rule.defaultSeverity);
    if (severity === 'off' && !selection.only?.includes(rule.id)) continue;
    const given = typeof setting === 'object' ? (setting.options ?? {}) : {};
    // Each schema is parsed once a run: zod's fast path would first compile it to a function (new
    // Function), which costs more than it saves here (some 6 ms of start-up for the built-in rules).
    const parsed = (rule.options as z.ZodObject).safeParse(given, { jitless: true });
    if (!parsed.success) throw optionError(configFile, rule, given, parsed.error.issues[0]!);
    active.push({ rule, severity: severity === 'off' ? rule.defaultSeverity : (severity as Severity), options: parsed.data });
  }
  return active;
}

/** The config's thresholds with --threshold over them; each must name a rule that runs. */
export function activeThresholds(config: Config, configFile: string, flags: Readonly<Record<string, number>>, active: readonly ActiveRule[], all: readonly AnyRule[]): Record<string, number> {
  const merged: Record<string, number> = { ...config.thresholds, ...flags };
  const ids = all.map((r) => r.id);
  for (const id of Object.keys(merged)) {
    const where = Object.hasOwn(flags, id) ? '--threshold' : `${configFile}: thresholds`;
    if (!ids.includes(id)) throw new UserError('unknown-rule', { where, id, suggestion: suggestion(id, ids) });
    if (!active.some((a) => a.rule.id === id)) throw new UserError('threshold-rule-off', { where, id });
  }
  return merged;
}

/** The mapping in force: --mapping wins over the config's own. */
export async function configMapping(config: Config, configFile: string | undefined, flag: string | undefined): Promise<ExportMapping | undefined> {
  if (flag !== undefined) return loadMapping(flag);
  if (config.mapping === undefined) return undefined;
  if (typeof config.mapping === 'string') return loadMapping(config.mapping, dirname(configFile ?? CONFIG_FILE));
  return parseMapping(config.mapping, `${configFile ?? CONFIG_FILE}: mapping`);
}
