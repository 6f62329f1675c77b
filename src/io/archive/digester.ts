/**
 * The main thread's side of the digest worker (src/io/archive/digest-worker.ts): it hands the
 * archive's raw reads and the entries' bytes over, 1 MiB batches at a time, and gets the buffers
 * back to reuse. Kept apart from the worker's module so that the worker loads nothing but the
 * hashing (no catalogs: its start-up is on the way of every verify).
 */
import { Worker } from 'node:worker_threads';
import { InternalError } from '../../core/errors.js';
import { ownedBuffer, type FileRange } from './buffers.js';
import { DigestSink, type FromWorker, type Hashed, type ToWorker } from './digest-worker.js';

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
    const w = new Worker(new URL('./digest-worker.js', import.meta.url), { workerData: { role: 'digest' } });
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
