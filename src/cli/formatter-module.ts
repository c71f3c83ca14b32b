import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { importModule } from '../dynamic-import.js';
import { UserError } from '../errors.js';
import { firstLine } from '../privacy/quote.js';
import { EXTENSIONS, FORMATTERS, type Formatter } from '../report/formatters/index.js';

/** A --format value that names a module rather than a built-in format: a path, as ESLint's -f takes one. */
export function isModulePath(name: string): boolean {
  return /[\\/]/.test(name) || /\.[cm]?js$/.test(name);
}

export interface LoadedFormatter {
  format: Formatter;
  /** File name extension for --output-dir. */
  extension: string;
}

/**
 * A built-in formatter by name, or a custom one from a module: its default export is a function
 * (report, context) → string or iterable of strings (or a promise of one); `extension` may be exported too.
 */
export async function loadFormatter(name: string): Promise<LoadedFormatter> {
  if (!isModulePath(name)) return { format: FORMATTERS[name]!, extension: EXTENSIONS[name]! };
  const file = path.resolve(name);
  let mod: { default?: unknown; extension?: unknown };
  try {
    mod = (await importModule(pathToFileURL(file).href)) as typeof mod;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ERR_MODULE_NOT_FOUND' ? { sv: 'filen finns inte', en: 'no such file' } : firstLine((e as Error).message);
    throw new UserError('formatter-unloadable', { name, why });
  }
  if (typeof mod.default !== 'function') throw new UserError('formatter-no-default', { name });
  const extension = typeof mod.extension === 'string' && /^[\w.-]+$/.test(mod.extension) ? mod.extension : 'txt';
  return { format: mod.default as Formatter, extension };
}
