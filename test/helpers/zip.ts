import yauzl from 'yauzl';

async function entriesOf(bytes: Buffer): Promise<{ zip: yauzl.ZipFile; entries: yauzl.Entry[] }> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', resolve).on('error', reject);
    zip.readEntry();
  });
  return { zip, entries };
}

/** Every member of a zip (an archive, an xlsx workbook) with its bytes, in the archive's order. */
export async function zipParts(bytes: Buffer): Promise<[string, Buffer][]> {
  const { zip, entries } = await entriesOf(bytes);
  const out: [string, Buffer][] = [];
  for (const e of entries) {
    if (e.fileName.endsWith('/')) continue;
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(e)) chunks.push(c as Buffer);
    out.push([e.fileName, Buffer.concat(chunks)]);
  }
  return out;
}

/** Every member's name and the time in its header (the zip's own MS-DOS field, read as UTC), in the archive's order. */
export async function zipDates(bytes: Buffer): Promise<[string, string][]> {
  const { entries } = await entriesOf(bytes);
  return entries.map((e) => [e.fileName, e.getLastModDate({ timezone: 'UTC', forceDosFormat: true }).toISOString()]);
}
