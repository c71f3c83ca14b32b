import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { buffer } from 'node:stream/consumers';
import { lineFeeds } from './csv.js';
import { byteCounter, jsonErrorAt } from './json-error.js';
import type { JsonSlots } from './json-pack.js';
import { countReplacements, decodeFile, detectEncoding, readSample, type ByteSource, type TextTally } from './text.js';

export type JsonEvent =
  | { kind: 'format'; encoding: string }
  /** `chars`: an NDJSON line's length with its line break (the store's room is estimated from it). */
  | { kind: 'value'; index?: number; line?: number; value: unknown; chars?: number }
  /**
   * NDJSON akter parsed on a worker thread (ndjson-parallel.ts), a batch at a time: value i is on
   * line `lines[i]`; `codes` and `slots`: see CODES_AT; `chars`: the lines' length with their line breaks.
   */
  | { kind: 'values'; lines: Int32Array; values: unknown[]; codes: Int32Array; slots: JsonSlots; chars: number }
  /** `message`: where and what kind (json-error.ts), never the text. */
  | { kind: 'error'; index?: number; line?: number; message: string }
  | { kind: 'not-text' }
  | { kind: 'end'; sha256: string; undecodable: number };

/** Deeper than any akt of the format (akt → plans → delmål → value); far below what would overflow the stack later. */
export const MAX_DEPTH = 64;
const TOO_DEEP = `nested more than ${MAX_DEPTH} levels deep`;

/** Whether a parsed value nests deeper than MAX_DEPTH, found without recursion (the input decides the depth). */
export function tooDeep(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: [object, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** A .json file holds one akt or an array of akter; it is read whole (use NDJSON for large exports). */
export async function* readJson(file: ByteSource, encoding?: string): AsyncGenerator<JsonEvent> {
  const bytes = typeof file === 'string' ? await readFile(file) : await buffer(file());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const detected = detectEncoding(bytes, encoding);
  if ('binary' in detected) {
    yield { kind: 'not-text' };
    return;
  }
  yield { kind: 'format', encoding: detected.encoding };
  // detectEncoding decoded the whole buffer as its sample; the BOM is already gone.
  const text = detected.head;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    yield { kind: 'error', message: jsonErrorAt(text, { bytesBefore: byteCounter(bytes, text, detected.encoding) }) };
  }
  if (Array.isArray(parsed)) {
    for (let i = 0; i < parsed.length; i++) yield tooDeep(parsed[i]) ? { kind: 'error', index: i, message: TOO_DEEP } : { kind: 'value', index: i, value: parsed[i] };
  } else if (parsed !== undefined) {
    yield tooDeep(parsed) ? { kind: 'error', message: TOO_DEEP } : { kind: 'value', value: parsed };
  }
  yield { kind: 'end', sha256, undecodable: countReplacements(text) };
}

/** An NDJSON file's lines as they are cut, without their line breaks: `texts[i]` is line `first + i`. */
export type NdjsonLine = Extract<JsonEvent, { kind: 'format' | 'not-text' | 'end' }> | { kind: 'lines'; first: number; texts: string[] };

/** NDJSON / JSON Lines: one akt per line, streamed. */
export async function* readNdjson(file: ByteSource, encoding?: string): AsyncGenerator<JsonEvent> {
  for await (const ev of ndjsonLines(file, encoding)) {
    if (ev.kind !== 'lines') {
      yield ev;
      continue;
    }
    for (let i = 0; i < ev.texts.length; i++) {
      const parsed = parseLine(ev.texts[i]!, ev.first + i);
      if (parsed) yield parsed;
    }
  }
}

/** The lines of an NDJSON file, a decoded chunk's at a time. */
export async function* ndjsonLines(file: ByteSource, encoding?: string): AsyncGenerator<NdjsonLine> {
  let line = 0;
  for await (const ev of ndjsonText(file, encoding)) {
    if (ev.kind !== 'text') {
      yield ev;
      continue;
    }
    const texts = ev.text.slice(ev.start, ev.end).split('\n');
    yield { kind: 'lines', first: line + 1, texts };
    line += texts.length;
  }
}

/**
 * An NDJSON file's text in stretches of whole lines: `text.slice(start, end)` is one line or more,
 * each ended by a line feed but the last (whose line break is left out). A stretch is most of a
 * decoded chunk, left uncut: the NDJSON thread scans its lines where they stand (LinePacker).
 */
export type NdjsonText = Extract<JsonEvent, { kind: 'format' | 'not-text' | 'end' }> | { kind: 'text'; text: string; start: number; end: number };

export async function* ndjsonText(file: ByteSource, encoding?: string): AsyncGenerator<NdjsonText> {
  const detected = detectEncoding(await readSample(file), encoding);
  if ('binary' in detected) {
    yield { kind: 'not-text' };
    return;
  }
  yield { kind: 'format', encoding: detected.encoding };
  const tally: TextTally = { sha256: '', undecodable: 0 };
  // CRLF and a lone CR end a line as LF does (lineFeeds), as readline's did. The start of a line
  // not ended yet, in pieces: a line of any length is joined once, not once per chunk.
  let open: string[] = [];
  let openLength = 0;
  for await (const chunk of lineFeeds(decodeFile(file, detected.encoding, tally))) {
    const first = chunk.indexOf('\n');
    if (first < 0) {
      open.push(chunk);
      openLength += chunk.length;
      continue;
    }
    const last = chunk.lastIndexOf('\n');
    if (openLength === 0) yield { kind: 'text', text: chunk, start: 0, end: last };
    else {
      open.push(chunk.slice(0, first));
      const head = open.join('');
      yield { kind: 'text', text: head, start: 0, end: head.length };
      if (last > first) yield { kind: 'text', text: chunk, start: first + 1, end: last };
    }
    const rest = chunk.slice(last + 1);
    open = [rest];
    openLength = rest.length;
  }
  const last = open.join('');
  if (last !== '') yield { kind: 'text', text: last, start: 0, end: last.length };
  yield { kind: 'end', sha256: tally.sha256, undecodable: tally.undecodable };
}

/** One line's akt, or why it is none; nothing for a blank line. */
export function parseLine(text: string, line: number): Extract<JsonEvent, { kind: 'value' | 'error' }> | undefined {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'error', line, message: jsonErrorAt(text, { firstLine: line }) };
  }
  return tooDeep(value) ? { kind: 'error', line, message: TOO_DEEP } : { kind: 'value', line, value, chars: text.length + 1 };
}
