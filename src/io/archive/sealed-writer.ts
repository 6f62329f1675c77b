/**
 * The fast path (SEIPD v1 with AES, what every GnuPG 2.2 or openpgp key asks for): the tar is laid
 * out before a byte is written (names, sizes and headers are fixed by the listing; the tag files
 * follow once the payload's digests are known), and framed as OpenPGP by src/io/archive/sealed-stream.ts,
 * the sources read straight into 1 MiB batches. One message (or volumes one after another): the
 * main thread reads and runs AES, the seal worker hashes (every file's digest, the archive's
 * SHA-256) and writes. Volumes side by side (`jobs` > 1): src/io/archive/volume-sealer.ts. The
 * bytes are the same tar (tar-stream's own header encoder) in the same OpenPGP packets as
 * openpgp's streaming encryption makes, in other chunk sizes (RFC 4880 §4.2.2.4, §5.9, §5.13, §5.14).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BAGIT_TXT, manifestLine } from '../../core/bag.js';
import { InternalError } from '../../core/errors.js';
import type { ManifestFile } from '../../core/manifest.js';
import type { Session } from '../openpgp/seipd.js';
import { digest, sourceError, type PayloadEntry, type WriteBagOptions, type WrittenBag } from './payload.js';
import {
  isSourceFault,
  messageStart,
  readSource,
  SealedStream,
  volumeSegment,
  type MessageStart,
} from './sealed-stream.js';
import { startSealer } from './sealer.js';

/** tar-stream's header encoder (not in its exports map; pack.js uses it the same way). */
const tarHeaders = createRequire(import.meta.url)(
  path.join(path.dirname(createRequire(import.meta.url).resolve('tar-stream')), 'headers.js'),
) as {
  encode(h: Record<string, unknown>): Uint8Array | null;
  encodePax(h: Record<string, unknown>): Uint8Array;
};

const ZEROS = new Uint8Array(1024);

/** The header bytes tar-stream's pack would write for a regular file (ustar, or PAX + ustar). */
function tarHeader(name: string, size: number, mtime: Date): Uint8Array[] {
  const header: Record<string, unknown> = { name, size, mode: 0o644, mtime, type: 'file', uid: 0, gid: 0 };
  const plain = tarHeaders.encode(header);
  if (plain) return [plain];
  const pax = tarHeaders.encodePax({ name, linkname: undefined, pax: undefined });
  const paxEntry = {
    ...header,
    name: 'PaxHeader',
    size: pax.byteLength,
    type: 'pax-header',
    linkname: undefined,
  };
  const out = [tarHeaders.encode(paxEntry)!, pax];
  if (pax.byteLength & 511) out.push(ZEROS.subarray(0, 512 - (pax.byteLength & 511)));
  out.push(tarHeaders.encode({ ...paxEntry, size, type: 'file' })!);
  return out;
}

/** A piece of the bag's tar: bytes as they are, or the whole content of payload file `file`. */
export type TarPiece = { bytes: Uint8Array } | { file: number };

/** The bag's tar up to the end of the payload, laid out before a byte is written. */
export interface TarLayout {
  /** bagit.txt, then each payload file: its header, its content, its padding. */
  pieces: TarPiece[];
  /** The tag files written so far (bagit.txt), for the tag manifest. */
  tagFiles: ManifestFile[];
  now: Date;
}

/** A tag file's entry: header, content, padding; its line of the tag manifest goes to `listed`. */
function tagEntry(
  root: string,
  file: { path: string; content: Uint8Array },
  now: Date,
  opts: WriteBagOptions,
) {
  const { content } = file;
  const bytes = [
    ...tarHeader(`${root}/${file.path}`, content.byteLength, now),
    content,
    padding(content.byteLength),
  ];
  return {
    bytes,
    listed: { path: file.path, size: content.byteLength, digest: digest(opts.algorithm, content) },
  };
}

function padding(size: number): Uint8Array {
  return ZEROS.subarray(0, size & 511 ? 512 - (size & 511) : 0);
}

export function layoutTar(opts: WriteBagOptions): TarLayout {
  const now = new Date();
  const root = opts.bagId;
  const bagit = tagEntry(root, { path: 'bagit.txt', content: Buffer.from(BAGIT_TXT, 'utf8') }, now, opts);
  const pieces: TarPiece[] = bagit.bytes.map((bytes) => ({ bytes }));
  for (const [i, entry] of opts.payload.entries()) {
    const header = tarHeader(`${root}/${entry.bagPath}`, entry.size, new Date(entry.mtimeMs));
    pieces.push({ bytes: Buffer.concat(header) }, { file: i }, { bytes: padding(entry.size) });
  }
  return { pieces, tagFiles: [bagit.listed], now };
}

/** Bytes of the layout's piece `p` (a file's content: its listed size). */
export function pieceSize(opts: WriteBagOptions, p: TarPiece): number {
  return 'bytes' in p ? p.bytes.byteLength : opts.payload[p.file]!.size;
}

/** The payload as measured: each file with its digest, in the order listed. */
function measuredPayload(opts: WriteBagOptions, digests: readonly string[]): ManifestFile[] {
  return opts.payload.map((e, i) => ({ path: e.bagPath, size: e.size, digest: digests[i]! }));
}

/**
 * The tar after the payload, once every digest is known: the tag files (`opts.tagFiles`), the tag
 * manifest last, and the two zero blocks that end a tar.
 */
export function tarTail(
  opts: WriteBagOptions,
  layout: TarLayout,
  digests: readonly string[],
): { bytes: Uint8Array[]; payload: ManifestFile[]; tagFiles: ManifestFile[] } {
  const payload = measuredPayload(opts, digests);
  const tagFiles = [...layout.tagFiles];
  const bytes: Uint8Array[] = [];
  for (const t of opts.tagFiles(payload)) {
    const entry = tagEntry(opts.bagId, typeof t === 'function' ? t([...tagFiles]) : t, layout.now, opts);
    bytes.push(...entry.bytes);
    tagFiles.push(entry.listed);
  }
  const tagManifest = Buffer.from(tagFiles.map((f) => manifestLine(f.digest, f.path)).join(''));
  const manifest = tagEntry(
    opts.bagId,
    { path: `tagmanifest-${opts.algorithm}.txt`, content: tagManifest },
    layout.now,
    opts,
  );
  bytes.push(...manifest.bytes, ZEROS);
  return { bytes, payload, tagFiles };
}

/** A source's fault (from this thread or a volume worker) as the error that names the file. */
export function sourceFailure(payload: readonly PayloadEntry[], e: unknown): unknown {
  return isSourceFault(e) ? sourceError(payload[e.file]!, e) : e;
}

/** The part of payload file `i` that the tar holds, [from, to) of its bytes. */
export function sourcePart(payload: readonly PayloadEntry[], i: number, from: number, to: number) {
  const e = payload[i]!;
  return { file: i, abs: e.abs, size: e.size, mtimeMs: e.mtimeMs, from, to };
}

/** What the volumes are when measured: each file, size and SHA-256, all under the limit. */
export function writtenVolumes(
  opts: WriteBagOptions & { volumes: NonNullable<WriteBagOptions['volumes']> },
  tail: ReturnType<typeof tarTail>,
  measured: Array<{ file: string; size: number; sha256: string }>,
): WrittenBag {
  const limit = opts.volumes.size;
  if (measured.some((v) => v.size >= limit)) throw new InternalError((m) => m.volumes.overSize(limit));
  return {
    payload: tail.payload,
    tagFiles: tail.tagFiles,
    archive: { size: measured.reduce((n, v) => n + v.size, 0) },
    volumes: measured,
  };
}

/**
 * Writes the bag sealed: into `opts.file`, or with `opts.volumes` into one file a volume, each
 * its own message (`next` starts the next one's: a new session key and key packets), one after
 * another. Volumes side by side: src/io/archive/volume-sealer.ts.
 */
export async function writeSealedBag(
  opts: WriteBagOptions,
  first: Session,
  next: () => Promise<Session>,
): Promise<WrittenBag> {
  if (opts.volumes && (opts.jobs ?? 1) > 1) {
    const { sealVolumes } = await import('./volume-sealer.js');
    return sealVolumes({ ...opts, volumes: opts.volumes }, first, next);
  }
  const start = (s: Session): MessageStart => {
    const started = messageStart(s.cipherName, s.key);
    s.key.fill(0);
    return started;
  };
  const files: string[] = [];
  let out: FileHandle | undefined;
  // Each volume is flushed to disk in the background once ended, and closed (no file stays open).
  const flushed: Array<Promise<void>> = [];
  const openNext = async () => {
    const file = opts.volumes ? opts.volumes.file(files.length + 1) : opts.file;
    if (out) {
      const done = out;
      flushed.push(done.sync().finally(() => done.close()));
    }
    out = await open(file, 'wx', 0o600);
    files.push(file);
    return out;
  };
  const sealer = startSealer((await openNext()).fd, opts.algorithm, first.head);
  try {
    const volumes = opts.volumes && {
      segment: volumeSegment(opts.volumes.size, first.head.byteLength),
      next: async () => {
        const following = await next();
        sealer.begin((await openNext()).fd, following.head);
        return start(following);
      },
    };
    const stream = new SealedStream(start(first), sealer, volumes);
    const layout = layoutTar(opts);
    let done = 0;
    const progress = (n: number) => {
      done += n;
      opts.onProgress?.(done);
    };
    for (const piece of layout.pieces) {
      if ('bytes' in piece) await stream.writeBytes(piece.bytes);
      else {
        const part = sourcePart(opts.payload, piece.file, 0, opts.payload[piece.file]!.size);
        await readSource(stream, part, true, progress).catch((e: unknown) => {
          throw sourceFailure(opts.payload, e);
        });
      }
    }
    const tail = tarTail(opts, layout, await stream.digests());
    for (const bytes of tail.bytes) await stream.writeBytes(bytes);
    const messages = await stream.end();
    await out!.sync();
    await Promise.all(flushed);
    if (!opts.volumes)
      return {
        payload: tail.payload,
        tagFiles: tail.tagFiles,
        archive: { size: messages[0]!.size, sha256: messages[0]!.sha256 },
      };
    return writtenVolumes(
      { ...opts, volumes: opts.volumes },
      tail,
      messages.map((v, i) => ({ file: files[i]!, ...v })),
    );
  } finally {
    await sealer.close();
    await Promise.allSettled(flushed);
    await out?.close().catch(() => undefined);
  }
}
