import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { readsNdjson, readsOnTwoThreads, startEarly, takeEarly } from '../src/load/early.js';
import { startThreads } from '../src/cli/early.js';
import type { Worker } from 'node:worker_threads';

const dir = mkdtempSync(path.join(tmpdir(), 'early-'));
/** A worker that answers each message, and one that ends at once. */
const ECHO = pathToFileURL(path.join(dir, 'echo.mjs'));
const ENDS = pathToFileURL(path.join(dir, 'ends.mjs'));
writeFileSync(ECHO, "import { parentPort } from 'node:worker_threads'; parentPort.on('message', (m) => parentPort.postMessage(m));");
writeFileSync(ENDS, '');
/** The NDJSON thread's module, found beside the CSV thread's (here: ECHO's). */
const NDJSON = pathToFileURL(path.join(dir, 'ndjson-worker.js'));
writeFileSync(NDJSON, "import { parentPort } from 'node:worker_threads'; parentPort.on('message', (m) => parentPort.postMessage(['ndjson', m]));");
/** Exports: one of NDJSON files, one of CSV tables. */
const ndjsonDir = path.join(dir, 'ndjson');
const csvDir = path.join(dir, 'csv');
mkdirSync(ndjsonDir);
mkdirSync(csvDir);
writeFileSync(path.join(ndjsonDir, 'akter.NDJSON'), '');
writeFileSync(path.join(csvDir, 'cases.csv'), '');

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

describe('readsNdjson', () => {
  it.each([
    [['check', ndjsonDir], true],
    [['check', csvDir, ndjsonDir, '--as-of', '2011-06-01'], true],
    [['check', 'akter.jsonl'], true],
    [['check', 'export/akter.ndjson', '--threads', '2'], true],
    [['check', csvDir], false],
    [['check', csvDir, '--output', 'r.ndjson.txt'], false],
    [['check', path.join(dir, 'no-such-directory')], false],
    [['check', 'akter.json'], false],
  ])('%j → %s', (args, expected) => {
    expect(readsNdjson(argv(...args))).toBe(expected);
  });
});

describe('startEarly and takeEarly', () => {
  it('starts the NDJSON thread, found beside the CSV thread, for an export of NDJSON files', async () => {
    startEarly(argv('check', ndjsonDir), ECHO);
    expect(takeEarly(ECHO)).toBeUndefined();
    const w = takeEarly(NDJSON)!;
    taken.push(w);
    w.postMessage('hej');
    expect(await once(w, 'message')).toEqual([['ndjson', 'hej']]);
    startEarly(argv('check', csvDir), ECHO);
    expect(takeEarly(NDJSON)).toBeUndefined();
    const csv = takeEarly(ECHO);
    expect(csv).toBeDefined();
    taken.push(csv!);
  });

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

  it('reads the command line as the command does: --lang before the command still starts the thread', () => {
    startEarly(argv('--lang', 'en', 'check', 'akter'), ECHO);
    // startEarly alone takes the first argument for the command, so it starts nothing here.
    expect(takeEarly(ECHO)).toBeUndefined();
    startThreads(argv('--lang', 'en', 'check', 'akter'), ECHO);
    const w = takeEarly(ECHO);
    expect(w).toBeDefined();
    taken.push(w!);
    startThreads(argv('--lang=en', 'check', ndjsonDir), ECHO);
    const n = takeEarly(NDJSON);
    expect(n).toBeDefined();
    taken.push(n!);
    startThreads(argv('--lang', 'en', 'rules'), ECHO);
    expect(takeEarly(ECHO)).toBeUndefined();
  });
});
