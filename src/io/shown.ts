import path from 'node:path';

/**
 * A path as shown to the user: relative to the working folder when it lies inside it, absolute
 * when it lies elsewhere (`/tmp/out/a.tar.pgp` reads better than `../../../tmp/out/a.tar.pgp`),
 * and as given when it is that folder. `at` and `p`: the working folder and the platform's paths
 * (for tests of Windows' on Linux).
 */
export function shown(file: string, at = process.cwd(), p: path.PlatformPath = path): string {
  const abs = p.resolve(at, file);
  const rel = p.relative(at, abs);
  if (rel === '') return file;
  const outside = rel === '..' || rel.startsWith(`..${p.sep}`) || p.isAbsolute(rel);
  return outside ? abs : rel;
}
