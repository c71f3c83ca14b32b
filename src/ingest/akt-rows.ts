import { AKT_PARTS, type AktList, type Dataset } from '../model/datasets.js';
import { problem, showValue } from '../model/problems.js';
import type { Provided } from '../model/types.js';
import type { StoreWriter } from '../store/index.js';
import type { Accounts } from './accounts.js';
import { CaseIds } from './case-ids.js';
import { FieldIssue } from './field-checks.js';
import type { FieldReader, Rec } from './field-reader.js';

/** Lists of an akt that need nothing but field validation. */
export type SimpleList = Exclude<AktList, 'plans' | 'followUps'>;

/** Keys of a JSON akt (or plan) that are datasets of their own, not unknown fields. */
const AKT_NESTED = new Set<string>(AKT_PARTS);
const PLAN_NESTED = new Set<string>(['subGoals'] satisfies Dataset[]);

/**
 * Registers akter by caseId and adds their rows, whichever layout they come from, with the checks
 * that join rows or span fields: a repeated caseId, a plan's reversed dates, the plan a follow-up
 * names, a follow-up after the audit date.
 */
export class AktRows {
  private readonly akter: CaseIds;
  /**
   * Akter whose case row in a CSV directory (`group`) was rejected as read already from another
   * file, with where: the other rows of that akt in the same directory belong to the rejected copy
   * (a second layout of the same export side by side), not to the akt first read.
   */
  private readonly duplicates = new Map<string, string>();
  /** The layout (CSV directory or JSON file) each akt was read from, as a small number. */
  private readonly aktGroup: number[] = [];
  private readonly groupIds = new Map<string, number>();
  /** Where the fields read here stand in their scope, looked up once. */
  private readonly pos: Record<'caseId' | 'planId' | 'validFrom' | 'validTo' | 'followUpPlan' | 'followUpDate', number>;

  constructor(
    readonly store: StoreWriter,
    private readonly accounts: Accounts,
    private readonly fields: FieldReader,
    private readonly asOf: string | undefined,
  ) {
    this.akter = new CaseIds((akt) => store.caseId(akt));
    const at = (scope: Parameters<FieldReader['position']>[0], name: string) => fields.position(scope, name);
    this.pos = { caseId: at('akt', 'caseId'), planId: at('plans', 'planId'), validFrom: at('plans', 'validFrom'), validTo: at('plans', 'validTo'), followUpPlan: at('followUps', 'planId'), followUpDate: at('followUps', 'date') };
  }

  /** The last group looked up and its number: an akt's neighbours come from the same layout. */
  private lastGroup: string | undefined;
  private lastGroupId = -1;

  private groupId(group: string): number {
    if (group === this.lastGroup) return this.lastGroupId;
    let id = this.groupIds.get(group);
    if (id === undefined) this.groupIds.set(group, (id = this.groupIds.size));
    this.lastGroup = group;
    this.lastGroupId = id;
    return id;
  }

  /** The akt with this caseId, if one was registered. */
  byCaseId(caseId: string): number | undefined {
    return this.akter.get(caseId);
  }

  /** Whether some CSV case row was rejected as a duplicate from another layout (rarely: then child rows are looked up). */
  get hasDuplicates(): boolean {
    return this.duplicates.size > 0;
  }

  /** Where the akt a CSV row of this directory belongs to was first read, if its case row there was a rejected duplicate. */
  duplicateIn(group: string, caseId: string): string | undefined {
    return this.duplicates.get(`${group}\0${caseId}`);
  }

  /**
   * Validates the scalar fields of an akt (from JSON or a cases.csv row) and registers it; `rows`
   * rows (the akt and what it holds) are rejected with it. `group` is a CSV row's directory.
   */
  addAkt(rec: Rec, rows: number, datasets: Provided, group?: string): number | undefined {
    const checked = this.fields.read('akt', rec, AKT_NESTED);
    const caseField = this.pos.caseId;
    const id = checked[caseField];
    const { at, stats } = rec;
    if (typeof id !== 'string') {
      this.accounts.reject(stats, rows, 'missing-case-id', at, { field: 'caseId', value: showValue(id instanceof FieldIssue && id.code !== 'missing-required' ? this.fields.raw('akt', caseField) : undefined) });
      return undefined;
    }
    const first = this.akter.get(id);
    if (first !== undefined) {
      const o = this.store.origin(first);
      const where = `${o.file}${o.line ? `:${o.line}` : o.index !== undefined ? `[${o.index}]` : ''}`;
      this.accounts.reject(stats, rows, 'duplicate-case-id', at, { caseId: id, field: 'caseId', value: where });
      if (group !== undefined && this.aktGroup[first] !== this.groupId(group)) this.duplicates.set(`${group}\0${id}`, where);
      return undefined;
    }
    const akt = this.store.addAkt(at, datasets);
    // A JSON file is a layout of its own; CSV tables in one directory are one layout.
    this.aktGroup[akt] = this.groupId(group ?? `\0${at.file}`);
    this.fields.keep('akt', akt, rec, id);
    this.akter.add(id, akt);
    return akt;
  }

  /** The last answer of planById, good while no plan has been added since. */
  private planFound: { akt: number; planId: string; plans: number; plan: number | undefined } = { akt: -1, planId: '', plans: -1, plan: undefined };
  private plansAdded = 0;

  /** The akt's plan with this planId (the last one, if the export repeats an id). */
  planById(akt: number, planId: string): number | undefined {
    // The follow-ups and delmål of one plan usually stand together: one walk of the akt's plans serves them all.
    const last = this.planFound;
    if (last.akt === akt && last.planId === planId && last.plans === this.plansAdded) return last.plan;
    const found = this.store.lastRowWith('plans', akt, this.pos.planId, planId);
    last.akt = akt;
    last.planId = planId;
    last.plans = this.plansAdded;
    last.plan = found;
    return found;
  }

  addPlan(akt: number, rec: Rec): number {
    const caseId = this.store.caseId(akt);
    const checked = this.fields.read('plans', rec, PLAN_NESTED);
    const row = this.store.addRow('plans', akt);
    this.plansAdded++;
    const from = this.fields.valueOf(checked[this.pos.validFrom]);
    const to = this.fields.valueOf(checked[this.pos.validTo]);
    this.fields.keep('plans', row, rec, caseId);
    if (typeof from === 'string' && typeof to === 'string' && to < from) {
      this.accounts.report(problem('plan-dates-reversed', rec.at, { caseId, field: this.fields.path(rec.prefix, 'validTo'), value: `${from} – ${to}` }));
    }
    return row;
  }

  addSubGoal(plan: number, rec: Rec, caseId: string): void {
    this.fields.read('subGoals', rec);
    this.fields.keep('subGoals', this.store.addRow('subGoals', plan), rec, caseId);
  }

  addFollowUp(akt: number, rec: Rec): void {
    const caseId = this.store.caseId(akt);
    const checked = this.fields.read('followUps', rec);
    const row = this.store.addRow('followUps', akt);
    const planField = this.pos.followUpPlan;
    const planId = this.fields.valueOf(checked[planField]);
    const date = this.fields.valueOf(checked[this.pos.followUpDate]);
    // The planId read is not stored: the plan's own string is, below, or none when no plan has it.
    if (typeof planId === 'string') checked[planField] = undefined;
    this.fields.keep('followUps', row, rec, caseId);
    if (typeof planId === 'string') {
      const plan = this.planById(akt, planId);
      if (plan === undefined) {
        this.accounts.report(problem('unknown-plan-id', rec.at, { caseId, field: this.fields.path(rec.prefix, 'planId'), value: showValue(planId) }));
      } else {
        // The plan's own string: a country has millions of follow-ups, each naming its plan.
        this.store.setText('followUps', row, planField, this.store.field('plans', plan, this.pos.planId) as string, true);
      }
    }
    // A follow-up cannot have been held after the audit date; the rules already leave it out.
    if (this.asOf !== undefined && typeof date === 'string' && date > this.asOf) {
      this.accounts.report(problem('future-date', rec.at, { caseId, field: this.fields.path(rec.prefix, 'date'), value: date }));
    }
  }

  addListItem(akt: number, scope: SimpleList | 'jobCenter', rec: Rec): void {
    this.fields.read(scope, rec);
    this.fields.keep(scope, this.store.addRow(scope, akt), rec, this.store.caseId(akt));
  }
}
