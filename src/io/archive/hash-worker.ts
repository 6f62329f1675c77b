/**
 * A worker that measures whole files (size and SHA-256) with the one streamed hasher
 * (src/io/archive/hash-file.ts), one file at a time: Node's hash is synchronous, so volumes are
 * hashed side by side by several of these (src/io/archive/hash-files.ts). It loads nothing but
 * node builtins, the hasher and the workers' error shape (no catalogs: its start-up is on the way
 * of every verify).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { hashFile } from './hash-file.js';
import { workerError } from './seal-worker.js';

export type ToHashWorker = { id: number; file: string };

export type FromHashWorker =
  { id: number; size: number; digest: string } | ({ id: number } & ReturnType<typeof workerError>);

// Only in the workers src/io/archive/hash-files.ts starts.
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === 'hash') {
  const port = parentPort;
  port.on('message', (m: ToHashWorker) => {
    hashFile(m.file).then(
      (r) => port.postMessage({ id: m.id, ...r } satisfies FromHashWorker),
      (e: unknown) => port.postMessage({ id: m.id, ...workerError(e) } satisfies FromHashWorker),
    );
  });
}
