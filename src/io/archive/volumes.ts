/**
 * The names of volumes (bundle --volume-size; docs/FORMAT.md, "Volumes"): how bundle names them,
 * and how verify finds every volume of a plan beside the manifest (a volume not listed is named).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * A volume's name: `<id>.vol-001.tar.pgp`, numbered from 1 on at least three digits, and on as
 * many as the last one needs (the names sort in order, so a shell's glob gives them in order).
 */
export function volumeName(id: string, n: number, count: number): string {
  return `${id}.vol-${String(n).padStart(Math.max(3, String(count).length), '0')}.tar.pgp`;
}

/** The volume files of bundle `id` in `dir` (of any bundle of that plan), in name order. */
export async function volumeFiles(dir: string, id: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.startsWith(`${id}.vol-`) && /^\d+\.tar\.pgp$/.test(n.slice(id.length + 5)))
    .sort()
    .map((n) => path.join(dir, n));
}
