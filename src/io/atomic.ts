/**
 * Nothing half-written, for small outputs (a failed or interrupted command leaves no file at a
 * final path): every file goes to a temporary name beside its final path (same folder, so the
 * rename is atomic), removed on error and on SIGINT/SIGTERM, and is renamed into place only when
 * all of them are written.
 */
import { randomBytes } from 'node:crypto';
import { link, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExitkitError, systemErrorText } from '../core/errors.js';
import { say, type Text } from '../core/i18n/terminal/index.js';
import { removeOnInterrupt } from './cleanup.js';

/** A hidden temporary name beside `file`, unique to this write. */
export function tempBeside(file: string, tag = randomBytes(6).toString('hex')): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${tag}.tmp`);
}

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
  mode?: number;
}

/**
 * Writes every file, then puts them in place together. With `exclusive`, an existing final file
 * is never replaced (link, which fails when the name exists); otherwise it is replaced by rename.
 * A failure is an ExitkitError naming the file, with `hint`.
 */
export async function writeFilesAtomically(
  files: OutputFile[],
  opts: { exclusive?: boolean; hint?: Text } = {},
): Promise<void> {
  const tag = randomBytes(6).toString('hex');
  const temps = files.map((f) => tempBeside(f.path, tag));
  const release = removeOnInterrupt(...temps);
  let current = files[0]?.path ?? '';
  const placed: string[] = [];
  try {
    for (const [i, f] of files.entries()) {
      current = f.path;
      await writeFile(temps[i]!, f.data, { flag: 'wx', ...(f.mode === undefined ? {} : { mode: f.mode }) });
    }
    for (const [i, f] of files.entries()) {
      current = f.path;
      if (opts.exclusive) await link(temps[i]!, f.path);
      else await rename(temps[i]!, f.path);
      placed.push(f.path);
    }
  } catch (e) {
    // All or nothing: what this call created is taken back (a replaced file cannot be).
    if (opts.exclusive) await Promise.all(placed.map((p) => rm(p, { force: true })));
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EEXIST') {
      const existing = current;
      throw new ExitkitError((m) => m.files.exists(existing), {
        code: 'output_exists',
        hints: [opts.hint ?? ((m) => m.files.existsHint)],
      });
    }
    // The temporary name would only confuse: say the final one.
    const reason = systemErrorText(Object.assign(new Error(err.message), { code: err.code }));
    const failed = current;
    throw new ExitkitError((m) => m.files.cannotWrite(failed, say(m, reason)), {
      hints: [opts.hint ?? ((m) => m.files.cannotWriteHint)],
      cause: e,
    });
  } finally {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    release();
  }
}
