import { accessSync, constants, lstatSync, readdir, readdirSync, realpathSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Text } from '../../core/i18n/terminal/index.js';
import type { Deliverable } from '../../core/plan.js';

/** One file of a deliverable, as found on disk. */
export interface SourceFile {
  /** Absolute path on disk. */
  abs: string;
  /**
   * Path inside the deliverable (POSIX separators, NFC): for a file source its basename; for a
   * folder source the path relative to that folder; for a glob the path relative to the glob's
   * static (non-magic) prefix folder.
   */
  rel: string;
  size: number;
  mtimeMs: number;
  /** The source entry of the plan that found it. */
  source: string;
}

export type SourceProblemKind =
  'missing' | 'empty' | 'symlink' | 'special' | 'outside' | 'unreadable' | 'duplicate';

/** Something found (or not found) while resolving a source; every one names its path. */
export interface SourceProblem {
  source: string;
  /** The path concerned, relative to the plan's folder when inside it. */
  path?: string;
  kind: SourceProblemKind;
  message: Text;
}

interface Entry {
  abs: string;
  rel: string;
}

/**
 * Resolves a deliverable's sources (files, folders, globs relative to the plan's folder) to the
 * files they name. Metadata calls are synchronous: thousands of small files would otherwise cost
 * a thread-pool round trip each (half a second of waiting for 2000 files). Nothing is skipped
 * silently (SECURITY.md, "Bad input"): a symlink, a special file (fifo, socket, device), an
 * unreadable file, a source leading outside the plan's folder tree (also through a symlinked
 * folder) and two files landing on the same path are each a problem.
 */
export async function resolveSources(
  planDir: string,
  d: Deliverable,
  opts: { allowExternal: boolean },
): Promise<{ files: SourceFile[]; problems: SourceProblem[] }> {
  const root = path.resolve(planDir);
  const realRoot = realPath(root) ?? root;
  const shown = (abs: string): string => {
    const r = path.relative(root, abs);
    return r && within(root, abs) ? toPosix(r) : abs;
  };
  const problems: SourceProblem[] = [];
  const realFile = realFiles();
  const byAbs = new Map<string, SourceFile>();
  const byRel = new Map<string, SourceFile>();

  for (const source of d.sources) {
    const problem = (kind: SourceProblemKind, message: Text, abs?: string) => {
      // A path reached by two sources (a folder and a glob in it) is reported once.
      const at = abs === undefined ? undefined : shown(abs);
      if (at !== undefined && problems.some((p) => p.kind === kind && p.path === at)) return;
      problems.push({ source, kind, message, ...(at === undefined ? {} : { path: at }) });
    };

    const entries: Entry[] = [];
    if (isDynamicPattern(source)) {
      const { base, pattern } = splitGlob(source);
      const baseAbs = path.resolve(root, base);
      if (!opts.allowExternal && !within(root, baseAbs)) {
        problem('outside', (m) => m.sources.outside(source));
        continue;
      }
      const found = await globEntries(baseAbs, pattern, (abs, message) =>
        problem('unreadable', message, abs),
      );
      for (const abs of found) expand(abs, toPosix(path.relative(baseAbs, abs)), problem, shown, entries);
      if (found.length === 0) {
        problem('missing', (m) => m.sources.noMatch(source));
        continue;
      }
    } else {
      const abs = path.resolve(root, source);
      if (!opts.allowExternal && !within(root, abs)) {
        problem('outside', (m) => m.sources.outside(source));
        continue;
      }
      let info;
      try {
        info = lstatSync(abs);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'EACCES' || code === 'EPERM')
          problem('unreadable', (m) => m.sources.cannotRead(shown(abs)), abs);
        else problem('missing', (m) => m.sources.doesNotExist(shown(abs)), abs);
        continue;
      }
      if (/[\\/]$/.test(source) && !info.isDirectory()) {
        // "configs/" promises a folder; a file there is not what the plan means.
        problem('missing', (m) => m.sources.fileNotFolder(shown(abs), source), abs);
        continue;
      }
      if (info.isDirectory()) {
        const before = entries.length;
        expand(abs, '', problem, shown, entries);
        if (entries.length === before && !problems.some((p) => p.source === source)) {
          problem('empty', (m) => m.sources.emptyFolder(shown(abs)), abs);
        }
      } else expand(abs, path.basename(abs), problem, shown, entries);
    }

    for (const { abs, rel } of entries) {
      if (byAbs.has(abs)) continue; // the same file named by two sources is one file
      let info;
      try {
        info = lstatSync(abs);
        accessSync(abs, constants.R_OK);
      } catch {
        problem('unreadable', (m) => m.sources.cannotRead(shown(abs)), abs);
        continue;
      }
      // What the folder's listing said, checked on the file itself (it may have changed since).
      if (info.isSymbolicLink()) {
        problem('symlink', (m) => m.sources.symlink(shown(abs)), abs);
        continue;
      }
      if (!info.isFile()) {
        problem('special', (m) => m.sources.special(shown(abs), m.sources.kind[specialKind(info)]), abs);
        continue;
      }
      const real = realFile(abs) ?? abs;
      if (!opts.allowExternal && !within(realRoot, real)) {
        problem('outside', (m) => m.sources.outsideThroughLink(shown(abs)), abs);
        continue;
      }
      // A folder on the way that is a link is followed by the OS, not by us: refused as well.
      if (within(root, abs) && real !== path.join(realRoot, path.relative(root, abs))) {
        problem('symlink', (m) => m.sources.throughLinkedFolder(shown(abs)), abs);
        continue;
      }
      const file: SourceFile = {
        abs,
        rel: rel.normalize('NFC'),
        size: info.size,
        mtimeMs: info.mtimeMs,
        source,
      };
      const twin = byRel.get(file.rel);
      if (twin) {
        problem('duplicate', (m) => m.sources.duplicate(shown(abs), shown(twin.abs), file.rel), abs);
        continue;
      }
      byAbs.set(abs, file);
      byRel.set(file.rel, file);
    }
  }

  const files = [...byRel.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, problems };
}

/**
 * Lists what a path holds into `out`: a regular file is itself; a folder is every entry below it;
 * a symlink, a fifo, a socket or a device is a problem (never followed, never skipped silently).
 * A folder's entries that its listing says are regular files are taken as such (no lstat each:
 * a file server's export holds hundreds of thousands); every other entry is looked at.
 */
function expand(
  abs: string,
  rel: string,
  problem: (kind: SourceProblemKind, message: Text, abs?: string) => void,
  shown: (abs: string) => string,
  out: Entry[],
): void {
  let info;
  try {
    info = lstatSync(abs);
  } catch {
    problem('unreadable', (m) => m.sources.cannotRead(shown(abs)), abs);
    return;
  }
  if (info.isSymbolicLink()) {
    problem('symlink', (m) => m.sources.symlink(shown(abs)), abs);
    return;
  }
  if (info.isFile()) {
    out.push({ abs, rel });
    return;
  }
  if (!info.isDirectory()) {
    problem('special', (m) => m.sources.special(shown(abs), m.sources.kind[specialKind(info)]), abs);
    return;
  }
  let names: Dirent[];
  try {
    names = readdirSync(abs, { withFileTypes: true });
  } catch {
    problem('unreadable', (m) => m.sources.cannotList(shown(abs)), abs);
    return;
  }
  for (const n of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const child = path.join(abs, n.name);
    const childRel = rel ? `${rel}/${n.name}` : n.name;
    if (n.isFile()) out.push({ abs: child, rel: childRel });
    else expand(child, childRel, problem, shown, out);
  }
}

/**
 * Matches a glob under `base` with tinyglobby, seeing every entry: tinyglobby drops symlinks and
 * special files when it does not follow links, so its directory listing presents everything that
 * is not a folder as a file; each match is then lstat'ed and judged by `expand`.
 */
async function globEntries(
  base: string,
  pattern: string,
  unreadable: (abs: string, message: Text) => void,
): Promise<string[]> {
  const fsAdapter = {
    readdir: (
      dir: string,
      options: { withFileTypes: true },
      cb: (err: NodeJS.ErrnoException | null, entries: Dirent[]) => void,
    ) =>
      readdir(dir, options, (err, entries) => {
        if (err) {
          if (err.code !== 'ENOENT')
            unreadable(path.resolve(dir), (m) => m.sources.cannotList(path.resolve(dir)));
          cb(err, []);
          return;
        }
        cb(null, entries.map(asSeenByGlob));
      }),
  };
  const found = await glob([pattern], {
    cwd: base,
    absolute: true,
    dot: true,
    followSymbolicLinks: false,
    onlyFiles: false,
    expandDirectories: false,
    fs: fsAdapter as never,
  });
  // A folder matched along with its contents (as with "**") is listed through its files only.
  const all = found.map((f) => path.resolve(f));
  const dirs = new Set(
    found.filter((f) => f.endsWith('/') || f.endsWith(path.sep)).map((f) => path.resolve(f)),
  );
  return all
    .filter((f) => !(dirs.has(f) && all.some((g) => g !== f && g.startsWith(f + path.sep))))
    .filter((f) => f !== base)
    .sort();
}

function asSeenByGlob(d: Dirent): Dirent {
  const isDir = d.isDirectory();
  return Object.assign(Object.create(Object.getPrototypeOf(d) as object) as Dirent, d, {
    isFile: () => !isDir,
    isDirectory: () => isDir,
    isSymbolicLink: () => false,
  });
}

/** Splits a glob into its static folder (no magic characters) and the pattern below it. */
export function splitGlob(source: string): { base: string; pattern: string } {
  const parts = source.replaceAll('\\', '/').split('/');
  const stat: string[] = [];
  while (parts.length > 1 && !isDynamicPattern(parts[0]!)) stat.push(parts.shift()!);
  return { base: stat.join('/') || '.', pattern: parts.join('/') };
}

/** The path with every link resolved, or undefined when it cannot be. */
function realPath(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/**
 * A regular file's path with every link resolved: its folder's, resolved once a folder (the
 * caller has seen by lstat that the file itself is no link), joined with its name.
 */
function realFiles(): (file: string) => string | undefined {
  const folders = new Map<string, string | undefined>();
  return (file) => {
    const dir = path.dirname(file);
    if (!folders.has(dir)) folders.set(dir, realPath(dir));
    const real = folders.get(dir);
    return real === undefined ? undefined : path.join(real, path.basename(file));
  };
}

/** Whether `abs` is `root` or below it. */
export function within(root: string, abs: string): boolean {
  const r = path.relative(root, abs);
  return r === '' || (r !== '..' && !r.startsWith(`..${path.sep}`) && !path.isAbsolute(r));
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function specialKind(info: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): 'fifo' | 'socket' | 'device' | 'special' {
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'special';
}
