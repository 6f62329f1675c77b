/**
 * The hashing half of `verify` and `extract`, on the second core: the archive's SHA-256 over the
 * bytes read from disk, and the digests of every entry of the bag, while the main thread decrypts
 * and parses the tar. Buffers arrive transferred and owned whole (raw reads, or copies of entry
 * bytes gathered into 1 MiB batches), and go back to be reused: memory stays flat.
 */
import { createHash, type Hash } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { FileRange } from './buffers.js';

export interface Hashed {
  archive: { size: number; sha256: string };
  /** With volumes: each one's size and SHA-256, in the order they were read (`cut`). */
  volumes: Array<{ size: number; sha256: string }>;
  /** By entry number: algorithm -> hex digest. */
  entries: Map<number, Record<string, string>>;
}

export class DigestSink {
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

export type ToWorker =
  | { type: 'init'; algorithms: string[] }
  | { type: 'raw'; buf: Uint8Array; n: number }
  | { type: 'data'; buf: Uint8Array; ranges: FileRange[] }
  | { type: 'cut' }
  | { type: 'end' };

export type FromWorker =
  | { type: 'back'; buf: Uint8Array; kind: 'raw' | 'data' }
  | { type: 'end'; value: Hashed }
  | { type: 'error'; message: string };

// Only in the worker src/io/archive/digester.ts starts (another module's worker may import this one).
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
