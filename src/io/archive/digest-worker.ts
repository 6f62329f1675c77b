/**
 * The hashing half of `verify` and `extract`, on the second core: the archive's SHA-256 over the
 * bytes read from disk, and the digests of every entry of the bag, while the main thread decrypts
 * and parses the tar. Buffers arrive transferred and owned whole (raw reads, or copies of entry
 * bytes gathered into 1 MiB batches), and go back to be reused: memory stays flat.
 */
import { createHash, type Hash } from 'node:crypto';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { InternalError } from '../../core/errors.js';
import { ownedBuffer, type FileRange } from './buffers.js';

export interface Hashed {
  archive: { size: number; sha256: string };
  /** With volumes: each one's size and SHA-256, in the order they were read (`cut`). */
  volumes: Array<{ size: number; sha256: string }>;
  /** By entry number: algorithm -> hex digest. */
  entries: Map<number, Record<string, string>>;
}

class DigestSink {
  private archive = createHash('sha256');
  private size = 0;
  private readonly volumes: Hashed['volumes'] = [];
  private readonly open = new Map<number, Array<[string, Hash]>>();
  readonly entries = new Map<number, Record<string, string>>();

  constructor(private readonly algorithms: string[]) {}

  raw(buf: Uint8Array, n: number): void {
    this.archive.update(buf.subarray(0, n));
    this.size += n;
  }

  /** The bytes so far are a volume, whole: its measures are kept, and the next one starts. */
  cut(): void {
    this.volumes.push({ size: this.size, sha256: this.archive.digest('hex') });
    this.archive = createHash('sha256');
    this.size = 0;
  }

  data(buf: Uint8Array, ranges: FileRange[]): void {
    for (const [entry, start, end, last] of ranges) {
      let hs = this.open.get(entry);
      if (!hs) this.open.set(entry, (hs = this.algorithms.map((a) => [a, createHash(a)])));
      if (end > start) for (const [, h] of hs) h.update(buf.subarray(start, end));
      if (last) {
        this.entries.set(entry, Object.fromEntries(hs.map(([a, h]) => [a, h.digest('hex')])));
        this.open.delete(entry);
      }
    }
  }

  end(): Hashed {
    return {
      archive: { size: this.size, sha256: this.archive.digest('hex') },
      volumes: this.volumes,
      entries: this.entries,
    };
  }
}

type ToWorker =
  | { type: 'init'; algorithms: string[] }
  | { type: 'raw'; buf: Uint8Array; n: number }
  | { type: 'data'; buf: Uint8Array; ranges: FileRange[] }
  | { type: 'cut' }
  | { type: 'end' };

type FromWorker =
  | { type: 'back'; buf: Uint8Array; kind: 'raw' | 'data' }
  | { type: 'end'; value: Hashed }
  | { type: 'error'; message: string };

const STAGE = 1 << 20;
const WINDOW = 6;

/** Feeds the hashes; in a worker, or in-thread when run from TypeScript sources (tests). */
export class Digester {
  private readonly worker: Worker | undefined;
  private readonly sink: DigestSink | undefined;
  private inFlight = 0;
  /** Both the reads and the tar entries may wait for room at the same time. */
  private waiting: Array<() => void> = [];
  private failure: Error | undefined;
  private ended: { resolve: (h: Hashed) => void; reject: (e: Error) => void } | undefined;
  private stage: Uint8Array;
  private n = 0;
  private ranges: FileRange[] = [];
  private readonly spare: Uint8Array[] = [];
  /** Raw read buffers handed back, for reuse. */
  readonly recycled: Uint8Array[] = [];

  constructor(algorithms: string[]) {
    this.stage = new Uint8Array(STAGE);
    if (!import.meta.url.endsWith('.js')) {
      this.sink = new DigestSink(algorithms);
      return;
    }
    const w = new Worker(new URL(import.meta.url), { workerData: { role: 'digest' } });
    this.worker = w;
    const fail = (e: Error) => {
      this.failure ??= e;
      this.ended?.reject(this.failure);
      this.wake();
    };
    w.on('message', (m: FromWorker) => {
      if (m.type === 'back') {
        this.inFlight--;
        (m.kind === 'raw' ? this.recycled : this.spare).push(m.buf);
        this.wake();
      } else if (m.type === 'end') this.ended?.resolve(m.value);
      else fail(new Error(m.message));
    });
    w.on('error', fail);
    w.on('exit', () => fail(new InternalError((m) => m.sealing.digesterStopped)));
    w.postMessage({ type: 'init', algorithms } satisfies ToWorker);
  }

  /** The next `n` bytes of the archive file, in order (`buf` owned whole; it is handed over). */
  async raw(buf: Uint8Array, n: number): Promise<void> {
    if (this.sink) {
      this.sink.raw(buf, n);
      this.recycled.push(buf);
      return;
    }
    await this.post({ type: 'raw', buf, n }, buf);
  }

  /** The raw bytes so far are a volume, read whole (its SHA-256 is made; the next one starts). */
  cut(): void {
    if (this.sink) this.sink.cut();
    else this.worker!.postMessage({ type: 'cut' } satisfies ToWorker);
  }

  /** Bytes of entry `entry` (copied: the caller keeps its chunk). */
  async data(entry: number, chunk: Uint8Array): Promise<void> {
    let off = 0;
    while (off < chunk.byteLength) {
      if (this.n === STAGE) await this.flush();
      const take = Math.min(STAGE - this.n, chunk.byteLength - off);
      this.stage.set(chunk.subarray(off, off + take), this.n);
      this.ranges.push([entry, this.n, this.n + take, false]);
      this.n += take;
      off += take;
    }
  }

  /** The entry is complete: its digests are made. */
  done(entry: number): void {
    this.ranges.push([entry, this.n, this.n, true]);
  }

  async end(): Promise<Hashed> {
    await this.flush();
    if (this.sink) return this.sink.end();
    if (this.failure) throw this.failure;
    const result = new Promise<Hashed>((resolve, reject) => (this.ended = { resolve, reject }));
    this.worker!.postMessage({ type: 'end' } satisfies ToWorker);
    return result;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }

  private async flush(): Promise<void> {
    if (this.ranges.length === 0) return;
    const buf = this.stage;
    const ranges = this.ranges;
    this.ranges = [];
    this.n = 0;
    if (this.sink) {
      this.sink.data(buf, ranges);
      return;
    }
    this.stage = this.spare.pop() ?? new Uint8Array(STAGE);
    await this.post({ type: 'data', buf, ranges }, buf);
  }

  private async post(m: ToWorker, buf: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    this.inFlight++;
    this.worker!.postMessage(m, [ownedBuffer(buf)]);
    while (this.inFlight >= WINDOW && !this.failure) await new Promise<void>((r) => this.waiting.push(r));
    if (this.failure) throw this.failure;
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = [];
    for (const r of w) r();
  }
}

// Only in the worker started for this module (another module's worker may import this one).
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === 'digest') {
  const port = parentPort;
  let sink: DigestSink | undefined;
  port.on('message', (m: ToWorker) => {
    try {
      if (m.type === 'init') sink = new DigestSink(m.algorithms);
      else if (m.type === 'raw') {
        sink!.raw(m.buf, m.n);
        port.postMessage({ type: 'back', buf: m.buf, kind: 'raw' } satisfies FromWorker, [
          m.buf.buffer as ArrayBuffer,
        ]);
      } else if (m.type === 'data') {
        sink!.data(m.buf, m.ranges);
        port.postMessage({ type: 'back', buf: m.buf, kind: 'data' } satisfies FromWorker, [
          m.buf.buffer as ArrayBuffer,
        ]);
      } else if (m.type === 'cut') sink!.cut();
      else port.postMessage({ type: 'end', value: sink!.end() } satisfies FromWorker);
    } catch (e) {
      port.postMessage({
        type: 'error',
        message: e instanceof Error ? e.message : String(e),
      } satisfies FromWorker);
    }
  });
}
