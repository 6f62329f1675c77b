/**
 * One volume sealed in a worker thread (bundle --volume-size with --jobs; docs/FORMAT.md,
 * "Volumes"): its segment of the tar read from the sources, encrypted as its own message (AES,
 * the MDC), hashed (the files wholly inside it, the volume's SHA-256) and written, beside the
 * other volumes. Loads node's modules and the stream, nothing else (no catalogs, no openpgp):
 * faults go back as data and the main thread says them.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { SealSink, workerError } from './seal-worker.js';
import {
  inlineSealer,
  isSourceFault,
  messageStart,
  readSource,
  SealedStream,
  type SourceFault,
  type SourcePart,
} from './sealed-stream.js';

/** Bytes as they are, or a part of a source file (`hash`: the whole file, hashed here). */
export type VolumePiece = { bytes: Uint8Array } | { part: SourcePart; hash: boolean };

export interface VolumeJob {
  /** The volume's number, from 1. */
  n: number;
  fd: number;
  /** The key packets and the tag of the encrypted data packet; the session key (zeroed once used). */
  head: Uint8Array;
  cipherName: string;
  key: Uint8Array;
  algorithm: string;
  pieces: VolumePiece[];
  /** The volume ends with the start of the tar's tail (the tag files), known once every digest is. */
  tail: boolean;
}

/** The payload files' digests this volume computed: [file, digest]. */
export type Digests = Array<[number, string]>;

export interface Sealed {
  size: number;
  sha256: string;
  digests: Digests;
}

/**
 * Seals one volume into `job.fd`. `tail` hands over the digests computed so far and gets the
 * tail's bytes for this volume (asked only when `job.tail`).
 */
export async function sealVolume(
  job: VolumeJob,
  tail: (digests: Digests) => Promise<Uint8Array[]>,
  progress: (n: number) => void,
  written?: () => void,
): Promise<Sealed> {
  const stream = new SealedStream(
    messageStart(job.cipherName, job.key),
    inlineSealer(new SealSink(job.fd, job.algorithm, job.head), written),
  );
  job.key.fill(0);
  for (const p of job.pieces) {
    if ('bytes' in p) await stream.writeBytes(p.bytes);
    else await readSource(stream, p.part, p.hash, progress);
  }
  const digests = computed(await stream.digests());
  if (job.tail) for (const bytes of await tail(digests)) await stream.writeBytes(bytes);
  const [message] = await stream.end();
  return { ...message!, digests: job.tail ? [] : digests };
}

function computed(digests: Array<string | undefined>): Digests {
  return digests.flatMap((d, i): Digests => (d === undefined ? [] : [[i, d]]));
}

export type ToVolumeWorker = { type: 'job'; job: VolumeJob } | { type: 'tail'; bytes: Uint8Array[] };

export type FromVolumeWorker =
  | { type: 'progress'; n: number }
  | { type: 'tail'; digests: Digests }
  | { type: 'done'; sealed: Sealed }
  | { type: 'fault'; fault: SourceFault }
  | { type: 'error'; message: string; code?: string };

/** Progress goes to the main thread at most once a MiB read (thousands of small files). */
const PROGRESS_STEP = 1 << 20;

/**
 * Every batch of ciphertext is a new buffer (node's Cipher has no output buffer), dead once
 * written; V8 frees a dead buffer's memory only when it collects, and lets a thread hold tens of
 * MiB of them first, each worker as much again. A minor collection (the young generation only:
 * these buffers die young) every few MiB keeps each worker near its live set, so memory stays
 * flat whatever --jobs (docs/bench.md).
 */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (o: { type: 'minor' }) => void;
  let batches = 0;
  return () => {
    if (++batches % COLLECT_EVERY === 0) gc({ type: 'minor' });
  };
}

/** Batches of ciphertext (1 MiB each) between two collections. */
const COLLECT_EVERY = 8;

// Only in the worker src/io/archive/volume-sealer.ts starts.
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === 'volume') {
  const port = parentPort;
  const written = collector();
  let tailArrived: ((bytes: Uint8Array[]) => void) | undefined;
  port.on('message', (m: ToVolumeWorker) => {
    if (m.type === 'tail') {
      tailArrived?.(m.bytes);
      return;
    }
    let unsaid = 0;
    const progress = (n: number) => {
      unsaid += n;
      if (unsaid < PROGRESS_STEP) return;
      port.postMessage({ type: 'progress', n: unsaid } satisfies FromVolumeWorker);
      unsaid = 0;
    };
    const tail = (digests: Digests) =>
      new Promise<Uint8Array[]>((resolve) => {
        tailArrived = resolve;
        port.postMessage({ type: 'tail', digests } satisfies FromVolumeWorker);
      });
    sealVolume(m.job, tail, progress, written).then(
      (sealed) => {
        if (unsaid) port.postMessage({ type: 'progress', n: unsaid } satisfies FromVolumeWorker);
        port.postMessage({ type: 'done', sealed } satisfies FromVolumeWorker);
      },
      (e: unknown) => {
        port.postMessage(
          (isSourceFault(e) ? { type: 'fault', fault: e } : workerError(e)) satisfies FromVolumeWorker,
        );
      },
    );
  });
}
