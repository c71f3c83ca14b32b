import { describe, expect, it } from 'vitest';
import { CSV_TABLES } from '../src/load/discover.js';
import { TABLE_COLUMNS, TABLE_DATASET, TABLE_SCOPE } from '../src/model/columns.js';
import { AKT_LISTS, AKT_PARTS, DATASETS } from '../src/model/datasets.js';
import { scalarFields, SCOPES } from '../src/model/fields.js';
import { AktSchema } from '../src/model/schema.js';

describe('the one list of datasets', () => {
  it('names the scopes of the schema, in its order', () => {
    expect(Object.keys(SCOPES)).toEqual(['akt', ...DATASETS]);
  });

  it('names the keys of the akt that are not its own fields', () => {
    const own = new Set(scalarFields('akt'));
    expect(Object.keys(AktSchema.shape).filter((k) => !own.has(k))).toEqual([...AKT_PARTS]);
    expect(AKT_LISTS).toEqual(['plans', 'followUps', 'investigations', 'consents', 'placements']);
  });

  it('has a CSV table per dataset, and cases.csv for the akt', () => {
    expect(CSV_TABLES.map((t) => TABLE_SCOPE[t])).toEqual(['akt', ...DATASETS]);
    expect(Object.values(TABLE_DATASET)).toEqual([...DATASETS]);
    expect(TABLE_COLUMNS.cases).toEqual(scalarFields('akt'));
  });
});
