import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { UserError } from '../errors.js';

/** A report as one string, or as pieces for one too large to hold as a string (400,000 akter). */
export type Output = string | Iterable<string>;

async function writeAll(stream: Writable, content: Output): Promise<void> {
  for (const chunk of typeof content === 'string' ? [content] : content) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}

/** Writes to stdout, or to a file whole or not at all (temporary file, then rename). Never over an input file. */
export async function writeOutput(file: string | undefined, content: Output, inputs: readonly string[] = []): Promise<void> {
  if (file === undefined) return writeAll(process.stdout, content);
  const target = path.resolve(file);
  if (inputs.some((i) => path.resolve(i) === target)) {
    throw new UserError(`${file}: is an input file of the export; choose another --output`);
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const out = createWriteStream(tmp, 'utf8');
    const failed = once(out, 'error').then(([e]) => Promise.reject(e as Error));
    await Promise.race([writeAll(out, content), failed]);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new UserError(`${file}: cannot write the output (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
