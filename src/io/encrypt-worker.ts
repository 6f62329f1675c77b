/**
 * The worker half of `encryptOffThread` (src/io/pgp.ts): runs the OpenPGP encryption on the
 * second core while the main thread reads, hashes and tars the sources. Plaintext arrives and
 * ciphertext leaves as transferred buffers, each side holding at most a few chunks in flight
 * (credits), so back-pressure holds across the thread boundary and memory stays flat.
 *
 * Only public keys cross into the worker; the plaintext is never written anywhere.
 */
import { parentPort } from 'node:worker_threads';
import { encryptStream, readArmoredPublicKeys } from './pgp.js';
import type { FromMain, FromWorker } from './encrypt-protocol.js';
import { OUT_WINDOW } from './encrypt-protocol.js';

const port = parentPort!;
const queue: Array<Uint8Array | null> = [];
let wake: (() => void) | undefined;
let credits = OUT_WINDOW;
let creditWake: (() => void) | undefined;

const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

port.on('message', (m: FromMain) => {
  if (m.type === 'init') void run(m.keys);
  else if (m.type === 'data') {
    queue.push(new Uint8Array(m.chunk));
    wake?.();
  } else if (m.type === 'end') {
    queue.push(null);
    wake?.();
  } else if (m.type === 'credit') {
    credits += m.n;
    creditWake?.();
  }
});

async function run(armoredKeys: string[]): Promise<void> {
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
    const reader = (await encryptStream(plaintext, keys)).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      while (credits <= 0) await new Promise<void>((r) => (creditWake = r));
      creditWake = undefined;
      credits--;
      // Always a copy: openpgp may still hold the buffer behind what it hands out.
      const chunk = value.slice().buffer as ArrayBuffer;
      post({ type: 'out', chunk }, [chunk]);
    }
    post({ type: 'done' });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
