// No imports: bin/aktgranskning.js's early start (src/cli/early.ts) reads the command line with it
// before the command's bundle is loaded.

/**
 * `aktgranskning --lang en check …`: every command has --lang, so one given before the command is
 * moved after it rather than refused as an option the program does not know.
 */
export function langAfterCommand(argv: readonly string[]): string[] {
  const args = argv.slice(2);
  const command = args.findIndex((a, i) => !a.startsWith('-') && args[i - 1] !== '--lang');
  if (command <= 0) return [...argv];
  const before = args.slice(0, command);
  const lang = before.flatMap((a, i) => (a === '--lang' ? [a, before[i + 1] ?? ''] : a.startsWith('--lang=') ? [a] : []));
  if (lang.length === 0) return [...argv];
  const rest = before.filter((a, i) => a !== '--lang' && before[i - 1] !== '--lang' && !a.startsWith('--lang='));
  return [...argv.slice(0, 2), ...rest, args[command]!, ...lang, ...args.slice(command + 1)];
}
