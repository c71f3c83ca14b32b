import type { Akt } from '../model/schema.js';
import type { Akter, CheckedAkt, Dataset, FieldPath, Provided } from '../model/types.js';
import type { AnyRule, BaseContext, Reason, RuleContext, Severity, Status, TemplateData } from './types.js';

export interface ActiveRule {
  rule: AnyRule;
  severity: Severity;
  /** Options after the rule's schema applied its defaults. */
  options: Record<string, unknown>;
}

export interface Finding {
  ruleId: string;
  status: Status;
  severity: Severity;
  /** Fail reasons; for not-applicable and not-assessable, the one reason why. */
  reasons: Reason[];
  evidence?: TemplateData;
}

export interface AktResult {
  checked: CheckedAkt;
  findings: Finding[];
}

/** Codes the engine itself gives, independent of any rule. */
export const ENGINE_REASONS = { notAssessable: 'missing-data', missingField: 'missing-field' } as const;

/**
 * What `rule` needs and the export does not provide: whole datasets first; fields only of the
 * datasets it has (a missing table is named once, not once per column).
 */
export function missingFor(rule: Pick<AnyRule, 'requires' | 'fields'>, provided: Provided): { datasets: Dataset[]; fields: FieldPath[] } {
  const datasets = rule.requires.filter((d) => !provided.has(d));
  const fields = (rule.fields ?? []).filter((f) => !provided.has(f) && !datasets.includes(f.slice(0, f.indexOf('.')) as Dataset));
  return { datasets, fields };
}

/** `plans.goal, plans.clientView` → `goal, clientView`: the names an export's columns and keys carry. */
export function fieldNames(paths: readonly string[]): string {
  return paths.map((p) => p.slice(p.indexOf('.') + 1)).join(', ');
}

/** The engine's reason for an akt the export cannot let `rule` assess, or undefined. */
export function missingReason(rule: Pick<AnyRule, 'requires' | 'fields'>, provided: Provided): Reason | undefined {
  const { datasets, fields } = missingFor(rule, provided);
  if (datasets.length > 0) return { code: ENGINE_REASONS.notAssessable, data: { data: datasets.join(', ') } };
  if (fields.length > 0) return { code: ENGINE_REASONS.missingField, data: { data: fields.join(', '), field: fieldNames(fields) } };
  return undefined;
}

/**
 * The rules the export lacks the data for in every akt (every akt's datasets miss what the rule
 * needs), each with what the first akt misses. Only the engine makes an akt not assessable, so
 * these are the rules not assessable in every akt, known before any akt is checked: the data
 * formats leave them out of every akt.
 */
export function notAssessedRules(akter: AktSource, active: readonly ActiveRule[]): { ruleId: string; missing: string }[] {
  if (akter.length === 0) return [];
  const datasets = (i: number) => (isArray(akter) ? akter[i]!.datasets : akter.datasets(i));
  // An export has one set of datasets, or one per directory or file: few to look at.
  const sets = new Set<Provided>();
  for (let i = 0; i < akter.length; i++) sets.add(datasets(i));
  return active.flatMap(({ rule }) => {
    for (const s of sets) if (!missingReason(rule, s)) return [];
    return [{ ruleId: rule.id, missing: String(missingReason(rule, datasets(0))!.data!.data) }];
  });
}

/**
 * What a rule did wrong, as data: the rule, the plug-in that brought it, the akt (its caseId as the
 * export writes it; none in `prepare`) and what happened. What the rule threw, and any value it
 * gave, may quote the export: whoever shows a fault masks them (the CLI, src/cli/rule-error.ts).
 */
export type RuleFault = {
  ruleId: string;
  /** The plug-in that brought the rule ("plug-in ./regler.mjs"), if any. */
  plugin?: string;
  where: 'prepare' | 'check';
  caseId?: string;
} & (
  | { kind: 'threw'; /** The thrown error's name (TypeError); absent when what was thrown is no Error. */ name?: string; message: string }
  | { kind: 'undeclared'; outcome: 'fail' | 'not-applicable'; code: string }
  | { kind: 'no-reason' }
  | { kind: 'unknown-status'; status: string }
  /** Template data or evidence that is not an object of texts and numbers (checkData): `key` and its `type` when one value is the trouble. */
  | { kind: 'bad-data'; code?: string; key?: string; type?: string }
);

/**
 * A rule broke its contract (threw, or reported an undeclared code): a bug in the rule, named as
 * such. Its message is for a program using the library, with the export's values as they are; the
 * CLI words the fault itself (src/cli/rule-error.ts).
 */
export class RuleContractError extends Error {
  override readonly name = 'RuleContractError';

  constructor(readonly fault: RuleFault) {
    super(faultMessage(fault));
  }
}

function faultMessage(f: RuleFault): string {
  const rule = `${f.plugin !== undefined ? `${f.plugin}: ` : ''}rule ${f.ruleId}`;
  const akt = `akt ${f.caseId ?? '?'}`;
  switch (f.kind) {
    case 'threw':
      return `${rule} threw ${f.where === 'prepare' ? 'in prepare' : `on ${akt}`}: ${f.name === undefined ? f.message : `${f.name}: ${f.message}`}`;
    case 'undeclared':
      return `${rule} reported ${f.outcome === 'fail' ? 'fail reason' : 'not-applicable'} code "${f.code}" on ${akt}, which it does not declare`;
    case 'no-reason':
      return `${rule} failed ${akt} without giving a reason`;
    case 'unknown-status':
      return `${rule} returned unknown status "${f.status}" on ${akt}`;
    case 'bad-data':
      return `${rule} gave ${f.code === undefined ? 'evidence' : `data of reason "${f.code}"`} on ${akt} ${f.key === undefined ? 'that is not an object of texts and numbers' : `with "${f.key}" as ${f.type === 'list' ? 'a list' : f.type}; it may hold texts and numbers only`}`;
  }
}

/** The parts of a fault every kind has: the rule, its plug-in, and where. */
function faultOf(rule: AnyRule, where: RuleFault['where'], caseId?: string): Pick<RuleFault, 'ruleId' | 'plugin' | 'where' | 'caseId'> {
  const plugin = (rule as { plugin?: unknown }).plugin;
  return { ruleId: rule.id, ...(typeof plugin === 'string' ? { plugin } : {}), where, ...(caseId !== undefined ? { caseId } : {}) };
}

function checkDeclared(rule: AnyRule, caseId: string, code: string, declared: object, outcome: 'fail' | 'not-applicable'): void {
  if (!Object.hasOwn(declared, code)) throw new RuleContractError({ ...faultOf(rule, 'check', caseId), kind: 'undeclared', outcome, code });
}

/** What a rule's own code threw, naming the plug-in, the rule and where, instead of ending as an internal error. */
function thrown(rule: AnyRule, where: RuleFault['where'], caseId: string | undefined, e: unknown): RuleContractError {
  if (e instanceof RuleContractError) return e;
  return new RuleContractError({ ...faultOf(rule, where, caseId), kind: 'threw', ...(e instanceof Error ? { name: e.name, message: e.message } : { message: String(e) }) });
}

function prepared(a: ActiveRule, akter: AktSource, ctx: BaseContext): unknown {
  try {
    return a.rule.prepare!(models(akter), ctx, a.options);
  } catch (e) {
    throw thrown(a.rule, 'prepare', undefined, e);
  }
}

/** Findings kept per rule and status (see evaluate). */
export const RECENT = 4;

/**
 * Runs one rule on one akt; `ctx` already holds the rule's shared data (made once per rule, not per
 * akt). A finding equal to one of the rule's last RECENT of the same status (same reasons and
 * evidence, keys in the same order) is that finding: most akter pass a rule, or are outside it, as
 * others before them did, often in turns of two or three outcomes (outside for one support reason
 * or another, a goal one of a few), and findings are data, never changed, so they share one object,
 * which every format then takes as it took it before. `last` holds the rule's last findings per
 * status, the latest first, from `at` on.
 */
function evaluate(active: ActiveRule, checked: CheckedAkt, ctx: RuleContext<unknown>, last: (Finding | undefined)[], at: number): Finding {
  const { rule } = active;
  let out: ReturnType<AnyRule['check']>;
  try {
    out = rule.check(checked.akt, ctx, active.options);
  } catch (e) {
    throw thrown(rule, 'check', checked.akt.caseId, e);
  }
  // Stryker disable next-line ArithmeticOperator,EqualityOperator,ConditionalExpression,StringLiteral: equivalent, another layout of the same slots (a finding is taken only for its own status)
  const slot = RECENT * (at + (out.status === 'pass' ? 0 : out.status === 'fail' ? 1 : 2));
  // Stryker disable next-line EqualityOperator: equivalent, the slot after the rule's last is another status's
  for (let j = slot; j < slot + RECENT; j++) {
    const previous = last[j];
    if (previous === undefined) break;
    if (previous.status === out.status && sameOutcome(out, previous)) return previous;
  }
  const made = finding(active, checked.akt.caseId, out);
  // Stryker disable next-line EqualityOperator: equivalent, last[slot] is written next
  for (let j = slot + RECENT - 1; j > slot; j--) last[j] = last[j - 1];
  return (last[slot] = made);
}

/**
 * Template data and evidence hold text and numbers only: the report quotes (masks) each string it
 * finds there, so a list or an object would carry the export's text past the gate unmasked. A
 * plug-in's JavaScript is not held to the types; this is where it is.
 */
function checkData(rule: AnyRule, caseId: string, data: unknown, code?: string): void {
  if (data === undefined) return;
  const fault = () => ({ ...faultOf(rule, 'check', caseId), kind: 'bad-data' as const, ...(code !== undefined ? { code } : {}) });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new RuleContractError(fault());
  for (const k in data) {
    const v = (data as Record<string, unknown>)[k];
    // (undefined is an absent key to every format)
    if (typeof v !== 'string' && typeof v !== 'number' && v !== undefined) throw new RuleContractError({ ...fault(), key: k, type: v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v });
  }
}

function finding({ rule, severity }: ActiveRule, caseId: string, out: ReturnType<AnyRule['check']>): Finding {
  if (out.status === 'fail') {
    if (out.reasons.length === 0) throw new RuleContractError({ ...faultOf(rule, 'check', caseId), kind: 'no-reason' });
    for (const r of out.reasons) {
      checkDeclared(rule, caseId, r.code, rule.reasons, 'fail');
      checkData(rule, caseId, r.data, r.code);
    }
    checkData(rule, caseId, out.evidence);
    return { ruleId: rule.id, status: 'fail', severity, reasons: out.reasons, evidence: out.evidence };
  }
  if (out.status === 'not-applicable') {
    checkDeclared(rule, caseId, out.reason.code, rule.notApplicable, 'not-applicable');
    checkData(rule, caseId, out.reason.data, out.reason.code);
    return { ruleId: rule.id, status: 'not-applicable', severity, reasons: [out.reason] };
  }
  if (out.status !== 'pass') throw new RuleContractError({ ...faultOf(rule, 'check', caseId), kind: 'unknown-status', status: String((out as { status: unknown }).status) });
  checkData(rule, caseId, out.evidence);
  return { ruleId: rule.id, status: 'pass', severity, reasons: [], evidence: out.evidence };
}

/** Whether `out` says what `f` (a finding of the same status, already checked against the contract) says. */
function sameOutcome(out: ReturnType<AnyRule['check']>, f: Finding): boolean {
  if (out.status === 'not-applicable') return sameReason(out.reason, f.reasons[0]!);
  if (out.status === 'fail') {
    if (out.reasons.length !== f.reasons.length) return false;
    for (let i = 0; i < out.reasons.length; i++) if (!sameReason(out.reasons[i]!, f.reasons[i]!)) return false;
  }
  return sameData(out.evidence, f.evidence);
}

function sameReason(a: Reason, b: Reason): boolean {
  return a.code === b.code && sameData(a.data, b.data);
}

const keysOfB: string[] = [];

/** Same keys in the same order (the order the formats write them in), with the same values. */
function sameData(a: TemplateData | undefined, b: TemplateData | undefined): boolean {
  if (a === b) return true;
  // Stryker disable next-line ConditionalExpression: equivalent for `a`, whose keys an undefined `a` lacks (n stays 0), but the type needs it
  if (a === undefined || b === undefined) return false;
  let m = 0;
  for (const k in b) keysOfB[m++] = k;
  let n = 0;
  for (const k in a) {
    if (k !== keysOfB[n] || !Object.is(a[k], b[k])) return false;
    n++;
  }
  return n === m;
}

/** The akter to check: the export's (through the contract's `Akter`), or (in tests and plug-in code) an array. */
export type AktSource = Akter | readonly CheckedAkt[];

function models(akter: AktSource): Iterable<Akt> {
  return isArray(akter) ? akter.map((c) => c.akt) : akter.models();
}

function isArray(akter: AktSource): akter is readonly CheckedAkt[] {
  return Array.isArray(akter);
}

/** Each rule's context: the audit date and what its `prepare` computed over the whole export. */
function ruleContexts(akter: AktSource, active: readonly ActiveRule[], ctx: BaseContext): RuleContext<unknown>[] {
  return active.map((a) => ({ ...ctx, shared: a.rule.prepare ? prepared(a, akter, ctx) : undefined }));
}

/** The rules of a run, ready to check one akt after another; `prepare` has looked at every akt. */
export class Checker {
  private readonly contexts: RuleContext<unknown>[];

  constructor(
    akter: AktSource,
    private readonly active: readonly ActiveRule[],
    ctx: BaseContext,
  ) {
    this.contexts = ruleContexts(akter, active, ctx);
    // Stryker disable next-line ArithmeticOperator,ArrayDeclaration: equivalent, a slot holding no finding of the status is never taken for one
    this.last = new Array<Finding | undefined>(3 * RECENT * active.length).fill(undefined);
  }

  /**
   * Per set of datasets (an export has one or a few), each rule's finding when the set lacks what
   * it needs: the same for every such akt, so made once (findings are data, never changed).
   */
  private readonly lacking = new Map<Provided, (Finding | undefined)[]>();
  private lastSet: Provided | undefined;
  private lastLacks: (Finding | undefined)[] | undefined;
  /** Per rule, its last RECENT findings that passed, failed, and found the akt outside it (see evaluate). */
  private readonly last: (Finding | undefined)[];

  findings(checked: CheckedAkt): Finding[] {
    // An export has one set of datasets, or one per directory or file: mostly the akt before's.
    // Stryker disable next-line ConditionalExpression: equivalent, the map holds the same list for the akt before's set
    let lacks = checked.datasets === this.lastSet ? this.lastLacks : this.lacking.get(checked.datasets);
    if (!lacks) {
      lacks = this.active.map(({ rule, severity }): Finding | undefined => {
        const reason = missingReason(rule, checked.datasets);
        return reason && { ruleId: rule.id, status: 'not-assessable', severity, reasons: [reason] };
      });
      this.lacking.set(checked.datasets, lacks);
    }
    this.lastSet = checked.datasets;
    this.lastLacks = lacks;
    const out = new Array<Finding>(this.active.length);
    for (let i = 0; i < this.active.length; i++) out[i] = lacks[i] ?? evaluate(this.active[i]!, checked, this.contexts[i]!, this.last, 3 * i);
    return out;
  }
}

/** Runs every active rule on every akt. Rules see only the akt, the context and their options. */
export function runRules(akter: AktSource, active: readonly ActiveRule[], ctx: BaseContext): AktResult[] {
  const checker = new Checker(akter, active, ctx);
  return [...akter].map((checked) => ({ checked, findings: checker.findings(checked) }));
}

/**
 * Each akt with its findings, made again on every walk through: the akter are made from the
 * store and checked one at a time, so no walk holds more than one akt.
 */
export function resultsOf(akter: AktSource, checker: Checker): Iterable<AktResult> & { readonly length: number } {
  return {
    length: akter.length,
    [Symbol.iterator]: () => new Results(akter, checker),
  };
}

/**
 * The walk of resultsOf, written out rather than as a generator: the check pass takes every akt
 * through it, and a plain `next` can be inlined where a generator is resumed.
 */
class Results implements Iterator<AktResult> {
  private i = 0;

  constructor(
    private readonly akter: AktSource,
    private readonly checker: Checker,
  ) {}

  next(): IteratorResult<AktResult> {
    if (this.i >= this.akter.length) return { done: true, value: undefined };
    const i = this.i++;
    const checked = isArray(this.akter) ? this.akter[i]! : this.akter.at(i);
    return { done: false, value: { checked, findings: this.checker.findings(checked) } };
  }
}
