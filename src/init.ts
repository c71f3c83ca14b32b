import path from 'node:path';
import { isValid } from 'date-fns/isValid';
import { parse as parseDate } from 'date-fns/parse';
import { fold } from './fold.js';
import { readCsv } from './load/csv.js';
import { discover, TABLE_NAMES } from './load/discover.js';
import { CSV_TABLES, TABLE_SCOPE, type CsvTable } from './model/datasets.js';
import { readWorkbook } from './load/xlsx.js';
import { DEFAULT_LIMITS, openArchive, reorder } from './load/zip.js';
import { canonicalHeader } from './model/columns.js';
import { isIsoDate } from './model/dates.js';
import { looksLikeData } from './ingest/header.js';
import { fieldKind } from './model/fields.js';
import type { ExportMapping } from './ingest/options.js';
import { makeNormalize } from './model/values.js';
import { FIRST_PARTS } from './ingest/read-workbook.js';

/** Extensions case systems use for delimited text; other files are left out of a proposal. */
const TEXT_TABLE = new Set(['.csv', '.txt', '.tsv', '.tab', '.dat', '.skv']);
/** Rows looked at per file to find coded values and date forms. */
const SAMPLE_ROWS = 1000;
/** Date forms tried on dates the tool does not read by itself. */
const DATE_PATTERNS = ['dd.MM.yyyy', 'd.M.yyyy', 'dd/MM/yyyy', 'd/M/yyyy', 'yyyy/MM/dd', 'dd-MM-yyyy', 'yyyy.MM.dd', 'yyMMdd'];
const REFERENCE = new Date(2000, 0, 1);

export interface Proposal {
  mapping: ExportMapping;
  /** Per file: its table, and the header cells that could not be placed. */
  files: { file: string; table: CsvTable | null; encoding?: string; ascii?: boolean; delimiter?: string; unplaced: string[]; firstRowData?: number }[];
  /** Values of coded fields that neither the tool nor the proposal can place, per field. */
  unknownValues: Record<string, string[]>;
}

interface Sampled {
  table: CsvTable | null;
  header: string[];
  ascii?: boolean;
  encoding?: string;
  delimiter?: string;
  rows: string[][];
}

async function sample(file: string): Promise<Sampled> {
  const s: Sampled = { table: null, header: [], rows: [] };
  for await (const ev of readCsv(file)) {
    if (ev.kind === 'format') Object.assign(s, { encoding: ev.encoding, delimiter: ev.delimiter, ascii: ev.ascii });
    else if (ev.kind === 'header') s.header = ev.fields;
    else if (ev.kind === 'row') s.rows.push(ev.fields);
    if (s.rows.length >= SAMPLE_ROWS || ev.kind === 'error') break;
  }
  return s;
}

/** Each sheet of a workbook with its header and first rows. */
async function sampleBook(file: string): Promise<(Sampled & { sheet: string })[]> {
  const archive = await openArchive(file, file, DEFAULT_LIMITS, 'workbook');
  const sheets: (Sampled & { sheet: string })[] = [];
  try {
    for await (const ev of readWorkbook(() => reorder(archive, FIRST_PARTS), file, () => true)) {
      if (ev.kind === 'sheet') sheets.push({ sheet: ev.name, table: null, header: [], rows: [] });
      const s = sheets[sheets.length - 1]!;
      if (ev.kind === 'header') s.header = ev.fields;
      else if (ev.kind === 'rows' && s.rows.length < SAMPLE_ROWS) s.rows.push(...ev.rows.slice(0, SAMPLE_ROWS - s.rows.length).map((r) => r.fields));
    }
  } finally {
    archive.close();
  }
  return sheets;
}

/** Parts of file names that hint at a table, as case systems name their exports. */
const NAME_HINTS: Record<CsvTable, readonly string[]> = {
  cases: ['akter', 'klient', 'arende', 'case', 'person'],
  plans: ['plan'],
  subgoals: ['delmal', 'subgoal'],
  followups: ['uppfolj', 'followup', 'handelse', 'kontakt', 'journal'],
  investigations: ['utredn', 'investigation'],
  consents: ['samtyck', 'consent'],
  jobcenter: ['jobbtorg', 'jobcenter'],
  placements: ['anvisn', 'placering', 'placement'],
};

/**
 * The table whose columns the header matches best (it must have the caseId column); the file
 * name breaks ties, since child tables share their key columns. A header that matches nothing but
 * caseId, in a file whose name hints at nothing, is left for the user to place.
 */
function guessTable(header: readonly string[], file: string): CsvTable | null {
  const name = fold(path.basename(file, path.extname(file)));
  let best: CsvTable | null = null;
  let bestScore = 0;
  for (const t of CSV_TABLES) {
    const { columns } = canonicalHeader(t, header);
    const hinted = NAME_HINTS[t].some((h) => name.includes(h)) ? 0.5 : 0;
    const score = columns.filter((c) => c !== null).length + hinted;
    if (columns.includes('caseId') && score > 1 && score > bestScore) [best, bestScore] = [t, score];
  }
  return best;
}

function datePattern(values: readonly string[]): string | undefined {
  return DATE_PATTERNS.find((p) => values.every((v) => isValid(parseDate(v, p, REFERENCE))));
}

/**
 * Reads an export's headers (and its first rows) and proposes a mapping onto format v1: a table
 * for each file, a column for each header it can place (null for the rest, so the user sees them),
 * and the date forms its dates are written in.
 */
export async function proposeMapping(paths: readonly string[]): Promise<Proposal> {
  const found = await discover(paths);
  const normalize = makeNormalize();
  const mapping: Required<Pick<ExportMapping, 'files'>> & ExportMapping = { files: {}, columns: {} };
  const proposal: Proposal = { mapping, files: [], unknownValues: {} };
  const odd = new Map<string, Set<string>>();
  const undated: string[] = [];
  const place = (file: string, table: CsvTable | null, s: Sampled): void => {
    const entry: Proposal['files'][number] = { file, table, encoding: s.encoding, ascii: s.ascii, delimiter: s.delimiter, unplaced: [] };
    proposal.files.push(entry);
    const columns = table === null ? [] : canonicalHeader(table, s.header).columns;
    // A data row is not proposed as column names: the proposal would carry a person's data.
    if (looksLikeData(s.header, columns.filter((c) => c !== null).length)) {
      entry.firstRowData = s.header.length;
      return;
    }
    if (table === null) return;
    const own = ((mapping.columns as Record<string, Record<string, string | null>>)[table] ??= {});
    s.header.forEach((h, i) => {
      const c = columns[i] ?? null;
      own[h] = c;
      if (c === null) return entry.unplaced.push(h);
      const fk = fieldKind(TABLE_SCOPE[table], c);
      const kind = fk?.kind;
      for (const row of s.rows) {
        const raw = row[i]?.trim();
        if (!raw) continue;
        const v = normalize(TABLE_SCOPE[table], c, raw);
        if (kind === 'date' && (typeof v !== 'string' || !isIsoDate(v))) undated.push(raw);
        else if ((fk?.kind === 'enum' && typeof v === 'string' && !fk.values.includes(v)) || (kind === 'boolean' && typeof v !== 'boolean')) {
          const set = odd.get(c) ?? new Set<string>();
          set.add(raw);
          odd.set(c, set);
        }
      }
    });
  };
  for (const f of found) {
    if (f.kind === 'json' || f.kind === 'ndjson' || f.kind === 'zip') continue;
    if (f.kind === 'xlsx') {
      // Sheets are placed by name in the mapping's "sheets", as files are in its "files".
      const sheets = (mapping.sheets ??= {}) as Record<string, CsvTable | null>;
      for (const s of await sampleBook(f.path)) {
        const table = TABLE_NAMES.get(fold(s.sheet)) ?? (s.header.length > 0 ? guessTable(s.header, s.sheet) : null);
        sheets[s.sheet] = table;
        place(`${f.path}!${s.sheet}`, table, s);
      }
      continue;
    }
    if (f.kind === 'ignored' && !TEXT_TABLE.has(path.extname(f.path).toLowerCase())) continue;
    const s = await sample(f.path);
    const table = f.kind === 'csv' ? f.table : guessTable(s.header, f.path);
    (mapping.files as Record<string, CsvTable | null>)[path.basename(f.path)] = table;
    place(f.path, table, s);
  }
  const pattern = undated.length > 0 ? datePattern(undated) : undefined;
  if (pattern) mapping.dateFormats = [pattern];
  for (const [field, set] of odd) proposal.unknownValues[field] = [...set].sort();
  // Pinned only where every file agrees, so the next delivery is read the same way.
  // A plain-ASCII file reads the same in any of them, so only the others have a say; sheets have neither.
  const text = proposal.files.filter((f) => f.encoding !== undefined);
  const telling = text.filter((f) => !f.ascii);
  const first = text[0];
  if (telling[0]?.encoding && telling.every((f) => f.encoding === telling[0]!.encoding)) mapping.encoding = telling[0].encoding;
  if (first?.delimiter && text.every((f) => f.delimiter === first.delimiter)) mapping.delimiter = first.delimiter;
  if (Object.keys(mapping.files).length === 0 && mapping.sheets) delete (mapping as ExportMapping).files;
  return proposal;
}
