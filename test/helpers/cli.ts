import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve('bin/aktgranskning.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built binary as a user would (npm test builds it first). */
export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    encoding: 'utf8',
    // Node's default of 1 MB ends a child that writes more (a whole validation as JSON) with SIGTERM: exit 143.
    maxBuffer: 256 * 2 ** 20,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
