import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

/**
 * Where a JSON text breaks and how, never what it says there: V8's message quotes the text around
 * the error ("…"personId":“811218987"…"), which may be a personnummer cut short. jsonc-parser (run
 * only on text JSON.parse has refused) gives the offset and a code; the code becomes a word.
 * `3:14 (byte 58): comma-expected` (line:column); an NDJSON line gives its line in the file and no byte.
 */
export function jsonErrorAt(text: string, opts: { bytesBefore?: (chars: number) => number; firstLine?: number } = {}): string {
  const { bytesBefore, firstLine = 1 } = opts;
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  // Either parser may find something the other does not; an error with no place is put at the end.
  const offset = first?.offset ?? text.length;
  const kind = first ? printParseErrorCode(first.error).replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase() : 'invalid-json';
  const before = text.slice(0, offset);
  const line = firstLine - 1 + before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `${line}:${column}${bytesBefore ? ` (byte ${bytesBefore(offset)})` : ''}: ${kind}`;
}

/** Bytes of the file before a character offset of its decoded text (its BOM included). */
export function byteCounter(bytes: Uint8Array, text: string, encoding: string): (chars: number) => number {
  const e = encoding.toLowerCase();
  if (e === 'utf-16le' || e === 'utf-16be') {
    const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) ? 2 : 0;
    return (chars) => bom + 2 * chars;
  }
  if (e === 'utf-8') {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return (chars) => bom + Buffer.byteLength(text.slice(0, chars), 'utf8');
  }
  return (chars) => chars;
}
