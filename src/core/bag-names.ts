/**
 * The name and type rules for the bag's tar entries, the same for verify and extract (so that
 * verify's yes means the bag can be written out): a name or a type that could write outside the
 * bag, that two tar readers would read differently, or that a file system cannot hold is unsafe.
 */
import type { Text } from './i18n/terminal/index.js';
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

export type EntrySafety = { ok: true; bagPath: string; segments: string[] } | { ok: false; reason: Text };

/** The longest segment and the longest path any common file system holds (bytes, UTF-8). */
export const MAX_SEGMENT_BYTES = 255;
export const MAX_PATH_BYTES = 4096;

/**
 * Checks a name alone: relative, inside `<id>/`, no `..`, no empty or `.` segment, no backslash
 * (a separator on Windows), no segment over 255 bytes nor path over 4096 bytes. The same rules
 * for verify and extract, on every platform: a bag verify accepts is one extract can write.
 */
export function checkName(name: string, bagId: string): EntrySafety {
  if (name.includes('\0')) return unsafe((m) => m.entry.nul);
  if (name.includes('\\')) return unsafe((m) => m.entry.backslash);
  if (utf8Length(name) > MAX_PATH_BYTES) return unsafe((m) => m.entry.pathTooLong(MAX_PATH_BYTES));
  if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)) return unsafe((m) => m.entry.absolute);
  const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
  const segments = trimmed.split('/');
  if (segments.includes('..')) return unsafe((m) => m.entry.climbs);
  if (segments.some((s) => s === '' || s === '.')) return unsafe((m) => m.entry.emptySegment);
  if (segments[0] !== bagId) return unsafe((m) => m.entry.outside(bagId));
  if (segments.some((seg) => utf8Length(seg) > MAX_SEGMENT_BYTES))
    return unsafe((m) => m.entry.segmentTooLong(MAX_SEGMENT_BYTES));
  return { ok: true, bagPath: segments.slice(1).join('/'), segments: segments.slice(1) };
}

/**
 * The safety rules for one entry. Only plain files and folders inside `<id>/` are allowed; links,
 * devices and FIFOs are refused (a bag never needs them, and a link is how a later entry escapes).
 * A PAX or GNU record that gives an entry a different name than its own header, where that header
 * name would stand on its own, is refused too: readers that ignore the record would see another file.
 */
export function checkEntry(e: TarEntry, bagId: string): EntrySafety {
  if (e.paxGlobal) return unsafe((m) => m.entry.paxGlobal);
  if (e.type !== 'file' && e.type !== 'directory') {
    const { type, linkname } = e;
    return unsafe((m) => {
      const what = (type && m.entry.types[type]) ?? m.entry.unknownType(type);
      return linkname ? m.entry.linkTo(what, linkname) : what;
    });
  }
  const named = checkName(e.name, bagId);
  if (!named.ok) return named;
  if (e.headerName !== undefined && e.headerName !== e.name) {
    const own = checkName(e.headerName, bagId);
    const truncated = utf8Length(e.headerName) >= 99 && e.name.startsWith(e.headerName);
    const headerName = e.headerName;
    if (own.ok && !truncated) return unsafe((m) => m.entry.paxRename(headerName));
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
  add(name: string, isFile: boolean): Text | null {
    const exact = name.replace(/\/$/, '').normalize('NFC');
    const key = exact.toLowerCase();
    const before = this.seen.get(key);
    if (before && before.name !== exact) {
      const other = JSON.stringify(before.name);
      return (m) => m.entry.caseOnly(other);
    }
    if (before) return (m) => m.entry.duplicate;
    if (isFile && this.folders.has(key)) return (m) => m.entry.fileOverFolder;
    const segs = exact.split('/');
    const ups: Array<[string, string]> = [];
    for (let k = 1; k < segs.length; k++) {
      const up = segs.slice(0, k).join('/');
      const upKey = up.toLowerCase();
      const file = this.seen.get(upKey);
      if (file?.file) {
        const below = JSON.stringify(file.name);
        return (m) => m.entry.belowFile(below);
      }
      const folder = this.folders.get(upKey);
      if (folder !== undefined && folder !== up) {
        const [mine, theirs] = [JSON.stringify(up), JSON.stringify(folder)];
        return (m) => m.entry.folderCaseOnly(mine, theirs);
      }
      ups.push([upKey, up]);
    }
    for (const [upKey, up] of ups) this.folders.set(upKey, up);
    this.seen.set(key, { name: exact, file: isFile });
    return null;
  }
}

function unsafe(reason: Text): EntrySafety {
  return { ok: false, reason };
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
