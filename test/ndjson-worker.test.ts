import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { MAX_DEPTH, readNdjson, type JsonEvent } from '../src/load/json.js';
import { NdjsonPrefetch } from '../src/load/ndjson-parallel.js';
import { untagged } from './helpers/untagged.js';

/** The worker as built (`npm run build`, which `npm test` runs first); from the sources there is none. */
const BUILT = new URL('../dist/src/load/ndjson-worker.js', import.meta.url);
const dir = mkdtempSync(path.join(tmpdir(), 'akt-ndjson-worker-'));

/**
 * Events with batches of akter spread out into one event per akt, as readNdjson gives them, but
 * without each line's length: a batch has only their sum, so that is summed over the file instead.
 */
async function flat(events: AsyncIterable<JsonEvent>): Promise<{ events: JsonEvent[]; chars: number }> {
  const out: JsonEvent[] = [];
  let chars = 0;
  for await (const ev of events) {
    if (ev.kind === 'values') {
      ev.values.forEach((value, i) => out.push({ kind: 'value', line: ev.lines[i], value: untagged(value) }));
      chars += ev.chars;
    } else if (ev.kind === 'value') {
      const { chars: n, ...rest } = ev;
      out.push(rest);
      chars += n!;
    } else out.push(ev);
  }
  return { events: out, chars };
}

const akt = (i: number) => JSON.stringify({ caseId: `A-${i}`, district: i % 2 ? 'Bromma' : 'Kista', plans: [{ planId: `A-${i}-P1`, goal: 'Egen försörjning', subGoals: [{ text: 'Truckkort', due: '' }] }], n: i % 3 === 0 ? -0 : i });
const deep = `${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`;
const lines = (n: number, broken: Record<number, string>) => Array.from({ length: n }, (_, i) => broken[i + 1] ?? akt(i + 1));

/** Files as the worker meets them: none, one akt, broken lines on either side of a batch's end (250 akter), CRLF, Windows-1252, lines longer than a chunk. */
const FILES: [string, string | Buffer][] = [
  ['empty.ndjson', ''],
  ['one.ndjson', akt(1)],
  ['one-broken.ndjson', '{"caseId": \n'],
  ['boundary.ndjson', `${lines(2003, { 1000: '{"caseId":', 1001: 'inte json', 2002: deep }).join('\n')}\n`],
  ['blank-crlf.ndjson', `\r\n${akt(1)}\r\n   \r\n${akt(2)}\r${akt(3)}`],
  ['latin1.ndjson', Buffer.from(`{"caseId":"A-1","goal":"Sj\xe4lvf\xf6rs\xf6rjning"}\n`, 'latin1')],
  // Lines longer than a chunk read (64 KiB), a line break right after one, and blank lines between.
  ['long-lines.ndjson', `${akt(1)}\n${JSON.stringify({ caseId: 'A-2', goal: 'lång '.repeat(30_000) })}\n\n${akt(3)}\n${'{"caseId":"A-4","goal":"'.padEnd(65_536 * 2 - 1, 'x')}"}\n\n`],
  // Read as UTF-8 bytes: a byte-order mark; escapes beside the characters they stand for; lone CRs
  // and lines of 4-byte characters longer than a read (cut inside one); bytes that are no UTF-8
  // after a first read that was valid (U+FFFD, counted), then a character cut by one.
  ['bom.ndjson', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${akt(1)}\n{"caseId":"A-2","goal":"Sj\\u00e4lv \\ud83d\\ude00"}\n{"caseId":"A-3","goal":"Själv 😀"}\n`)])],
  ['cr-long.ndjson', `${akt(1)}\r${JSON.stringify({ caseId: 'A-2', goal: '😀'.repeat(40_000) })}\r\r\n${akt(3)}\r${JSON.stringify({ caseId: 'A-4', goal: `å${'😀'.repeat(20_000)}` })}\r`],
  [
    'bad-late.ndjson',
    Buffer.concat([
      Buffer.from(`${lines(400, {}).join('\n')}\n`),
      Buffer.from('{"caseId":"A-401","goal":"Sj'),
      Buffer.from([0xff, 0xe4]),
      Buffer.from('lv"}\n{"caseId":"A-402","goal":"'),
      Buffer.from([0xf0, 0x9f, 0x98]),
      Buffer.from(`"}\n${akt(403)}\n`),
    ]),
  ],
];

describe.skipIf(!existsSync(fileURLToPath(BUILT)))('NDJSON read on a worker thread', () => {
  const paths = FILES.map(([name, text]) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  });

  it('gives every file the events readNdjson gives on this thread, akt for akt, in order', async () => {
    const prefetch = new NdjsonPrefetch(
      paths.map((p) => ({ path: p, encoding: undefined })),
      BUILT,
    );
    try {
      for (let i = 0; i < paths.length; i++) {
        const expected = await flat(readNdjson(paths[i]!));
        const got = await flat(prefetch.events(i));
        expect(got).toEqual(expected);
        expect(got.events.length).toBeGreaterThan(1);
      }
    } finally {
      await prefetch.close();
    }
  });

  it('reports a broken line and a line nested too deep where they are, between batches', async () => {
    const prefetch = new NdjsonPrefetch([{ path: paths[3]!, encoding: undefined }], BUILT);
    try {
      const { events: got } = await flat(prefetch.events(0));
      const errors = got.filter((e) => e.kind === 'error').map((e) => (e.kind === 'error' ? [e.line, e.message] : []));
      expect(errors).toEqual([
        [1000, '1000:11: value-expected'],
        [1001, '1001:1: invalid-symbol'],
        [2002, `nested more than ${MAX_DEPTH} levels deep`],
      ]);
      const values = got.filter((e) => e.kind === 'value');
      expect(values).toHaveLength(2000);
      expect(values.map((e) => (e.kind === 'value' ? e.line : 0)).slice(998, 1000)).toEqual([999, 1002]);
      expect(got.at(-1)).toMatchObject({ kind: 'end', undecodable: 0 });
    } finally {
      await prefetch.close();
    }
  });

  it('reads with the encoding it is given', async () => {
    const prefetch = new NdjsonPrefetch([{ path: paths[1]!, encoding: 'windows-1252' }], BUILT);
    try {
      expect((await flat(prefetch.events(0))).events[0]).toEqual({ kind: 'format', encoding: 'windows-1252' });
    } finally {
      await prefetch.close();
    }
  });

  it('passes on a file that cannot be read with its error code, for the caller to report', async () => {
    const prefetch = new NdjsonPrefetch([{ path: path.join(dir, 'missing.ndjson'), encoding: undefined }], BUILT);
    try {
      const e = await flat(prefetch.events(0)).then(() => undefined, (err: unknown) => err);
      expect((e as NodeJS.ErrnoException).code).toBe('ENOENT');
    } finally {
      await prefetch.close();
    }
  });
});

describe('the NDJSON reading thread', () => {
  it.each([
    ['throws', 'throw new Error("broken worker");'],
    ['stops', 'process.exit(3);'],
  ])('that %s ends the read with one clear line naming the file, not a hang', async (_what, body) => {
    const worker = path.join(dir, `worker-${_what}.mjs`);
    writeFileSync(worker, `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { ${body} });\n`);
    chmodSync(worker, 0o644);
    const prefetch = new NdjsonPrefetch([{ path: 'x/akter.ndjson', encoding: undefined }], new URL(`file://${worker}`));
    try {
      const e = await flat(prefetch.events(0)).then(() => undefined, (err: unknown) => err);
      expect(e).toBeInstanceOf(UserError);
      expect((e as Error).message).toMatch(/^x\/akter\.ndjson: the thread reading NDJSON failed \(.+\); run again with --threads 1$/);
    } finally {
      await prefetch.close();
    }
  });
});
