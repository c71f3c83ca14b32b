import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS } from '../../src/errors.js';

const BIN = path.resolve('bin/aktgranskning.js');

/** Runs the binary with a reader that has already gone (`| head` that has read its lines). */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a closed stdout (check … | head)', () => {
  it('ends quietly with the exit code the run earned: 1 when akter fail', async () => {
    const r = await runWithClosedStdout(['check', 'fixtures/stockholm-2011/csv', '--as-of', '2010-11-15', '--format', 'markdown', '--quiet']);
    expect(r.code).toBe(EXIT_FINDINGS);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('validate too: 1 when the export has data problems', async () => {
    const r = await runWithClosedStdout(['validate', 'fixtures/broken/csv', '--as-of', '2010-11-15']);
    expect(r.code).toBe(EXIT_FINDINGS);
  });
});
