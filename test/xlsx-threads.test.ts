import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { audit, resolveSettings } from '../src/audit.js';
import { ruleMap } from '../src/cli/shared.js';
import { writeReport } from '../src/report/formatters/stream.js';
import type * as Xlsx from '../src/report/formatters/xlsx.js';

/** Workers started, and a worker whose `done` comes with its exit (test/helpers/counted-worker.ts). */
const started = vi.hoisted(() => ({ workers: 0, exitWithDone: false }));
vi.mock('node:worker_threads', async (original) => {
  const real = await original<typeof import('node:worker_threads')>();
  const { countedWorker } = await import('./helpers/counted-worker.js');
  return { ...real, Worker: countedWorker(real.Worker, started) };
});

const built = async () => ((await import(path.resolve('dist/src/report/formatters/xlsx.js'))) as typeof Xlsx).xlsxWriter;

async function xlsxBytes(threads: number | undefined): Promise<Buffer> {
  const settings = await resolveSettings({});
  const { report } = await audit({ paths: ['fixtures/stockholm-2011/csv'], asOf: '2010-11-15', rules: settings.rules, grades: settings.grades });
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeReport(await built(), report, { lang: 'sv', rules: ruleMap(settings.catalogue), color: false, threads }, out);
  return Buffer.concat(chunks);
}

describe('the built xlsx format and --threads', () => {
  it.each([
    [1, 0],
    [2, 1],
    [undefined, 1],
  ])('with threads %s starts %i worker threads, and writes the same bytes', async (threads, workers) => {
    const before = started.workers;
    const bytes = await xlsxBytes(threads);
    expect(started.workers - before).toBe(workers);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.equals(await xlsxBytes(threads === 1 ? 2 : 1))).toBe(true);
  });

  it('a worker that exits as its last message is taken has completed the workbook, not failed', async () => {
    const bytes = await xlsxBytes(1);
    started.exitWithDone = true;
    try {
      expect((await xlsxBytes(2)).equals(bytes)).toBe(true);
    } finally {
      started.exitWithDone = false;
    }
  });
});
