/**
 * The store's one interface: the ingest fills an AktStore and hands its akter on as a
 * StoredAkter list, which the rest of the tool reads through the contract's `Akter`. How the akter
 * are kept (columns, shared values, compiled row objects) stays inside this folder.
 */
export { AktStore, UNIQUE_FIELDS } from './akt-store.js';
export { StoredAkter } from './akter.js';
export { detach, type ValueTable } from './columns.js';
