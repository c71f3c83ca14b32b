/**
 * Folds a name for loose matching: diacritics, case and everything but letters and digits are
 * dropped, so "Giltig t.o.m.", "giltig_tom" and "GILTIG TOM" all read as "giltigtom".
 */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}
