/**
 * Volumes side by side (bundle --volume-size with --jobs N; docs/FORMAT.md, "Volumes"). The tar is
 * laid out before a byte is written, so each volume's segment is known: up to N workers
 * (src/io/archive/volume-worker.ts) each read, encrypt, hash and write one volume at a time, each
 * its own message under its own session key. A file wholly inside a segment is hashed by the
 * worker that reads it; a file that crosses a boundary is hashed here, read once more in order
 * (its digest runs over all its bytes, whichever volumes hold them), and held to the listing as
 * the workers' reads are, so that both reads are of the same bytes (`hashSource`). The tag files that end the
 * tar need every digest: the volume that holds their start waits for them, and the volumes after
 * it (if the tail spills over) are sealed last.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { InternalError } from '../../core/errors.js';
import type { Session } from '../openpgp/seipd.js';
import type { WriteBagOptions, WrittenBag } from './payload.js';
import { fromWorker } from './seal-worker.js';
import { hashSource, volumeSegment } from './sealed-stream.js';
import {
  layoutTar,
  pieceSize,
  sourceFailure,
  sourcePart,
  tarTail,
  writtenVolumes,
  type TarLayout,
} from './sealed-writer.js';
import {
  sealVolume,
  type Digests,
  type FromVolumeWorker,
  type Sealed,
  type VolumeJob,
  type VolumePiece,
} from './volume-worker.js';

type Options = WriteBagOptions & { volumes: NonNullable<WriteBagOptions['volumes']> };

/** A volume to seal: its pieces of the tar, and whether the tail's start ends it. */
interface Planned {
  pieces: VolumePiece[];
  tail: boolean;
}

/** The payload volumes: each segment of the tar up to the end of the payload, cut into pieces. */
function planVolumes(opts: Options, layout: TarLayout, segment: number) {
  const volumes: Planned[] = [];
  const crossing: number[] = [];
  let at = 0;
  const volumeAt = (offset: number): Planned => {
    const v = Math.floor(offset / segment);
    while (volumes.length <= v) volumes.push({ pieces: [], tail: false });
    return volumes[v]!;
  };
  for (const piece of layout.pieces) {
    const size = pieceSize(opts, piece);
    if (size === 0) {
      // An empty file is hashed with the volume that holds its header.
      if (!('bytes' in piece))
        volumeAt(Math.max(0, at - 1)).pieces.push({
          part: sourcePart(opts.payload, piece.file, 0, 0),
          hash: true,
        });
      continue;
    }
    // A piece cut at each boundary it crosses.
    for (let done = 0; done < size;) {
      const take = Math.min(size - done, segment - ((at + done) % segment));
      const volume = volumeAt(at + done);
      if ('bytes' in piece) volume.pieces.push({ bytes: copied(piece.bytes.subarray(done, done + take)) });
      else {
        const whole = take === size;
        if (!whole && done === 0) crossing.push(piece.file);
        volume.pieces.push({ part: sourcePart(opts.payload, piece.file, done, done + take), hash: whole });
      }
      done += take;
    }
    at += size;
  }
  if (at % segment !== 0) volumes.at(-1)!.tail = true;
  return { volumes, crossing, payloadEnd: at };
}

/**
 * Bytes in memory of their own: a worker gets a copy of a view's whole buffer, which for a small
 * Buffer is Node's shared pool (other bytes of this process), and for a cut is all of the tail.
 */
function copied(view: Uint8Array): Uint8Array {
  return new Uint8Array(view);
}

/** The tail's bytes cut for the volumes: what the last payload volume takes (`first`), then whole segments. */
function cutTail(bytes: Uint8Array[], first: number, segment: number): Uint8Array[][] {
  const all = Buffer.concat(bytes);
  const parts: Uint8Array[][] = first > 0 ? [[copied(all.subarray(0, first))]] : [];
  for (let at = first; at < all.byteLength; at += segment)
    parts.push([copied(all.subarray(at, at + segment))]);
  return parts;
}

/** A promise settled from outside (Promise.withResolvers is Node 22). */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export async function sealVolumes(
  opts: Options,
  first: Session,
  next: () => Promise<Session>,
): Promise<WrittenBag> {
  const layout = layoutTar(opts);
  const segment = volumeSegment(opts.volumes.size, first.head.byteLength);
  const plan = planVolumes(opts, layout, segment);
  const lastTakesTail = plan.volumes.at(-1)!.tail;
  const digests: string[] = [];
  const take = (d: Digests) => {
    for (const [i, digest] of d) digests[i] = digest;
  };
  // The volumes to seal, in order: the payload's, then (once the tail is known) the tail's.
  let count = 0;
  const queue = plan.volumes.map((planned) => ({ n: ++count, planned }));

  // The tail, once the payload volumes have given their digests and the crossing files are hashed.
  let reported = 0;
  let crossingDone = false;
  let tail: ReturnType<typeof tarTail> | undefined;
  let tailOfLast: Uint8Array[] = [];
  const tailReady = deferred<void>();
  const report = (d: Digests) => {
    take(d);
    reported++;
    maybeTail();
  };
  const maybeTail = () => {
    if (tail || !crossingDone || reported < plan.volumes.length) return;
    tail = tarTail(opts, layout, digests);
    const parts = cutTail(tail.bytes, lastTakesTail ? segment - (plan.payloadEnd % segment) : 0, segment);
    if (lastTakesTail) tailOfLast = parts.shift()!;
    for (const bytes of parts)
      queue.push({ n: ++count, planned: { pieces: bytes.map((b) => ({ bytes: b })), tail: false } });
    tailReady.resolve();
  };

  const pool = startPool(Math.max(1, Math.min(opts.jobs ?? 1, plan.volumes.length)));
  const files: FileHandle[] = [];
  const flushed: Array<Promise<void>> = [];
  const measured: Array<{ file: string; size: number; sha256: string }> = [];
  let progressed = 0;
  const progress = (n: number) => {
    progressed += n;
    opts.onProgress?.(progressed);
  };
  let session: Session | undefined = first;
  let failure: unknown;
  const fail = (e: unknown) => {
    if (failure) return;
    failure = sourceFailure(opts.payload, e);
    tailReady.reject(failure);
    void pool.close();
  };

  /** Seals volume n (from 1) on `seat`. */
  const seal = async (n: number, planned: Planned, seat: Seat): Promise<void> => {
    const s = session ?? (await next());
    session = undefined;
    const file = opts.volumes.file(n);
    const handle = await open(file, 'wx', 0o600);
    files.push(handle);
    const job: VolumeJob = {
      n,
      fd: handle.fd,
      head: s.head,
      cipherName: s.cipherName,
      key: copied(s.key),
      algorithm: opts.algorithm,
      pieces: planned.pieces,
      tail: planned.tail,
    };
    const tailFor = async (d: Digests) => {
      report(d);
      await tailReady.promise;
      return tailOfLast;
    };
    const sealed = await seat.run(job, tailFor, progress).finally(() => {
      s.key.fill(0);
      job.key.fill(0);
    });
    if (!planned.tail && n <= plan.volumes.length) report(sealed.digests);
    measured[n - 1] = { file, size: sealed.size, sha256: sealed.sha256 };
    flushed.push(handle.sync().finally(() => handle.close()));
  };

  try {
    // The files that cross a boundary, hashed in order here while the workers seal.
    const crossing = (async () => {
      for (const i of plan.crossing) {
        const e = opts.payload[i]!;
        digests[i] = await hashSource(sourcePart(opts.payload, i, 0, e.size), opts.algorithm);
        if (failure) return;
      }
      crossingDone = true;
      maybeTail();
    })();
    crossing.catch(fail);

    const runner = async (seat: Seat) => {
      for (;;) {
        if (failure) return;
        let item = queue.shift();
        if (!item && !tail) {
          await tailReady.promise.catch(() => undefined);
          item = queue.shift();
        }
        if (!item) return;
        await seal(item.n, item.planned, seat).catch(fail);
      }
    };
    await Promise.all(pool.seats.map(runner));
    await crossing.catch(() => undefined);
    if (failure) throw failure;
    await Promise.all(flushed);
    return writtenVolumes(opts, tail!, measured);
  } finally {
    await pool.close();
    await Promise.allSettled(flushed);
    for (const h of files) await h.close().catch(() => undefined);
  }
}

/** A worker that seals one volume at a time (in this thread when run from TypeScript sources). */
interface Seat {
  run(
    job: VolumeJob,
    tail: (d: Digests) => Promise<Uint8Array[]>,
    progress: (n: number) => void,
  ): Promise<Sealed>;
}

function startPool(size: number): { seats: Seat[]; close: () => Promise<void> } {
  if (!import.meta.url.endsWith('.js'))
    return { seats: Array.from({ length: size }, () => ({ run: sealVolume })), close: async () => {} };
  const workers: Worker[] = [];
  const seats = Array.from({ length: size }, (): Seat => {
    const worker = new Worker(new URL('./volume-worker.js', import.meta.url), {
      workerData: { role: 'volume' },
    });
    workers.push(worker);
    let current: {
      resolve: (s: Sealed) => void;
      reject: (e: unknown) => void;
      tail: (d: Digests) => Promise<Uint8Array[]>;
      progress: (n: number) => void;
    } | null = null;
    const fail = (e: unknown) => {
      current?.reject(e);
      current = null;
    };
    worker.on('message', (m: FromVolumeWorker) => {
      if (!current) return;
      if (m.type === 'progress') current.progress(m.n);
      else if (m.type === 'tail')
        current.tail(m.digests).then((bytes) => worker.postMessage({ type: 'tail', bytes }), fail);
      else if (m.type === 'done') {
        current.resolve(m.sealed);
        current = null;
      } else if (m.type === 'fault') fail(m.fault);
      else fail(fromWorker(m));
    });
    worker.on('error', fail);
    worker.on('exit', () => fail(new InternalError((m) => m.sealing.writerStopped)));
    return {
      run: (job, tail, progress) =>
        new Promise<Sealed>((resolve, reject) => {
          current = { resolve, reject, tail, progress };
          worker.postMessage({ type: 'job', job });
        }),
    };
  });
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= Promise.all(workers.map((w) => w.terminate())).then(() => undefined));
  return { seats, close };
}
