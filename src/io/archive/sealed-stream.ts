/**
 * The plaintext of a SEIPD v1 message as exitkit frames it (RFC 4880 §4.2.2.4, §5.9, §5.13,
 * §5.14): the literal data packet in 1 MiB partial bodies that the sources are read straight
 * into, AES in CFB mode and the MDC's SHA-1 beside it, batch by batch, handed to a `Sealer` that
 * hashes and writes. Free of openpgp and of the catalogs: the volume workers load it
 * (src/io/archive/volume-worker.ts), as the main thread does for one message.
 */
import { createCipheriv, createHash, randomBytes, type Cipher, type Hash } from 'node:crypto';
import {
  closeSync,
  constants as fsc,
  fstatSync,
  openSync,
  read as readCallback,
  readSync,
  statSync,
  type Stats,
} from 'node:fs';
import { promisify } from 'node:util';
import type { SourceChange } from '../../core/i18n/terminal/en.js';
import { lengthHeader } from '../openpgp/packet-lengths.js';
import { owned, type FileRange } from './buffers.js';
import type { SealSink } from './seal-worker.js';
import { hashReads } from './hash-file.js';

/** What a message's body needs: AES in CFB mode with the session key, and the random prefix. */
export interface MessageStart {
  /** AES in CFB mode with the session key and a zero IV (RFC 4880 §5.13), fed in order. */
  cipher: Cipher;
  /** The random prefix: a block of random bytes, its last two repeated (RFC 4880 §5.13). */
  prefix: Uint8Array;
}

/** The cipher (Node's name: aes-256-cfb, …) and the random prefix of a message under `key`. */
export function messageStart(cipherName: string, key: Uint8Array): MessageStart {
  const prefix = new Uint8Array(18);
  prefix.set(randomBytes(16));
  prefix[16] = prefix[14]!;
  prefix[17] = prefix[15]!;
  return { cipher: createCipheriv(cipherName, key, Buffer.alloc(16)), prefix };
}

/** What the stream talks to, in a worker (src/io/archive/sealer.ts) or in this thread. */
export interface Sealer {
  /**
   * Hands over a plaintext batch and its ciphertext, both owned whole (transferred when in a
   * worker). Resolves when there is room for another; `recycled` gets plaintext buffers back.
   */
  push(
    whole: Uint8Array,
    from: number,
    to: number,
    ranges: FileRange[],
    cipher?: Uint8Array,
    back?: boolean,
  ): Promise<void>;
  digests(): Promise<string[]>;
  /** Ends the message; `begin` starts the next volume's (into another file). */
  end(): Promise<{ size: number; sha256: string }>;
  begin(fd: number, head: Uint8Array): void;
  close(): Promise<void>;
  /** Plaintext buffers handed back, for reuse. */
  recycled: Uint8Array[];
}

/**
 * The sealer's work in this thread (a volume worker; tests run from TypeScript sources).
 * `written` is called after each batch of ciphertext is handed to the sink.
 */
export function inlineSealer(sink: SealSink, written?: () => void): Sealer {
  return {
    recycled: [],
    async push(buf, _from, _to, ranges, cipher, back = true) {
      sink.plain(buf, ranges);
      if (cipher) {
        sink.cipher(cipher);
        written?.();
      }
      if (back) this.recycled.push(buf);
    },
    digests: async () => [...sink.digests],
    end: async () => sink.end(),
    begin: (fd, head) => sink.begin(fd, head),
    async close() {},
  };
}

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
export interface Volumes {
  segment: number;
  next: () => Promise<MessageStart>;
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
export class SealedStream {
  private buf: Uint8Array;
  private n = 0;
  private ranges: FileRange[] = [];
  private first = true;
  private seipd!: MessageStart;
  /** The modification detection code: SHA-1 over the plaintext, here beside AES (RFC 4880 §5.14). */
  private mdc!: Hash;
  /** Tar bytes the current volume may still take (no end without volumes). */
  private left = Infinity;
  /** The size and SHA-256 of each message ended so far. */
  private readonly measured: Array<{ size: number; sha256: string }> = [];

  constructor(
    seipd: MessageStart,
    private readonly sealer: Sealer,
    private readonly volumes?: Volumes,
  ) {
    this.buf = this.fresh();
    this.begin(seipd);
  }

  /** A message starts: the random prefix, the literal packet's tag and its own header. */
  private begin(seipd: MessageStart): void {
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
   * encryption of the previous batch. `read(into, off, len)` fills that much. With `file` null the
   * bytes are not hashed as a payload file's (a part of a file that crosses a volume boundary).
   */
  async readFile(
    file: number | null,
    size: number,
    read: (into: Uint8Array, off: number, len: number) => Promise<void>,
    progress: (n: number) => void,
  ): Promise<void> {
    let done = 0;
    if (size === 0 && file !== null) this.ranges.push([file, START + this.n, START + this.n, true]);
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
      if (file !== null) this.ranges.push([file, at, at + take, done + take === size]);
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

/** A source file changed, vanished or was swapped while it was read: said by the main thread. */
export interface SourceFault {
  file: number;
  how: SourceChange | 'link' | 'notRegular';
}

export function isSourceFault(e: unknown): e is SourceFault {
  return typeof e === 'object' && e !== null && 'file' in e && 'how' in e && !(e instanceof Error);
}

/** Bytes [from, to) of payload file `file`, as listed (size and modification time). */
export interface SourcePart {
  file: number;
  abs: string;
  size: number;
  mtimeMs: number;
  from: number;
  to: number;
}

/** Reads smaller than this are synchronous (see `readSource`). */
const SYNC_READ = 256 * 1024;
const readAsync = promisify(readCallback);

/**
 * Bytes of one source file into the stream, the file held to what was listed (`checkedSource`).
 * `hash`: the part is the whole file, hashed as it is read.
 *
 * The small calls are synchronous: a handover holds thousands of small files, and a round trip
 * through libuv's thread pool for each open, stat, read and close cost more than the calls
 * themselves (1.5 s for 2000 files of 2 KiB, measured); large reads stay asynchronous, to overlap
 * the encryption of the previous batch.
 */
export async function readSource(
  stream: SealedStream,
  part: SourcePart,
  hash: boolean,
  progress: (n: number) => void,
): Promise<void> {
  await checkedSource(part, async (fd, fault) => {
    let pos = part.from;
    await stream.readFile(
      hash ? part.file : null,
      part.to - part.from,
      async (into, off, len) => {
        let got = 0;
        while (got < len) {
          const n =
            len - got < SYNC_READ
              ? readSync(fd, into, off + got, len - got, pos + got)
              : (await readAsync(fd, into, off + got, len - got, pos + got)).bytesRead;
          if (n === 0) throw fault('shrank');
          got += n;
        }
        pos += got;
      },
      progress,
    );
    return pos;
  });
}

/**
 * The digest of a whole source file, held to what was listed as `readSource` holds it: a file that
 * crosses a volume boundary is hashed apart from the volumes that seal its parts, and must be the
 * same bytes they read (src/io/archive/volume-sealer.ts). Two buffers in turn: the next read runs
 * while one is hashed.
 */
export async function hashSource(part: SourcePart, algorithm: string): Promise<string> {
  const h = createHash(algorithm);
  await checkedSource(part, async (fd, fault) => {
    let pos = part.from;
    await hashReads(h, (into) => {
      if (pos >= part.to) return undefined;
      const [at, len] = [pos, Math.min(into.byteLength, part.to - pos)];
      pos += len;
      // A regular file reads whole up to its end: a short read is a file that shrank.
      return readAsync(fd, into, 0, len, at).then(({ bytesRead }) => {
        if (bytesRead < len) throw fault('shrank');
        return bytesRead;
      });
    });
    return pos;
  });
  return h.digest('hex');
}

/**
 * Opens a listed source and holds it to the listing around `body`, which reads it and returns
 * where it stopped: opened without following a link, a regular file of the listed size and time
 * before and after, and, when the part reaches its end, not grown and still the same file at that
 * path. Throws a `SourceFault` (or the system's error).
 */
async function checkedSource(
  part: SourcePart,
  body: (fd: number, fault: (how: SourceFault['how']) => SourceFault) => Promise<number>,
): Promise<void> {
  const fault = (how: SourceFault['how']): SourceFault => ({ file: part.file, how });
  let fd: number;
  try {
    fd = openSync(part.abs, fsc.O_RDONLY | fsc.O_NOFOLLOW);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw fault('vanished');
    if (code === 'ELOOP') throw fault('link');
    throw e;
  }
  try {
    const before = fstatSync(fd);
    if (!before.isFile()) throw fault('notRegular');
    if (before.size !== part.size || before.mtimeMs !== part.mtimeMs) throw fault('listed');
    const pos = await body(fd, fault);
    if (part.to === part.size && readSync(fd, Buffer.alloc(1), 0, 1, pos) > 0) throw fault('grew');
    const after = fstatSync(fd);
    if (after.size !== part.size || after.mtimeMs !== part.mtimeMs) throw fault('changed');
    if (part.to === part.size) {
      let still: Stats | undefined;
      try {
        still = statSync(part.abs);
      } catch {
        still = undefined;
      }
      if (!still || still.ino !== before.ino || still.dev !== before.dev) throw fault('replaced');
    }
  } finally {
    closeSync(fd);
  }
}
