import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { detectDelimiter } from './delimiter.js';
import { decodeFile, detectEncoding, hashFile, readSample, type TextTally } from './text.js';

export interface ReadOverrides {
  encoding?: string;
  delimiter?: string;
}

export type CsvEvent =
  | { kind: 'format'; encoding: string; delimiter: string; ascii: boolean }
  | { kind: 'header'; line: number; fields: string[] }
  | { kind: 'row'; line: number; fields: string[] }
  | { kind: 'error'; line: number; code: 'unterminated-quote' | 'csv-syntax'; message: string }
  | { kind: 'not-text' }
  | { kind: 'end'; sha256: string; undecodable: number };

/**
 * Streams a CSV file as raw records with the line each starts on, after choosing its encoding and
 * delimiter. Stray quotes inside a field are kept as text (relax_quotes) rather than losing the
 * rest of the file; a quote that is never closed swallows the rest of the file, which is then
 * reported as one broken record.
 */
export async function* readCsv(file: string, overrides: ReadOverrides = {}): AsyncGenerator<CsvEvent> {
  const detected = detectEncoding(await readSample(file), overrides.encoding);
  if ('binary' in detected) {
    yield { kind: 'not-text' };
    return;
  }
  const delimiter = overrides.delimiter ?? detectDelimiter(detected.head);
  yield { kind: 'format', encoding: detected.encoding, delimiter, ascii: detected.ascii };
  const tally: TextTally = { sha256: '', undecodable: 0 };
  const parser = Readable.from(decodeFile(file, detected.encoding, tally)).pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  // Line numbers are counted here rather than with csv-parse's `info`, which costs a quarter of its
  // time: a record starts one line after the previous one plus the line breaks quoted inside it.
  let next = 1;
  let header = true;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = next;
      next = line + 1 + quotedLineBreaks(record);
      if (record.length === 1 && record[0] === '') continue;
      if (header) {
        header = false;
        yield { kind: 'header', line, fields: record.map((f) => f.trim()) };
      } else {
        yield { kind: 'row', line, fields: record };
      }
    }
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const code = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'unterminated-quote' : 'csv-syntax';
    yield { kind: 'error', line: next, code, message: e.code };
    // The file is still hashed whole, so the report can name it.
    tally.sha256 = await hashFile(file);
  } finally {
    parser.destroy();
  }
  yield { kind: 'end', sha256: tally.sha256, undecodable: tally.undecodable };
}

function quotedLineBreaks(record: readonly string[]): number {
  let n = 0;
  for (const field of record) {
    if (!field.includes('\n') && !field.includes('\r')) continue;
    n += field.match(/\r\n|\r|\n/g)!.length;
  }
  return n;
}
