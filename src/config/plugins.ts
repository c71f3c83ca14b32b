import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { AnyRule } from '../engine/types.js';
import { importModule } from '../dynamic-import.js';
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
  // At least one, counted once a code named `__proto__` is in (ownCodes).
  reasons: z.record(z.string(), Localized),
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

/** What a rule is told when a piece is not as it must be: the plug-in, the rule, where, and what is wrong. */
function invalid(spec: string, index: number, raw: unknown, issue: z.core.$ZodIssue, within: { schema: z.ZodType; value: unknown; at: readonly PropertyKey[] }): UserError {
  const name = (raw as { id?: unknown })?.id;
  const rule = typeof name === 'string' ? { sv: `regeln "${name}"`, en: `rule "${name}"` } : { sv: `regel ${index + 1}`, en: `rule ${index + 1}` };
  const path = [...within.at, ...issue.path];
  const piece = path.length > 0 ? path.join('.') : { sv: '(regeln)', en: '(the rule)' };
  const given = issue.path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), within.value);
  const what = given === undefined ? { sv: 'saknas', en: 'is missing' } : issueText(within.schema, within.value, issue);
  return new UserError('plugin-rule-invalid', { spec, rule, piece, what });
}

/** The records a rule keys by codes of its own choosing. */
const CODED = ['reasons', 'notApplicable', 'evidence', 'terms'] as const;
const PROTO = '__proto__';

/**
 * zod leaves a record's key `__proto__` out of the object it builds, unchecked (assigning it would
 * set the prototype); but a plug-in chooses its own codes. Such a code is checked here, and its
 * record made again as entries, where `__proto__` is an own key like any other, in the order written.
 */
function ownCodes(raw: Record<string, unknown>, data: Record<string, unknown>, fail: (issue: z.core.$ZodIssue, at: readonly PropertyKey[], value: unknown) => UserError): void {
  for (const key of CODED) {
    const written = raw[key];
    const parsed = data[key] as Record<string, z.infer<typeof Localized>> | undefined;
    if (parsed === undefined || typeof written !== 'object' || written === null || !Object.hasOwn(written, PROTO)) continue;
    const given = (written as Record<string, unknown>)[PROTO];
    const t = Localized.safeParse(given);
    if (!t.success) throw fail(t.error.issues[0]!, [key, PROTO], given);
    data[key] = Object.fromEntries(Object.keys(written).map((code) => [code, code === PROTO ? t.data : parsed[code]!]));
  }
  if (Object.keys(data.reasons as object).length === 0) {
    throw fail({ code: 'custom', message: 'must declare at least one reason code', path: [], input: raw.reasons }, ['reasons'], raw.reasons);
  }
}

function checkRule(raw: unknown, spec: string, index: number): PluginRule {
  const r = PluginRule.safeParse(raw);
  if (!r.success) throw invalid(spec, index, raw, r.error.issues[0]!, { schema: PluginRule, value: raw, at: [] });
  const data: Record<string, unknown> = { ...r.data };
  ownCodes(raw as Record<string, unknown>, data, (issue, at, value) => invalid(spec, index, raw, issue, { schema: Localized, value, at }));
  const rule = { ...data, options: r.data.options ?? z.strictObject({}), plugin: `plug-in ${spec}` } as unknown as PluginRule;
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
      mod = (await importModule(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw err.code === 'ERR_MODULE_NOT_FOUND' ? new UserError('plugin-missing-import', { spec }) : new UserError('plugin-unloadable', { spec, why: err.message });
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
