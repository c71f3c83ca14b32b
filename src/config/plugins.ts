import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { AnyRule } from '../engine/types.js';
import { UserError } from '../errors.js';
import { DATASETS } from '../model/datasets.js';
import { issueText } from './issue.js';

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
    throw new UserError('plugin-not-found', { spec, base });
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

function checkRule(raw: unknown, spec: string, index: number): PluginRule {
  const r = PluginRule.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const name = (raw as { id?: unknown })?.id;
    const rule = typeof name === 'string' ? { sv: `regeln "${name}"`, en: `rule "${name}"` } : { sv: `regel ${index + 1}`, en: `rule ${index + 1}` };
    const piece = issue.path.length > 0 ? issue.path.join('.') : { sv: '(regeln)', en: '(the rule)' };
    const given = issue.path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), raw);
    const what = given === undefined ? { sv: 'saknas', en: 'is missing' } : issueText(PluginRule, raw, issue);
    throw new UserError('plugin-rule-invalid', { spec, rule, piece, what });
  }
  const rule = { ...r.data, options: r.data.options ?? z.strictObject({}), plugin: `plug-in ${spec}` } as unknown as PluginRule;
  if (!(rule.options as z.ZodObject).safeParse({}).success) {
    throw new UserError('plugin-rule-defaults', { spec, id: rule.id });
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
      throw err.code === 'ERR_MODULE_NOT_FOUND' ? new UserError('plugin-missing-import', { spec }) : new UserError('plugin-unloadable', { spec, why: err.message.split('\n')[0]! });
    }
    const list = rulesOf(mod);
    if (!list || list.length === 0) throw new UserError('plugin-no-rules', { spec });
    list.forEach((raw, i) => {
      const rule = checkRule(raw, spec, i);
      if (ids.has(rule.id)) throw new UserError('plugin-rule-taken', { spec, id: rule.id });
      ids.add(rule.id);
      out.push(rule);
    });
  }
  return out;
}
