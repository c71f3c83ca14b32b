/**
 * How far a run has come: counters the pipeline bumps as it goes (a field increment per row, so
 * it costs nothing to keep) and the CLI reads on a timer to draw a progress bar.
 */
export interface ProgressCounter {
  phase: 'read' | 'check' | 'report';
  files: number;
  rows: number;
  akter: number;
}

export function newProgress(): ProgressCounter {
  return { phase: 'read', files: 0, rows: 0, akter: 0 };
}
