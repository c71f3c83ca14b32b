import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';

/** Writes to stdout, or to a file whole or not at all (temporary file, then rename). Never over an input file. */
export async function writeOutput(file: string | undefined, text: string, inputs: readonly string[] = []): Promise<void> {
  if (file === undefined) {
    process.stdout.write(text);
    return;
  }
  const target = path.resolve(file);
  if (inputs.some((i) => path.resolve(i) === target)) {
    throw new UserError(`${file}: is an input file of the export; choose another --output`);
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, target);
  } catch (e) {
    throw new UserError(`${file}: cannot write the output (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
