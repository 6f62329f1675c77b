/**
 * The volumes of an archive decrypted side by side (docs/FORMAT.md, "Volumes"): each volume is its
 * own message, so up to `jobs` of them are read, measured, decrypted and checked at once, each in
 * a worker of its own (src/io/archive/decrypt-worker.ts), and their plaintext is handed out here
 * in order, for the tar that runs across them. A volume's plaintext waits in a bounded window
 * (4 reads of 1 MiB) until its turn: memory stays flat whatever the number of volumes and jobs.
 *
 * What it gives: a volume's own work (the read, its SHA-256, AES and the MDC's SHA-1: about 1.7 s
 * of CPU a GiB here) leaves the main thread, which keeps the tar and the entries' digests. As the
 * plaintext is taken in order, the volume being taken runs at full speed and those after it fill
 * their window and wait: the pace is the slower of that volume's worker and the main thread
 * (docs/bench.md, "Volumes side by side").
 *
 * The main thread opens each message (the session key is decrypted here, with openpgp and the
 * private key, which never leave this thread); a worker gets the session key alone. A fault is
 * raised when the reader reaches it, in order, never earlier: the same bytes are read before it
 * on every run and at every `--jobs`. From TypeScript sources (tests) there is no built worker:
 * the same decryption runs in this thread.
 */
import { Worker } from 'node:worker_threads';
import { open } from 'node:fs/promises';
import { InternalError } from '../../core/errors.js';
import { ReaderError } from '../openpgp/seipd-reader.js';
import { openSession, type SeipdSession } from '../openpgp/seipd.js';
import type { PrivateKey } from '../openpgp/keys.js';
import { ownedBuffer } from './buffers.js';
import {
  decryptVolume,
  type FromDecryptWorker,
  type ToDecryptWorker,
  type VolumeJob,
  type VolumeRead,
  WINDOW,
} from './decrypt-worker.js';
import { fromWorker } from './seal-worker.js';

/** Enough of a volume's start to hold its key packets and the encrypted packet's header. */
const HEAD = 64 * 1024;

export interface VolumeReaderOptions {
  files: string[];
  key: PrivateKey;
  maxKeyPackets: number;
  jobs: number;
  /** Bytes of the volumes read so far, all together (for a progress line). */
  onRaw?: (bytes: number) => void;
}

/** The plaintext of one volume as it comes, then its end (or its fault). */
class Batches {
  private readonly queue: Uint8Array[][] = [];
  private ended: { read: VolumeRead } | { error: unknown } | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly onTake: () => void) {}

  push(pieces: Uint8Array[]): void {
    this.queue.push(pieces);
    this.wake?.();
  }

  end(outcome: { read: VolumeRead } | { error: unknown }): void {
    this.ended ??= outcome;
    this.wake?.();
  }

  /** The pieces in order; returns the volume's measures once its message has ended intact. */
  async *pieces(): AsyncGenerator<Uint8Array, VolumeRead> {
    for (;;) {
      const batch = this.queue.shift();
      if (batch) {
        this.onTake();
        yield* batch;
        continue;
      }
      if (this.ended) {
        if ('error' in this.ended) throw this.ended.error;
        return this.ended.read;
      }
      await new Promise<void>((r) => (this.wake = r));
      this.wake = undefined;
    }
  }
}

/** A worker, one volume at a time. */
class Seat {
  private readonly worker = new Worker(new URL('./decrypt-worker.js', import.meta.url), {
    workerData: { role: 'decrypt' },
  });
  private out: Batches | undefined;

  constructor(onRaw: (n: number) => void) {
    this.worker.on('message', (m: FromDecryptWorker) => {
      if (m.type === 'plain') {
        onRaw(m.raw);
        this.out?.push(m.pieces);
      } else if (m.type === 'end') this.out?.end({ read: m.read });
      else if (m.type === 'fault') this.out?.end({ error: new ReaderError(m.fault) });
      else this.out?.end({ error: fromWorker(m) });
    });
    const fail = (e: Error) => this.out?.end({ error: e });
    this.worker.on('error', fail);
    this.worker.on('exit', () => fail(new InternalError((m) => m.volumeChecks.decrypterStopped)));
  }

  run(job: VolumeJob): Batches {
    const out = new Batches(() => this.worker.postMessage({ type: 'took' } satisfies ToDecryptWorker));
    this.out = out;
    // The session key crosses alone (a copy that owns its memory), and is gone from here.
    this.worker.postMessage({ type: 'job', job } satisfies ToDecryptWorker, [ownedBuffer(job.key)]);
    return out;
  }

  async close(): Promise<void> {
    this.out = undefined;
    await this.worker.terminate();
  }
}

/**
 * One volume in this thread (no built worker): the same decryption, waiting for its turn batch by
 * batch. `stopped` ends it where it waits (its file is closed) once the reader is closed.
 */
function runInThread(
  job: VolumeJob,
  onRaw: (n: number) => void,
  stopped: { now: boolean; wake: Set<() => void> },
): Batches {
  let taken: (() => void) | undefined;
  let queued = 0;
  const out = new Batches(() => {
    queued--;
    taken?.();
  });
  decryptVolume(job, async (pieces, raw) => {
    onRaw(raw);
    out.push(pieces);
    queued++;
    while (queued >= WINDOW && !stopped.now) {
      let wake!: () => void;
      const waiting = new Promise<void>((r) => (wake = r));
      taken = wake;
      stopped.wake.add(wake);
      await waiting;
      stopped.wake.delete(wake);
    }
    if (stopped.now) throw new Error('the volume reader was closed');
  }).then(
    (read) => out.end({ read }),
    (error: unknown) => out.end({ error }),
  );
  return out;
}

/**
 * Opens the first message before anything else: a wrong key is said at once (the caller tells
 * a wrong key from a damaged first volume). Then `plain` hands out the plaintext of every volume
 * in order; a volume's fault is thrown with its index (`VolumeFault`) when its turn comes.
 */
export class VolumeReader {
  private readonly seats: Seat[] = [];
  private readonly free: Seat[] = [];
  /** The seat of each volume under way. */
  private readonly seatOf = new Map<number, Seat>();
  private readonly inThread = !import.meta.url.endsWith('.js');
  private readonly stopped = { now: false, wake: new Set<() => void>() };
  /** Each started volume: its plaintext, or the fault of opening it. */
  private readonly started: Array<Promise<Batches>> = [];
  /** Measures of the volumes read to their end, in order. */
  readonly read: VolumeRead[] = [];

  private constructor(
    private readonly opts: VolumeReaderOptions,
    first: SeipdSession,
  ) {
    this.started.push(Promise.resolve(this.start(0, first)));
  }

  static async open(opts: VolumeReaderOptions): Promise<VolumeReader> {
    return new VolumeReader(opts, await sessionOf(opts.files[0]!, opts));
  }

  /** The plaintext of every volume in order. */
  async *plain(): AsyncGenerator<Uint8Array> {
    const { files } = this.opts;
    const jobs = Math.max(1, Math.floor(this.opts.jobs) || 1);
    for (let v = 0; v < files.length; v++) {
      // Keep `jobs` volumes going: this one and those after it.
      while (this.started.length < Math.min(v + jobs, files.length)) {
        const next = this.started.length;
        const opened = sessionOf(files[next]!, this.opts).then((s) => this.start(next, s));
        opened.catch(() => undefined);
        this.started.push(opened);
      }
      let r: IteratorResult<Uint8Array, VolumeRead>;
      try {
        const pieces = (await this.started[v]!).pieces();
        while (!(r = await pieces.next()).done) yield r.value;
      } catch (e) {
        throw new VolumeFault(v, e);
      }
      this.read.push(r.value);
      const seat = this.seatOf.get(v);
      this.seatOf.delete(v);
      if (seat) this.free.push(seat);
    }
  }

  async close(): Promise<void> {
    this.stopped.now = true;
    for (const wake of this.stopped.wake) wake();
    await Promise.all(this.seats.map((s) => s.close()));
  }

  private start(v: number, session: SeipdSession): Batches {
    const { start, ecbName, literalTag } = session;
    // A copy that owns its memory (it crosses to the worker whole); the session's is zeroed.
    const job: VolumeJob = {
      file: this.opts.files[v]!,
      start,
      ecbName,
      literalTag,
      key: session.key.slice(),
    };
    session.key.fill(0);
    const onRaw = (n: number) => this.opts.onRaw?.(n);
    if (this.inThread) return runInThread(job, onRaw, this.stopped);
    let seat = this.free.pop();
    if (!seat) this.seats.push((seat = new Seat(onRaw)));
    this.seatOf.set(v, seat);
    return seat.run(job);
  }
}

/** A fault of volume `index` (opening it, reading it or its message's end). */
export class VolumeFault extends Error {
  constructor(
    readonly index: number,
    readonly fault: unknown,
  ) {
    super(fault instanceof Error ? fault.message : String(fault));
  }
}

async function sessionOf(file: string, opts: VolumeReaderOptions): Promise<SeipdSession> {
  const fd = await open(file, 'r');
  try {
    const head = new Uint8Array(HEAD);
    const { bytesRead } = await fd.read(head, 0, HEAD, 0);
    return await openSession(head.subarray(0, bytesRead), opts.key, opts.maxKeyPackets);
  } finally {
    await fd.close();
  }
}
