import yauzl from 'yauzl';

/** Every member of a zip (an archive, an xlsx workbook) with its bytes, in the archive's order. */
export async function zipParts(bytes: Buffer): Promise<[string, Buffer][]> {
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
  const out: [string, Buffer][] = [];
  for (const e of entries) {
    if (e.fileName.endsWith('/')) continue;
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(e)) chunks.push(c as Buffer);
    out.push([e.fileName, Buffer.concat(chunks)]);
  }
  return out;
}
