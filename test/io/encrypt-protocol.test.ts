import { describe, expect, it } from 'vitest';
import { transferable } from '../../src/io/encrypt-protocol.js';

describe('transferable', () => {
  it('sends exactly the bytes of a small pooled Buffer, never the rest of the shared pool', () => {
    // Buffer.from of a short string lives in Node's shared 8 KiB pool beside other data.
    const secret = Buffer.from('-----secret key material that must stay home-----');
    const header = Buffer.from('acme-exit-2026/bagit.txt');
    expect(header.buffer.byteLength).toBeGreaterThan(header.byteLength);
    const { chunk, transfer } = transferable(header);
    expect(chunk.byteLength).toBe(header.byteLength);
    expect(Buffer.from(chunk).toString()).toBe('acme-exit-2026/bagit.txt');
    expect(Buffer.from(chunk).includes(secret)).toBe(false);
    expect(transfer).toEqual([chunk]);
    // The pool itself was not detached: the header still reads.
    expect(header.toString()).toBe('acme-exit-2026/bagit.txt');
  });

  it('moves a large buffer that it owns whole, without a copy', () => {
    const big = new Uint8Array(1024 * 1024).fill(7);
    const { chunk } = transferable(big);
    expect(chunk).toBe(big.buffer);
  });

  it('copies a large view of a larger buffer', () => {
    const backing = new Uint8Array(512 * 1024);
    const view = backing.subarray(1024, 1024 + 128 * 1024);
    view.fill(9);
    const { chunk } = transferable(view);
    expect(chunk).not.toBe(backing.buffer);
    expect(chunk.byteLength).toBe(128 * 1024);
  });
});
