import { PassThrough, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { Localized } from '../model/lang.js';
import { UserError } from '../errors.js';

/**
 * What an archive (or a workbook, which is a zip too) may unpack to. A zip bomb is stopped by its
 * directory when it declares its sizes, and by counting the bytes as they are inflated when it
 * lies about them, so it costs neither time nor memory.
 */
export interface ArchiveLimits {
  /** Members (files and folders) in one archive. */
  maxMembers: number;
  /** Bytes one member may unpack to. */
  maxMemberBytes: number;
  /** Bytes all members of one archive may unpack to together. */
  maxTotalBytes: number;
  /** Unpacked ÷ packed size of a member; checked once it is over RATIO_FLOOR bytes. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ArchiveLimits = { maxMembers: 10_000, maxMemberBytes: 2 * 2 ** 30, maxTotalBytes: 4 * 2 ** 30, maxRatio: 200 };

/** Small members may compress extremely well (a page of blanks) without being a bomb. */
const RATIO_FLOOR = 1 << 20;

export interface Member {
  name: string;
  size: number;
  /** The member's bytes, inflated as they are read; each call starts again from its first byte. */
  open: () => Readable;
}

export interface Archive {
  members: Member[];
  close: () => void;
}

const GiB = (n: number): string => (n >= 2 ** 30 ? `${+(n / 2 ** 30).toFixed(2)} GiB` : `${+(n / 2 ** 20).toFixed(2)} MiB`);

/** Why an archive cannot be read: one line naming it and the reason, exit 2. */
export function archiveError(name: string, reason: Localized): UserError {
  return new UserError('archive-unreadable', { file: name, reason });
}

const both = (sv: string, en: string): Localized => ({ sv, en });

/** A reason that carries text of its own (a member's name, a library's message) in both languages. */
function prefixed(prefix: string, r: Localized): Localized {
  return both(`${prefix}${r.sv}`, `${prefix}${r.en}`);
}

/**
 * Opens a zip archive (a path, or the bytes of one held in memory) and checks its directory
 * against the limits before a single member is inflated. Members are read straight from the
 * archive, never unpacked to disk.
 */
export async function openArchive(source: string | Buffer, name: string, limits: ArchiveLimits = DEFAULT_LIMITS, what: 'archive' | 'workbook' = 'archive'): Promise<Archive> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true };
  let zip: yauzl.ZipFile;
  try {
    zip = typeof source === 'string' ? await yauzl.openPromise(source, options) : await yauzl.fromBufferPromise(source, options);
  } catch (e) {
    const m = (e as Error).message;
    const hint =
      what === 'workbook'
        ? both(`ingen läsbar Excel-arbetsbok (.xlsx; en som sparats med lösenord, eller en gammal .xls, måste sparas igen som .xlsx utan): ${m}`, `not a readable Excel workbook (.xlsx; one saved with a password, or an old .xls, must be saved again as .xlsx without one): ${m}`)
        : both(`inget läsbart zip-arkiv: ${m}`, `not a readable zip archive: ${m}`);
    throw archiveError(name, hint);
  }
  const entries: yauzl.Entry[] = [];
  let reason: Localized | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        if (entries.length > limits.maxMembers) {
          reason = both(`fler än ${limits.maxMembers} delar (maxMembers)`, `more than ${limits.maxMembers} members (maxMembers)`);
          return reject(new Error(reason.en));
        }
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', (e: Error) => {
        reason = both(`skadat arkiv (${e.message})`, `damaged archive (${e.message})`);
        reject(new Error(reason.en));
      });
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw archiveError(name, reason ?? both((e as Error).message, (e as Error).message));
  }
  const files = entries.filter((e) => !e.fileName.endsWith('/'));
  let total = 0;
  for (const e of files) {
    const problem = entryProblem(e, limits);
    total += e.uncompressedSize;
    if (problem === undefined && total > limits.maxTotalBytes) {
      zip.close();
      throw archiveError(name, both(`delarna packas upp till mer än ${GiB(limits.maxTotalBytes)} tillsammans (maxTotalBytes)`, `members unpack to more than ${GiB(limits.maxTotalBytes)} together (maxTotalBytes)`));
    }
    if (problem !== undefined) {
      zip.close();
      throw archiveError(name, prefixed(`${e.fileName}: `, problem));
    }
  }
  const members = files.map((e) => ({ name: e.fileName, size: e.uncompressedSize, open: () => memberStream(zip, e, name) }));
  return { members, close: () => zip.close() };
}

function entryProblem(e: yauzl.Entry, limits: ArchiveLimits): Localized | undefined {
  if (e.isEncrypted()) return both('krypterad (lämna exporten okrypterad)', 'encrypted (give the export unencrypted)');
  if (e.compressionMethod !== 0 && e.compressionMethod !== 8) {
    return both(`komprimerad med metod ${e.compressionMethod}, som inte läses (bara lagrad och deflate)`, `compressed with method ${e.compressionMethod}, which is not read (only stored and deflate)`);
  }
  if (e.uncompressedSize > limits.maxMemberBytes) {
    return both(`packas upp till ${GiB(e.uncompressedSize)}, mer än ${GiB(limits.maxMemberBytes)} (maxMemberBytes)`, `unpacks to ${GiB(e.uncompressedSize)}, more than ${GiB(limits.maxMemberBytes)} (maxMemberBytes)`);
  }
  if (e.uncompressedSize > RATIO_FLOOR && e.uncompressedSize > limits.maxRatio * Math.max(e.compressedSize, 1)) {
    const ratio = Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1));
    return both(`komprimerad ${ratio} : 1, mer än ${limits.maxRatio} : 1 (maxRatio): en zip-bomb?`, `compressed ${ratio} : 1, more than ${limits.maxRatio} : 1 (maxRatio): a zip bomb?`);
  }
  return undefined;
}

/** A member's bytes; yauzl stops a member that inflates past the size its directory declared. */
function memberStream(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string): Readable {
  const out = new PassThrough();
  zip.openReadStream(entry, (err, stream) => {
    const damaged = (m: string) => archiveError(name, both(`${entry.fileName}: skadad del (${m})`, `${entry.fileName}: damaged member (${m})`));
    if (err) return out.destroy(damaged(err.message));
    stream.on('error', (e: Error) => out.destroy(damaged(e.message)));
    out.on('close', () => stream.destroy());
    stream.pipe(out);
  });
  return out;
}

/**
 * The archive again, its parts stored (not compressed) and `first` put first: exceljs's streaming
 * reader needs a workbook's own description, styles and shared strings before its sheets, or it
 * spools the sheets to temporary files, and it misses the description when it is the last part
 * (exceljs issue 962), which is where exceljs itself and other writers put it. Every part still
 * comes through yauzl, which holds it to the size the archive declared.
 */
export function reorder(archive: Archive, first: readonly string[]): Readable {
  const zip = new yazl.ZipFile();
  const rank = (name: string): number => {
    const i = first.indexOf(name);
    return i < 0 ? first.length : i;
  };
  const parts = archive.members.map((m, i) => ({ m, i })).sort((a, b) => rank(a.m.name) - rank(b.m.name) || a.i - b.i);
  const out = zip.outputStream as Readable;
  for (const { m } of parts) {
    zip.addReadStreamLazy(m.name, { compress: false, size: m.size }, (cb) => {
      // yazl does not pass a part's failure on; the reader must hear of it, or it waits for bytes that never come.
      const part = m.open();
      part.on('error', (e: Error) => out.destroy(e));
      cb(null, part);
    });
  }
  zip.end();
  return out;
}
