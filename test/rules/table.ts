import type { Akt } from '../../src/model/schema.js';
import type { Dataset, FieldPath } from '../../src/model/types.js';
import type { Status, TemplateData } from '../../src/engine/types.js';

/** One row of a rule's table: an akt, and the status and reason codes it must give. */
export interface RuleCase {
  description: string;
  akt: Akt;
  /** Further akter of the same export (for rules that look across akter). */
  others?: Akt[];
  options?: Record<string, unknown>;
  asOf?: string;
  /** The config's placeholder texts. */
  placeholders?: string[];
  /** The datasets the export has, with all their columns (default: every dataset). */
  datasets?: Dataset[];
  /** Columns (keys) no row of the export carries. */
  absentFields?: FieldPath[];
  /** `data`: each reason's data, in order (checked by test/rules/messages.test.ts); `evidence`: what a pass or fail records. */
  expect: { status: Status; codes?: string[]; data?: (TemplateData | undefined)[]; evidence?: TemplateData };
}

export const AS_OF = '2010-11-15';
