/**
 * The fast path (SEIPD v1 with AES, what every GnuPG 2.2 or openpgp key asks for): the tar, the
 * literal data packet and the encrypted data packet are framed here, in batches of 1 MiB of
 * literal body that the sources are read straight into; the main thread reads and runs AES, the
 * seal worker hashes (the MDC, every file's digest, the archive's SHA-256) and writes. The bytes
 * are the same tar (tar-stream's own header encoder) in the same OpenPGP packets as openpgp's
 * streaming encryption makes, in other chunk sizes (RFC 4880 §4.2.2.4, §5.9, §5.13, §5.14).
 */
import { createHash, type Hash } from 'node:crypto';
import {
  closeSync,
  constants as fsc,
  fstatSync,
  openSync,
  read,
  readSync,
  statSync,
  type Stats,
} from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { BAGIT_TXT, manifestLine } from '../../core/bag.js';
import { InternalError } from '../../core/errors.js';
import type { ManifestFile } from '../../core/manifest.js';
import type { SeipdV1 } from '../openpgp/seipd.js';
import { lengthHeader } from '../openpgp/packet-lengths.js';
import { owned, type FileRange } from './buffers.js';
import {
  changed,
  digest,
  openProblem,
  stillAsListed,
  type PayloadEntry,
  type WriteBagOptions,
  type WrittenBag,
} from './payload.js';
import { startSealer, type Sealer } from './sealer.js';

/** tar-stream's header encoder (not in its exports map; pack.js uses it the same way). */
const tarHeaders = createRequire(import.meta.url)(
  path.join(path.dirname(createRequire(import.meta.url).resolve('tar-stream')), 'headers.js'),
) as {
  encode(h: Record<string, unknown>): Uint8Array | null;
  encodePax(h: Record<string, unknown>): Uint8Array;
};

/** Literal body per partial length: 2^20 bytes. */
const BODY_BITS = 20;
const BODY = 1 << BODY_BITS;
/** Before the body of a batch: the random prefix and the literal packet's tag (first batch only), then a length header. */
const LEAD = 18 + 1;
const SLOT = 5;
const START = LEAD + SLOT;
/** After the body of the last batch: the MDC packet's header. */
const TAIL = 2;
const BATCH_BYTES = START + BODY + TAIL;

/** Volumes: tar bytes a volume holds (the last one holds the rest), and how the next one starts. */
interface Volumes {
  segment: number;
  next: () => Promise<SeipdV1>;
}

/**
 * Tar bytes per volume such that every volume file stays under `size` bytes: the key packets (a
 * new session key a volume: their length may vary by a few bytes, hence the slack), the version,
 * the random prefix, the literal packet's tag and header, the MDC packet, and one length octet a
 * MiB (at most five for the last part) in each of the two packets (docs/FORMAT.md, "Lengths").
 */
export function volumeSegment(size: number, headBytes: number): number {
  const parts = Math.ceil(size / BODY) + 5;
  return size - 1 - (headBytes + 256 + 1 + 18 + 1 + 6 + 22 + 2 * parts);
}

/** The plaintext of the encrypted data packet, batch by batch (of each volume in turn, with volumes). */
class SealedStream {
  private buf: Uint8Array;
  private n = 0;
  private ranges: FileRange[] = [];
  private first = true;
  private seipd!: SeipdV1;
  /** The modification detection code: SHA-1 over the plaintext, here beside AES (RFC 4880 §5.14). */
  private mdc!: Hash;
  /** Tar bytes the current volume may still take (no end without volumes). */
  private left = Infinity;
  /** The size and SHA-256 of each message ended so far. */
  private readonly measured: Array<{ size: number; sha256: string }> = [];

  constructor(
    seipd: SeipdV1,
    private readonly sealer: Sealer,
    private readonly volumes?: Volumes,
  ) {
    this.buf = this.fresh();
    this.begin(seipd);
  }

  /** A message starts: the random prefix, the literal packet's tag and its own header. */
  private begin(seipd: SeipdV1): void {
    this.seipd = seipd;
    this.mdc = createHash('sha1');
    this.first = true;
    this.left = this.volumes?.segment ?? Infinity;
    this.buf.set(seipd.prefix, 0);
    this.buf[18] = 0xc0 | 11; // literal data packet, new format
    // The literal packet's own header: binary, no file name, the date (RFC 4880 §5.9).
    const date = Math.floor(Date.now() / 1000);
    this.write(Uint8Array.of(0x62, 0, date >>> 24, (date >>> 16) & 0xff, (date >>> 8) & 0xff, date & 0xff));
  }

  /** The current volume is full: it ends (a complete message), and the next one begins. */
  private async nextVolume(): Promise<void> {
    this.measured.push(await this.finish());
    this.begin(await this.volumes!.next());
  }

  private fresh(): Uint8Array {
    return this.sealer.recycled.pop() ?? new Uint8Array(BATCH_BYTES);
  }

  /** Copies small bytes (tar headers, padding, tag files). */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    let off = 0;
    while (off < bytes.byteLength) {
      if (this.left === 0) await this.nextVolume();
      else if (this.n === BODY) await this.seal(this.rotate());
      const take = Math.min(BODY - this.n, this.left, bytes.byteLength - off);
      this.buf.set(bytes.subarray(off, off + take), START + this.n);
      this.n += take;
      this.left -= take;
      off += take;
    }
  }

  private write(bytes: Uint8Array): void {
    this.buf.set(bytes, START + this.n);
    this.n += bytes.byteLength;
  }

  /**
   * Reads `size` bytes of a source file straight into the batches, each read overlapping the
   * encryption of the previous batch. `read(into, off, len)` returns how many bytes it read.
   */
  async readFile(
    file: number,
    size: number,
    read: (into: Uint8Array, off: number, len: number) => Promise<void>,
    progress: (n: number) => void,
  ): Promise<void> {
    let done = 0;
    if (size === 0) this.ranges.push([file, START + this.n, START + this.n, true]);
    let full: Batch | undefined;
    while (done < size) {
      if (this.left === 0) await this.nextVolume();
      else if (this.n === BODY) full = this.rotate();
      const take = Math.min(BODY - this.n, this.left, size - done);
      const at = START + this.n;
      const reading = read(this.buf, at, take);
      if (full) {
        reading.catch(() => undefined);
        await this.seal(full);
        full = undefined;
      }
      await reading;
      this.ranges.push([file, at, at + take, done + take === size]);
      this.n += take;
      this.left -= take;
      done += take;
      progress(take);
    }
  }

  /** The digests of every file written so far (their last bytes may still sit in this batch). */
  async digests(): Promise<string[]> {
    for (const [file, start, end, last] of this.ranges) {
      const copy = this.buf.slice(start, end);
      await this.sealer.push(copy, 0, copy.byteLength, [[file, 0, copy.byteLength, last]], undefined, false);
    }
    this.ranges = [];
    return this.sealer.digests();
  }

  private rotate(): Batch {
    const b: Batch = { buf: this.buf, n: this.n, ranges: this.ranges, first: this.first };
    this.buf = this.fresh();
    this.n = 0;
    this.ranges = [];
    this.first = false;
    return b;
  }

  /** Encrypts a full batch as one partial body of the literal packet. */
  private async seal(b: Batch): Promise<void> {
    b.buf[START - 1] = 0xe0 | BODY_BITS;
    let from = START - 1;
    if (b.first) {
      b.buf.copyWithin(from - LEAD, 0, LEAD);
      from -= LEAD;
    }
    await this.send(b, from, START + BODY);
  }

  private async send(b: Batch, from: number, to: number): Promise<void> {
    const plain = b.buf.subarray(from, to);
    this.mdc.update(plain);
    const cipher = owned(this.seipd.cipher.update(plain));
    await this.sealer.push(b.buf, from, to, b.ranges, cipher);
  }

  /** Ends the last message; the size and SHA-256 of each message written, in order. */
  async end(): Promise<Array<{ size: number; sha256: string }>> {
    this.measured.push(await this.finish());
    return this.measured;
  }

  /** The last batch with a definite length, the MDC packet, and the message's measures. */
  private async finish(): Promise<{ size: number; sha256: string }> {
    const b = this.rotate();
    const len = lengthHeader(b.n);
    let from = START - len.byteLength;
    b.buf.set(len, from);
    if (b.first) {
      b.buf.copyWithin(from - LEAD, 0, LEAD);
      from -= LEAD;
    }
    b.buf[START + b.n] = 0xd3; // modification detection code packet, 20 bytes (RFC 4880 §5.14)
    b.buf[START + b.n + 1] = 0x14;
    await this.send(b, from, START + b.n + TAIL);
    const mdc = this.mdc.digest();
    const cipher = owned(Buffer.concat([this.seipd.cipher.update(mdc), this.seipd.cipher.final()]));
    const none = new Uint8Array(0);
    await this.sealer.push(none, 0, 0, [], cipher, false);
    return this.sealer.end();
  }
}

interface Batch {
  buf: Uint8Array;
  n: number;
  ranges: FileRange[];
  first: boolean;
}

const ZEROS = new Uint8Array(1024);

/** The header bytes tar-stream's pack would write for a regular file (ustar, or PAX + ustar). */
function tarHeader(name: string, size: number, mtime: Date): Uint8Array[] {
  const header: Record<string, unknown> = { name, size, mode: 0o644, mtime, type: 'file', uid: 0, gid: 0 };
  const plain = tarHeaders.encode(header);
  if (plain) return [plain];
  const pax = tarHeaders.encodePax({ name, linkname: undefined, pax: undefined });
  const paxEntry = {
    ...header,
    name: 'PaxHeader',
    size: pax.byteLength,
    type: 'pax-header',
    linkname: undefined,
  };
  const out = [tarHeaders.encode(paxEntry)!, pax];
  if (pax.byteLength & 511) out.push(ZEROS.subarray(0, 512 - (pax.byteLength & 511)));
  out.push(tarHeaders.encode({ ...paxEntry, size, type: 'file' })!);
  return out;
}

/**
 * Writes the bag sealed: into `opts.file`, or with `opts.volumes` into one file a volume, each
 * its own message (`next` starts the next one's: a new session key and key packets).
 */
export async function writeSealedBag(
  opts: WriteBagOptions,
  seipd: SeipdV1,
  next: () => Promise<SeipdV1>,
): Promise<WrittenBag> {
  const files: string[] = [];
  let out: FileHandle | undefined;
  // Each volume is flushed to disk in the background once ended, and closed (no file stays open).
  const flushed: Array<Promise<void>> = [];
  const openNext = async () => {
    const file = opts.volumes ? opts.volumes.file(files.length + 1) : opts.file;
    if (out) {
      const done = out;
      flushed.push(done.sync().finally(() => done.close()));
    }
    out = await open(file, 'wx', 0o600);
    files.push(file);
    return out;
  };
  const sealer = startSealer((await openNext()).fd, opts.algorithm, seipd.head);
  try {
    const volumes = opts.volumes && {
      segment: volumeSegment(opts.volumes.size, seipd.head.byteLength),
      next: async () => {
        const following = await next();
        sealer.begin((await openNext()).fd, following.head);
        return following;
      },
    };
    const stream = new SealedStream(seipd, sealer, volumes);
    const root = opts.bagId;
    const now = new Date();
    const tagHashes: ManifestFile[] = [];
    const pad = (size: number) =>
      size & 511 ? stream.writeBytes(ZEROS.subarray(0, 512 - (size & 511))) : undefined;
    const addText = async (p: string, content: Uint8Array) => {
      for (const h of tarHeader(`${root}/${p}`, content.byteLength, now)) await stream.writeBytes(h);
      await stream.writeBytes(content);
      await pad(content.byteLength);
      tagHashes.push({ path: p, size: content.byteLength, digest: digest(opts.algorithm, content) });
    };

    await addText('bagit.txt', Buffer.from(BAGIT_TXT, 'utf8'));
    let done = 0;
    const progress = (n: number) => {
      done += n;
      opts.onProgress?.(done);
    };
    for (const [i, entry] of opts.payload.entries()) {
      await sealedEntry(stream, i, `${root}/${entry.bagPath}`, entry, progress);
    }
    const digests = await stream.digests();
    const payload: ManifestFile[] = opts.payload.map((e, i) => ({
      path: e.bagPath,
      size: e.size,
      digest: digests[i]!,
    }));
    for (const t of opts.tagFiles(payload)) {
      const file = typeof t === 'function' ? t([...tagHashes]) : t;
      await addText(file.path, file.content);
    }
    const tagManifest = Buffer.from(tagHashes.map((f) => manifestLine(f.digest, f.path)).join(''));
    for (const h of tarHeader(`${root}/tagmanifest-${opts.algorithm}.txt`, tagManifest.byteLength, now))
      await stream.writeBytes(h);
    await stream.writeBytes(tagManifest);
    await pad(tagManifest.byteLength);
    await stream.writeBytes(ZEROS);
    const messages = await stream.end();
    await out!.sync();
    await Promise.all(flushed);
    const size = messages.reduce((n, v) => n + v.size, 0);
    if (!opts.volumes)
      return { payload, tagFiles: tagHashes, archive: { size, sha256: messages[0]!.sha256 } };
    const limit = opts.volumes.size;
    if (messages.some((v) => v.size >= limit)) throw new InternalError((m) => m.volumes.overSize(limit));
    return {
      payload,
      tagFiles: tagHashes,
      archive: { size },
      volumes: messages.map((v, i) => ({ file: files[i]!, ...v })),
    };
  } finally {
    await sealer.close();
    await Promise.allSettled(flushed);
    await out?.close().catch(() => undefined);
  }
}

/**
 * One source file into the stream: the same checks as `entryFromFile`, read straight into the
 * batches. The small calls are synchronous: a handover holds thousands of small files, and a
 * round trip through libuv's thread pool for each open, stat, read and close cost more than the
 * calls themselves (1.5 s for 2000 files of 2 KiB, measured); large reads stay asynchronous, to
 * overlap the encryption of the previous batch.
 */
function sealedEntry(
  stream: SealedStream,
  index: number,
  name: string,
  entry: PayloadEntry,
  progress: (n: number) => void,
): Promise<void> | void {
  let fd: number;
  try {
    fd = openSync(entry.abs, fsc.O_RDONLY | fsc.O_NOFOLLOW);
  } catch (e) {
    throw openProblem(entry, e);
  }
  let closed = false;
  const close = () => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  try {
    const before = fstatSync(fd);
    stillAsListed(entry, before);
    let pos = 0;
    const finish = () => {
      const extra = readSync(fd, Buffer.alloc(1), 0, 1, pos);
      if (extra > 0) throw changed(entry, 'grew');
      const after = fstatSync(fd);
      if (after.size !== entry.size || after.mtimeMs !== entry.mtimeMs) throw changed(entry, 'changed');
      let still: Stats | undefined;
      try {
        still = statSync(entry.abs);
      } catch {
        still = undefined;
      }
      if (!still || still.ino !== before.ino || still.dev !== before.dev) throw changed(entry, 'replaced');
      close();
    };
    const work = (async () => {
      try {
        for (const h of tarHeader(name, entry.size, new Date(entry.mtimeMs))) await stream.writeBytes(h);
        await stream.readFile(
          index,
          entry.size,
          async (into, off, len) => {
            let got = 0;
            while (got < len) {
              const n =
                len - got < SYNC_READ
                  ? readSync(fd, into, off + got, len - got, pos + got)
                  : (await readAsync(fd, into, off + got, len - got, pos + got)).bytesRead;
              if (n === 0) throw changed(entry, 'shrank');
              got += n;
            }
            pos += got;
          },
          progress,
        );
        finish();
        if (entry.size & 511) await stream.writeBytes(ZEROS.subarray(0, 512 - (entry.size & 511)));
      } finally {
        close();
      }
    })();
    return work;
  } catch (e) {
    close();
    throw e;
  }
}

/** Reads smaller than this are synchronous (see `sealedEntry`). */
const SYNC_READ = 256 * 1024;

const readAsync = promisify(read);
