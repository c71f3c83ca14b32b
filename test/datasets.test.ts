import { describe, expect, it } from 'vitest';
import { TABLE_COLUMNS } from '../src/model/columns.js';
import { AKT_LISTS, AKT_PARTS, CSV_TABLES, DATASETS, TABLE_DATASET, TABLE_SCOPE } from '../src/model/datasets.js';
import { scalarFields, SCOPES } from '../src/model/fields.js';
import { AktSchema, ConsentSchema, FollowUpSchema, InvestigationSchema, JobCenterSchema, PlacementSchema, PlanSchema, SubGoalSchema } from '../src/model/schema.js';

describe('the one list of datasets', () => {
  it('names the scopes of the schema, in its order', () => {
    expect(Object.keys(SCOPES)).toEqual(['akt', ...DATASETS]);
    // Read from the akt's schema by name (delmål from within a plan): the very schemas, not copies.
    const schemas = [AktSchema, PlanSchema, SubGoalSchema, FollowUpSchema, InvestigationSchema, ConsentSchema, JobCenterSchema, PlacementSchema];
    Object.values(SCOPES).forEach((s, i) => expect(s).toBe(schemas[i]));
  });

  it('names the keys of the akt that are not its own fields', () => {
    const own = new Set(scalarFields('akt'));
    expect(Object.keys(AktSchema.shape).filter((k) => !own.has(k))).toEqual([...AKT_PARTS]);
    expect(AKT_LISTS).toEqual(['plans', 'followUps', 'investigations', 'consents', 'placements']);
  });

  it('has a CSV table per dataset, and cases.csv for the akt', () => {
    // The file names users give their exports: the datasets' names in lower case, in reading order.
    expect(CSV_TABLES).toEqual(['cases', 'plans', 'subgoals', 'followups', 'investigations', 'consents', 'jobcenter', 'placements']);
    expect(CSV_TABLES.map((t) => TABLE_SCOPE[t])).toEqual(['akt', ...DATASETS]);
    expect(Object.values(TABLE_DATASET)).toEqual([...DATASETS]);
    expect(TABLE_COLUMNS.cases).toEqual(scalarFields('akt'));
  });
});
