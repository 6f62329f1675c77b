/**
 * A gate in front of the tar parser: it walks the tar's 512-byte headers as the plaintext comes
 * (never holding more than one header and one bounded PAX record) and refuses, before the parser
 * buffers anything, what the signed manifest cannot vouch for: more entries than it lists, a PAX
 * record larger than its longest name, any PAX record but the plain `path` that bundle writes for
 * long names (GNU.sparse.*, linkpath, size... rename, link or make sparse for other readers), PAX
 * global headers, GNU long-name records, and any byte after the end-of-archive marker (GNU tar
 * stops at the first zero block; a reader that goes on would see entries GNU tar never sees).
 */
import { TextError } from '../../core/errors.js';

export interface TarBounds {
  /** Headers of entries (files, folders, anything but PAX and GNU records) allowed. */
  maxEntries: number;
  /** The longest name (in UTF-8 bytes) a PAX `path` record may give. */
  maxNameBytes: number;
}

/** The tar is not the shape bundle writes: the reader stops there (a fault: exit 1). */
export class TarRefused extends TextError {}

const BLOCK = 512;
/** A PAX record's own framing around the name: "NNNN path=" and "\n". */
const PAX_OVERHEAD = 32;

export class TarGate {
  private readonly header = new Uint8Array(BLOCK);
  private headerN = 0;
  /** Bytes of an entry's body (and its padding) still to pass. */
  private skip = 0;
  /** A PAX extended header being gathered: its body, how much is in, its padded size. */
  private pax: Uint8Array | null = null;
  private paxN = 0;
  private paxPadded = 0;
  private entries = 0;
  private ended = false;

  constructor(private readonly bounds: TarBounds) {}

  /** Takes the next plaintext bytes; throws TarRefused at the first thing refused. */
  feed(b: Uint8Array): void {
    let i = 0;
    while (i < b.byteLength) {
      if (this.ended) {
        for (; i < b.byteLength; i++) if (b[i] !== 0) throw new TarRefused((m) => m.archive.afterEnd);
        return;
      }
      if (this.pax) {
        const take = Math.min(this.paxPadded - this.paxN, b.byteLength - i);
        const keep = Math.max(0, Math.min(take, this.pax.byteLength - this.paxN));
        this.pax.set(b.subarray(i, i + keep), this.paxN);
        this.paxN += take;
        i += take;
        if (this.paxN === this.paxPadded) {
          this.checkPax(this.pax);
          this.pax = null;
        }
        continue;
      }
      if (this.skip > 0) {
        const take = Math.min(this.skip, b.byteLength - i);
        this.skip -= take;
        i += take;
        continue;
      }
      const take = Math.min(BLOCK - this.headerN, b.byteLength - i);
      this.header.set(b.subarray(i, i + take), this.headerN);
      this.headerN += take;
      i += take;
      if (this.headerN === BLOCK) {
        this.headerN = 0;
        this.onHeader();
      }
    }
  }

  private onHeader(): void {
    const h = this.header;
    if (h.every((x) => x === 0)) {
      this.ended = true;
      return;
    }
    const type = String.fromCharCode(h[156]!);
    const size = sizeField(h.subarray(124, 136));
    if (size === null) throw new TarRefused((m) => m.archive.unreadableSize);
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      const max = this.bounds.maxNameBytes + PAX_OVERHEAD;
      if (size > max) throw new TarRefused((m) => m.archive.paxTooLong(size, max));
      this.pax = new Uint8Array(size);
      this.paxN = 0;
      this.paxPadded = padded;
      if (padded === 0) {
        this.checkPax(this.pax);
        this.pax = null;
      }
      return;
    }
    if (type === 'g') throw new TarRefused((m) => m.archive.paxGlobal);
    if (type === 'L' || type === 'K') throw new TarRefused((m) => m.archive.gnuLongName);
    if (type === 'S') throw new TarRefused((m) => m.archive.gnuSparse);
    const { maxEntries } = this.bounds;
    if (++this.entries > maxEntries) throw new TarRefused((m) => m.archive.tooManyEntries(maxEntries));
    this.skip = padded;
  }

  /** PAX records (`<length> <key>=<value>\n`): only `path`, within the bound. */
  private checkPax(body: Uint8Array): void {
    const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    let at = 0;
    while (at < text.byteLength) {
      const space = text.indexOf(0x20, at);
      const len = space > at ? Number(text.toString('latin1', at, space)) : NaN;
      if (
        !Number.isSafeInteger(len) ||
        len <= space - at ||
        at + len > text.byteLength ||
        text[at + len - 1] !== 0x0a
      )
        throw new TarRefused((m) => m.archive.malformedPax);
      const record = text.subarray(space + 1, at + len - 1);
      const eq = record.indexOf(0x3d);
      const key = eq > 0 ? record.toString('utf8', 0, eq) : '';
      if (key !== 'path') throw new TarRefused((m) => m.archive.paxKey(JSON.stringify(key)));
      at += len;
    }
  }
}

/** A ustar size field: octal digits (NUL or space ended), or GNU base-256 (first byte 0x80). */
function sizeField(f: Uint8Array): number | null {
  if (f[0] === 0x80) {
    let n = 0;
    for (let i = 1; i < f.byteLength; i++) n = n * 256 + f[i]!;
    return Number.isSafeInteger(n) ? n : null;
  }
  let end = f.byteLength;
  while (end > 0 && (f[end - 1] === 0 || f[end - 1] === 0x20)) end--;
  let i = 0;
  while (i < end && f[i] === 0x20) i++;
  let n = 0;
  for (; i < end; i++) {
    const digit = f[i]! - 0x30;
    if (digit < 0 || digit > 7) return null;
    n = n * 8 + digit;
  }
  return n;
}

/** The bounds a signed manifest sets: its files, the folders they make, the tag manifest, the root. */
export function tarBounds(bagId: string, paths: string[]): TarBounds {
  const folders = new Set<string>();
  let longest = 0;
  for (const p of paths) {
    longest = Math.max(longest, Buffer.byteLength(`${bagId}/${p}/`));
    for (let at = p.indexOf('/'); at >= 0; at = p.indexOf('/', at + 1)) folders.add(p.slice(0, at));
  }
  // The root folder and the one unlisted tag manifest (src/core/verdict.ts, unlistedTagManifest).
  return { maxEntries: paths.length + folders.size + 2, maxNameBytes: longest };
}
