/**
 * What `init` writes beside a plan so that the plan travels (README.md, "The plan" and "Keys"):
 * its JSON Schema, named relatively by the plan's `$schema` line, and a `.gitignore` that keeps
 * private keys out of git.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFilesAtomically } from '../atomic.js';
import { SCHEMA_PATH } from './plan-file.js';

/** The schema's name beside the plan: the starter's `$schema=./exit-plan.schema.json`. */
export const SCHEMA_BESIDE = 'exit-plan.schema.json';

/** The .gitignore line that keeps the private keys `keys generate` writes out of git. */
const PRIVATE_KEYS = '*.sec.asc';

/** Copies the plan's JSON Schema into `dir` (replacing an older copy); returns its path. */
export async function writeSchemaBeside(dir: string): Promise<string> {
  const file = path.join(dir, SCHEMA_BESIDE);
  const schema = await readFile(SCHEMA_PATH);
  const existing = await readFile(file).catch(() => undefined);
  if (!existing?.equals(schema)) await writeFilesAtomically([{ path: file, data: schema, mode: 0o644 }]);
  return file;
}

export type GitignoreOutcome = 'created' | 'appended' | 'kept';

/**
 * Makes `dir/.gitignore` keep private keys out of git: written when missing, the line appended
 * to an existing one that lacks it (its other lines untouched), left alone when it has it.
 */
export async function keepPrivateKeysOutOfGit(
  dir: string,
): Promise<{ file: string; outcome: GitignoreOutcome }> {
  const file = path.join(dir, '.gitignore');
  const existing = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  const line = `# private OpenPGP keys stay with their owner, never in git (exitkit init)\n${PRIVATE_KEYS}\n`;
  if (existing === undefined) {
    await writeFilesAtomically([{ path: file, data: line, mode: 0o644 }]);
    return { file, outcome: 'created' };
  }
  if (existing.split(/\r?\n/).some((l) => l.trim() === PRIVATE_KEYS)) return { file, outcome: 'kept' };
  const mode = (await stat(file)).mode & 0o777;
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  await writeFilesAtomically([{ path: file, data: `${existing}${separator}${line}`, mode }]);
  return { file, outcome: 'appended' };
}
