/**
 * OpenPGP packet headers and lengths (RFC 4880 §4.2): the encoder the writer uses and the decoders
 * the reader uses, side by side. Pure and free of openpgp, so the worker threads can load it.
 */

export function concat(a: Uint8Array | null, b: Uint8Array): Uint8Array {
  if (!a || a.byteLength === 0) return b;
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}

/** Reads a packet header (RFC 4880 §4.2) at `at`: tag, where the body starts, its length (null: partial or unknown). */
export function packetHeader(
  b: Uint8Array,
  at: number,
): { tag: number; body: number; length: number | null; partial: boolean } | null {
  const ctb = b[at];
  if (ctb === undefined || !(ctb & 0x80)) return null;
  if (ctb & 0x40) {
    const l = readNewLength(b, at + 1);
    return l && { tag: ctb & 0x3f, ...l };
  }
  const tag = (ctb >> 2) & 0x0f;
  const lt = ctb & 3;
  if (lt === 3) return { tag, body: at + 1, length: null, partial: false };
  const n = [1, 2, 4][lt]!;
  if (at + 1 + n > b.byteLength) return null;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + b[at + 1 + i]!;
  return { tag, body: at + 1 + n, length, partial: false };
}

/** A new-format length at `at`: { body, length, partial } (length of the first part when partial). */
export function readNewLength(
  b: Uint8Array,
  at: number,
): { body: number; length: number; partial: boolean } | null {
  const o = b[at];
  if (o === undefined) return null;
  if (o < 192) return { body: at + 1, length: o, partial: false };
  if (o < 224) {
    if (at + 2 > b.byteLength) return null;
    return { body: at + 2, length: ((o - 192) << 8) + b[at + 1]! + 192, partial: false };
  }
  if (o < 255) return { body: at + 1, length: 1 << (o & 0x1f), partial: true };
  if (at + 5 > b.byteLength) return null;
  return {
    body: at + 5,
    length: new DataView(b.buffer, b.byteOffset + at + 1, 4).getUint32(0),
    partial: false,
  };
}

/** A new-format packet length (RFC 4880 §4.2.2): 1, 2 or 5 bytes. */
export function lengthHeader(n: number): Uint8Array {
  if (n < 192) return Uint8Array.of(n);
  if (n < 8384) return Uint8Array.of(((n - 192) >> 8) + 192, (n - 192) & 0xff);
  return Uint8Array.of(0xff, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}
