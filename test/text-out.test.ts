import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { audit, resolveSettings } from '../src/audit.js';
import { ruleMap } from '../src/cli/shared.js';
import type * as Formatters from '../src/report/formatters/index.js';
import { writeReport } from '../src/report/formatters/stream.js';
import type * as TextOut from '../src/report/formatters/text-out.js';
import type { TextCoder } from '../src/report/formatters/text-rows.js';
import type { FormatContext } from '../src/report/messages.js';
import type { Report } from '../src/report/types.js';

/** Workers started by the built writers, and a worker whose `done` comes with its exit (test/helpers/counted-worker.ts; both formats share worker-output.ts). */
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

describe('the text worker', () => {
  it('puts coded akter together as this thread does, and one that exits as its last message is taken has completed the output, not failed', async () => {
    const { textSink } = await built<typeof TextOut>('text-out.js');
    const { TextCoder: Coder } = await built<{ TextCoder: typeof TextCoder }>('text-rows.js');
    const write = async (threads: number) => {
      const { out, bytes } = collect();
      const sink = textSink(out, threads);
      const coder = new Coder([',']);
      for (let i = 0; i < 3000; i++) {
        coder.own(`A-${i}`);
        coder.push(coder.keyed(0, { i: i >> 4 }, () => `{"n":${i >> 4}}åäö`));
        coder.push(0);
        if (i % 100 === 99) sink.rows(coder.take());
        await sink.ready();
      }
      await sink.finish();
      return bytes();
    };
    const before = started.workers;
    const one = await write(1);
    expect(started.workers).toBe(before);
    started.exitWithDone = true;
    try {
      expect((await write(2)).equals(one)).toBe(true);
    } finally {
      started.exitWithDone = false;
    }
    expect(started.workers).toBe(before + 1);
  });
});

describe('a text worker that fails', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'akt-text-worker-'));
  const worker = (name: string, body: string) => {
    const file = path.join(dir, `${name}.mjs`);
    writeFileSync(file, `import { parentPort } from 'node:worker_threads';\nlet n = 0;\nparentPort.on('message', (m) => {\n${body}\n});\n`);
    return pathToFileURL(file);
  };
  const chunk = "parentPort.postMessage({ chunk: new TextEncoder().encode('x'), taken: true });";
  const cases: [string, string, RegExp][] = [
    ['throws on a batch', `if ('rows' in m) throw new Error('boom');`, /boom/],
    ['reports an error', `parentPort.postMessage({ error: 'out of memory' });`, /text worker failed: out of memory/],
    ['exits mid-way', `if (n++ === 1) process.exit(0); for (const r of m.rows) ${chunk}`, /stopped before the output was complete/],
    ['exits at the end without saying done', `if ('end' in m) process.exit(0); for (const r of m.rows) ${chunk}`, /stopped before the output was complete/],
  ];

  it.each(cases)('that %s makes the pass or its end fail with one clear error', async (name, body, message) => {
    const { textSink } = await built<typeof TextOut>('text-out.js');
    const { TextCoder: Coder } = await built<{ TextCoder: typeof TextCoder }>('text-rows.js');
    const written: unknown[] = [];
    const sink = textSink({ write: (c) => written.push(c) }, 2, worker(name.replace(/ /g, '-'), body));
    const coder = new Coder();
    // As the pass does: a batch, then wait while the worker has enough to do.
    let failed: Error | undefined;
    for (let i = 0; i < 100 && !failed; i++) {
      coder.own('akt\n');
      sink.rows(coder.take());
      await sink.ready()?.catch((e: unknown) => (failed = e as Error));
    }
    if (failed) expect(failed.message).toMatch(message);
    await expect(sink.finish()).rejects.toThrow(message);
    // Only whole batches the worker wrote before it failed reach the output.
    expect(written.length).toBeLessThanOrEqual(100);
    expect(written.every((c) => new TextDecoder().decode(c as Uint8Array) === 'x')).toBe(true);
  });
});
