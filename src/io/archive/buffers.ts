/**
 * What the archive's threads share: how a batch of plaintext maps onto payload files, and the rule
 * that a buffer crosses to another thread only when it owns its memory whole.
 */

/** Part of a plaintext batch that is the content of a payload file: [file, start, end, last]. */
export type FileRange = [number, number, number, boolean];

/**
 * The ArrayBuffer behind a view, when the view owns all of it. A Buffer can be a view into a
 * larger allocation (Node's 8 KiB pool, or a parent buffer): transferring that would move other
 * bytes (key material, once) to the other thread. Callers copy such views first.
 */
export function ownedBuffer(view: Uint8Array): ArrayBuffer {
  const ab = view.buffer;
  if (!(ab instanceof ArrayBuffer) || view.byteOffset !== 0 || view.byteLength !== ab.byteLength)
    throw new Error('internal: a buffer handed to the archive writer is a view into a larger one');
  return ab;
}

/** A copy that owns its memory whole (safe to transfer). */
export function owned(view: Uint8Array): Uint8Array {
  if (
    view.byteOffset === 0 &&
    view.buffer instanceof ArrayBuffer &&
    view.byteLength === view.buffer.byteLength
  )
    return view;
  const copy = new Uint8Array(view.byteLength);
  copy.set(view);
  return copy;
}
