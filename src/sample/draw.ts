import { createHash } from 'node:crypto';
import type { CheckedAkt } from '../model/types.js';
import { isAspirant } from './population.js';

/**
 * Each akt's place in the draw: SHA-256 of the seed and its caseId, read as a number. Sorting by it
 * is a random permutation (simple random sampling without replacement) that depends only on the
 * seed and the caseIds, so file order and layout cannot change it, and taking more from the same
 * order keeps the akter already drawn.
 */
export function drawKey(seed: string, caseId: string): string {
  return createHash('sha256').update(`aktgranskning-sample-v1\0${seed}\0${caseId}`, 'utf8').digest('hex');
}

export function inDrawOrder(akter: readonly CheckedAkt[], seed: string): CheckedAkt[] {
  return akter
    .map((a) => ({ a, key: drawKey(seed, a.akt.caseId) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map((x) => x.a);
}

export interface Stratum {
  name: 'all' | 'aspirant' | 'other';
  population: number;
  wanted: number;
  drawn: string[];
}

export interface GroupDraw {
  /** A stadsdel, or null for the whole population with --size. */
  district: string | null;
  population: number;
  strata: Stratum[];
  /** Drawn from the other stratum because this one was too small. */
  shortfall?: { stratum: 'aspirant' | 'other'; missing: number };
}

/**
 * Draws `size` akter from one group. With an aspirant share, that share of the sample (rounded) is
 * drawn among aspirants and the rest among the others; a stratum too small is taken whole and the
 * other fills the gap.
 */
export function drawGroup(district: string | null, akter: readonly CheckedAkt[], size: number, seed: string, asOf: string, aspirantShare?: number): GroupDraw {
  if (aspirantShare === undefined) {
    const drawn = inDrawOrder(akter, seed).slice(0, size).map((a) => a.akt.caseId);
    return { district, population: akter.length, strata: [{ name: 'all', population: akter.length, wanted: size, drawn }] };
  }
  const asp = inDrawOrder(akter.filter((a) => isAspirant(a, asOf)), seed);
  const other = inDrawOrder(akter.filter((a) => !isAspirant(a, asOf)), seed);
  const wantAsp = Math.round(size * aspirantShare);
  const wantOther = size - wantAsp;
  let takeAsp = Math.min(wantAsp, asp.length);
  let takeOther = Math.min(wantOther, other.length);
  let shortfall: GroupDraw['shortfall'];
  if (takeAsp < wantAsp) {
    shortfall = { stratum: 'aspirant', missing: wantAsp - takeAsp };
    takeOther = Math.min(other.length, takeOther + shortfall.missing);
  } else if (takeOther < wantOther) {
    shortfall = { stratum: 'other', missing: wantOther - takeOther };
    takeAsp = Math.min(asp.length, takeAsp + shortfall.missing);
  }
  return {
    district,
    population: akter.length,
    strata: [
      { name: 'aspirant', population: asp.length, wanted: wantAsp, drawn: asp.slice(0, takeAsp).map((a) => a.akt.caseId) },
      { name: 'other', population: other.length, wanted: wantOther, drawn: other.slice(0, takeOther).map((a) => a.akt.caseId) },
    ],
    ...(shortfall ? { shortfall } : {}),
  };
}
