/**
 * Reads an encrypted bag as it comes: the archive file (hashed with SHA-256 on the way) is
 * decrypted as a stream, the tar is parsed as it arrives, and every entry is checked by the
 * safety rules of src/core/verdict.ts, hashed and, when asked, written into a private temporary
 * folder. Back-pressure holds from the disk to the disk: memory stays flat whatever the size.
 *
 * The plaintext comes out before the OpenPGP integrity check at the end of the message: nothing
 * read here may be trusted, or moved into view, before `readArchive` has returned with
 * `integrity: true` and the verdict has passed (SECURITY.md, "Streaming, and when plaintext is released").
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import * as tar from 'tar-stream';
import { ExitkitError, TextError } from '../../core/errors.js';
import { say, type Text } from '../../core/i18n/terminal/index.js';
import { BagNames, checkEntry, entryTargets, isBagTextFile, type NameFlavour } from '../../core/bag-names.js';
import { type ArchiveObservation, type ObservedEntry } from '../../core/verdict.js';
import { Digester } from './digester.js';
import { TarGate, TarRefused, tarBounds } from './tar-gate.js';
import { DamagedMessage, NotExitkitArchive, openSeipdV1, type SeipdV1Reader } from '../openpgp/seipd.js';
import { type PrivateKey } from '../openpgp/keys.js';

/** A bag text file (manifests, bag-info.txt) larger than this is not kept to be parsed. */
const MAX_TEXT_BYTES = 64 * 1024 * 1024;

export interface ReadArchiveOptions {
  archive: string;
  /**
   * Volumes (docs/FORMAT.md, "Volumes"): the files in order, `archive` the first; each is its own
   * message, and the tar runs on across them. Their names say where a damaged message is.
   */
  volumes?: Array<{ file: string; name: string }>;
  key: PrivateKey;
  bagId: string;
  /** Digest algorithms to compute for every file (Node names: sha256, sha512, sha1, md5). */
  algorithms: string[];
  /** The tag manifest bundle writes and the signed manifest cannot list (tagmanifest-<alg>.txt). */
  tagManifest: string;
  /** Signed sizes by bag path: only these files (with that declared size) are ever written. */
  expected: Map<string, number>;
  /** Size of the archive file: no honest entry declares more. */
  archiveSize: number;
  /** The recipients the signed manifest lists: no more key packets are read. */
  maxKeyPackets: number;
  /** When given, safe signed files are written under `<writeTo>/<bagId>/`. */
  writeTo?: string;
  /** The names the platform's file systems hold: an entry this flavour cannot hold is unsafe. */
  flavour: NameFlavour;
  /** Bytes of the archive read so far (for a progress line). */
  onProgress?: (archiveBytes: number) => void;
}

export interface ArchiveRead extends ArchiveObservation {
  /** SHA-256 and size of the ciphertext as read (null when the file was not read to its end). */
  cipher: { size: number; digest: string } | null;
  /** With volumes: those read to their end, in order (the others are measured apart). */
  volumeCiphers?: Array<{ size: number; digest: string }>;
}

interface RawNames {
  headerName: string;
  renamed: boolean;
  paxGlobal: boolean;
}

type Header = Omit<tar.Header, 'type' | 'linkname'> & {
  type: tar.Header['type'] | null;
  linkname: string | null;
  raw?: RawNames;
};

/**
 * tar-stream applies PAX and GNU long-name records to the header before handing it out, and the
 * name in the ustar header itself is lost. The safety rules need both (a PAX record that renames
 * an entry is a parser-differential attack), so keep the header's own name on the side.
 */
function keepRawNames(ex: tar.Extract): void {
  const inner = ex as unknown as {
    _applyLongHeaders?: () => void;
    _header: Header;
    _pax: Record<string, string> | null;
    _paxGlobal: Record<string, string> | null;
    _gnuLongPath: string | null;
  };
  const apply = inner._applyLongHeaders;
  if (typeof apply !== 'function')
    throw new Error('this version of tar-stream hides the tar header names: exitkit cannot check them');
  inner._applyLongHeaders = function (this: typeof inner) {
    const raw: RawNames = {
      headerName: this._header.name,
      renamed: Boolean(this._gnuLongPath || this._pax?.path !== undefined),
      paxGlobal: this._paxGlobal !== null,
    };
    apply.call(this);
    this._header.raw = raw;
  };
}

class Stop extends TextError {}

type EntryStream = AsyncIterable<Buffer>;

/**
 * Decrypts and reads the archive. Throws NotExitkitArchive when the message is not the shape
 * `bundle` writes (there is no other reader), an ExitkitError when it cannot even start to
 * decrypt (wrong key): the caller decides whether that is a wrong key (2) or a damaged archive
 * (1) from the archive's digest. Every other problem is an observation.
 */
export async function readArchive(opts: ReadArchiveOptions): Promise<ArchiveRead> {
  const fast = await openFast(opts);
  try {
    return await readPlain(opts, fast.plain, fast.digester, fast.finish);
  } finally {
    await fast.close();
  }
}

/** What is known once the plaintext stream has ended. */
type Finish = () => Promise<{
  cipher: ArchiveRead['cipher'];
  volumeCiphers?: ArchiveRead['volumeCiphers'];
  entries?: Map<number, Record<string, string>>;
}>;

/** Large reads of the archive: 4 MiB. */
const RAW = 4 << 20;

interface Fast {
  plain: AsyncIterable<Uint8Array>;
  digester: Digester;
  finish: Finish;
  close: () => Promise<void>;
}

/** A message opened: its file, its first read, and the reader that decrypts it. */
interface Opened {
  fd: FileHandle;
  buf: Uint8Array;
  n: number;
  reader: SeipdV1Reader;
  pieces: Uint8Array[];
  /** A fault in the decrypted bytes of the first read (a flipped byte, a cut file). */
  fault?: unknown;
}

async function openMessage(file: string, opts: ReadArchiveOptions, buf: Uint8Array): Promise<Opened> {
  const fd = await open(file, 'r');
  try {
    const { bytesRead: n } = await fd.read(buf, 0, RAW, 0);
    const reader = await openSeipdV1(buf.subarray(0, n), opts.key, opts.maxKeyPackets);
    // The fault is the stream's: the plaintext iterator throws it, named as the integrity fault.
    try {
      return { fd, buf, n, reader, pieces: reader.feed(buf.subarray(0, n)) };
    } catch (e) {
      return { fd, buf, n, reader, pieces: [], fault: e };
    }
  } catch (e) {
    await fd.close();
    throw e;
  }
}

/**
 * The one reader, for the archives `bundle` writes (SEIPD v1, AES, one literal packet): the file
 * is read in large reads, decrypted and checked here (src/io/openpgp/seipd.ts, SeipdV1Reader), and hashed
 * (the archive, every entry) by the digest worker on the other core. Volumes are read in turn,
 * each message checked to its end before the next one starts; the tar runs on across them.
 */
async function openFast(opts: ReadArchiveOptions): Promise<Fast> {
  const files = opts.volumes ?? [{ file: opts.archive, name: opts.archive }];
  // Opening the first message may fail (a wrong key): the caller tells a wrong key from damage.
  const first = await openMessage(files[0]!.file, opts, new Uint8Array(RAW));
  const digester = new Digester(opts.algorithms);
  let read = 0;
  // A fault in a volume is named with it; without volumes, as it is.
  const inVolume = (e: unknown, v: number): unknown => {
    if (!opts.volumes || !(e instanceof TextError)) return e;
    const why = describePgpStreamError(e);
    const name = files[v]!.name;
    return new DamagedMessage((m) => m.volumes.inVolume(name, say(m, why)));
  };
  let opened: Opened | undefined = first;
  async function* plain(): AsyncGenerator<Uint8Array> {
    let before = 0;
    for (let v = 0; v < files.length; v++) {
      let msg: Opened;
      try {
        msg =
          opened ?? (await openMessage(files[v]!.file, opts, digester.recycled.pop() ?? new Uint8Array(RAW)));
      } catch (e) {
        throw inVolume(e, v);
      }
      opened = msg;
      let { buf, n } = msg;
      let pos = n;
      let ready = msg.pieces;
      try {
        if (msg.fault !== undefined) throw msg.fault;
        for (;;) {
          await digester.raw(buf, n);
          // The next read runs while these pieces go through the tar parser.
          const next = digester.recycled.pop() ?? new Uint8Array(RAW);
          const reading = n === 0 ? null : msg.fd.read(next, 0, RAW, pos);
          reading?.catch(() => undefined);
          for (const p of ready) yield p;
          if (!reading) break;
          const r = await reading;
          buf = next;
          n = r.bytesRead;
          pos += n;
          opts.onProgress?.(before + pos);
          ready = n === 0 ? [] : msg.reader.feed(buf.subarray(0, n));
        }
        if (opts.volumes) digester.cut();
        read++;
        msg.reader.end();
      } catch (e) {
        throw inVolume(e, v);
      } finally {
        opened = undefined;
        await msg.fd.close().catch(() => undefined);
      }
      before += pos;
    }
  }
  return {
    plain: plain(),
    digester,
    // Once every entry is done (the last ones finish after the stream has ended): the digests
    // of the entries read whole are wanted even when the message is not intact.
    finish: async () => {
      const hashed = await digester.end().catch(() => null);
      const whole = hashed && read === files.length && !opts.volumes;
      return {
        cipher: whole ? { size: hashed.archive.size, digest: hashed.archive.sha256 } : null,
        ...(hashed && opts.volumes
          ? { volumeCiphers: hashed.volumes.map((h) => ({ size: h.size, digest: h.sha256 })) }
          : {}),
        ...(hashed ? { entries: hashed.entries } : {}),
      };
    },
    close: async () => {
      await digester.close();
      await opened?.fd.close().catch(() => undefined);
    },
  };
}

async function readPlain(
  opts: ReadArchiveOptions,
  plain: AsyncIterable<Uint8Array>,
  digester: Digester,
  finish: Finish,
): Promise<ArchiveRead> {
  let entryCount = 0;
  const complete: Array<[number, ObservedEntry]> = [];

  const entries: ObservedEntry[] = [];
  const texts: Record<string, string> = {};
  const names = new BagNames();
  const targetOf = entryTargets(opts.writeTo ?? '.', opts.bagId, opts.flavour, path);
  let fatal: unknown;
  let tarError: Text | undefined;

  const ex = tar.extract();
  keepRawNames(ex);
  let integrity = true;
  let integrityError: Text | undefined;
  ex.on('error', (e: Error) => {
    // When the decrypted stream itself failed, the integrity fault names it: no tar fault on top.
    if (integrity) tarError ??= describeTarError(e);
  });
  const closed = new Promise<void>((resolve) => ex.once('close', () => resolve()));
  let inFlight: Promise<void> = Promise.resolve();

  ex.on('entry', (header, stream, next) => {
    // An entry left unread when the parser is destroyed would otherwise throw an unhandled
    // 'error' event; its readers still see the error.
    stream.on('error', () => undefined);
    inFlight = handleEntry(header as Header, stream as unknown as EntryStream).then(
      () => next(),
      (e: unknown) => {
        if (!(e instanceof Stop) && !(e instanceof TruncatedEntry)) fatal ??= e;
        next(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });

  async function handleEntry(header: Header, stream: EntryStream): Promise<void> {
    const size = header.size ?? 0;
    const safety = checkEntry(
      {
        name: header.name,
        type: header.type ?? null,
        linkname: header.linkname ?? null,
        ...(header.raw?.renamed ? { headerName: header.raw.headerName } : {}),
        ...(header.raw?.paxGlobal ? { paxGlobal: true } : {}),
        size,
      },
      opts.bagId,
    );
    const entry: ObservedEntry = {
      name: header.name,
      bagPath: safety.ok ? safety.bagPath : null,
      type: header.type ?? null,
      declaredSize: size,
      read: 0,
      digests: {},
    };
    entries.push(entry);
    const clash = safety.ok ? names.add(header.name, header.type === 'file') : null;
    // Where it would be written, or why this platform cannot hold its name (refused by name,
    // before a byte of it is written): the same rule for verify and extract.
    const target = safety.ok ? targetOf(safety.segments) : undefined;
    if (!safety.ok) entry.unsafe = safety.reason;
    else if (clash) entry.unsafe = clash;
    else if (target && !target.ok) entry.unsafe = target.reason;
    if (size > opts.archiveSize) {
      const { archiveSize } = opts;
      const name = JSON.stringify(header.name);
      entry.unsafe = (m) => m.archive.impossibleSize(size, archiveSize);
      entry.bagPath = null;
      throw new Stop((m) => m.archive.stoppedAt(name));
    }
    if (entry.unsafe || header.type !== 'file' || !safety.ok) {
      entry.bagPath = entry.unsafe ? null : entry.bagPath;
      for await (const chunk of stream) entry.read += chunk.length;
      return;
    }

    const bagPath = safety.bagPath;
    if (isBagTextFile(bagPath) && size > MAX_TEXT_BYTES) {
      entry.unsafe = (m) => m.archive.textTooLarge(size);
      entry.bagPath = null;
      for await (const chunk of stream) entry.read += chunk.length;
      return;
    }
    const keepText = isBagTextFile(bagPath);
    // The one file bundle writes that the signed manifest cannot list (it lists the manifest's own
    // copy): the tag manifest of the manifest's algorithm, every line of which the verdict checks.
    const write =
      opts.writeTo !== undefined && (opts.expected.get(bagPath) === size || bagPath === opts.tagManifest);
    const id = entryCount++;
    const chunks: Buffer[] = [];
    let out: WriteStream | undefined;
    if (write && target?.ok) {
      try {
        await mkdir(path.dirname(target.target), { recursive: true, mode: 0o700 });
        out = createWriteStream(target.target, { flags: 'wx', mode: 0o600 });
        await once(out, 'open');
      } catch (e) {
        if (isCollision(e)) {
          entry.unsafe = (m) => m.archive.collides;
          entry.bagPath = null;
          for await (const chunk of stream) entry.read += chunk.length;
          return;
        }
        throw e;
      }
    }
    try {
      for await (const chunk of stream) {
        entry.read += chunk.length;
        await digester.data(id, chunk);
        if (keepText) chunks.push(chunk);
        if (out && !out.write(chunk)) await once(out, 'drain');
      }
    } catch {
      // The decrypted stream failed mid-entry (cut or altered): what was read is recorded. A
      // write that failed (the disk full) is the extraction's own fault, not the archive's.
      if (out) await closeQuietly(out);
      if (out?.errored) throw out.errored;
      throw new TruncatedEntry();
    }
    if (out) {
      out.end();
      await once(out, 'finish');
    }
    if (entry.read === size) {
      digester.done(id);
      complete.push([id, entry]);
      if (keepText) texts[bagPath] = Buffer.concat(chunks).toString('utf8');
    }
  }

  // Pump the plaintext into the tar parser; once the tar has failed, keep reading (and dropping)
  // the plaintext so that the integrity check at the end of the message is still reached.
  // The gate sees every byte before the parser does: a refused header never reaches it.
  const gate = new TarGate(tarBounds(opts.bagId, [...opts.expected.keys(), opts.tagManifest]));
  try {
    for await (const chunk of plain) {
      if (ex.destroyed || ex.destroying) continue;
      try {
        gate.feed(chunk);
      } catch (e) {
        if (!(e instanceof TarRefused)) throw e;
        const why = e.text;
        tarError ??= (m) => m.archive.refused(say(m, why));
        ex.destroy(e);
        continue;
      }
      if (!ex.write(chunk)) await drained(ex);
    }
  } catch (e) {
    // The parser is ended, not torn down: every entry already decrypted is read to its end, so
    // the faults are the same on every run (an entry cut by the failure is named truncated).
    integrity = false;
    integrityError = describePgpStreamError(e);
  }
  if (!ex.destroyed && !ex.destroying) ex.end(null);
  await closed;
  await inFlight.catch(() => undefined);
  if (fatal) throw fatal;

  const { cipher, volumeCiphers, entries: digests } = await finish();
  // The digests made on the other core (the plaintext stream has ended: it has answered).
  for (const [id, entry] of complete) Object.assign(entry.digests, digests?.get(id) ?? {});
  return {
    entries,
    texts,
    ...(tarError ? { tarError } : {}),
    integrity,
    ...(integrityError ? { integrityError } : {}),
    cipher,
    ...(volumeCiphers ? { volumeCiphers } : {}),
  };
}

class TruncatedEntry extends Error {}

function isCollision(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR';
}

async function closeQuietly(out: WriteStream): Promise<void> {
  // A stream that failed has closed already: waiting for 'close' again would wait forever.
  if (out.closed) return;
  out.destroy();
  if (out.closed) return;
  await once(out, 'close').catch(() => undefined);
}

function drained(ex: tar.Extract): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      ex.off('drain', done);
      ex.off('close', done);
      resolve();
    };
    ex.on('drain', done);
    ex.on('close', done);
  });
}

/** Why the decrypted stream failed: the reader's own words, or another error's message. */
function describePgpStreamError(e: unknown): Text {
  if (e instanceof NotExitkitArchive) return e.notOurs;
  if (e instanceof TextError) return e.text;
  const m = e instanceof Error ? e.message : String(e);
  if (/modification detected|mdc/i.test(m)) return (w) => w.archive.mdcMismatch;
  return m.replace(/^Error (decrypting|reading) message: /i, '');
}

/** Why the tar parser stopped: a Stop's words, or tar-stream's own (said in the user's language when known). */
function describeTarError(e: Error): Text {
  if (e instanceof TextError) return e.text;
  const said = e.message;
  if (/^Invalid (tar )?header/i.test(said)) return (m) => m.archive.badTarHeader(said);
  if (/^Unexpected end of data/i.test(said)) return (m) => m.archive.tarCut(said);
  return said;
}

/** Maps a Node error during extraction to "could not" (exit 2). */
export function extractionError(e: unknown, where: string): ExitkitError {
  const code = (e as { code?: string }).code;
  const said = e instanceof Error ? e.message : String(e);
  const what: Text =
    code === 'ENOSPC'
      ? (m) => m.system.diskFull()
      : code === 'EACCES' || code === 'EPERM'
        ? (m) => m.system.permissionDenied()
        : code === 'ENAMETOOLONG'
          ? (m) => m.archive.pathTooLong
          : said;
  const hint: Text =
    code === 'ENAMETOOLONG' ? (m) => m.archive.shorterPathHint : (m) => m.archive.freeSpaceHint;
  return new ExitkitError((m) => m.archive.cannotExtract(where, say(m, what)), { hints: [hint], cause: e });
}
