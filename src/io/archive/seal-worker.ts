/**
 * The hashing and writing half of a bundle, on the second core: the digest of every payload file
 * (the bag's manifest), and the SHA-256, the framing and the writes of the archive, while the
 * main thread reads the sources and runs AES and the SHA-1 of OpenPGP's modification detection
 * code (RFC 4880 §5.14), both over the plaintext in order.
 *
 * Measured on 2 cores (1 GiB): the hashes are half of the CPU of a bundle, AES a third; AES in
 * CFB mode cannot be split, the hashes can be moved. Buffers arrive transferred, each one owned
 * whole by its sender (never a view into Node's shared pool), and plaintext buffers go back to
 * the main thread to be reused: at most a few are in flight, so memory stays flat.
 *
 * Only plaintext the main thread read itself crosses; nothing is written here but ciphertext.
 */
import { createHash, type Hash } from 'node:crypto';
import { fdatasync, writeSync, writevSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lengthHeader } from '../openpgp/packet-lengths.js';
import type { FileRange } from './buffers.js';

/** The outer packet's partial bodies: 1 MiB each (RFC 4880 §4.2.2.4: powers of 2, the first >= 512). */
const OUTER_CHUNK = 1 << 20;

/**
 * Bytes written between two flushes to the disk in the background. The archive is synced before
 * bundle says it is done; without these, the kernel would hold the whole archive in memory and
 * the final sync would write it all while nothing else runs (seconds a GiB on a slow disk).
 */
const FLUSH_EVERY = 32 << 20;

/** The synchronous work, shared by the worker and the in-thread fallback. */
export class SealSink {
  private archive = createHash('sha256');
  private readonly files = new Map<number, Hash>();
  readonly digests: string[] = [];
  private queue: Uint8Array[] = [];
  private queued = 0;
  size = 0;
  private unflushed = 0;
  private flushing = false;

  constructor(
    private fd: number,
    private readonly algorithm: string,
    head: Uint8Array,
  ) {
    this.begin(fd, head);
  }

  /**
   * Starts a message into `fd` (the first, or the next volume's: the files' digests go on across
   * volumes). The head (key packets and the tag of the encrypted data packet) goes out as it is.
   */
  begin(fd: number, head: Uint8Array): void {
    this.fd = fd;
    this.archive = createHash('sha256');
    this.size = 0;
    this.emit([head]);
    this.enqueue(Uint8Array.of(1)); // SEIPD version 1
  }

  /** The ranges are payload file content in `whole`. */
  plain(whole: Uint8Array, ranges: FileRange[]): void {
    for (const [file, start, end, last] of ranges) {
      let h = this.files.get(file);
      if (!h) this.files.set(file, (h = createHash(this.algorithm)));
      h.update(whole.subarray(start, end));
      if (last) {
        this.digests[file] = h.digest('hex');
        this.files.delete(file);
      }
    }
  }

  cipher(buf: Uint8Array): void {
    this.enqueue(buf);
    while (this.queued >= OUTER_CHUNK) this.flushChunk();
  }

  /** Writes what is left with a definite length; returns the archive's size and SHA-256. */
  end(): { size: number; sha256: string } {
    this.emit([lengthHeader(this.queued), ...this.queue]);
    this.queue = [];
    this.queued = 0;
    return { size: this.size, sha256: this.archive.digest('hex') };
  }

  private enqueue(buf: Uint8Array): void {
    if (buf.byteLength === 0) return;
    this.queue.push(buf);
    this.queued += buf.byteLength;
  }

  private flushChunk(): void {
    const out: Uint8Array[] = [Uint8Array.of(0xe0 | Math.log2(OUTER_CHUNK))];
    let want = OUTER_CHUNK;
    while (want > 0) {
      const b = this.queue[0]!;
      if (b.byteLength <= want) {
        out.push(b);
        want -= b.byteLength;
        this.queue.shift();
      } else {
        out.push(b.subarray(0, want));
        this.queue[0] = b.subarray(want);
        want = 0;
      }
    }
    this.queued -= OUTER_CHUNK;
    this.emit(out);
  }

  private emit(parts: Uint8Array[]): void {
    for (const p of parts) {
      this.archive.update(p);
      this.size += p.byteLength;
      this.unflushed += p.byteLength;
    }
    let list = parts.filter((p) => p.byteLength > 0);
    while (list.length > 0) {
      let n = list.length === 1 ? writeSync(this.fd, list[0]!) : writevSync(this.fd, list);
      const rest: Uint8Array[] = [];
      for (const p of list) {
        if (n >= p.byteLength) n -= p.byteLength;
        else {
          rest.push(n > 0 ? p.subarray(n) : p);
          n = 0;
        }
      }
      list = rest;
    }
    if (this.unflushed >= FLUSH_EVERY && !this.flushing) {
      // In the background (libuv's thread pool): a failure here shows at the final sync.
      this.flushing = true;
      this.unflushed = 0;
      fdatasync(this.fd, () => (this.flushing = false));
    }
  }
}

export type ToWorker =
  | { type: 'init'; fd: number; algorithm: string; head: Uint8Array }
  | {
      type: 'plain';
      buf: Uint8Array;
      ranges: FileRange[];
      cipher?: Uint8Array;
      back: boolean;
    }
  | { type: 'begin'; fd: number; head: Uint8Array }
  | { type: 'digests'; id: number }
  | { type: 'end'; id: number };

/** An error as a worker hands it over: its message and system code (the main thread says it). */
export function workerError(e: unknown): { type: 'error'; message: string; code?: string } {
  const code = (e as { code?: string }).code;
  return { type: 'error', message: e instanceof Error ? e.message : String(e), ...(code ? { code } : {}) };
}

/** A worker's error back in the main thread: its message and system code (e.g. ENOSPC), as thrown there. */
export function fromWorker(e: { message: string; code?: string | undefined }): Error {
  return Object.assign(new Error(e.message), e.code ? { code: e.code } : {});
}

export type FromWorker =
  | { type: 'back'; buf?: Uint8Array }
  | { type: 'reply'; id: number; value: unknown }
  | { type: 'error'; message: string; code?: string };

// Only in the worker src/io/archive/sealer.ts starts (another module's worker may import this one).
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === 'seal') {
  const port = parentPort;
  let sink: SealSink | undefined;
  port.on('message', (m: ToWorker) => {
    try {
      if (m.type === 'init') sink = new SealSink(m.fd, m.algorithm, m.head);
      else if (m.type === 'begin') sink!.begin(m.fd, m.head);
      else if (m.type === 'plain') {
        sink!.plain(m.buf, m.ranges);
        if (m.cipher) sink!.cipher(m.cipher);
        if (m.back)
          port.postMessage({ type: 'back', buf: m.buf } satisfies FromWorker, [m.buf.buffer as ArrayBuffer]);
        else port.postMessage({ type: 'back' } satisfies FromWorker);
      } else if (m.type === 'digests')
        port.postMessage({ type: 'reply', id: m.id, value: [...sink!.digests] });
      else port.postMessage({ type: 'reply', id: m.id, value: sink!.end() });
    } catch (e) {
      port.postMessage(workerError(e) satisfies FromWorker);
    }
  });
}
