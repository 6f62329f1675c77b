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
import { writeSync, writevSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { InternalError } from '../../core/errors.js';
import { lengthHeader } from '../openpgp/packet-lengths.js';
import { ownedBuffer, type FileRange } from './buffers.js';

/** The outer packet's partial bodies: 1 MiB each (RFC 4880 §4.2.2.4: powers of 2, the first >= 512). */
const OUTER_CHUNK = 1 << 20;

/** The synchronous work, shared by the worker and the in-thread fallback. */
export class SealSink {
  private archive = createHash('sha256');
  private readonly files = new Map<number, Hash>();
  readonly digests: string[] = [];
  private queue: Uint8Array[] = [];
  private queued = 0;
  size = 0;

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
  }
}

type ToWorker =
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

type FromWorker =
  | { type: 'back'; buf?: Uint8Array }
  | { type: 'reply'; id: number; value: unknown }
  | { type: 'error'; message: string; code?: string };

/** What the main thread talks to, in a worker or (from TypeScript sources, in tests) in-thread. */
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

/** Batches in flight at most (each 1 MiB of plaintext and its ciphertext). */
const WINDOW = 4;

export function startSealer(fd: number, algorithm: string, head: Uint8Array): Sealer {
  if (!import.meta.url.endsWith('.js')) return inline(new SealSink(fd, algorithm, head));
  const worker = new Worker(new URL(import.meta.url), { workerData: { role: 'seal' } });
  let inFlight = 0;
  let failure: Error | undefined;
  let room: (() => void) | undefined;
  const replies = new Map<number, (v: unknown) => void>();
  let nextId = 0;
  const recycled: Uint8Array[] = [];
  const fail = (e: Error) => {
    failure ??= e;
    room?.();
    for (const r of replies.values()) r(undefined);
  };
  worker.on('message', (m: FromWorker) => {
    if (m.type === 'back') {
      inFlight--;
      if (m.buf) recycled.push(m.buf);
      room?.();
    } else if (m.type === 'reply') {
      replies.get(m.id)?.(m.value);
      replies.delete(m.id);
    } else fail(Object.assign(new Error(m.message), m.code ? { code: m.code } : {}));
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new InternalError((m) => m.sealing.writerStopped)));
  worker.postMessage({ type: 'init', fd, algorithm, head } satisfies ToWorker);
  const ask = <T>(type: 'digests' | 'end'): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      replies.set(id, (v) => (failure ? reject(failure) : resolve(v as T)));
      worker.postMessage({ type, id } satisfies ToWorker);
    });
  };
  return {
    recycled,
    async push(buf, _from, _to, ranges, cipher, back = true) {
      if (failure) throw failure;
      const transfer = [ownedBuffer(buf)];
      if (cipher) transfer.push(ownedBuffer(cipher));
      inFlight++;
      worker.postMessage(
        { type: 'plain', buf, ranges, back, ...(cipher ? { cipher } : {}) } satisfies ToWorker,
        transfer,
      );
      while (inFlight >= WINDOW && !failure) await new Promise<void>((r) => (room = r));
      room = undefined;
      if (failure) throw failure;
    },
    digests: () => ask<string[]>('digests'),
    end: () => ask<{ size: number; sha256: string }>('end'),
    begin(fd, head) {
      worker.postMessage({ type: 'begin', fd, head } satisfies ToWorker);
    },
    async close() {
      await worker.terminate();
    },
  };
}

function inline(sink: SealSink): Sealer {
  return {
    recycled: [],
    async push(buf, _from, _to, ranges, cipher, back = true) {
      sink.plain(buf, ranges);
      if (cipher) sink.cipher(cipher);
      if (back) this.recycled.push(buf);
    },
    digests: async () => [...sink.digests],
    end: async () => sink.end(),
    begin: (fd, head) => sink.begin(fd, head),
    async close() {},
  };
}

// Only in the worker started for this module (another module's worker may import this one).
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
      const code = (e as { code?: string }).code;
      port.postMessage({
        type: 'error',
        message: e instanceof Error ? e.message : String(e),
        ...(code ? { code } : {}),
      } satisfies FromWorker);
    }
  });
}
