import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowTable, ValueTable } from '../src/store/columns.js';
import { UNIQUE_FIELDS } from '../src/store/akt-store.js';
import { scalarFields, SCOPES, type Scope } from '../src/model/fields.js';

/** A cell: no value, a shared value (text, date, boolean) or an identifier's own text. */
const cell = fc.oneof(fc.constant(undefined), fc.string(), fc.boolean(), fc.constantFrom('2011-06-01', 'praktik', 'constructor', '__proto__'));

describe('the compiled row factory and its plain twin', () => {
  it.each(Object.keys(SCOPES) as Scope[])('%s: both make equal objects, keys in the same order', (scope) => {
    const fields = scalarFields(scope);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: fields.length, maxLength: fields.length }), { minLength: 1, maxLength: 5 }), (rows) => {
        const table = new RowTable(fields, UNIQUE_FIELDS);
        const values = new ValueTable();
        for (const cells of rows) {
          const row = table.add();
          cells.forEach((v, f) => {
            if (v === undefined) return;
            if (table.isUnique(f)) table.setText(row, f, String(v));
            else table.setId(row, f, values.id(v));
          });
        }
        for (let row = 0; row < rows.length; row++) {
          const compiled = table.object(row, values);
          const plain = table.plainObject(row, values);
          expect(compiled).toStrictEqual(plain);
          expect(Object.keys(compiled)).toEqual(Object.keys(plain));
          // Every field set is there, every other one left out.
          expect(Object.keys(plain)).toEqual(fields.filter((_, f) => rows[row]![f] !== undefined));
        }
      }),
      { numRuns: 200 },
    );
  });
});
