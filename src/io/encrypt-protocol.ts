/** Messages between the main thread and the encryption worker (src/io/encrypt-worker.ts). */

export type FromMain =
  | { type: 'init'; keys: string[] }
  | { type: 'data'; chunk: ArrayBuffer }
  | { type: 'end' }
  /** The main thread has written n ciphertext chunks: the worker may send n more. */
  | { type: 'credit'; n: number };

export type FromWorker =
  /** The worker has taken n plaintext chunks: the main thread may send n more. */
  | { type: 'ack'; n: number }
  | { type: 'out'; chunk: ArrayBuffer }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** Plaintext chunks in flight towards the worker, and ciphertext chunks towards the main thread. */
export const IN_WINDOW = 8;
export const OUT_WINDOW = 8;

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
  // A real copy of exactly the view's bytes. Not `view.slice()`: on a Node Buffer that is a view
  // of the same memory, whose `.buffer` is the whole shared allocation pool (other data, keys
  // included, would travel into the archive).
  const copy = new Uint8Array(view.byteLength);
  copy.set(view);
  return { chunk: copy.buffer, transfer: [copy.buffer] };
}
