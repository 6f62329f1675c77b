/** Messages between the main thread and the encryption worker (src/io/encrypt-worker.ts). */

export type FromMain =
  /** Public keys to encrypt to, and the open file descriptor the archive is written to. */
  { type: 'init'; keys: string[]; fd: number } | { type: 'data'; chunk: ArrayBuffer } | { type: 'end' };

export type FromWorker =
  /** The worker has taken n plaintext chunks: the main thread may send n more. */
  | { type: 'ack'; n: number }
  | { type: 'done'; size: number; sha256: string }
  | { type: 'error'; message: string };

/** Plaintext chunks in flight towards the worker. */
export const IN_WINDOW = 8;

/**
 * A chunk as an ArrayBuffer to post: moved without a copy when the view owns its whole buffer
 * (1 MiB reads do), copied otherwise (a slice of a shared pool or constant must never be detached).
 */
export function transferable(view: Uint8Array): { chunk: ArrayBuffer; transfer: ArrayBuffer[] } {
  const buf = view.buffer;
  if (
    buf instanceof ArrayBuffer &&
    view.byteOffset === 0 &&
    view.byteLength === buf.byteLength &&
    view.byteLength >= 64 * 1024
  )
    return { chunk: buf, transfer: [buf] };
  const copy = view.slice().buffer as ArrayBuffer;
  return { chunk: copy, transfer: [copy] };
}
