import { parentPort } from 'node:worker_threads';
import { serveFiles } from './credits.js';
import { parseLine } from './json.js';
import { Grow } from './json-pack.js';
import { cutLines, ndjsonPieces } from './ndjson-bytes.js';
import { LinePacker } from './json-scan.js';
import type { NdjsonPrefetchEvent, NdjsonStartMessage, NdjsonWorkerMessage } from './ndjson-parallel.js';

/**
 * Reads NDJSON files on a second core: decoding, hashing, cutting lines and parsing (most of the
 * time of reading NDJSON on one thread) happen here, and the akter go back in packed batches (see
 * JsonPacker; LinePacker packs a plain line from its text, or from its bytes in a UTF-8 file,
 * ndjson-bytes.ts), so the main thread only rebuilds them from shared strings and checks them.
 */

/**
 * Messages sent and not yet taken, at most. The main thread turns a message into objects only when
 * it takes it (below); until then a message is its packed arrays and strings. With four, this side
 * waited 0.86–0.90 s for credits at 100,000 akter (the main thread's garbage-collection pauses and
 * its slower stretches) and the main thread 3.4–4.2 s for messages; with 16, 0.15–0.23 s and
 * 2.7–2.9 s (docs/benchmarks.md, session 12).
 */
const AHEAD = 16;
/**
 * Akter per batch, and characters of new text, at most: a message per batch is cheap at this size.
 * The main thread makes a whole batch into objects at once, and they live until the store has taken
 * them in. At 1,000 akter (some 3 MB of objects) about half the runs promoted most of a batch at
 * every scavenge, and the old generation filled with akter already stored: at 400,000 akter 780 MB
 * promoted instead of 290, peak RSS 707–735 MB instead of 490–550 (docs/benchmarks.md, session 10).
 */
const BATCH_AKTER = 250;
const BATCH_CHARS = 1 << 20;
/**
 * Packed batches per message, at most. The main thread unpacks them one at a time as it takes them
 * (NdjsonPrefetch.events), so a message of several costs it no more memory in objects than one;
 * but each message wakes it and gives this side a credit to wait for (docs/benchmarks.md, session 13).
 */
const MESSAGE_BATCHES = 4;

serveFiles<NdjsonStartMessage, NdjsonPrefetchEvent>(parentPort!, AHEAD, run);

async function run({ files }: NdjsonStartMessage, send: (m: NdjsonWorkerMessage, transfer?: readonly ArrayBuffer[]) => Promise<void>): Promise<void> {
  for (let index = 0; index < files.length; index++) {
    const { path, encoding } = files[index]!;
    let packer = new LinePacker();
    let events: NdjsonPrefetchEvent[] = [];
    // A batch's arrays are its own (JsonPacker.take), so they move to the main thread without a copy.
    let buffers: ArrayBuffer[] = [];
    let batches = 0;
    const pack = () => {
      const p = packer.take();
      events.push(p);
      buffers.push(p.lines.buffer as ArrayBuffer, p.ops.buffer as ArrayBuffer, p.numbers.buffer as ArrayBuffer, p.lengths.buffer as ArrayBuffer);
      batches++;
    };
    const flush = async () => {
      if (packer.size > 0) pack();
      if (events.length > 0) await send({ type: 'events', index, events }, buffers);
      events = [];
      buffers = [];
      batches = 0;
    };
    // Broken lines stay in their place among the akter: the batch so far goes first.
    const other = async (ev: NdjsonPrefetchEvent) => {
      if (packer.size > 0) pack();
      events.push(ev);
      if (events.length >= BATCH_AKTER) await flush();
    };
    let line = 0;
    // The lines of a stretch of bytes: where each starts and ends.
    const cuts = new Grow(new Int32Array(2048));
    // A line the scan gives back (an escape, a repeated key, not JSON) is parsed as readNdjson parses it.
    const parsed = async (text: string): Promise<void> => {
      const p = parseLine(text, line);
      if (p === undefined) return;
      if (p.kind !== 'value') return other(p);
      packer.add(line, p.value, p.chars);
    };
    // Whether a message is due, the batch packed once it is full.
    const full = (): boolean => {
      if (packer.size < BATCH_AKTER && packer.textLength < BATCH_CHARS) return false;
      pack();
      return batches >= MESSAGE_BATCHES;
    };
    for await (const ev of ndjsonPieces(path, encoding)) {
      if (ev.kind === 'bytes') {
        const { bytes } = ev;
        cutLines(bytes, ev.start, ev.end, cuts);
        const at = cuts.data;
        for (let i = 0; i < cuts.length; i += 2) {
          const from = at[i]!;
          const stop = at[i + 1]!;
          line++;
          if (!packer.addBytes(line, bytes, from, stop)) await parsed(bytes.toString('utf8', from, stop));
          if (full()) await flush();
        }
        continue;
      }
      if (ev.kind === 'format') packer = new LinePacker(undefined, undefined, ev.encoding === 'utf-8');
      if (ev.kind !== 'text') {
        await other(ev);
        continue;
      }
      const { text, end } = ev;
      for (let start = ev.start; start <= end; ) {
        let stop = text.indexOf('\n', start);
        if (stop < 0 || stop > end) stop = end;
        const from = start;
        start = stop + 1;
        line++;
        if (!packer.addLine(line, text, stop - from + 1, from, stop)) await parsed(text.slice(from, stop));
        if (full()) await flush();
      }
    }
    await flush();
    await send({ type: 'done', index });
  }
}
