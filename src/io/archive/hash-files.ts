/**
 * Whole files measured (size and SHA-256) side by side, up to `jobs` at once, each in a worker
 * thread of its own (src/io/archive/hash-worker.ts): verify's volumes, read at the speed of the
 * disk rather than of one core. From TypeScript sources (tests) there is no built worker: the
 * same hasher runs in-thread, the files still read side by side.
 */
import { Worker } from 'node:worker_threads';
import { InternalError } from '../../core/errors.js';
import { hashFile } from './hash-file.js';
import type { FromHashWorker, ToHashWorker } from './hash-worker.js';
import { fromWorker } from './seal-worker.js';

export interface Measured {
  size: number;
  digest: string;
}

/** Each file's size and SHA-256, in the order given; the first read error (if any) is thrown once all lanes stop. */
export async function hashFiles(files: readonly string[], jobs: number): Promise<Measured[]> {
  const out: Measured[] = new Array<Measured>(files.length);
  let next = 0;
  let failed = false;
  const lanes = Math.max(1, Math.min(Math.floor(jobs) || 1, files.length));
  const inThread = !import.meta.url.endsWith('.js');
  const lane = async () => {
    const worker = inThread ? undefined : new HashLane();
    try {
      while (!failed && next < files.length) {
        const i = next++;
        out[i] = await (worker ? worker.hash(files[i]!) : hashFile(files[i]!));
      }
    } catch (e) {
      failed = true;
      throw e;
    } finally {
      await worker?.close();
    }
  };
  const settled = files.length ? await Promise.allSettled(Array.from({ length: lanes }, lane)) : [];
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) throw failure.reason;
  return out;
}

/** One worker, one file at a time. */
class HashLane {
  private readonly worker = new Worker(new URL('./hash-worker.js', import.meta.url), {
    workerData: { role: 'hash' },
  });
  private pending: { resolve: (m: Measured) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor() {
    this.worker.on('message', (m: FromHashWorker) => {
      const p = this.pending;
      this.pending = undefined;
      if ('type' in m) p?.reject(fromWorker(m));
      else p?.resolve({ size: m.size, digest: m.digest });
    });
    const fail = (e: Error) => {
      this.failure ??= e;
      this.pending?.reject(this.failure);
      this.pending = undefined;
    };
    this.worker.on('error', fail);
    this.worker.on('exit', () => fail(new InternalError((m) => m.volumeChecks.hasherStopped)));
  }

  hash(file: string): Promise<Measured> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage({ id: 0, file } satisfies ToHashWorker);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
