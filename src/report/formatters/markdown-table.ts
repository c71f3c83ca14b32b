function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A GitHub-flavoured table; pipes and newlines in cells are escaped so a value cannot break it. */
export function table(header: string[], rows: string[][]): string {
  return [...tableLines(header, rows)].join('');
}

/** The same table line by line, for tables too long to hold as one string. */
export function* tableLines(header: string[], rows: Iterable<string[]>): Generator<string> {
  const line = (r: string[]) => `| ${r.map(cell).join(' | ')} |`;
  yield line(header);
  yield `\n${line(header.map(() => '---'))}`;
  for (const r of rows) yield `\n${line(r)}`;
}
