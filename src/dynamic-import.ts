/**
 * Loads an ES module at run time: a plug-in or formatter named in the config, or exceljs on first
 * use. One place for it, because the command's bundle runs as a compiled script with a code cache
 * (src/cli/command-script.ts), where `import()` has no loader of its own; the bundle is given this
 * function from a real module instead (scripts/bundle.mjs).
 */
export const importModule = (specifier: string): Promise<unknown> => import(specifier);
