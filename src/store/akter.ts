import type { Scope } from '../model/fields.js';
import type { Akt } from '../model/schema.js';
import type { Akter, CheckedAkt, Provided } from '../model/types.js';
import { AktStore, type OwnPart, type StoreState } from './akt-store.js';

/** A part of StoredAkter as data: see handOver. */
export type AkterPart = { type: 'own'; part: OwnPart } | { type: 'akter'; store: StoreState; order: Int32Array };

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

  /**
   * The akter as data for another thread, in parts to send one by one as they are taken: the
   * identifier columns of the tables `scopes` (AktStore.ownParts; `rows` a part, for the tests), then the rest.
   */
  *handOver(scopes: ReadonlySet<Scope>, rows?: number): Generator<AkterPart> {
    for (const part of this.store.ownParts(scopes, rows)) yield { type: 'own', part };
    yield { type: 'akter', store: this.store.state(), order: this.order };
  }

  /** The same akter on the thread that received the parts. */
  static of(parts: readonly AkterPart[]): StoredAkter {
    const own = parts.flatMap((p) => (p.type === 'own' ? [p.part] : []));
    const rest = parts.find((p) => p.type === 'akter');
    if (!rest) throw new Error('the akter were not handed over whole');
    return new StoredAkter(AktStore.of(rest.store, own), rest.order);
  }

  get length(): number {
    return this.order.length;
  }

  at(i: number): CheckedAkt {
    return this.store.checked(this.order[i]!);
  }

  /**
   * The akt as `at` gives it, its lists made only when read (an AktView): for a thread that runs
   * a few of the rules, which read a few of the lists.
   */
  viewAt(i: number): CheckedAkt {
    const at = this.order[i]!;
    return { akt: this.store.view(at), origin: this.store.origin(at), datasets: this.store.datasets(at) };
  }

  /** The same akter as `viewAt` gives them, for a thread that runs a few of the rules. */
  views(): StoredAkter {
    const views = new StoredAkter(this.store, this.order);
    views.at = views.viewAt;
    return views;
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
