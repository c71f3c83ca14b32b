import Papa from 'papaparse';

/**
 * What the reader gave before texts without quotes were split here: Papa Parse over the whole
 * text at once (line breaks made LF), each record on the line after the previous one plus the line
 * breaks inside it, empty lines skipped, the first record the header.
 */
export function papaEvents(text: string, delimiter: string): { kind: string; line: number; fields: string[] }[] {
  // The decoder takes a byte-order mark at the start of the file away.
  const lf = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const parsed = new Papa.Parser({ delimiter, newline: '\n' }).parse(lf, 0, false) as { data: string[][]; errors: { code: string }[] };
  // A record whose quote is never closed is rejected (an error event), not a row.
  if (parsed.errors.some((e) => e.code === 'MissingQuotes')) parsed.data.pop();
  const out = [];
  let line = 1;
  for (const record of parsed.data) {
    const at = line;
    line += 1 + record.reduce((k, f) => k + (f.match(/\n/g)?.length ?? 0), 0);
    if (record.length === 1 && record[0] === '') continue;
    out.push(out.length === 0 ? { kind: 'header', line: at, fields: record.map((f) => f.trim()) } : { kind: 'row', line: at, fields: record });
  }
  return out;
}
