import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { readsOnTwoThreads, startEarly, takeEarly } from '../src/load/early.js';
import type { Worker } from 'node:worker_threads';

const dir = mkdtempSync(path.join(tmpdir(), 'early-'));
/** A worker that answers each message, and one that ends at once. */
const ECHO = pathToFileURL(path.join(dir, 'echo.mjs'));
const ENDS = pathToFileURL(path.join(dir, 'ends.mjs'));
writeFileSync(ECHO, "import { parentPort } from 'node:worker_threads'; parentPort.on('message', (m) => parentPort.postMessage(m));");
writeFileSync(ENDS, '');

const taken: Worker[] = [];
afterEach(async () => {
  // A thread started and not taken is taken here, so no test sees another's.
  for (const url of [ECHO, ENDS]) {
    const w = takeEarly(url);
    if (w) taken.push(w);
  }
  await Promise.all(taken.splice(0).map((w) => w.terminate()));
});

const argv = (...args: string[]) => ['node', 'aktgranskning', ...args];

describe('readsOnTwoThreads', () => {
  it.each([
    [['check', 'akter'], true],
    [['validate', 'akter'], true],
    [['sample', 'akter', '--size', '10'], true],
    [['check', 'akter', '--threads', '2'], true],
    [['check', 'akter', '--threads', '1'], false],
    [['check', 'akter', '--threads=1'], false],
    [['rules'], false],
    [['compare', 'a.json', 'b.json'], false],
    [['--version'], false],
    [[], false],
  ])('%j → %s', (args, expected) => {
    expect(readsOnTwoThreads(argv(...args))).toBe(expected);
  });
});

describe('startEarly and takeEarly', () => {
  it('hands the started thread over once, to the one who asks for its module', async () => {
    startEarly(argv('check', 'akter'), ECHO);
    expect(takeEarly(ENDS)).toBeUndefined();
    const w = takeEarly(ECHO)!;
    taken.push(w);
    expect(w).toBeDefined();
    expect(takeEarly(ECHO)).toBeUndefined();
    w.postMessage('hej');
    expect(await once(w, 'message')).toEqual(['hej']);
  });

  it('starts nothing for a command that reads no export, or reads it on one thread', () => {
    startEarly(argv('rules'), ECHO);
    expect(takeEarly(ECHO)).toBeUndefined();
    startEarly(argv('check', 'akter', '--threads', '1'), ECHO);
    expect(takeEarly(ECHO)).toBeUndefined();
  });

  it('does not hand over a thread that has ended', async () => {
    startEarly(argv('check', 'akter'), ENDS);
    const slot = (globalThis as Record<symbol, { worker: Worker } | undefined>)[Symbol.for('aktgranskning.early-worker')];
    await once(slot!.worker, 'exit');
    expect(takeEarly(ENDS)).toBeUndefined();
  });
});
