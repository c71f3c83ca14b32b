import { realId } from '../../src/privacy/real-id.js';
import type { Aggregator } from '../../src/report/aggregate.js';

/** The aggregate as text that keeps every order (object keys, map entries) and the real caseIds. */
export function snapshot(out: ReturnType<Aggregator['finish']>): string {
  return JSON.stringify(out, (_k, v: unknown) => {
    if (v instanceof Map) return [...(v as Map<unknown, unknown>)];
    if (v && typeof v === 'object' && 'caseId' in v && !Array.isArray(v)) return { ...(v as object), realId: realId(v as { caseId: string }) };
    return v;
  });
}
