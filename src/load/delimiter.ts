import { UserError } from '../errors.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
const LINES_LOOKED_AT = 20;

/** Names a delimiter for messages and reports, where a tab would be invisible. */
export function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : d;
}

/** Accepts --delimiter as the character itself or as a name (tab, semicolon, comma, pipe). */
export function parseDelimiter(value: string): string {
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', semicolon: ';', comma: ',', pipe: '|' };
  const d = named[value.toLowerCase()] ?? value;
  if (d.length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw new UserError('bad-delimiter', { value });
  }
  return d;
}

/** Counts each candidate outside quotes, per record, for the first records of the text. */
function countPerRecord(head: string): Map<string, number>[] {
  const records: Map<string, number>[] = [];
  let counts = new Map<string, number>();
  let quoted = false;
  for (let i = 0; i < head.length && records.length < LINES_LOOKED_AT; i++) {
    const c = head[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (c === '\r' && head[i + 1] === '\n') i++;
      records.push(counts);
      counts = new Map();
    } else if (!quoted && (DELIMITERS as readonly string[]).includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  // The last record may be cut off by the sample; use it only if the text ended there.
  if (records.length === 0) records.push(counts);
  return records;
}

/**
 * Picks the delimiter that occurs in the header and the same number of times in the most of the
 * following records; ties go to the one that splits the header into more columns. A file with a
 * single column has none of them, and gets the comma.
 */
export function detectDelimiter(head: string): string {
  const records = countPerRecord(head);
  const [header, ...rows] = records;
  let best = ',';
  let bestScore = [-1, -1];
  for (const d of DELIMITERS) {
    const inHeader = header!.get(d) ?? 0;
    if (inHeader === 0) continue;
    const consistent = rows.filter((r) => (r.get(d) ?? 0) === inHeader).length;
    const score = [consistent, inHeader];
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
