import { AKT_LISTS, type AktList } from '../model/datasets.js';
import type { Akt } from '../model/schema.js';
import type { AktStore } from './akt-store.js';

/** An akt whose fields are read from the store, and whose lists are made when first read. */
export class AktView {
  readonly #store: AktStore;
  readonly #i: number;
  readonly #made: Partial<Pick<Akt, AktList | 'jobCenter'>> = {};
  #jobCenter = false;

  constructor(store: AktStore, i: number) {
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
