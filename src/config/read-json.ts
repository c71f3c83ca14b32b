import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';

/** Reads a JSON file of the user's (config, mapping, baseline); what goes wrong is one line naming the file. */
export async function readUserJson(file: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UserError(`${file}: ${err.code ? `cannot read the ${what} (${err.code})` : `not valid JSON (${err.message})`}`);
  }
}
