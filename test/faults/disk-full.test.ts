/**
 * The disk filling up (ENOSPC) during bundle and extract: exit 2, a message that says the disk is
 * full and where, and nothing left behind (docs/FORMAT.md, "What bundle writes").
 *
 * Two ways to fill the disk: a real 2 MiB tmpfs (needs root and mount(2); skipped with the reason
 * otherwise), and an injection that always runs: the CLI's writes under the output folder go to
 * /dev/full, so the kernel answers ENOSPC (test/helpers/faults.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitkit } from '../helpers/cli.js';
import { faultEnv, mountTmpfs, tree, umount, scratchDir } from '../helpers/faults.js';
import { makeBundle, testKeys, type Bundle, type TestKeys } from '../helpers/hostile.js';
import { makeScenario, type Scenario } from '../helpers/scenario.js';

/** 4 MiB of random bytes: twice what the small file system holds, and incompressible. */
const BIG = randomBytes(4 * 1024 * 1024);

let dir: string;
let s: Scenario;
let keys: TestKeys;
let b: Bundle;
let mountProblem: string | undefined;

beforeAll(async () => {
  dir = await scratchDir('exitkit-faults-full-');
  s = await makeScenario({
    dir: path.join(dir, 'scenario'),
    extraExports: { 'exports/backups/fs01-2026-12-02.vbk': BIG },
  });
  keys = await testKeys(path.join(dir, 'receive'));
  b = await makeBundle({
    out: path.join(dir, 'receive', 'bundle'),
    keys,
    payload: [{ deliverable: 'fs01-backup', category: 'backups', name: 'big.vbk', data: BIG }],
  });
  // Can this machine mount a small file system? (root, and mount(2) allowed in this container)
  const probe = path.join(dir, 'probe');
  await mkdir(probe);
  mountProblem = mountTmpfs(probe, '64k');
  if (!mountProblem) umount(probe);
});

/** A private TMPDIR for the CLI, to prove that nothing is parked there either. */
async function privateTmp(name: string): Promise<string> {
  const t = path.join(dir, `tmp-${name}`);
  await mkdir(t);
  return t;
}

const bundle = (out: string, env: Record<string, string>, ...more: string[]) =>
  exitkit(['bundle', s.plan, '--out', out, '--signing-key', s.keys.outgoing.sec, ...more], { env });

const extract = (to: string, env: Record<string, string>) =>
  exitkit(
    ['extract', b.manifest, '--signer', keys.outgoing.pub, '--decryption-key', keys.incoming.sec, '--to', to],
    { env },
  );

/** Runs `body` with a 2 MiB tmpfs mounted at `at`, unmounting it whatever happens. */
async function onSmallDisk(at: string, body: () => Promise<void>): Promise<void> {
  await mkdir(at);
  const problem = mountTmpfs(at, '2m');
  if (problem) throw new Error(`mount failed after the probe succeeded: ${problem}`);
  try {
    await body();
  } finally {
    umount(at);
  }
}

describe('the disk fills up during bundle', () => {
  it('on a real 2 MiB file system: exit 2, "the disk is full" naming the folder, nothing left', async (ctx) => {
    if (mountProblem)
      ctx.skip(`cannot mount a small tmpfs here (needs root and mount permission): ${mountProblem}`);
    const small = path.join(dir, 'small');
    const tmp = await privateTmp('bundle-tmpfs');
    await onSmallDisk(small, async () => {
      const r = await bundle(small, { TMPDIR: tmp });
      expect(r.stderr).toMatch(/^error: cannot write the bundle into \S*\/small: the disk is full/m);
      expect(r.stderr).toMatch(/^hint: free some space/m);
      expect(r.stderr).not.toMatch(/report it|\n\s+at /);
      expect(r.code).toBe(2);
      expect(await readdir(small)).toEqual([]);
      // A folder the bundle had to create is removed too.
      const created = path.join(small, 'handover');
      const r2 = await bundle(created, { TMPDIR: tmp });
      expect(r2.code).toBe(2);
      expect(r2.stderr).toMatch(/the disk is full/);
      expect(await readdir(small)).toEqual([]);
    });
    expect(await readdir(tmp)).toEqual([]);
  });

  it('by injection (writes into DIR go to /dev/full): exit 2, the same message, nothing left', async () => {
    const out = path.join(dir, 'injected');
    await mkdir(out);
    const tmp = await privateTmp('bundle-injected');
    const before = await tree(path.dirname(out));
    const r = await bundle(out, { ...faultEnv('full', out), TMPDIR: tmp });
    expect(r.stderr).toMatch(/^error: cannot write the bundle into \S*\/injected: the disk is full/m);
    expect(r.stderr).toMatch(/^hint: free some space/m);
    expect(r.stderr).not.toMatch(/report it|\n\s+at /);
    expect(r.code).toBe(2);
    expect(await readdir(out)).toEqual([]);
    expect(await tree(path.dirname(out))).toEqual(before);
    expect(await readdir(tmp)).toEqual([]);
  });

  it('by injection, the disk full after 1 MiB of the archive: exit 2, the same message, nothing left', async () => {
    const out = path.join(dir, 'injected-room');
    await mkdir(out);
    const r = await bundle(out, faultEnv('full', out, { roomBytes: 1024 * 1024 }));
    expect(r.stderr).toMatch(/^error: cannot write the bundle into \S*\/injected-room: the disk is full/m);
    expect(r.code).toBe(2);
    expect(await readdir(out)).toEqual([]);
  });

  it('by injection, under --json: the error on stdout as JSON, exit 2, nothing left', async () => {
    const out = path.join(dir, 'injected-json');
    await mkdir(out);
    const r = await bundle(out, faultEnv('full', out), '--json');
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout) as { error: { code: string; message: string; exit: number } };
    expect(j.error.code).toBe('disk_full');
    expect(j.error.message).toMatch(/the disk is full/);
    expect(j.error.exit).toBe(2);
    expect(await readdir(out)).toEqual([]);
  });
});

/**
 * A write that fails mid-file (the disk full) is the extraction's fault, said as such (exit 2),
 * never a hang and never mistaken for a truncated archive (exit 1).
 */
describe('the disk fills up during extract', () => {
  it('on a real 2 MiB file system: exit 2, "the disk is full", nothing in DIR or beside it', async (ctx) => {
    if (mountProblem)
      ctx.skip(`cannot mount a small tmpfs here (needs root and mount permission): ${mountProblem}`);
    const small = path.join(dir, 'small-extract');
    const tmp = await privateTmp('extract-tmpfs');
    let r: Awaited<ReturnType<typeof extract>> | undefined;
    await onSmallDisk(small, async () => {
      const to = path.join(small, 'dest');
      await mkdir(to);
      r = await extract(to, { TMPDIR: tmp });
      // What holds already: nothing is left, in DIR or beside it, nor in TMPDIR.
      expect(await tree(small)).toEqual(['dest']);
    });
    expect(await readdir(tmp)).toEqual([]);
    expect(r!.stderr).toMatch(/^error: cannot extract into \S*dest: the disk is full/m);
    expect(r!.code).toBe(2);
  });

  it('by injection, the disk full from the first byte: exit 2, the same message, nothing left', async () => {
    const root = path.join(dir, 'extract-injected');
    const to = path.join(root, 'dest');
    await mkdir(to, { recursive: true });
    const tmp = await privateTmp('extract-injected');
    const r = await extract(to, { ...faultEnv('full', root), TMPDIR: tmp });
    expect(r.stderr).toMatch(/^error: cannot extract into \S*dest: the disk is full/m);
    expect(r.code).toBe(2);
    expect(await tree(root)).toEqual(['dest']);
    expect(await readdir(tmp)).toEqual([]);
    expect((await readdir(os.tmpdir())).filter((n) => n.startsWith('.dest.exitkit-'))).toEqual([]);
  });

  it('by injection, the disk full after 1 MiB (mid-file): exit 2, the same message, nothing left', async () => {
    const root = path.join(dir, 'extract-room');
    const to = path.join(root, 'dest');
    await mkdir(to, { recursive: true });
    const r = await extract(to, faultEnv('full', root, { roomBytes: 1024 * 1024 }));
    expect(await tree(root)).toEqual(['dest']);
    expect(r.stderr).toMatch(/^error: cannot extract into \S*dest: the disk is full/m);
    expect(r.code).toBe(2);
  });
});
