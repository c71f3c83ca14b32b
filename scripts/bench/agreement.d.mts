// Types for test/bench-duckdb.test.ts; the benchmark runs the plain module.
export interface PeerFigures {
  district: string | null;
  ruleId: string;
  applicable: number;
  passed: number;
  failed: number;
  notAssessable: number;
  notApplicable: number;
}
export interface ReportFigures {
  rules: { ruleId: string }[];
  districts: { district: string | null; rules: ({ ruleId: string } & Partial<Record<string, unknown>>)[] }[];
}
export const FIGURES: readonly string[];
export function disagreements(report: ReportFigures, figures: PeerFigures[]): string[];
export function lastLine(file: string): string;
