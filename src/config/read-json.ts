import { readFile } from 'node:fs/promises';
import type { Localized } from '../engine/types.js';
import { UserError } from '../errors.js';
import { jsonErrorAt } from '../load/json-error.js';

/** Reads a JSON file of the user's (config, mapping, baseline); what goes wrong is one line naming the file. */
export async function readUserJson(file: string, what: Localized): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UserError('unreadable-json', { file, what, why: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  try {
    return JSON.parse(text);
  } catch {
    // Where and how, never V8's excerpt of the text: a baseline holds caseIds, cut anywhere.
    throw new UserError('invalid-json-file', { file, why: jsonErrorAt(text) });
  }
}
