/**
 * The worker half of `encryptToFile` (src/io/pgp.ts): runs the OpenPGP encryption, the archive's
 * SHA-256 and its writes on the second core while the main thread reads, hashes and tars the
 * sources. Plaintext arrives as transferred buffers, at most a few chunks in flight (acks), so
 * back-pressure holds across the thread boundary and memory stays flat.
 *
 * Only public keys cross into the worker; the plaintext is never written anywhere but encrypted.
 */
import { parentPort } from 'node:worker_threads';
import { drainToFile } from './archive-sink.js';
import type { FromMain, FromWorker } from './encrypt-protocol.js';
import { encryptStream, readArmoredPublicKeys } from './pgp.js';

const port = parentPort!;
const queue: Array<Uint8Array | null> = [];
let wake: (() => void) | undefined;

const post = (m: FromWorker) => port.postMessage(m);

port.on('message', (m: FromMain) => {
  if (m.type === 'init') void run(m.keys, m.fd);
  else {
    queue.push(m.type === 'data' ? new Uint8Array(m.chunk) : null);
    wake?.();
  }
});

async function run(armoredKeys: string[], fd: number): Promise<void> {
  try {
    const keys = await readArmoredPublicKeys(armoredKeys);
    const plaintext = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          while (queue.length === 0) await new Promise<void>((r) => (wake = r));
          wake = undefined;
          const chunk = queue.shift()!;
          if (chunk === null) controller.close();
          else {
            controller.enqueue(chunk);
            post({ type: 'ack', n: 1 });
          }
        },
      },
      { highWaterMark: 0 },
    );
    const sunk = await drainToFile(await encryptStream(plaintext, keys), fd);
    post({ type: 'done', ...sunk });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
