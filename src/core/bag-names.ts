/**
 * The name and type rules for the bag's tar entries, the same for verify and extract (so that
 * verify's yes means the bag can be written out): a name or a type that could write outside the
 * bag, that two tar readers would read differently, or that a file system cannot hold is unsafe.
 */
import { say, type Text } from './i18n/terminal/index.js';
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
  if (utf8Over(name, MAX_PATH_BYTES)) return unsafe((m) => m.entry.pathTooLong(MAX_PATH_BYTES));
  if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)) return unsafe((m) => m.entry.absolute);
  const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
  const segments = trimmed.split('/');
  if (segments.includes('..')) return unsafe((m) => m.entry.climbs);
  if (segments.some((s) => s === '' || s === '.')) return unsafe((m) => m.entry.emptySegment);
  if (segments[0] !== bagId) return unsafe((m) => m.entry.outside(bagId));
  if (segments.some((seg) => utf8Over(seg, MAX_SEGMENT_BYTES)))
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
    const c = this.clash(name, isFile);
    if (!c) return null;
    switch (c.kind) {
      case 'case': {
        const other = JSON.stringify(c.other);
        return (m) => m.entry.caseOnly(other);
      }
      case 'duplicate':
        return (m) => m.entry.duplicate;
      case 'fileOverFolder':
        return (m) => m.entry.fileOverFolder;
      case 'belowFile': {
        const below = JSON.stringify(c.other);
        return (m) => m.entry.belowFile(below);
      }
      case 'folderCase': {
        const [mine, theirs] = [JSON.stringify(c.folder), JSON.stringify(c.other)];
        return (m) => m.entry.folderCaseOnly(mine, theirs);
      }
    }
  }

  /** The same, as data (walk words it in the user's language); the name is recorded when it fits. */
  clash(name: string, isFile: boolean): NameClash | null {
    const exact = name.replace(/\/$/, '').normalize('NFC');
    const key = exact.toLowerCase();
    const before = this.seen.get(key);
    if (before && before.name !== exact) return { kind: 'case', other: before.name };
    if (before) return { kind: 'duplicate' };
    if (isFile && this.folders.has(key)) return { kind: 'fileOverFolder' };
    // Most entries sit in a folder an earlier entry made, exactly so named: every folder above it
    // was checked then (none is a file, none differs by case), and nothing has changed that since
    // (a file never takes a recorded folder's name: fileOverFolder).
    const cut = exact.lastIndexOf('/');
    const parent = cut < 0 ? null : exact.slice(0, cut);
    if (parent === null || this.folders.get(parent.toLowerCase()) === parent) {
      this.seen.set(key, { name: exact, file: isFile });
      return null;
    }
    const ups: Array<[string, string]> = [];
    for (let at = exact.indexOf('/'); at >= 0; at = exact.indexOf('/', at + 1)) {
      const up = exact.slice(0, at);
      const upKey = up.toLowerCase();
      const file = this.seen.get(upKey);
      if (file?.file) return { kind: 'belowFile', other: file.name };
      const folder = this.folders.get(upKey);
      if (folder !== undefined && folder !== up) return { kind: 'folderCase', folder: up, other: folder };
      ups.push([upKey, up]);
    }
    for (const [upKey, up] of ups) this.folders.set(upKey, up);
    this.seen.set(key, { name: exact, file: isFile });
    return null;
  }
}

/** Why a name cannot sit beside the earlier ones of a bag (BagNames). */
export type NameClash =
  | { kind: 'case'; other: string }
  | { kind: 'duplicate' }
  | { kind: 'fileOverFolder' }
  | { kind: 'belowFile'; other: string }
  | { kind: 'folderCase'; folder: string; other: string };

/** The two kinds of file system names: POSIX (Linux, macOS) and Windows (NTFS, FAT, exFAT). */
export type NameFlavour = 'posix' | 'win32';

/** The flavour of the names this platform's file systems hold (`process.platform`). */
export function nameFlavour(platform: string): NameFlavour {
  return platform === 'win32' ? 'win32' : 'posix';
}

/** Why a file system cannot hold one segment of a path (a file or folder name). */
export type NameProblem =
  | { kind: 'character'; character: string }
  | { kind: 'control'; code: number }
  | { kind: 'trailing'; character: '.' | ' ' }
  | { kind: 'reserved'; device: string };

/** A segment of a path that a file system cannot hold, and why. */
export interface UnholdableName {
  segment: string;
  problem: NameProblem;
}

const WINDOWS_RESERVED_CHARACTERS = /[<>:"|?*]/;
/** Device names Windows reserves in every folder, with or without an extension (CON, CON.txt, com1.log). */
const WINDOWS_DEVICE = /^(CON|PRN|AUX|NUL|COM[1-9¹²³]|LPT[1-9¹²³])(\.|$)/i;

/**
 * Why a file system of this flavour cannot hold `segment` (one name, no separator), or null.
 * POSIX holds every name the tar rules let through (checkName refuses NUL, '/' separates);
 * Windows refuses `< > : " | ? *`, control characters, a trailing dot or space, and the device
 * names CON, PRN, AUX, NUL, COM1-9 and LPT1-9 with or without an extension.
 */
export function segmentProblem(segment: string, flavour: NameFlavour): NameProblem | null {
  if (flavour === 'posix') return null;
  for (const ch of segment) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return { kind: 'control', code };
    if (WINDOWS_RESERVED_CHARACTERS.test(ch)) return { kind: 'character', character: ch };
  }
  if (segment.endsWith('.') && segment !== '.' && segment !== '..')
    return { kind: 'trailing', character: '.' };
  if (segment.endsWith(' ')) return { kind: 'trailing', character: ' ' };
  const device = WINDOWS_DEVICE.exec(segment)?.[1];
  if (device) return { kind: 'reserved', device: device.toUpperCase() };
  return null;
}

/**
 * The first segment of a relative path ('/'-separated) that a file system of this flavour cannot
 * hold, or null: the one rule walk warns with (flavour win32, for a receiver on Windows) and
 * verify and extract refuse with (the flavour of the platform they run on).
 */
export function unholdableName(relative: string, flavour: NameFlavour): UnholdableName | null {
  return firstUnholdable(relative.split('/'), flavour);
}

/** The first of these segments a file system of this flavour cannot hold, or null. */
function firstUnholdable(segments: readonly string[], flavour: NameFlavour): UnholdableName | null {
  if (flavour === 'posix') return null;
  for (const segment of segments) {
    const problem = segmentProblem(segment, flavour);
    if (problem) return { segment, problem };
  }
  return null;
}

/** The problem in words (the catalogs' `names` section). */
export function nameProblemText(u: UnholdableName): Text {
  const { problem: p, segment } = u;
  const name = JSON.stringify(segment);
  switch (p.kind) {
    case 'character':
      return (m) => m.names.character(name, p.character);
    case 'control':
      return (m) => m.names.control(name, `U+${p.code.toString(16).toUpperCase().padStart(4, '0')}`);
    case 'trailing':
      return (m) => (p.character === '.' ? m.names.trailingDot(name) : m.names.trailingSpace(name));
    case 'reserved':
      return (m) => m.names.reserved(name, p.device);
  }
}

/** A name among a deliverable's files that a bag cannot carry everywhere (walk's finding). */
export interface NameFinding {
  /** windows: Windows cannot hold it (extract there refuses it); case: verify refuses it everywhere. */
  kind: 'windows' | 'case';
  /** The file, as walk shows it. */
  where: string;
  message: Text;
}

/**
 * The names among a deliverable's files (`rel`: the path inside the deliverable's bag folder)
 * that Windows cannot hold, and those that differ only by case from another (BagNames, the rule
 * verify applies on every platform), each named.
 */
export function deliverableNameFindings(
  files: ReadonlyArray<{ rel: string; shown?: string }>,
): NameFinding[] {
  const out: NameFinding[] = [];
  const names = new BagNames();
  const shownOf = new Map<string, string>();
  for (const f of files) {
    const where = f.shown ?? f.rel;
    const rel = f.rel.normalize('NFC');
    const unholdable = unholdableName(rel, 'win32');
    if (unholdable) {
      const why = nameProblemText(unholdable);
      out.push({ kind: 'windows', where, message: (m) => m.names.windowsCannotHold(where, say(m, why)) });
    }
    const clash = names.clash(rel, true);
    if (clash?.kind === 'case' || clash?.kind === 'folderCase') {
      const other = clash.kind === 'case' ? (shownOf.get(clash.other) ?? clash.other) : clash.other;
      const mine = clash.kind === 'case' ? where : clash.folder;
      out.push({ kind: 'case', where, message: (m) => m.names.differOnlyByCase(mine, other) });
    }
    shownOf.set(rel, where);
  }
  return out;
}

/** A path-joining API: node:path, or path.win32 / path.posix in the tests. */
export interface PathApi {
  resolve(...parts: string[]): string;
  sep: string;
}

export type EntryTarget = { ok: true; target: string } | { ok: false; reason: Text };

/**
 * Where an entry checked by checkName (its segments after `<id>/`) is written under `root`, or
 * why it is refused: a name this flavour cannot hold, or a target that would resolve outside
 * `root/<id>` (never, after checkName; checked again here, with the API of the platform).
 */
export function entryTarget(
  root: string,
  bagId: string,
  segments: readonly string[],
  flavour: NameFlavour,
  p: PathApi,
): EntryTarget {
  return entryTargets(root, bagId, flavour, p)(segments);
}

/** entryTarget for every entry of one bag: the bag folder resolved once. */
export function entryTargets(
  root: string,
  bagId: string,
  flavour: NameFlavour,
  p: PathApi,
): (segments: readonly string[]) => EntryTarget {
  const base = p.resolve(root, bagId);
  const inside = base + p.sep;
  return (segments) => {
    const unholdable = firstUnholdable(segments, flavour);
    if (unholdable) return { ok: false, reason: nameProblemText(unholdable) };
    // resolve, not join: a segment that is absolute on this platform (C:\x, \\server) starts over.
    const target = p.resolve(base, ...segments);
    if (target !== base && !target.startsWith(inside))
      return { ok: false, reason: (m) => m.archive.resolvesOutside };
    return { ok: true, target };
  };
}

function unsafe(reason: Text): EntrySafety {
  return { ok: false, reason };
}

/** The length of `s` in UTF-8 (a lone surrogate counts as the 3 bytes of its replacement). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Whether `s` takes more than `max` bytes in UTF-8: a UTF-16 unit takes 1 to 3 of them. */
function utf8Over(s: string, max: number): boolean {
  if (s.length > max) return true;
  return s.length * 3 > max && utf8Length(s) > max;
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
