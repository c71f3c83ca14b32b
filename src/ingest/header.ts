/**
 * A first row that holds data rather than column names: none of its cells is a known column, and
 * one holds two digits in a row (an id, a date, a personnummer), which column names seldom do. Such
 * a row is described by its column count, never quoted: its cells are a person's data.
 */
export function looksLikeData(cells: readonly string[], recognised: number): boolean {
  return recognised === 0 && cells.some((c) => /\d{2}/.test(c));
}
