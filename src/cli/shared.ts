import type { AnyRule } from '../engine/types.js';

export function ruleMap(rules: readonly AnyRule[]): ReadonlyMap<string, AnyRule> {
  return new Map(rules.map((r) => [r.id, r]));
}

/** Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org). */
export function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}

/** The default audit date: today in local time, the date an auditor means by "today". */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
