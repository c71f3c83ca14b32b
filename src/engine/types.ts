import type { z } from 'zod';
import type { Akt } from '../model/schema.js';
import type { Dataset, FieldPath } from '../model/types.js';

import type { Lang, Localized } from '../model/lang.js';

export type { Lang, Localized };

export type Addressee = 'district' | 'jobcenter';
export const THEMES = ['planning', 'goals', 'follow-up', 'cooperation', 'other'] as const;
export type Theme = (typeof THEMES)[number];

/** The source as cited at the audit date `asOf`: the earliest `sourceUntil` entry still ahead of it, else `source`. */
export function sourceAt(criterion: { source: string; sourceUntil?: readonly { until: string; source: string }[] }, asOf: string): string {
  const earlier = [...(criterion.sourceUntil ?? [])].sort((a, b) => (a.until < b.until ? -1 : 1)).find((s) => asOf < s.until);
  return earlier?.source ?? criterion.source;
}

export type Status = 'pass' | 'fail' | 'not-applicable' | 'not-assessable';
export type Severity = 'error' | 'warning';

/** Template data: what a message template may interpolate. Never prose. */
export type TemplateData = Readonly<Record<string, string | number>>;

export interface Reason<C extends string = string> {
  code: C;
  data?: TemplateData;
}

export type Outcome<F extends string = string, N extends string = string> =
  | { status: 'pass'; evidence?: TemplateData }
  | { status: 'fail'; reasons: Reason<F>[]; evidence?: TemplateData }
  | { status: 'not-applicable'; reason: Reason<N> };

export interface BaseContext {
  /** The audit date D (YYYY-MM-DD). Rules never read the clock. */
  readonly asOf: string;
  /** Placeholder texts beyond the built-in list (the config's `placeholders`); see engine/text.ts. */
  readonly placeholders?: readonly string[];
}

export interface RuleContext<S = unknown> extends BaseContext {
  /** What the rule's `prepare` computed over the whole export (e.g. how often a goal text recurs). */
  readonly shared: S;
}

export type AnyOptions = z.ZodObject;

export interface RuleDefinition<O extends AnyOptions = AnyOptions, F extends string = string, N extends string = string, S = unknown> {
  /** kebab-case, stable: reports, configs and baselines refer to it. */
  id: string;
  title: Localized;
  /**
   * The revisionskriterium the rule checks, and where it comes from: documents by title and year,
   * laws in the version in force at the audit date (`sourceUntil` holds the citation for audits
   * dated before a law was replaced; see `sourceAt`).
   */
  criterion: Localized & { source: string; sourceUntil?: readonly { until: string; source: string }[] };
  /**
   * Whom the recommendation is addressed to: the stadsdelsnämnd (default), or the nämnd responsible
   * for Jobbtorg Stockholm for the jobbtorg's own duties (revisionsrapport 3-2011 addresses those to it).
   */
  addressee?: Addressee;
  /** The revisionsfråga the rule answers; plug-ins without one are grouped under "other". */
  theme?: Theme;
  defaultSeverity: Severity;
  /** Parts of the export the rule reads; where the export lacks one, the akt is not assessable. */
  requires: readonly Dataset[];
  /**
   * Fields the rule cannot judge without (`plans.goal`). Where no row of the export carries one (a
   * CSV column absent, a JSON key no akt has), the rule is not assessable; an empty value in one
   * akt is still that akt's failure.
   */
  fields?: readonly FieldPath[];
  /** A strict zod object whose fields all have defaults. */
  options: O;
  /** Fail reasons: code → message template ({name} interpolates the reason's data). */
  reasons: Record<F, Localized>;
  /** Why an akt is outside the rule's scope: code → message template. */
  notApplicable: Record<N, Localized>;
  /**
   * Optional: a fail reason as the iakttagelser quote it, where the reason's message is written for
   * the case list (word lists, limits). {cases} is how many akter share the reason ("två akter"): those
   * with the same reason, or the reason's number datum `shared` where the rule counts more (the same
   * goal spelt in other ways), whichever is larger; both count only akter that have it.
   */
  evidence?: Partial<Record<F, Localized>>;
  /** One sentence for the iakttagelser, with {failed}, {passed} and {applicable} as number words. */
  observation: Localized;
  /** Addressed to the stadsdelsnämnd when the rule is not met. */
  recommendation: Localized;
  /**
   * Words reason data may name with `term(key)` (e.g. `unit: term('weekdays')`), so that data stays
   * codes and the formatter picks the language. The shared TERMS (none, days, weekdays) are always known.
   */
  terms?: Record<string, Localized>;
  /**
   * Looks at every akt once before any is checked. `akter` can be iterated once: large exports
   * are not held as objects, so each akt is made for this pass and dropped after it.
   */
  prepare?: (akter: Iterable<Akt>, ctx: BaseContext, options: z.output<O>) => S;
  check: (akt: Akt, ctx: RuleContext<S>, options: z.output<O>) => Outcome<F, N>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleDefinition<any, string, string, any>;

/**
 * Declares a rule. The types tie `check` to the declared reason codes and options, so a rule
 * cannot report a code it has not documented.
 */
export function defineRule<O extends AnyOptions, F extends string, N extends string, S = undefined>(
  rule: RuleDefinition<O, F, N, S>,
): RuleDefinition<O, F, N, S> {
  return rule;
}
