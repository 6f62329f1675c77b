/**
 * The name and type rules for the bag's tar entries, the same for verify and extract (so that
 * verify's yes means the bag can be written out): a name or a type that could write outside the
 * bag, that two tar readers would read differently, or that a file system cannot hold is unsafe.
 */
import type { Manifest } from './manifest.js';

/** A tar entry as the reader saw it. */
export interface TarEntry {
  /** The name after PAX / GNU long-name records were applied (what tar-stream and GNU tar use). */
  name: string;
  /** tar-stream's type: file, directory, symlink, link, character-device, ... or null when unknown. */
  type: string | null;
  linkname?: string | null;
  /** The name field of the ustar header itself, when a PAX or GNU record replaced it. */
  headerName?: string;
  /** A PAX global header came before this entry (it changes every entry after it). */
  paxGlobal?: boolean;
  size: number;
}

export type EntrySafety = { ok: true; bagPath: string; segments: string[] } | { ok: false; reason: string };

const TYPE_WORDS: Record<string, string> = {
  symlink: 'a symbolic link',
  link: 'a hard link',
  'character-device': 'a character device',
  'block-device': 'a block device',
  fifo: 'a FIFO (named pipe)',
  'contiguous-file': 'a contiguous file (an unusual type a bag never holds)',
};

/** The longest segment and the longest path any common file system holds (bytes, UTF-8). */
export const MAX_SEGMENT_BYTES = 255;
export const MAX_PATH_BYTES = 4096;

/**
 * Checks a name alone: relative, inside `<id>/`, no `..`, no empty or `.` segment, no backslash
 * (a separator on Windows), no segment over 255 bytes nor path over 4096 bytes. The same rules
 * for verify and extract, on every platform: a bag verify accepts is one extract can write.
 */
export function checkName(name: string, bagId: string): EntrySafety {
  if (name.includes('\0')) return { ok: false, reason: 'its name holds a NUL byte' };
  if (name.includes('\\')) return { ok: false, reason: 'a backslash in its name (a separator on Windows)' };
  if (utf8Length(name) > MAX_PATH_BYTES) return { ok: false, reason: `a path over ${MAX_PATH_BYTES} bytes` };
  if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)) return { ok: false, reason: 'an absolute path' };
  const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
  const segments = trimmed.split('/');
  if (segments.includes('..')) return { ok: false, reason: 'a path that climbs out with ".."' };
  if (segments.some((s) => s === '' || s === '.'))
    return { ok: false, reason: 'a path with an empty or "." segment' };
  if (segments[0] !== bagId) return { ok: false, reason: `outside the bag folder ${bagId}/` };
  if (segments.some((seg) => utf8Length(seg) > MAX_SEGMENT_BYTES))
    return { ok: false, reason: `a path segment over ${MAX_SEGMENT_BYTES} bytes` };
  return { ok: true, bagPath: segments.slice(1).join('/'), segments: segments.slice(1) };
}

/**
 * The safety rules for one entry. Only plain files and folders inside `<id>/` are allowed; links,
 * devices and FIFOs are refused (a bag never needs them, and a link is how a later entry escapes).
 * A PAX or GNU record that gives an entry a different name than its own header, where that header
 * name would stand on its own, is refused too: readers that ignore the record would see another file.
 */
export function checkEntry(e: TarEntry, bagId: string): EntrySafety {
  if (e.paxGlobal) return { ok: false, reason: 'a PAX global header changes every entry after it' };
  if (e.type !== 'file' && e.type !== 'directory') {
    const what = (e.type && TYPE_WORDS[e.type]) ?? `an entry of unknown type (${e.type ?? 'unknown'})`;
    return { ok: false, reason: e.linkname ? `${what} to ${e.linkname}` : what };
  }
  const named = checkName(e.name, bagId);
  if (!named.ok) return named;
  if (e.headerName !== undefined && e.headerName !== e.name) {
    const own = checkName(e.headerName, bagId);
    const truncated = utf8Length(e.headerName) >= 99 && e.name.startsWith(e.headerName);
    if (own.ok && !truncated)
      return { ok: false, reason: `a PAX header renames it (its tar header says ${e.headerName})` };
  }
  return named;
}

/**
 * The entries of one bag, for the rules between names: no duplicate, no file where another entry
 * has a folder (`f` and `f/g`), and no two names that differ only by case (they are one file on
 * Windows and macOS): refused on every platform, so that a bag extracts the same everywhere.
 */
export class BagNames {
  /** By case-folded name: the name as first seen, and whether it is a file. */
  private readonly seen = new Map<string, { name: string; file: boolean }>();
  /** The folders entries live in, by case-folded name. */
  private readonly folders = new Map<string, string>();

  /** Why this entry (a name inside the bag, checked by checkName) cannot sit beside the earlier ones, or null. */
  add(name: string, isFile: boolean): string | null {
    const exact = name.replace(/\/$/, '').normalize('NFC');
    const key = exact.toLowerCase();
    const before = this.seen.get(key);
    if (before && before.name !== exact)
      return `its name differs only by case from ${JSON.stringify(before.name)}`;
    if (before) return 'a duplicate of an earlier entry with the same name';
    if (isFile && this.folders.has(key)) return 'a file where an earlier entry has a folder of that name';
    const segs = exact.split('/');
    const ups: Array<[string, string]> = [];
    for (let k = 1; k < segs.length; k++) {
      const up = segs.slice(0, k).join('/');
      const upKey = up.toLowerCase();
      const file = this.seen.get(upKey);
      if (file?.file) return `below ${JSON.stringify(file.name)}, which is a file`;
      const folder = this.folders.get(upKey);
      if (folder !== undefined && folder !== up)
        return `its folder ${JSON.stringify(up)} differs only by case from ${JSON.stringify(folder)}`;
      ups.push([upKey, up]);
    }
    for (const [upKey, up] of ups) this.folders.set(upKey, up);
    this.seen.set(key, { name: exact, file: isFile });
    return null;
  }
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * The one tag file bundle writes that the signed manifest cannot list (the tag manifest covers
 * the manifest's own copy in the bag): any other file the manifest does not list is extra.
 */
export function unlistedTagManifest(m: Pick<Manifest, 'algorithm'>): string {
  return `tagmanifest-${m.algorithm}.txt`;
}

/** The bag's own text files that are kept (small) to be checked against the rest. */
export function isBagTextFile(bagPath: string): boolean {
  return /^(bagit\.txt|bag-info\.txt|(tag)?manifest-[a-z0-9]+\.txt)$/.test(bagPath);
}
