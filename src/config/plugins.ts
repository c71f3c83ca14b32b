import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { AnyRule } from '../engine/types.js';
import { UserError } from '../errors.js';

const DATASETS = ['plans', 'subGoals', 'followUps', 'investigations', 'consents', 'jobCenter', 'placements'] as const;

const Localized = z.strictObject({ sv: z.string().min(1), en: z.string().min(1) });
const isFunction = (v: unknown): v is (...args: never[]) => unknown => typeof v === 'function';
const isZodObject = (v: unknown): boolean => v instanceof z.ZodObject || (typeof v === 'object' && v !== null && 'safeParse' in v && 'shape' in v);

/** What a plug-in rule must declare: the same metadata a built-in rule has. */
const PluginRule = z.object({
  id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be kebab-case, e.g. "caseworker-assigned"'),
  title: Localized,
  criterion: Localized.extend({ source: z.string().min(1) }),
  defaultSeverity: z.enum(['error', 'warning']),
  requires: z.array(z.enum(DATASETS)).default([]),
  options: z.custom<z.ZodObject>(isZodObject, 'must be a zod object schema (z.strictObject) with a default for every field').optional(),
  reasons: z.record(z.string(), Localized).refine((r) => Object.keys(r).length > 0, 'must declare at least one reason code'),
  notApplicable: z.record(z.string(), Localized).default({}),
  evidence: z.record(z.string(), Localized).optional(),
  observation: Localized,
  recommendation: Localized,
  terms: z.record(z.string(), Localized).optional(),
  docs: z.string().optional(),
  prepare: z.custom(isFunction, 'must be a function').optional(),
  check: z.custom(isFunction, 'must be a function (akt, context, options) => outcome'),
});

/** Plug-ins may also carry their documentation; explain prints it. */
export type PluginRule = AnyRule & { docs?: string; plugin?: string };

function resolveSpec(spec: string, base: string): string {
  if (spec.startsWith('.') || path.isAbsolute(spec)) return path.resolve(base, spec);
  try {
    return createRequire(path.join(path.resolve(base), 'aktgranskning.config.json')).resolve(spec);
  } catch {
    throw new UserError(`plug-in "${spec}": cannot find it from ${base}; install the package (npm install ${spec}) or give a path such as ./${spec}.mjs`);
  }
}

/** A module may export one rule, an array of rules, or a rule pack { name, rules }. */
function rulesOf(mod: Record<string, unknown>): unknown[] | undefined {
  const candidate = mod.default ?? mod.rules;
  if (Array.isArray(candidate)) return candidate;
  if (typeof candidate === 'object' && candidate !== null) {
    const pack = candidate as { rules?: unknown };
    if (Array.isArray(pack.rules)) return pack.rules;
    return [candidate];
  }
  return undefined;
}

function checkRule(raw: unknown, where: string, index: number): PluginRule {
  const r = PluginRule.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? `rule "${(raw as { id: string }).id}"` : `rule ${index + 1}`;
    const piece = issue.path.length > 0 ? issue.path.join('.') : '(the rule)';
    const given = issue.path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), raw);
    const what = given === undefined ? 'is missing' : issue.message;
    throw new UserError(`${where}: ${id}: ${piece} ${what}; see docs/plugins.md`);
  }
  const rule = { ...r.data, options: r.data.options ?? z.strictObject({}), plugin: where } as unknown as PluginRule;
  if (!(rule.options as z.ZodObject).safeParse({}).success) {
    throw new UserError(`${where}: rule "${rule.id}": options must have a default for every field`);
  }
  return rule;
}

/** Loads plug-in modules and checks each rule they bring; `base` is the folder relative paths start from. */
export async function loadPlugins(specs: readonly string[], base: string, taken: readonly string[]): Promise<PluginRule[]> {
  const ids = new Set(taken);
  const out: PluginRule[] = [];
  for (const spec of specs) {
    const file = resolveSpec(spec, base);
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const why = err.code === 'ERR_MODULE_NOT_FOUND' ? 'cannot be loaded (a file or package it imports is missing)' : `cannot be loaded (${err.message.split('\n')[0]})`;
      throw new UserError(`plug-in ${spec}: ${why}`);
    }
    const list = rulesOf(mod);
    if (!list || list.length === 0) throw new UserError(`plug-in ${spec}: exports no rules; export default a rule, an array of rules, or { name, rules: [...] }`);
    list.forEach((raw, i) => {
      const rule = checkRule(raw, `plug-in ${spec}`, i);
      if (ids.has(rule.id)) throw new UserError(`plug-in ${spec}: rule id "${rule.id}" is already taken; give the rule another id`);
      ids.add(rule.id);
      out.push(rule);
    });
  }
  return out;
}
