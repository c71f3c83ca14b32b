import { createReadStream } from 'node:fs';
import { parse, CsvError } from 'csv-parse';

export type CsvEvent =
  | { kind: 'header'; line: number; fields: string[] }
  | { kind: 'row'; line: number; fields: string[] }
  | { kind: 'error'; line: number; message: string };

/**
 * Streams a CSV file as raw records with the line each starts on. Syntax errors end the file
 * with an error event instead of a throw, so the caller can report them next to the rows read.
 */
export async function* readCsv(file: string): AsyncGenerator<CsvEvent> {
  const parser = createReadStream(file).pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: false }),
  );
  let lastLine = 0;
  let header = true;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = lastLine + 1;
      lastLine = info.lines;
      if (record.length === 1 && record[0] === '') continue;
      if (header) {
        header = false;
        yield { kind: 'header', line, fields: record.map((f) => f.trim()) };
      } else {
        yield { kind: 'row', line, fields: record };
      }
    }
  } catch (e) {
    if (e instanceof CsvError) {
      const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as unknown as { lines: number }).lines : lastLine + 1;
      yield { kind: 'error', line, message: e.code };
      return;
    }
    throw e;
  } finally {
    parser.destroy();
  }
}
