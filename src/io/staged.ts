/**
 * Staged output, for the large outputs (bundle's three files, extract's bag): everything is
 * written under temporary names beside the final paths (same file system, so the final move is a
 * rename), and moved into place only at the end. On a failure, on SIGINT or SIGTERM, and (for
 * decrypted plaintext) even when the process exits, the temporary paths are removed, a commit
 * half done is undone, and a folder made for the output is removed when left empty: nothing
 * stays at the final paths. Small outputs written whole in one call (receipts, key pairs, the plan)
 * use src/io/atomic.ts, which may also refuse to replace an existing file.
 */
import { rmSync } from 'node:fs';
import { rename, rm, rmdir } from 'node:fs/promises';
import { removeOnInterrupt } from './cleanup.js';

export interface StagingOptions {
  /** Temporary files or folders, removed whatever happens (what was moved out of them is kept). */
  temps: string[];
  /** A folder made for this output: removed on failure when it is left empty. */
  createdDir?: string | undefined;
  /** Also remove the temporaries on an unexpected exit: for decrypted plaintext. */
  removeOnExit?: boolean;
}

/** Moves staged paths into place together: interrupted or failed half-way, none of them stays. */
export type Commit = (moves: Array<{ from: string; to: string }>) => Promise<void>;

export async function staged<T>(o: StagingOptions, work: (commit: Commit) => Promise<T>): Promise<T> {
  const forgetTemps = removeOnInterrupt(...o.temps, ...(o.createdDir ? [o.createdDir] : []));
  const onExit = () => {
    for (const t of o.temps) rmSync(t, { recursive: true, force: true });
  };
  if (o.removeOnExit) process.once('exit', onExit);
  let committing: string[] = [];
  let forgetFinals = () => {};
  const commit: Commit = async (moves) => {
    committing = moves.map((m) => m.to);
    forgetFinals = removeOnInterrupt(...committing);
    for (const m of moves) await rename(m.from, m.to);
    committing = [];
  };
  let failed = true;
  try {
    const result = await work(commit);
    failed = false;
    return result;
  } finally {
    if (failed) for (const f of committing) await rm(f, { recursive: true, force: true });
    for (const t of o.temps) await rm(t, { recursive: true, force: true });
    if (failed && o.createdDir) await rmdir(o.createdDir).catch(() => undefined);
    forgetFinals();
    forgetTemps();
    if (o.removeOnExit) process.off('exit', onExit);
  }
}
