/** A value rebuilt by JsonUnpacker without its objects' CODES_AT, which only the field checks read (own `__proto__` keys kept). */
export function untagged(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(untagged);
  if (typeof v !== 'object' || v === null) return v;
  const o = {};
  for (const k of Object.keys(v)) Object.defineProperty(o, k, { value: untagged((v as Record<string, unknown>)[k]), writable: true, enumerable: true, configurable: true });
  return o;
}
