/**
 * The streaming writer of a bundle: one BagIt bag (RFC 8493) as a tar stream, encrypted with
 * OpenPGP as it is made, written to a file beside the final path.
 *
 * One read of each source file: its digest is computed as its bytes go into the tar. Files are
 * opened one at a time, the next one only when the previous entry is done, and back-pressure
 * holds from the disk to the disk (the encrypted output is written as fast as it is consumed,
 * and the source is read only as fast as the encryption takes it): memory stays flat.
 *
 * The tar format is tar-stream's (the one archiver's tar format uses): ustar headers, a PAX
 * extended header for a name longer than 100 bytes or not ASCII, and the GNU base-256 size field
 * for a file of 8 GiB or more; GNU tar reads all three.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import tar from 'tar-stream';
import { BAGIT_TXT, manifestLine } from '../../core/bag.js';
import { encryptToFile } from '../openpgp/messages.js';
import { startSeipdV1 } from '../openpgp/seipd.js';
import type { DigestAlgorithm, ManifestFile } from '../../core/manifest.js';
import {
  CHUNK,
  changed,
  digest,
  openSource,
  stillAsListed,
  type PayloadEntry,
  type WriteBagOptions,
  type WrittenBag,
} from './payload.js';
import { writeSealedBag } from './sealed-writer.js';

export type { PayloadEntry, TagFile, WriteBagOptions, WrittenBag } from './payload.js';

/** Writes the encrypted bag; throws an ExitkitError naming the file for a source that changed. */
export async function writeEncryptedBag(opts: WriteBagOptions): Promise<WrittenBag> {
  const seipd = await startSeipdV1(opts.recipients);
  if (seipd) return writeSealedBag(opts, seipd);
  const pack = tar.pack();
  let producerError: unknown;
  const produced = produce(pack, opts).catch((e: unknown) => {
    producerError = e;
    pack.destroy(e instanceof Error ? e : new Error(String(e)));
    return undefined;
  });

  const out = await open(opts.file, 'wx', 0o600);
  let sunk;
  try {
    sunk = await encryptToFile(packToWeb(pack), opts.recipients, out.fd);
    await out.sync();
  } catch (e) {
    // Whichever failed first is the cause: a source (named), or the encryption and the disk.
    const cause = producerError ?? e;
    // Unblocks the producer if it waits for room in a chain that broke downstream.
    pack.destroy(e instanceof Error ? e : new Error(String(e)));
    await produced;
    throw cause;
  } finally {
    await out.close();
  }
  const result = await produced;
  if (producerError !== undefined || !result) throw producerError;
  return { ...result, archive: sunk };
}

/**
 * A pull-based Web stream over the tar pack: openpgp asks, the pack gives what it has. Cheaper
 * than Readable.toWeb(), and it keeps openpgp's pace as the pace of the whole chain.
 */
function packToWeb(pack: tar.Pack): ReadableStream<Uint8Array> {
  const it = pack[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = (await it.next()) as IteratorResult<Buffer>;
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      },
      async cancel(reason) {
        pack.destroy(reason instanceof Error ? reason : undefined);
        await it.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

async function produce(pack: tar.Pack, opts: WriteBagOptions): Promise<Omit<WrittenBag, 'archive'>> {
  const root = opts.bagId;
  const now = new Date();
  const tagHashes: ManifestFile[] = [];
  const addText = async (p: string, content: Uint8Array) => {
    await entryFromBuffer(pack, `${root}/${p}`, content, now);
    tagHashes.push({ path: p, size: content.byteLength, digest: digest(opts.algorithm, content) });
  };

  await addText('bagit.txt', Buffer.from(BAGIT_TXT, 'utf8'));
  const payload: ManifestFile[] = [];
  let done = 0;
  for (const entry of opts.payload) {
    const measured = await entryFromFile(pack, `${root}/${entry.bagPath}`, entry, opts.algorithm, (n) => {
      done += n;
      opts.onProgress?.(done);
    });
    payload.push({ path: entry.bagPath, size: measured.size, digest: measured.digest });
  }
  for (const t of opts.tagFiles(payload)) {
    const file = typeof t === 'function' ? t([...tagHashes]) : t;
    await addText(file.path, file.content);
  }
  const tagManifest = tagHashes.map((f) => manifestLine(f.digest, f.path)).join('');
  await entryFromBuffer(pack, `${root}/tagmanifest-${opts.algorithm}.txt`, Buffer.from(tagManifest), now);
  pack.finalize();
  return { payload, tagFiles: tagHashes };
}
function entryFromBuffer(pack: tar.Pack, name: string, content: Uint8Array, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry(
      { name, size: content.byteLength, mode: 0o644, mtime, type: 'file' },
      Buffer.from(content),
      (e) => (e ? reject(e) : resolve()),
    );
  });
}

/** Waits for room in the tar entry; a chain torn down downstream (disk full...) ends the wait too. */
async function drained(sink: NodeJS.WritableStream & { destroyed?: boolean }): Promise<void> {
  await new Promise<void>((resolve) => {
    const done = () => {
      sink.removeListener('drain', done);
      sink.removeListener('close', done);
      resolve();
    };
    sink.once('drain', done);
    sink.once('close', done);
  });
  if (sink.destroyed) throw new Error('the archive stream was closed');
}
/**
 * Streams one source file into one tar entry, hashing it on the way. The file must be the
 * regular file that was listed, with the same size and mtime, from the first byte to the last.
 */
async function entryFromFile(
  pack: tar.Pack,
  name: string,
  entry: PayloadEntry,
  algorithm: DigestAlgorithm,
  progress: (n: number) => void,
): Promise<{ size: number; digest: string }> {
  const fh = await openSource(entry);
  try {
    const before = await fh.stat();
    stillAsListed(entry, before);

    const hash = createHash(algorithm);
    const sink = pack.entry({
      name,
      size: entry.size,
      mode: 0o644,
      mtime: new Date(entry.mtimeMs),
      type: 'file',
    });
    const finished = new Promise<void>((resolve, reject) => {
      sink.once('finish', resolve);
      sink.once('error', reject);
      sink.once('close', () => resolve());
    });
    // When this entry fails midway the pack is destroyed and the sink errors: that is expected.
    finished.catch(() => undefined);
    let pos = 0;
    const read = async (): Promise<Buffer | null> => {
      const want = Math.min(CHUNK, entry.size - pos);
      if (want === 0) return null;
      const buf = Buffer.allocUnsafe(want);
      let got = 0;
      while (got < want) {
        const { bytesRead } = await fh.read(buf, got, want - got, pos + got);
        if (bytesRead === 0) throw changed(entry, 'shrank while it was read');
        got += bytesRead;
      }
      pos += got;
      return buf;
    };
    // The next chunk is read while the current one travels down the chain.
    let next = read();
    for (;;) {
      const chunk = await next;
      if (!chunk) break;
      next = read();
      next.catch(() => undefined);
      hash.update(chunk);
      progress(chunk.byteLength);
      if (!sink.write(chunk)) await drained(sink);
    }
    const extra = await fh.read(Buffer.alloc(1), 0, 1, pos);
    if (extra.bytesRead > 0) throw changed(entry, 'grew while it was read');
    const after = await fh.stat();
    if (after.size !== entry.size || after.mtimeMs !== entry.mtimeMs)
      throw changed(entry, 'changed while it was read');
    const still = await stat(entry.abs).catch(() => null);
    if (!still || still.ino !== before.ino || still.dev !== before.dev)
      throw changed(entry, 'vanished or was replaced while it was read');
    sink.end(() => undefined);
    await finished;
    return { size: pos, digest: hash.digest('hex') };
  } finally {
    await fh.close();
  }
}
