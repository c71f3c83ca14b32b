import { readFile } from 'node:fs/promises';
import type { Localized } from '../engine/types.js';
import { UserError } from '../errors.js';

/** Reads a JSON file of the user's (config, mapping, baseline); what goes wrong is one line naming the file. */
export async function readUserJson(file: string, what: Localized): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw err.code ? new UserError('unreadable-json', { file, what, why: err.code }) : new UserError('invalid-json-file', { file, why: err.message });
  }
}
