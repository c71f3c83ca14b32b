/**
 * Masks anything shaped like a personnummer or samordningsnummer (6 or 8 digits, an optional - or +,
 * 4 digits, not part of a longer digit run). Lookalikes are masked too: a false alarm costs nothing,
 * a leak in a public revisionsrapport is a data breach.
 */
const PERSONNUMMER = /(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/g;
export const MASK = 'ÅÅMMDD-XXXX';

export function maskPersonalNumbers(text: string): string {
  return text.replace(PERSONNUMMER, MASK);
}

export function maskData<T extends Readonly<Record<string, string | number>>>(data: T | undefined): T | undefined {
  if (!data) return data;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === 'string' ? maskPersonalNumbers(v) : v;
  return out as T;
}
