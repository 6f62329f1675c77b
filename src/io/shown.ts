import path from 'node:path';

/** A path as shown to the user: relative to the working folder, or absolute when it is that folder. */
export function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
