import { createHash } from 'node:crypto';
import { isUtf8 as validUtf8 } from 'node:buffer';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { UserError } from '../errors.js';

/** A file on disk, or something read like one (a member of a zip archive), opened afresh on each call. */
export type ByteSource = string | (() => Readable);

export function openBytes(source: ByteSource): Readable {
  return typeof source === 'string' ? createReadStream(source) : source();
}

/** How much of a file on disk is read at a time. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The bytes of a file in chunks. A file on disk is read into one buffer, used again for every
 * chunk: a read stream allocates a fresh buffer per chunk, and the memory the system maps for
 * each cost more CPU than reading (0.3 s against 0.05 s for the 85 MB of an export of 100,000
 * akter). A chunk is therefore good only until the next is asked for: use it, never keep it.
 * The reads are synchronous: each asynchronous one went through the thread pool and back (two
 * thread switches and a wake-up of the event loop per 64 KB), which cost three to eight times the
 * CPU of the reads themselves (85 MB: 90–280 ms against 25–35 ms), and the caller has nothing to
 * do meanwhile but wait for the chunk.
 */
export async function* readChunks(source: ByteSource, lines = false): AsyncGenerator<Uint8Array> {
  if (typeof source !== 'string') {
    for await (const chunk of openBytes(source)) yield chunk as Buffer;
    return;
  }
  const fd = openSync(source, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    // With `lines`, the bytes after a chunk's last line feed wait at the start of the buffer for the
    // next read (see decodeFile).
    let kept = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, kept, CHUNK_BYTES - kept, null);
      const size = kept + bytesRead;
      if (bytesRead === 0) {
        if (kept > 0) yield buffer.subarray(0, kept);
        return;
      }
      const cut = lines ? buffer.lastIndexOf(LINE_FEED, size - 1) + 1 : size;
      if (cut === 0) {
        kept = 0;
        yield buffer.subarray(0, size);
        continue;
      }
      yield buffer.subarray(0, cut);
      kept = size - cut;
      if (kept > 0) buffer.copyWithin(0, cut, size);
    }
  } finally {
    closeSync(fd);
  }
}

const LINE_FEED = 10;

/** How much of a file is looked at to choose its encoding and delimiter. */
const SAMPLE_BYTES = 64 * 1024;

export interface TextFormat {
  /** WHATWG encoding name, e.g. utf-8, windows-1252, utf-16le. */
  encoding: string;
  /** The decoded start of the file, for delimiter detection. */
  head: string;
  /** The sample was plain ASCII, which reads the same in every encoding offered here but UTF-16. */
  ascii: boolean;
}

export type Detected = TextFormat | { binary: true };

/**
 * Checks an --encoding value early, so a typo is one clear line instead of a failure per file.
 * Accepts every WHATWG label (utf8, latin1, cp1252, utf-16le, …).
 */
export function encodingName(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new UserError('unknown-encoding', { value: label });
  }
}

function isUtf8(sample: Uint8Array): boolean {
  try {
    // stream: true lets a character cut at the end of the sample pass as incomplete, not invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Chooses the encoding from a byte-order mark, else UTF-8 when the sample is valid UTF-8, else
 * Windows-1252 (what Swedish Excel writes). NUL bytes without a UTF-16 mark mean a binary file,
 * also where an encoding is given, unless it is UTF-16 (a file without its mark).
 */
export function detectEncoding(sample: Uint8Array, override?: string): Detected {
  let encoding: string;
  if (override !== undefined) {
    encoding = encodingName(override);
    // Only UTF-16 has NUL bytes in text: read as another encoding, a UTF-16 file without its mark
    // becomes characters with NULs between them, and no number in it would be found and masked.
    if (!encoding.startsWith('utf-16') && sample.includes(0)) return { binary: true };
  } else if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) encoding = 'utf-8';
  else if (sample[0] === 0xff && sample[1] === 0xfe) encoding = 'utf-16le';
  else if (sample[0] === 0xfe && sample[1] === 0xff) encoding = 'utf-16be';
  else if (sample.includes(0)) return { binary: true };
  else encoding = isUtf8(sample) ? 'utf-8' : 'windows-1252';
  return { encoding, head: new TextDecoder(encoding).decode(sample, { stream: true }), ascii: sample.every((b) => b < 0x80) };
}

export async function readSample(file: ByteSource): Promise<Uint8Array> {
  if (typeof file !== 'string') return readHead(file());
  const fh = await open(file, 'r');
  try {
    const buf = new Uint8Array(SAMPLE_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SAMPLE_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function readHead(stream: Readable): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      parts.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= SAMPLE_BYTES) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, SAMPLE_BYTES);
}

/** What decoding the whole file showed; known only once its text has been consumed. */
export interface TextTally {
  sha256: string;
  /** Characters that were not valid in the chosen encoding and became U+FFFD. */
  undecodable: number;
}

/**
 * Streams a file as decoded text (byte-order mark removed) and hashes the raw bytes on the way,
 * so the report can name exactly which export was checked without reading any file twice.
 */
export async function* decodeFile(file: ByteSource, encoding: string, tally: TextTally): AsyncGenerator<string> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder(encoding);
  const countBad = encoding === 'utf-8' || encoding.startsWith('utf-16');
  // A chunk of a file on disk ends at a line feed where it has one, so its text ends a line: the
  // CSV and NDJSON readers then take a chunk's text as it is, instead of joining the end of the
  // line before to it, which copied every chunk's text again (0.1 s of the CSV thread for the
  // 330 MB of 400,000 akter). A streaming decoder gives the same text wherever the bytes are cut;
  // in UTF-16 a byte 10 need not be a line feed, so its chunks stay as read.
  for await (const chunk of readChunks(file, !encoding.startsWith('utf-16'))) {
    hash.update(chunk);
    const text = decoder.decode(chunk, { stream: true });
    if (countBad) tally.undecodable += countReplacements(text);
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (countBad) tally.undecodable += countReplacements(rest);
  if (rest !== '') yield rest;
  tally.sha256 = hash.digest('hex');
}

/** U+FFFD in UTF-8. */
const REPLACEMENT = Buffer.from('\uFFFD');

/**
 * decodeFile for a UTF-8 file, but as bytes: valid UTF-8 whose text is exactly the text decodeFile
 * gives (byte-order mark removed), so a reader can cut values from the bytes and decode only the
 * ones it keeps. A chunk that is valid UTF-8 and ends on a whole character goes as read, its U+FFFD
 * counted from their bytes; any other (invalid bytes, a character cut at its end, the start of the
 * file with its mark) goes through the same streaming decoder as decodeFile and is made UTF-8 again,
 * its replacement characters and all. A chunk is good only until the next is asked for.
 */
export async function* utf8Chunks(file: ByteSource, tally: TextTally): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8');
  // Bytes the decoder has seen: the first three may be a byte-order mark, which only it removes.
  let decoded = 0;
  let open = true;
  for await (const chunk of readChunks(file, true)) {
    hash.update(chunk);
    const bytes = chunk instanceof Buffer ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!open && validUtf8(bytes) && (bytes.length === 0 || bytes[bytes.length - 1]! < 0x80)) {
      for (let i = bytes.indexOf(REPLACEMENT); i !== -1; i = bytes.indexOf(REPLACEMENT, i + 3)) tally.undecodable++;
      yield bytes;
      continue;
    }
    const text = decoder.decode(bytes, { stream: true });
    decoded += bytes.length;
    // After a byte of 128 or more the decoder may hold the start of a character for the next chunk.
    open = decoded < 3 || (bytes.length > 0 && bytes[bytes.length - 1]! >= 0x80);
    tally.undecodable += countReplacements(text);
    if (text !== '') yield Buffer.from(text);
  }
  const rest = decoder.decode();
  tally.undecodable += countReplacements(rest);
  if (rest !== '') yield Buffer.from(rest);
  tally.sha256 = hash.digest('hex');
}

export function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

export async function hashFile(file: ByteSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of readChunks(file)) hash.update(chunk);
  return hash.digest('hex');
}
