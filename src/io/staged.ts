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
import { mkdtemp, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
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

/**
 * A private temporary folder (mode 0700) in `parent`, named `<prefix><pid>-<random>`: the process
 * id lets a later run tell a folder left by a hard kill (SIGKILL, a power cut) from a live one.
 */
export async function privateTemp(parent: string, prefix: string): Promise<string> {
  return mkdtemp(path.join(parent, `${prefix}${process.pid}-`));
}

/**
 * Removes the temporary folders `privateTemp` made in `parent` whose process is gone; returns
 * them (the caller says so). A folder of a live process, or of an unknown one, is left alone.
 */
export async function removeStaleTemps(parent: string, prefix: string): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    const p = path.join(parent, name);
    await rm(p, { recursive: true, force: true });
    removed.push(p);
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}
