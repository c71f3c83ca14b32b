import type { Akt } from '../model/schema.js';
import type { Akter, CheckedAkt, Provided } from '../model/types.js';
import type { AktStore } from './akt-store.js';

/**
 * The akter of an export, in report order, made into objects one at a time as they are asked
 * for. A selection is another view of the same store.
 */
export class StoredAkter implements Akter {
  constructor(
    readonly store: AktStore,
    /** Store positions in the order the akter are listed. */
    readonly order: Int32Array,
  ) {}

  get length(): number {
    return this.order.length;
  }

  at(i: number): CheckedAkt {
    return this.store.checked(this.order[i]!);
  }

  datasets(i: number): Provided {
    return this.store.datasets(this.order[i]!);
  }

  [Symbol.iterator](): Iterator<CheckedAkt> {
    // Not a generator: a plain `next` can be inlined where a generator is resumed, akt by akt.
    let i = 0;
    return { next: () => (i < this.order.length ? { done: false, value: this.at(i++) } : { done: true, value: undefined }) };
  }

  /** The akter of this list that `keep` accepts, as a view of the same store. */
  filter(keep: (a: CheckedAkt) => boolean): StoredAkter {
    const kept: number[] = [];
    for (let i = 0; i < this.order.length; i++) if (keep(this.at(i))) kept.push(this.order[i]!);
    return new StoredAkter(this.store, Int32Array.from(kept));
  }

  map<T>(f: (a: CheckedAkt) => T): T[] {
    const out: T[] = [];
    for (const a of this) out.push(f(a));
    return out;
  }

  /** Each akt, for rules that look at the whole export first; its lists are made when read. */
  models(): Iterable<Akt> {
    return {
      [Symbol.iterator]: () => {
        let i = 0;
        return { next: () => (i < this.order.length ? { done: false, value: this.store.view(this.order[i++]!) } : { done: true, value: undefined }) };
      },
    };
  }
}
