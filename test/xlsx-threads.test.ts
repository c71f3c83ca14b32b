import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { audit, resolveSettings } from '../src/audit.js';
import { ruleMap } from '../src/cli/shared.js';
import { writeReport } from '../src/report/formatters/stream.js';
import type * as Xlsx from '../src/report/formatters/xlsx.js';

// Counts the worker threads started, by the built formatter (which has a worker to start) too.
const started = vi.hoisted(() => ({ workers: 0 }));
vi.mock('node:worker_threads', async (original) => {
  const real = await original<typeof import('node:worker_threads')>();
  class Counted extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      started.workers++;
    }
  }
  return { ...real, Worker: Counted };
});

describe('the built xlsx format and --threads', () => {
  it.each([
    [1, 0],
    [2, 1],
    [undefined, 1],
  ])('with threads %s starts %i worker threads, and writes the same bytes', async (threads, workers) => {
    const { xlsxWriter } = (await import(path.resolve('dist/src/report/formatters/xlsx.js'))) as typeof Xlsx;
    const settings = await resolveSettings({});
    const { report } = await audit({ paths: ['fixtures/stockholm-2011/csv'], asOf: '2010-11-15', rules: settings.rules, grades: settings.grades });
    const write = async (t: number | undefined) => {
      const chunks: Buffer[] = [];
      const out = new Writable({
        write(chunk: Buffer, _enc, done) {
          chunks.push(chunk);
          done();
        },
      });
      await writeReport(xlsxWriter, report, { lang: 'sv', rules: ruleMap(settings.catalogue), color: false, threads: t }, out);
      return Buffer.concat(chunks);
    };
    const before = started.workers;
    const bytes = await write(threads);
    expect(started.workers - before).toBe(workers);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.equals(await write(threads === 1 ? 2 : 1))).toBe(true);
  });
});
