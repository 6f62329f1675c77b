/**
 * The main thread's side of the seal worker (src/io/archive/seal-worker.ts): it hands plaintext
 * batches and their ciphertext over and gets the plaintext buffers back to reuse. Kept apart from
 * the worker's module so that the worker loads nothing but the hashing and the writes (no
 * catalogs: its start-up is on the way of every bundle).
 */
import { Worker } from 'node:worker_threads';
import { InternalError } from '../../core/errors.js';
import { ownedBuffer } from './buffers.js';
import { fromWorker, SealSink, type FromWorker, type ToWorker } from './seal-worker.js';
import { inlineSealer, type Sealer } from './sealed-stream.js';

/** Batches in flight at most (each 1 MiB of plaintext and its ciphertext). */
const WINDOW = 4;

export function startSealer(fd: number, algorithm: string, head: Uint8Array): Sealer {
  if (!import.meta.url.endsWith('.js')) return inlineSealer(new SealSink(fd, algorithm, head));
  const worker = new Worker(new URL('./seal-worker.js', import.meta.url), { workerData: { role: 'seal' } });
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
    } else fail(fromWorker(m));
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
