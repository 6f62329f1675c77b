/**
 * The end of the bundle's chain: encrypted bytes to the temporary archive file, hashed
 * (SHA-256, the digest the manifest binds) on the way, one write in flight while the next
 * chunk is made.
 */
import { createHash } from 'node:crypto';
import { write } from 'node:fs';

export interface Sunk {
  size: number;
  sha256: string;
}

function writeAll(fd: number, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    let off = 0;
    const step = () =>
      write(fd, chunk, off, chunk.byteLength - off, null, (err, n) => {
        if (err) return reject(err);
        off += n;
        if (off < chunk.byteLength) step();
        else resolve();
      });
    step();
  });
}

/** Writes a stream to an open file descriptor (the caller opened it, and closes it). */
export async function drainToFile(stream: ReadableStream<Uint8Array>, fd: number): Promise<Sunk> {
  const hash = createHash('sha256');
  let size = 0;
  const reader = stream.getReader();
  let writing: Promise<void> = Promise.resolve();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    hash.update(value);
    size += value.byteLength;
    await writing;
    writing = writeAll(fd, value);
    writing.catch(() => undefined);
  }
  await writing;
  return { size, sha256: hash.digest('hex') };
}
