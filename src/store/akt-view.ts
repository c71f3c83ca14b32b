import { AKT_LISTS, type AktList } from '../model/datasets.js';
import type { Akt } from '../model/schema.js';
import type { RowTable, ValueTable } from './columns.js';

/** What a view reads of its store: AktStore's, named here so that the store and its views do not import each other. */
export interface ViewStore {
  readonly tables: { readonly akt: RowTable };
  readonly values: ValueTable;
  listFor<K extends AktList>(key: K, i: number): Akt[K];
  jobCenterOf(i: number): Akt['jobCenter'];
}

/** An akt whose fields are read from the store, and whose lists are made when first read. */
export class AktView {
  readonly #store: ViewStore;
  readonly #i: number;
  readonly #made: Partial<Pick<Akt, AktList | 'jobCenter'>> = {};
  #jobCenter = false;

  constructor(store: ViewStore, i: number) {
    this.#store = store;
    this.#i = i;
    // The akt's own fields are few and cheap: set as in a full akt, district even when it has none.
    store.tables.akt.fill(i, store.values, this, 'district');
  }

  static {
    // A getter per list of the akt, made from the one list of datasets.
    for (const list of AKT_LISTS) {
      Object.defineProperty(AktView.prototype, list, {
        get(this: AktView) {
          return (this.#made[list] ??= this.#store.listFor(list, this.#i) as never);
        },
      });
    }
  }

  get jobCenter(): Akt['jobCenter'] {
    if (!this.#jobCenter) {
      this.#jobCenter = true;
      this.#made.jobCenter = this.#store.jobCenterOf(this.#i);
    }
    return this.#made.jobCenter;
  }
}
