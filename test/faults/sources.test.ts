/**
 * Sources that are not what the plan says, before or during the bundle: an unreadable file, a
 * folder that is a file, a file replaced by a folder and a folder replaced by a file while the
 * archive is written. Each is named, exit 2, and nothing is left in DIR.
 *
 * (A file that grows, shrinks, changes or vanishes while it is read: test/io/bundle.test.ts.)
 */
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitkit } from '../helpers/cli.js';
import { faultEnv, isRoot, startExitkit, tree, until, type Running, scratchDir } from '../helpers/faults.js';
import { bundleArgs, DEFAULT_DELIVERABLES, makeScenario, type Scenario } from '../helpers/scenario.js';

const NOBODY = 65534;

/** Changes the ownership of everything under root (so that another user can work there). */
async function chownTree(root: string, uid: number): Promise<void> {
  await chown(root, uid, uid);
  for (const rel of await tree(root)) await chown(path.join(root, rel), uid, uid);
}

/**
 * Runs bundle as a user who cannot read a chmod 000 file: nobody when the tests run as root (root
 * reads anything), else the current user. Returns why not when that cannot be arranged here.
 */
async function bundleUnprivileged(
  s: Scenario,
  env: Record<string, string> = {},
): Promise<{ run: Running } | { skip: string }> {
  if (!isRoot) return { run: startExitkit(bundleArgs(s), env, { cwd: s.dir }) };
  await chownTree(path.dirname(s.dir), NOBODY);
  const run = startExitkit(
    bundleArgs(s),
    { HOME: s.dir, TMPDIR: s.dir, ...env },
    {
      uid: NOBODY,
      gid: NOBODY,
      cwd: s.dir,
    },
  );
  const probe = startExitkit(['--version'], { HOME: s.dir }, { uid: NOBODY, gid: NOBODY, cwd: s.dir });
  const v = await probe.done.catch((e: Error) => ({ code: -1, stderr: e.message }));
  if (v.code !== 0) {
    run.child.kill('SIGKILL');
    await run.done.catch(() => undefined);
    return { skip: `cannot run the CLI as nobody (uid ${NOBODY}) here: ${v.stderr.split('\n')[0]}` };
  }
  return { run };
}

describe('an unreadable source file (as root: the CLI runs as nobody, since root reads anything)', () => {
  it('unreadable when the bundle starts: named, exit 2, nothing left in DIR', async (ctx) => {
    const s = await makeScenario({ dir: path.join(await scratchDir('exitkit-faults-unreadable-'), 's') });
    await chmod(path.join(s.dir, 'exports/vault/handover.kdbx'), 0o000);
    const started = await bundleUnprivileged(s);
    if ('skip' in started) return ctx.skip(started.skip);
    const r = await started.run.done;
    expect(r.stderr).toMatch(/^ {2}m365-admin: cannot read exports\/vault\/handover\.kdbx$/m);
    expect(r.code).toBe(2);
    expect(await readdir(s.out)).toEqual([]);
  });

  it('made unreadable while the archive is written: named, exit 2, nothing left in DIR', async (ctx) => {
    const s = await makeScenario({
      dir: path.join(await scratchDir('exitkit-faults-unreadable-late-'), 's'),
      extraExports: { 'exports/backups/fs01-2026-12-02.vbk': randomBytes(4 * 1024 * 1024) },
    });
    const started = await bundleUnprivileged(s, faultEnv('slow', s.out));
    if ('skip' in started) return ctx.skip(started.skip);
    // The backups go first; the vault is listed already, and read later.
    await until(async () => (await readdir(s.out)).length > 0, 'the archive being written', started.run);
    await chmod(path.join(s.dir, 'exports/vault/handover.kdbx'), 0o000);
    const r = await started.run.done;
    expect(r.stderr).toMatch(
      /^error: cannot read the source exports\/vault\/handover\.kdbx: permission denied: nothing was written$/m,
    );
    expect(r.stderr).toMatch(/^hint: check that the user running exitkit can read it/m);
    expect(r.code).toBe(2);
    expect(await readdir(s.out)).toEqual([]);
  });
});

describe('a folder that is not a folder, a file that is not a file', () => {
  it('a source written as a folder ("configs/") that is a file: named, not ready as walk says (exit 1), nothing left', async () => {
    const s = await makeScenario({
      dir: path.join(await scratchDir('exitkit-faults-slash-'), 's'),
      deliverables: DEFAULT_DELIVERABLES.map((d) =>
        d.id === 'inventory' ? { ...d, sources: ['exports/inventory/inventory.csv/'] } : d,
      ),
    });
    const r = await exitkit(bundleArgs(s), { cwd: s.dir });
    const said =
      'exports/inventory/inventory.csv is a file, but the plan names the folder "exports/inventory/inventory.csv/"';
    expect(r.stderr).toMatch(/inventory: marked ready, but its checks fail; /);
    expect(r.stderr).toContain(said);
    expect(r.code).toBe(1);
    expect(await readdir(s.out)).toEqual([]);
    // The walk says so too, before anyone tries to bundle.
    const w = await exitkit(['walk', s.plan, '--no-input'], { cwd: s.dir });
    expect(w.code).toBe(1);
    expect(w.stdout).toContain(said);
  });

  it('a file replaced by a folder while the archive is written: named, exit 2, nothing left', async () => {
    const s = await makeScenario({
      dir: path.join(await scratchDir('exitkit-faults-swap-'), 's'),
      extraExports: { 'exports/backups/fs01-2026-12-02.vbk': randomBytes(4 * 1024 * 1024) },
    });
    const run = startExitkit(bundleArgs(s), faultEnv('slow', s.out), { cwd: s.dir });
    // The backups go first; the configurations are listed already, and read later.
    await until(async () => (await readdir(s.out)).length > 0, 'the archive being written', run);
    const fw = path.join(s.dir, 'exports/configs/fw01.cfg');
    await rm(fw);
    await mkdir(fw);
    await writeFile(path.join(fw, 'inside.txt'), 'a folder now\n');
    const r = await run.done;
    expect(r.stderr).toMatch(
      /^error: the source exports\/configs\/fw01\.cfg is not a regular file: refused/m,
    );
    expect(r.code).toBe(2);
    expect(await readdir(s.out)).toEqual([]);
  });

  it('a folder replaced by a file while the archive is written: named, exit 2, nothing left', async () => {
    const s = await makeScenario({
      dir: path.join(await scratchDir('exitkit-faults-swap-dir-'), 's'),
      extraExports: { 'exports/backups/fs01-2026-12-02.vbk': randomBytes(4 * 1024 * 1024) },
    });
    const run = startExitkit(bundleArgs(s), faultEnv('slow', s.out), { cwd: s.dir });
    await until(async () => (await readdir(s.out)).length > 0, 'the archive being written', run);
    const configs = path.join(s.dir, 'exports/configs');
    await rename(configs, `${configs}.moved`);
    await writeFile(configs, 'a file now\n');
    const r = await run.done;
    expect(r.stderr).toMatch(
      /^error: cannot read the source exports\/configs\/fw01\.cfg: a file was found where a folder was expected: nothing was written$/m,
    );
    expect(r.code).toBe(2);
    expect(await readdir(s.out)).toEqual([]);
  });
});
