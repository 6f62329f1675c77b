import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Large reads: 1 MiB. */
const READ = 1 << 20;

/**
 * A file's size and digest (SHA-256 unless told), streamed: two buffers reused in turn (the next
 * read runs while one is hashed), so that memory stays flat and no garbage piles up however
 * large the file, and however many files are hashed side by side (src/io/archive/hash-files.ts).
 */
export async function hashFile(
  file: string,
  algorithm = 'sha256',
): Promise<{ size: number; digest: string }> {
  const h = createHash(algorithm);
  const fd = await open(file, 'r');
  let size: number;
  try {
    size = await hashReads(h, async (into) => (await fd.read(into, 0, READ, null)).bytesRead);
  } finally {
    await fd.close();
  }
  return { size, digest: h.digest('hex') };
}

/**
 * Feeds `h` what `read` puts into the buffer it is given (up to 1 MiB; undefined or 0: the end),
 * with two buffers in turn: the next read runs while one is hashed. Returns the bytes hashed.
 */
export async function hashReads(
  h: Hash,
  read: (into: Buffer) => Promise<number> | undefined,
): Promise<number> {
  let [buf, spare] = [Buffer.allocUnsafeSlow(READ), Buffer.allocUnsafeSlow(READ)];
  let size = 0;
  let reading = read(buf);
  while (reading) {
    const n = await reading;
    if (n === 0) break;
    reading = read(spare);
    reading?.catch(() => undefined); // said when awaited, after this buffer is hashed
    h.update(buf.subarray(0, n));
    size += n;
    [buf, spare] = [spare, buf];
  }
  return size;
}
