import { TERM_PREFIX, TERMS } from '../engine/common-reasons.js';
import { fieldNames } from '../engine/run.js';
import type { AnyRule, Lang, Localized, Reason, TemplateData } from '../engine/types.js';
import { ENGINE_MESSAGES, fill, numberWord, PROBLEM_MESSAGES } from '../i18n/catalog.js';
import { ui } from '../i18n/ui.js';
import type { DataProblem } from '../model/problems.js';
import { quote } from '../privacy/quote.js';
import type { CaseResult, DistrictSummary, RuleSummary } from './types.js';

export interface FormatContext {
  lang: Lang;
  rules: ReadonlyMap<string, AnyRule>;
  color: boolean;
  /** CSV for Excel: UTF-8 with BOM, semicolons, CRLF. */
  excel?: boolean;
  /** The terminal's width in columns, for the terminal format (default 100). */
  columns?: number;
  /** Per rule, the per cent each stadsdel must reach (--threshold); the CI formats judge by it. */
  thresholds?: Readonly<Record<string, number>>;
  /** JSON indented (--pretty). */
  pretty?: boolean;
  /** JSON with each reason's and data problem's sentence, besides the catalogue (--messages). */
  messages?: boolean;
  /** JSON with each result's evidence (--evidence): working-paper detail most readers of the data never use. */
  evidence?: boolean;
  /** CSV: `wide` (default), one row per akt; `long`, one row per akt and rule (--csv-layout). */
  csvLayout?: 'wide' | 'long';
  /** Threads the run may use (--threads; default: as many as it likes): with 1, the xlsx workbook and csv's akter are written on the main thread too. */
  threads?: number;
}

export function ruleTitle(ctx: FormatContext, ruleId: string): string {
  return ctx.rules.get(ruleId)?.title[ctx.lang] ?? ruleId;
}

export function districtName(ctx: FormatContext, d: DistrictSummary | CaseResult): string {
  return d.district ?? ui('unknownDistrict', ctx.lang);
}

/**
 * A template by its code, from the record's own keys only: a plug-in rule chooses its codes, and one
 * named like a member of every object (`constructor`, `valueOf`) must find its own template or none.
 */
export function templateOf<T>(templates: Readonly<Record<string, T>> | undefined, code: string): T | undefined {
  return templates !== undefined && Object.hasOwn(templates, code) ? templates[code] : undefined;
}

/** The sentence for one reason code: the rule's own template, or the engine's. */
export function reasonMessage(ctx: FormatContext, ruleId: string, reason: Reason): string {
  const rule = ctx.rules.get(ruleId);
  const { code } = reason;
  const template = templateOf(rule?.reasons, code) ?? templateOf(rule?.notApplicable, code) ?? templateOf(ENGINE_MESSAGES, code);
  return template ? fill(template[ctx.lang], localizeTerms(ctx, rule?.terms, reason.data)) : reason.code;
}

/** A quote in the iakttagelser is one sentence: a long goal is cut there (it stands whole in Bilaga A). */
export const EVIDENCE_QUOTE = 160;

/**
 * A fail reason as the iakttagelser quote it, in the rule's own evidence wording, with how many akter
 * share it; undefined where the rule has none (then the reason's message is quoted).
 */
export function evidenceMessage(ctx: FormatContext, ruleId: string, reason: Reason, cases: number): string | undefined {
  const rule = ctx.rules.get(ruleId);
  const template = templateOf(rule?.evidence, reason.code);
  if (!template) return undefined;
  const data: Record<string, string | number> = { ...localizeTerms(ctx, rule?.terms, reason.data) };
  for (const k in data) if (typeof data[k] === 'string') data[k] = quote(data[k], EVIDENCE_QUOTE);
  const shared = reason.data?.shared;
  const n = typeof shared === 'number' ? Math.max(cases, shared) : cases;
  const noun = ctx.lang === 'sv' ? (n === 1 ? 'akt' : 'akter') : n === 1 ? 'case file' : 'case files';
  return fill(template[ctx.lang], { ...data, cases: `${numberWord(n, ctx.lang)} ${noun}` });
}

/** Data values that name a term ("weekdays", "none") become the word in the report's language. */
function localizeTerms(ctx: Pick<FormatContext, 'lang'>, own: Record<string, Localized> | undefined, data: TemplateData | undefined): TemplateData | undefined {
  if (!data) return data;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) {
    const key = typeof v === 'string' && v.startsWith(TERM_PREFIX) ? v.slice(TERM_PREFIX.length) : undefined;
    const term = key === undefined ? undefined : own && Object.hasOwn(own, key) ? own[key] : Object.hasOwn(TERMS, key) ? TERMS[key] : undefined;
    out[k] = term ? term[ctx.lang] : v;
  }
  return out;
}

export function problemMessage(ctx: Pick<FormatContext, 'lang'>, p: DataProblem): string {
  return fill(PROBLEM_MESSAGES[p.code][ctx.lang], { value: p.value ?? '–' });
}

/** One iakttagelse for a rule in a district, in the reports' own style. */
export function observation(ctx: FormatContext, s: RuleSummary): string {
  const rule = ctx.rules.get(s.ruleId);
  const title = ruleTitle(ctx, s.ruleId);
  if (s.applicable === 0) return fill(ui('noneApplicable', ctx.lang), { title });
  const words = {
    failed: numberWord(s.failed, ctx.lang),
    passed: numberWord(s.passed, ctx.lang),
    applicable: numberWord(s.applicable, ctx.lang),
    title,
  };
  if (s.failed === 0 || !rule) return fill(ui(s.applicable === 1 ? 'onlyPassed' : s.applicable === 2 ? 'bothPassed' : 'allPassed', ctx.lang), words);
  return fill(agreeing(rule.observation[ctx.lang], s.failed, s.applicable, ctx.lang), words);
}

/**
 * Number words that agree: a template's "I {failed} av {applicable} akter" becomes "I den enda
 * akten" (one of one), "I båda akterna" (two of two) or "I samtliga tio akter" (all), never
 * "I en av en akter". Templates of other shapes are left as written.
 */
export function agreeing(template: string, failed: number, applicable: number, lang: 'sv' | 'en'): string {
  const [lead, one, both, all] =
    lang === 'sv'
      ? ['I {failed} av {applicable} akter', 'I den enda akten', 'I båda akterna', 'I samtliga {applicable} akter']
      : ['In {failed} of {applicable} case files', 'In the only case file', 'In both case files', 'In all {applicable} case files'];
  if (!template.startsWith(lead) || failed !== applicable) return template;
  const rest = template.slice(lead.length);
  // The rest of the sentence follows the noun: "akter som remitterats" → "akten som remitterats".
  return (applicable === 1 ? one : applicable === 2 ? both : all) + rest;
}

export function location(p: { line?: number; index?: number }): string {
  if (p.line !== undefined) return String(p.line);
  if (p.index !== undefined) return `[${p.index}]`;
  return '';
}

/** Indexes (into report.rules and each district's rules) of the rules the export could assess at all. */
export function assessedIndexes(report: { rules: { ruleId: string }[]; notAssessed: { ruleId: string }[] }): number[] {
  const skip = new Set(report.notAssessed.map((x) => x.ruleId));
  return report.rules.flatMap((r, i) => (skip.has(r.ruleId) ? [] : [i]));
}

/** One line per rule the export lacks the data for: said once, not per stadsdel. */
export function notAssessedLines(ctx: FormatContext, report: { notAssessed: { ruleId: string; missing: string }[] }): string[] {
  return report.notAssessed.map((x) => {
    const title = ruleTitle(ctx, x.ruleId);
    // Field paths (plans.goal) name a column or key the export lacks; bare names a whole dataset.
    const paths = x.missing.split(', ');
    if (paths.every((m) => m.includes('.'))) return fill(ui('notAssessedField', ctx.lang), { title, field: fieldNames(paths) });
    return fill(ui('notAssessedRule', ctx.lang), { title, missing: x.missing });
  });
}
