import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** A file's size and digest (SHA-256 unless told), streamed. */
export async function hashFile(
  file: string,
  algorithm = 'sha256',
): Promise<{ size: number; digest: string }> {
  const h = createHash(algorithm);
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    h.update(chunk);
    size += chunk.length;
  }
  return { size, digest: h.digest('hex') };
}
