import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';

export const KEY_ENV = 'AKTGRANSKNING_PSEUDONYM_KEY';
const MIN_KEY_BYTES = 16;

export interface PseudonymKey {
  key: Buffer;
  /** Where the key came from; a per-run key links nothing across runs, and the report says so. */
  source: 'file' | 'env' | 'per-run';
}

/** --pseudonym-key-file, else $AKTGRANSKNING_PSEUDONYM_KEY, else a random key for this run only. */
export async function loadPseudonymKey(file: string | undefined): Promise<PseudonymKey> {
  if (file !== undefined) {
    const raw = await readFile(file).catch((e: NodeJS.ErrnoException) => {
      throw new UserError('pseudonym-key-unreadable', { file, why: e.code ?? e.message });
    });
    const key = Buffer.from(raw.toString('utf8').trim(), 'utf8');
    if (key.length < MIN_KEY_BYTES) throw new UserError('pseudonym-key-short', { file, min: MIN_KEY_BYTES });
    return { key, source: 'file' };
  }
  const env = process.env[KEY_ENV]?.trim();
  if (env) {
    if (env.length < MIN_KEY_BYTES) throw new UserError('pseudonym-env-short', { env: KEY_ENV, min: MIN_KEY_BYTES });
    return { key: Buffer.from(env, 'utf8'), source: 'env' };
  }
  return { key: randomBytes(32), source: 'per-run' };
}

/** Sixteen consonants, one per hex digit: no digits that could read as a date, no vowels to spell words. */
const LETTERS = 'BCDFGHJKLMNPQRST';

/**
 * A keyed pseudonym (HMAC-SHA256, 64 bits shown): the same akt gets the same key in every run with
 * the same secret, and only the holder of the secret can link it back to the akt.
 */
export function pseudonym(key: Buffer, caseId: string): string {
  const hex = createHmac('sha256', key).update(caseId, 'utf8').digest('hex').slice(0, 16);
  const letters = [...hex].map((h) => LETTERS[parseInt(h, 16)]!).join('');
  return `AKT-${letters.slice(0, 8)}-${letters.slice(8)}`;
}
