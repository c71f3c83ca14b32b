import type { Akt } from '../../src/model/schema.js';
import type { Dataset } from '../../src/model/types.js';
import type { Status } from '../../src/engine/types.js';

/** One row of a rule's table: an akt, and the status and reason codes it must give. */
export interface RuleCase {
  description: string;
  akt: Akt;
  /** Further akter of the same export (for rules that look across akter). */
  others?: Akt[];
  options?: Record<string, unknown>;
  asOf?: string;
  datasets?: Dataset[];
  expect: { status: Status; codes?: string[] };
}

export const AS_OF = '2010-11-15';
