/**
 * One volume read, measured and decrypted, in a worker thread of its own
 * (src/io/archive/volume-reader.ts starts them, up to `--jobs`): the volume's size and SHA-256
 * over its bytes as read, AES and the modification detection code's SHA-1 over its plaintext,
 * the plaintext handed to the main thread in batches, which parses the tar in order. Each
 * volume is its own message: volumes are decrypted side by side, and only their plaintext waits
 * for its turn (a bounded window a volume, so memory stays flat).
 *
 * It loads no catalogs and no openpgp: the session key comes decrypted from the main thread (in
 * memory only, zeroed here once the decipher holds it), and a fault goes back as data.
 */
import { createHash } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CfbDecipher, ReaderError, SeipdV1Reader, type ReaderFault } from '../openpgp/seipd-reader.js';
import { readChunks } from './hash-file.js';
import { workerError } from './seal-worker.js';

/** A volume to decrypt: where its encrypted packet starts, and its session key (seipd.ts `SeipdSession`). */
export interface VolumeJob {
  file: string;
  start: number;
  ecbName: string;
  key: Uint8Array;
  literalTag: number;
}

/** A volume read to its end and its message intact: its size and SHA-256 as read. */
export interface VolumeRead {
  size: number;
  sha256: string;
}

/**
 * Reads one volume from its first byte: hashes it, decrypts it and checks its end (the MDC).
 * `give` takes the plaintext of each read (it may wait: that is the back-pressure) with the
 * bytes read. Throws a ReaderError when the message is damaged or not ours, or the file's own
 * error.
 */
export async function decryptVolume(
  job: VolumeJob,
  give: (pieces: Uint8Array[], raw: number) => void | Promise<void>,
): Promise<VolumeRead> {
  const decipher = new CfbDecipher(job.ecbName, job.key);
  job.key.fill(0);
  const reader = new SeipdV1Reader(job.start, decipher, job.literalTag);
  const sha = createHash('sha256');
  // A batch is the plaintext of one read (1 MiB).
  const size = await readChunks(job.file, (chunk) => {
    sha.update(chunk);
    return give(reader.feed(chunk), chunk.byteLength);
  });
  reader.end();
  return { size, sha256: sha.digest('hex') };
}

export type ToDecryptWorker = { type: 'job'; job: VolumeJob } | { type: 'took' };

export type FromDecryptWorker =
  | { type: 'plain'; pieces: Uint8Array[]; raw: number }
  | { type: 'end'; read: VolumeRead }
  | { type: 'fault'; fault: ReaderFault }
  | ReturnType<typeof workerError>;

/** Batches (reads of 1 MiB) a worker may hand out before the main thread has taken them. */
export const WINDOW = 4;

/** The buffers behind the pieces, once each (they cross whole: the decipher's own outputs). */
export function transferList(pieces: Uint8Array[]): ArrayBuffer[] {
  return [...new Set(pieces.map((p) => p.buffer as ArrayBuffer))];
}

// Only in the workers src/io/archive/volume-reader.ts starts.
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === 'decrypt') {
  const port = parentPort;
  let credit = WINDOW;
  let wake: (() => void) | undefined;
  const post = (m: FromDecryptWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  port.on('message', (m: ToDecryptWorker) => {
    if (m.type === 'took') {
      credit++;
      wake?.();
      return;
    }
    decryptVolume(m.job, async (pieces, raw) => {
      while (credit === 0) await new Promise<void>((r) => (wake = r));
      credit--;
      post({ type: 'plain', pieces, raw }, transferList(pieces));
    }).then(
      (read) => post({ type: 'end', read }),
      (e: unknown) => post(e instanceof ReaderError ? { type: 'fault', fault: e.fault } : workerError(e)),
    );
  });
}
