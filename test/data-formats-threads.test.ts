import path from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { audit, resolveSettings } from '../src/audit.js';
import { ruleMap } from '../src/cli/shared.js';
import type * as Formatters from '../src/report/formatters/index.js';
import { writeReport } from '../src/report/formatters/stream.js';
import type { FormatContext } from '../src/report/messages.js';
import type { Report } from '../src/report/types.js';

/** Workers started by the built writers (test/helpers/counted-worker.ts). */
const started = vi.hoisted(() => ({ workers: 0, exitWithDone: false }));
vi.mock('node:worker_threads', async (original) => {
  const real = await original<typeof import('node:worker_threads')>();
  const { countedWorker } = await import('./helpers/counted-worker.js');
  return { ...real, Worker: countedWorker(real.Worker, started) };
});

const built = async <T>(file: string) => (await import(path.resolve('dist/src/report/formatters', file))) as T;

function collect(): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

let report: Report;
let ctx: FormatContext;
beforeAll(async () => {
  const settings = await resolveSettings({});
  report = (await audit({ paths: ['fixtures/stockholm-2011/csv'], asOf: '2010-11-15', rules: settings.rules, grades: settings.grades })).report;
  ctx = { lang: 'sv', rules: ruleMap(settings.catalogue), color: false };
});

async function bytes(format: string, threads: number, cases: number | undefined, extra: Partial<FormatContext> = {}): Promise<Buffer> {
  const { WRITERS } = await built<typeof Formatters>('index.js');
  const { out, bytes } = collect();
  const r = cases === undefined ? report : ({ ...report, cases: [...report.cases].slice(0, cases) } as unknown as Report);
  await writeReport(WRITERS[format]!, r, { ...ctx, ...extra, threads }, out);
  return bytes();
}

describe('the text data formats and --threads', () => {
  // json's, ndjson's and csv's akter are written as UTF-8 on the main thread (bytes.ts), which cost
  // less than sending them to the text worker (measured at 400,000 akter: docs/benchmarks.md).
  it.each([
    ['csv', {}],
    ['csv', { csvLayout: 'long', excel: true }],
    ['json', {}],
    ['json', { messages: true, evidence: true }],
    ['json', { pretty: true }],
    ['ndjson', {}],
  ] as const)('%s %o: the same bytes on one thread and on two, which start no worker, for all akter, one and none', async (format, extra) => {
    for (const cases of [undefined, 1, 0]) {
      const before = started.workers;
      const one = await bytes(format, 1, cases, extra);
      const two = await bytes(format, 2, cases, extra);
      expect(started.workers).toBe(before);
      expect(two.equals(one)).toBe(true);
      expect(one.length).toBeGreaterThan(cases === 0 ? 50 : 1000);
    }
  });
});
