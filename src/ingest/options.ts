import type { ArchiveLimits } from '../load/zip.js';
import type { CsvTable } from '../model/datasets.js';
import type { ValueRules } from '../model/values.js';
import type { ProgressCounter } from '../progress.js';

// What the ingest reads an export with; not part of the model contract, which knows nothing of
// files, archives or progress bars.

/** How an export's own file names, column names and coded values map onto format v1. */
export interface ExportMapping {
  encoding?: string;
  delimiter?: string;
  /** File name → CSV table, or null to leave the file out. */
  files?: Readonly<Record<string, CsvTable | null>>;
  /** Workbook sheet name → table, or null to leave the sheet out. */
  sheets?: Readonly<Record<string, CsvTable | null>>;
  /** Limits on what a zip archive (or a workbook) may unpack to; the rest keep their defaults. */
  archive?: Partial<ArchiveLimits>;
  /** Per table, header → canonical column, or null for a column that is not used. */
  columns?: Readonly<Partial<Record<CsvTable, Readonly<Record<string, string | null>>>>>;
  values?: ValueRules['values'];
  dateFormats?: readonly string[];
}

export interface ReadOptions {
  /** --encoding and --delimiter; they win over the mapping and over detection. */
  encoding?: string;
  delimiter?: string;
  mapping?: ExportMapping;
  /** The audit date; dates after it are reported where the export cannot know them yet. */
  asOf?: string;
  /** Bumped per file and row read, for a progress bar. */
  progress?: ProgressCounter;
  /** 2 or more: parse CSV on a worker thread while the akter are built (the same result as 1). */
  threads?: number;
}
