/**
 * A worker that measures whole files (size and SHA-256) with the one streamed hasher
 * (src/io/archive/hash-file.ts), one file at a time: Node's hash is synchronous, so volumes are
 * hashed side by side by several of these (src/io/archive/hash-files.ts). It loads nothing but
 * node builtins and the hasher (no catalogs: its start-up is on the way of every verify).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { hashFile } from './hash-file.js';

export type ToHashWorker = { id: number; file: string };

export type FromHashWorker =
  { id: number; size: number; digest: string } | { id: number; error: string; code?: string };

// Only in the workers src/io/archive/hash-files.ts starts.
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === 'hash') {
  const port = parentPort;
  port.on('message', (m: ToHashWorker) => {
    hashFile(m.file).then(
      (r) => port.postMessage({ id: m.id, ...r } satisfies FromHashWorker),
      (e: unknown) => {
        const code = (e as { code?: unknown }).code;
        port.postMessage({
          id: m.id,
          error: e instanceof Error ? e.message : String(e),
          ...(typeof code === 'string' ? { code } : {}),
        } satisfies FromHashWorker);
      },
    );
  });
}
