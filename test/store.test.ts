import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowTable, ValueTable } from '../src/store/columns.js';
import { AktStore, UNIQUE_FIELDS } from '../src/store/akt-store.js';
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
          // Filled into an object of its own (as an AktView is), with the field `always` set even when empty.
          const always = fields[row % fields.length]!;
          const filled = {};
          const plainFilled = {};
          table.fill(row, values, filled, always);
          table.plainFill(row, values, plainFilled, always);
          expect(filled).toStrictEqual(plainFilled);
          expect(Object.keys(filled)).toEqual(Object.keys(plainFilled));
          expect(Object.keys(plainFilled)).toEqual(fields.filter((name, f) => rows[row]![f] !== undefined || name === always));
        }
        // Made again, each object is equal to the first made of its row: the factory keeps one literal per set of fields.
        for (let row = 0; row < rows.length; row++) {
          expect(table.object(row, values)).toStrictEqual(table.plainObject(row, values));
          // With one more key after the fields (a plan's delmål), as if set afterwards.
          const list = [{ text: 'a' }];
          const withList = table.objectWith(row, values, 'subGoals', list);
          expect(withList).toStrictEqual({ ...table.plainObject(row, values), subGoals: list });
          expect(Object.keys(withList)).toEqual([...Object.keys(table.plainObject(row, values)), 'subGoals']);
          expect(withList.subGoals).toBe(list);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('a row table as it grows', () => {
  it('keeps every value set, and reads every field never set (or cleared) as empty, across its growth and room made ahead', () => {
    const fields = scalarFields('plans');
    const write = fc.record({ row: fc.nat(), field: fc.nat(fields.length - 1), value: cell, clear: fc.boolean() });
    // Room for more rows made once, at some row, as the loader does from a file's size: too little, too much or none.
    const ahead = fc.option(fc.record({ at: fc.nat(5000), rows: fc.nat(6000) }));
    // Identifier columns given their room with the table's, or (as past 16 million rows) grown as written.
    const roomLimit = fc.constantFrom(undefined, 0, 2048);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.array(write, { maxLength: 60 }), ahead, roomLimit, (count, writes, reserve, limit) => {
        const table = new RowTable(fields, UNIQUE_FIELDS, limit);
        const values = new ValueTable();
        const expected = new Map<string, unknown>();
        // Rows are added one by one, and each write lands once its row exists, as the loader does.
        const byRow = new Map<number, typeof writes>();
        for (const w of writes) byRow.set(w.row % count, [...(byRow.get(w.row % count) ?? []), w]);
        for (let i = 0; i < count; i++) {
          if (reserve && reserve.at % count === i) table.reserve(reserve.rows);
          const row = table.add();
          expect(row).toBe(i);
          for (const { field, value, clear } of byRow.get(row) ?? []) {
            if (clear) table.clear(row, field);
            else if (value === undefined) continue;
            else if (table.isUnique(field)) table.setText(row, field, String(value));
            else table.setId(row, field, values.id(value));
            expected.set(`${row}:${field}`, clear ? undefined : table.isUnique(field) ? String(value) : value);
          }
        }
        expect(table.length).toBe(count);
        for (let row = 0; row < count; row++) {
          for (let f = 0; f < fields.length; f++) expect(table.value(row, f, values)).toBe(expected.get(`${row}:${f}`));
          expect(table.next.get(row)).toBe(-1);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("an akt's origin", () => {
  it('has the line and index it was read at, only those, keys in the order file, line, index', () => {
    const store = new AktStore();
    const at = [{ file: 'a.csv', line: 2 }, { file: 'b.json', index: 0 }, { file: 'c.json', line: 7, index: 3 }, { file: 'd.csv' }, { file: 'a.csv', line: 1, index: 0 }];
    const akter = at.map((l) => store.addAkt(l, new Set()));
    akter.forEach((akt, i) => {
      expect(store.origin(akt)).toStrictEqual(at[i]);
      expect(Object.keys(store.origin(akt))).toEqual(Object.keys(at[i]!));
    });
  });
});
