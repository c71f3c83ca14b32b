import { parentPort } from 'node:worker_threads';
import { serveFiles } from './credits.js';
import { readCsvPacked } from './csv-bytes.js';
import { RowPacker } from './csv-pack.js';
import type { PrefetchEvent, StartMessage, WorkerMessage } from './csv-parallel.js';

/**
 * Parses CSV files on a second core. Rows go back in packed batches (integer arrays and one string
 * of the values not sent before, cheap to copy; see RowPacker), so this side also finds which
 * values repeat and the main thread checks each distinct value once; it checks the values and
 * joins the rows to akter meanwhile. (Checking values here as well was measured: it made the
 * worker the slower side.)
 */

/**
 * Batches sent and not yet taken, at most. Each is one 64 KB stretch of a file, packed (some
 * 30–100 KB), so 512 hold some 15–50 MB. Four were too few: a pause of the main thread's garbage
 * collector (up to 15–20 ms at 100,000 akter) used them up (session 11). 32 were too few as well:
 * the main thread is the slower side while it registers the akter of cases.csv, and this side the
 * slower one in plans.csv and followups.csv, so what this side could have parsed ahead while it
 * waited for credits in the first table, the main thread waited for later. At 400,000 akter this
 * side waited 1.0 s for credits in cases.csv and 2.0 s in all, and the main thread 5.4 s for
 * batches; with 512, 0.2 s and 1.2 s (docs/benchmarks.md, session 12).
 */
const AHEAD = 512;

serveFiles<StartMessage, PrefetchEvent>(parentPort!, AHEAD, run);

async function run({ files }: StartMessage, send: (m: WorkerMessage) => Promise<void>): Promise<void> {
  for (let index = 0; index < files.length; index++) {
    const { path, overrides } = files[index]!;
    const packer = new RowPacker();
    for await (const ev of readCsvPacked(path, overrides, packer)) await send({ type: 'events', index, events: [ev] });
    await send({ type: 'done', index });
  }
}
