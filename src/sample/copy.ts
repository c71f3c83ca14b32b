import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { readCsv, type ReadOverrides } from '../load/csv.js';
import { discover } from '../load/discover.js';
import { readJson, readNdjson } from '../load/json.js';
import { canonicalHeader } from '../model/columns.js';
import type { ExportMapping } from '../ingest/options.js';

/** Where a file goes under the output directory: its place within the input path it was found under. */
function target(file: string, roots: readonly string[], outDir: string): string {
  const root = roots.find((r) => path.resolve(file).startsWith(path.resolve(r) + path.sep));
  return path.join(outDir, root ? path.relative(root, file) : path.basename(file));
}

/**
 * The files of the sample (where each goes, and its text): the rows of the sampled akter, file by file, as they stand in the export (unknown
 * columns and bad values included, for reading by hand), so the sample is an export of the same
 * layout that `check` reads with the same mapping. CSV comes out as UTF-8 with its delimiter kept.
 */
export async function copySample(paths: readonly string[], ids: ReadonlySet<string>, outDir: string, opts: { mapping?: ExportMapping } & ReadOverrides = {}): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  const files = await discover(paths, opts.mapping?.files);
  for (const f of files) {
    if (f.kind === 'ignored') continue;
    let text: string;
    if (f.kind === 'csv') {
      const rows: string[][] = [];
      let delimiter = ',';
      let idAt = -1;
      for await (const ev of readCsv(f.path, { encoding: opts.encoding ?? opts.mapping?.encoding, delimiter: opts.delimiter ?? opts.mapping?.delimiter })) {
        if (ev.kind === 'format') delimiter = ev.delimiter;
        else if (ev.kind === 'header') {
          idAt = canonicalHeader(f.table, ev.fields, opts.mapping?.columns?.[f.table]).columns.indexOf('caseId');
          rows.push(ev.fields);
        } else if (ev.kind === 'row' && idAt >= 0 && ids.has(ev.fields[idAt]?.trim() ?? '')) rows.push(ev.fields);
      }
      text = stringify(rows, { delimiter });
    } else {
      const values: unknown[] = [];
      for await (const ev of f.kind === 'json' ? readJson(f.path) : readNdjson(f.path)) {
        if (ev.kind !== 'value') continue;
        const id = (ev.value as { caseId?: unknown } | null)?.caseId;
        if (typeof id === 'string' && ids.has(id.trim())) values.push(ev.value);
      }
      text = f.kind === 'json' ? `${JSON.stringify(values, null, 2)}\n` : values.map((v) => `${JSON.stringify(v)}\n`).join('');
    }
    out.push({ file: target(f.path, paths, outDir), text });
  }
  return out;
}
