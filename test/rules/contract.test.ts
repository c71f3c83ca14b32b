import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { builtinRules } from '../../rules/index.js';
import type { Dataset, FieldPath } from '../../src/model/types.js';
import { runCase } from './run.js';
import { tables } from './tables/index.js';

/**
 * What each rule promises the report and the user beyond its table: to whom its recommendation goes, under
 * which theme, and which datasets and columns it needs (an export lacking them gets "not assessable", naming
 * them). Written out here, not read back from the rule, so that a changed declaration fails.
 */
const CONTRACT: Record<string, { addressee: 'district' | 'jobcenter'; theme: string; requires: Dataset[]; fields: FieldPath[] }> = {
  'current-plan': { addressee: 'district', theme: 'planning', requires: ['plans'], fields: ['plans.validFrom', 'plans.validTo'] },
  'individual-goals': { addressee: 'district', theme: 'goals', requires: ['plans'], fields: ['plans.goal'] },
  'subgoals-present': { addressee: 'district', theme: 'goals', requires: ['plans', 'subGoals'], fields: ['subGoals.text'] },
  'follow-ups-traceable': { addressee: 'district', theme: 'follow-up', requires: ['plans', 'followUps'], fields: ['followUps.date', 'followUps.outcome'] },
  'investigation-before-plan': { addressee: 'district', theme: 'planning', requires: ['plans', 'investigations'], fields: ['investigations.date'] },
  'requirements-stated': { addressee: 'district', theme: 'planning', requires: ['plans'], fields: ['plans.requirements'] },
  'client-view-documented': { addressee: 'district', theme: 'planning', requires: ['plans'], fields: ['plans.clientView'] },
  'subgoals-dated': { addressee: 'district', theme: 'goals', requires: ['plans', 'subGoals'], fields: ['subGoals.text', 'subGoals.due'] },
  'consent-before-transfer': { addressee: 'district', theme: 'cooperation', requires: ['jobCenter', 'consents'], fields: ['jobCenter.referred'] },
  'waiting-time': { addressee: 'jobcenter', theme: 'cooperation', requires: ['jobCenter'], fields: ['jobCenter.referred', 'jobCenter.firstMeeting'] },
  'job-plan-within-5-days': { addressee: 'jobcenter', theme: 'cooperation', requires: ['jobCenter'], fields: ['jobCenter.firstMeeting', 'jobCenter.jobPlanCreated'] },
  'job-plan-received': { addressee: 'jobcenter', theme: 'cooperation', requires: ['jobCenter'], fields: ['jobCenter.jobPlanCreated', 'jobCenter.jobPlanReceived'] },
  'tripartite-every-3-months': { addressee: 'district', theme: 'follow-up', requires: ['jobCenter', 'followUps'], fields: ['followUps.date', 'followUps.type'] },
  'attendance-monthly': { addressee: 'district', theme: 'follow-up', requires: ['jobCenter', 'followUps'], fields: ['followUps.date', 'followUps.type'] },
  'long-term-review': { addressee: 'jobcenter', theme: 'follow-up', requires: ['jobCenter', 'followUps'], fields: ['followUps.date', 'followUps.type'] },
  'af-consulted-before-placement': { addressee: 'district', theme: 'cooperation', requires: ['placements'], fields: ['placements.afConsulted'] },
};

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(builtinRules.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  const contract = CONTRACT[id]!;
  const first = tables[id]![0]!;

  it('goes to its addressee, under its theme, as an error by default', () => {
    expect(rule.addressee ?? 'district').toBe(contract.addressee);
    expect(rule.theme).toBe(contract.theme);
    expect(rule.defaultSeverity).toBe('error');
  });

  it('is not assessable, naming the datasets, in an export without them', () => {
    const finding = runCase(id, { ...first, datasets: [] });
    expect(finding.status).toBe('not-assessable');
    expect(finding.reasons).toEqual([{ code: 'missing-data', data: { data: contract.requires.join(', ') } }]);
  });

  it('is not assessable, naming the columns, in an export whose datasets lack them', () => {
    const finding = runCase(id, { ...first, datasets: undefined, absentFields: contract.fields });
    expect(finding.status).toBe('not-assessable');
    const field = contract.fields.map((f) => f.slice(f.indexOf('.') + 1)).join(', ');
    expect(finding.reasons).toEqual([{ code: 'missing-field', data: { data: contract.fields.join(', '), field } }]);
  });

  it('describes every option (the text `rules --options` and the docs show)', () => {
    for (const [name, schema] of Object.entries((rule.options as z.ZodObject).shape)) expect((schema as z.ZodType).description?.trim(), name).toBeTruthy();
  });

  it('says every reason in both languages, with the same placeholders', () => {
    for (const templates of [...Object.values(rule.reasons), ...Object.values(rule.notApplicable)] as { sv: string; en: string }[]) {
      expect(templates.sv.trim(), templates.en).not.toBe('');
      expect(templates.en.trim(), templates.sv).not.toBe('');
      expect(placeholders(templates.sv), templates.en).toEqual(placeholders(templates.en));
    }
  });
});
