import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

export type JsonEvent =
  | { kind: 'value'; index?: number; line?: number; value: unknown }
  | { kind: 'error'; index?: number; line?: number; message: string };

/** A .json file holds one akt or an array of akter; it is read whole (use NDJSON for large exports). */
export async function* readJson(file: string): AsyncGenerator<JsonEvent> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    yield { kind: 'error', message: (e as Error).message };
    return;
  }
  if (Array.isArray(parsed)) {
    for (let i = 0; i < parsed.length; i++) yield { kind: 'value', index: i, value: parsed[i] };
  } else {
    yield { kind: 'value', value: parsed };
  }
}

/** NDJSON / JSON Lines: one akt per line, streamed. */
export async function* readNdjson(file: string): AsyncGenerator<JsonEvent> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    try {
      yield { kind: 'value', line, value: JSON.parse(text) };
    } catch (e) {
      yield { kind: 'error', line, message: (e as Error).message };
    }
  }
}
