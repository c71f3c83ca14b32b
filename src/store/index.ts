/**
 * The store's one interface: the ingest fills an AktStore and hands its akter on as a
 * StoredAkter list, which the rest of the tool reads through the contract's `Akter`. The ingest
 * sees the store as a StoreWriter; how the akter are kept (columns, shared values, compiled row
 * objects) stays inside this folder.
 */
import type { AktStore } from './akt-store.js';

export { AktStore, UNIQUE_FIELDS, type RowWriter } from './akt-store.js';
export { StoredAkter, type AkterPart } from './akter.js';
export { detach, shareColumns, type ValueTable } from './columns.js';

/** What the ingest does with the store: add akter and rows, set and read fields, look an akt up. */
export type StoreWriter = Pick<AktStore, 'values' | 'size' | 'addAkt' | 'addRow' | 'setText' | 'field' | 'caseId' | 'district' | 'origin' | 'lastRowWith' | 'writer' | 'hasJobCenter'>;
