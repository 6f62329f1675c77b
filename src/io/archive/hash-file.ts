import { createHash } from 'node:crypto';
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
  let size = 0;
  const fd = await open(file, 'r');
  try {
    let [buf, spare] = [Buffer.allocUnsafeSlow(READ), Buffer.allocUnsafeSlow(READ)];
    let n = (await fd.read(buf, 0, READ, null)).bytesRead;
    while (n > 0) {
      const next = fd.read(spare, 0, READ, null);
      h.update(buf.subarray(0, n));
      size += n;
      [buf, spare] = [spare, buf];
      n = (await next).bytesRead;
    }
  } finally {
    await fd.close();
  }
  return { size, digest: h.digest('hex') };
}
