/**
 * Files nobody claims: the regular files under the folders the plan's sources point into that no
 * deliverable's sources name (a 2 GiB `.vbk` dropped next to the backups, matched by no glob), so
 * that `exitkit walk` can list them. The plan's `ignore:` globs silence the ones left out on purpose.
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { UnclaimedFile } from '../../core/walk.js';
import type { LoadedPlan } from './plan-file.js';
import { resolveSources, splitGlob, within } from './sources.js';

/**
 * Lists the unclaimed files, sorted by path (relative to the plan's folder). `claimed` holds the
 * absolute paths of the files the deliverables' sources resolved to; the sources of waived
 * deliverables (which walk does not resolve) are resolved here, since their files are claimed too.
 */
export async function findUnclaimed(loaded: LoadedPlan, claimed: Iterable<string>): Promise<UnclaimedFile[]> {
  const root = path.resolve(loaded.dir);
  const allowExternal = loaded.plan.allow_external_sources;
  const taken = new Set(claimed);
  taken.add(path.resolve(loaded.file));
  for (const d of loaded.plan.deliverables.filter((x) => x.status === 'waived')) {
    const { files } = await resolveSources(root, d, { allowExternal });
    for (const f of files) taken.add(f.abs);
  }
  const ignore = loaded.plan.ignore ?? [];
  if (ignore.length > 0) {
    const ignored = await glob(ignore, {
      cwd: root,
      absolute: true,
      dot: true,
      followSymbolicLinks: false,
      expandDirectories: true,
    });
    for (const f of ignored) taken.add(path.resolve(f));
  }

  // The folders the sources point into: a folder source and a glob's fixed folder with everything
  // below them; a file source's own folder, without its subfolders.
  const folders = new Map<string, boolean>();
  for (const d of loaded.plan.deliverables)
    for (const source of d.sources) {
      let dir: string;
      let deep: boolean;
      if (isDynamicPattern(source)) {
        dir = path.resolve(root, splitGlob(source).base);
        deep = true;
      } else {
        const abs = path.resolve(root, source);
        const info = lstatOrNull(abs);
        if (!info) continue;
        deep = info.isDirectory();
        dir = deep ? abs : path.dirname(abs);
      }
      if (!allowExternal && !within(root, dir)) continue;
      folders.set(dir, (folders.get(dir) ?? false) || deep);
    }

  const found = new Map<string, number>();
  for (const [dir, deep] of folders) list(dir, deep, taken, found);
  const out: UnclaimedFile[] = [];
  for (const [abs, size] of found) {
    const r = path.relative(root, abs);
    out.push({ path: within(root, abs) ? r.split(path.sep).join('/') : abs, size });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Regular files in `dir` (and below it when `deep`) that are not `taken`, with their sizes; links
 * and special files are not followed. A taken file is not looked at (no lstat each: most are).
 */
function list(dir: string, deep: boolean, taken: ReadonlySet<string>, found: Map<string, number>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable folder is the sources' problem, named by the walk already
  }
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (deep) list(abs, deep, taken, found);
    } else if (e.isFile() && !taken.has(abs) && !found.has(abs)) {
      const info = lstatOrNull(abs);
      if (info) found.set(abs, info.size);
    }
  }
}

function lstatOrNull(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}
