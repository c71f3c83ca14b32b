// The floor: csv-parse alone, single-threaded, parsing every table of a CSV export into arrays and
// counting rows. Nothing a real check can do with the rows is cheaper than this.
import { createReadStream, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';

const dir = process.argv[2];
let rows = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith('.csv')).sort()) {
  for await (const record of createReadStream(path.join(dir, f)).pipe(parse())) if (Array.isArray(record)) rows++;
}
process.stdout.write(`${rows}\n`);
