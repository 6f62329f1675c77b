import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Bytes a read: one buffer, reused. */
const READ = 1 << 20;

/** A file's size and digest (SHA-256 unless told), streamed through one reused buffer. */
export async function hashFile(
  file: string,
  algorithm = 'sha256',
): Promise<{ size: number; digest: string }> {
  const h = createHash(algorithm);
  const fd = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafeSlow(READ);
    let size = 0;
    for (;;) {
      const { bytesRead } = await fd.read(buf, 0, READ, size);
      if (bytesRead === 0) break;
      h.update(buf.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { size, digest: h.digest('hex') };
  } finally {
    await fd.close();
  }
}
