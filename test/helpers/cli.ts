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
    // spawnSync's default of 1 MB kills a larger output with SIGTERM (exit 143): validate's JSON of a big export is larger.
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
