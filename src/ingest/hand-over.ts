import type { Scope } from '../model/fields.js';
import type { Akter } from '../model/types.js';
import { shareColumns, StoredAkter, type AkterPart } from '../store/index.js';

export type { AkterPart };

/**
 * The akter an export was read into, as data for another thread that checks some of them, in
 * parts to send one at a time (see StoredAkter.handOver). Undefined for akter that are not the
 * store's (an array in tests).
 */
export function handOver(akter: Akter, scopes: ReadonlySet<Scope>): Iterable<AkterPart> | undefined {
  return akter instanceof StoredAkter ? akter.handOver(scopes) : undefined;
}

/** The same akter, read on the thread that received the parts. */
export function takeOver(parts: readonly AkterPart[]): StoredAkter {
  return StoredAkter.of(parts);
}

/** The akter with their lists made only when read (StoredAkter.views), for a thread that runs a few of the rules. */
export function viewsOf(akter: Akter): Akter {
  return akter instanceof StoredAkter ? akter.views() : akter;
}

/** Whether the store of the export read next keeps its integer columns in shared memory, for a second thread to read (see shareColumns). */
export function shareStore(on: boolean): void {
  shareColumns(on);
}
