import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { cli } from './helpers/cli.js';

/** The 2011 fixture with some columns of its plans table removed. */
function withoutColumns(drop: readonly string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'akt-partial-'));
  cpSync('fixtures/stockholm-2011/csv', dir, { recursive: true });
  const file = path.join(dir, 'plans.csv');
  const rows = parse(readFileSync(file, 'utf8')) as string[][];
  const keep = rows[0]!.map((h, i) => (drop.includes(h) ? -1 : i)).filter((i) => i >= 0);
  writeFileSync(file, stringify(rows.map((r) => keep.map((i) => r[i]))));
  return dir;
}

describe('an export without some columns', () => {
  const dir = withoutColumns(['goal', 'requirements', 'clientView']);

  it('check reports the rules as not assessed, once, naming the field, and never as failures', () => {
    const r = cli(['check', dir, '--as-of', '2010-11-15', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { notAssessed: { ruleId: string; missing: string }[]; total: { rules: { ruleId: string; failed: number; notAssessable: number }[] } };
    expect(report.notAssessed).toEqual([
      { ruleId: 'individual-goals', missing: 'plans.goal' },
      { ruleId: 'requirements-stated', missing: 'plans.requirements' },
      { ruleId: 'client-view-documented', missing: 'plans.clientView' },
    ]);
    const goals = report.total.rules.find((s) => s.ruleId === 'individual-goals')!;
    expect([goals.failed, goals.notAssessable]).toEqual([0, 20]);
    const md = cli(['check', dir, '--as-of', '2010-11-15', '--format', 'markdown']).stdout;
    expect(md).toContain('”Den enskildes uppfattning framgår” har inte kunnat bedömas i någon akt: exporten saknar fältet clientView.');
    expect(md).not.toMatch(/Individuellt utformade mål \| 0 av/);
  });

  it('validate lists the absent fields and the rules they disable, as notices: still valid', () => {
    const r = cli(['validate', dir, '--as-of', '2010-11-15', '--format', 'json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout) as { valid: boolean; notices: number; absentFields: unknown };
    expect(v.valid).toBe(true);
    expect(v.notices).toBe(3);
    expect(v.absentFields).toEqual([
      { field: 'plans.goal', rules: ['individual-goals'] },
      { field: 'plans.requirements', rules: ['requirements-stated'] },
      { field: 'plans.clientView', rules: ['client-view-documented'] },
    ]);
    const text = cli(['validate', dir, '--as-of', '2010-11-15']).stdout;
    expect(text).toContain('Fältet clientView (plans) finns inte i exporten; dessa granskningspunkter kan därför inte bedömas: client-view-documented.');
  });

  it('rules <export> says which rules the export cannot assess and why', () => {
    const list = JSON.parse(cli(['rules', dir, '--format', 'json']).stdout) as { id: string; assessable: boolean; missing: string[] }[];
    expect(list.find((r) => r.id === 'individual-goals')).toMatchObject({ assessable: false, missing: ['plans.goal'] });
    expect(list.find((r) => r.id === 'current-plan')).toMatchObject({ assessable: true, missing: [] });
  });

  it('init proposes no mapping to a column the export does not have', () => {
    const r = cli(['init', dir, '--output', '-']);
    const plans = (JSON.parse(r.stdout) as { mapping: { columns: { plans: Record<string, string | null> } } }).mapping.columns.plans;
    expect(Object.values(plans)).not.toContain('goal');
    expect(Object.values(plans)).toContain('planId');
  });

  it('the full export has no absent fields', () => {
    const v = JSON.parse(cli(['validate', 'fixtures/stockholm-2011/csv', '--as-of', '2010-11-15', '--format', 'json']).stdout) as { absentFields: unknown[] };
    expect(v.absentFields).toEqual([]);
  });
});
