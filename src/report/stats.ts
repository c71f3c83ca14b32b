/** 97.5th percentile of the standard normal: the two-sided 95 % interval. */
const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval for a share of x in n. Unlike the textbook p ± z·se it stays within
 * [0, 1] and is honest for the small samples an aktgranskning has (ten akter per stadsdel).
 */
export function wilson(x: number, n: number, z = Z95): Interval | null {
  if (n === 0) return null;
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Below this many assessed akter a share is said to rest on few akter. */
export const FEW_CASES = 30;

export const GRADES = ['fulfilled', 'largely-fulfilled', 'partly-fulfilled', 'not-fulfilled'] as const;
export type Grade = (typeof GRADES)[number];

/** Share thresholds in per cent: at least `fulfilled` is Uppfyllt, and so on down. */
export interface GradeThresholds {
  fulfilled: number;
  largely: number;
  partly: number;
}

export const DEFAULT_GRADES: GradeThresholds = { fulfilled: 90, largely: 75, partly: 40 };

/** The four-step scale of Swedish audit reports, from a share (0–1). */
export function grade(share: number, t: GradeThresholds = DEFAULT_GRADES): Grade {
  // Compared in whole hundredths, so 0.9 (nine of ten) is 90 % and meets a 90 % threshold.
  const pct = Math.round(share * 10000) / 100;
  if (pct >= t.fulfilled) return 'fulfilled';
  if (pct >= t.largely) return 'largely-fulfilled';
  if (pct >= t.partly) return 'partly-fulfilled';
  return 'not-fulfilled';
}
