/**
 * Volumes sealed side by side (`bundle --volume-size --jobs N`), through the built CLI, so that
 * the workers run (src/io/archive/volume-sealer.ts): the same bag as one after another, every
 * file's digest exact across the boundaries (a file crossing four of them, files beside it),
 * restored by GnuPG and GNU tar, verified by exitkit.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest, ManifestVolume } from '../../src/core/manifest.js';
import { exitkit, tempDir } from '../helpers/cli.js';
import { gpg, gpgHome } from '../helpers/gpg.js';
import { bundleArgs, makeScenario, type Scenario } from '../helpers/scenario.js';

const MiB = 1024 * 1024;
const SOURCES: Record<string, Buffer> = {
  'exports/backups/fs01-2026-12-02.vbk': randomBytes(4 * MiB + 1234),
  'exports/backups/fs01-2026-11-30.vbk': randomBytes(MiB - 512),
  'exports/backups/fs01-2026-11-29.vbk': randomBytes(700 * 1024),
};

let s: Scenario;
let root: string;

const bundle = (out: string, ...more: string[]) =>
  exitkit([...bundleArgs(s, out), '--volume-size', '1M', ...more]);

const manifestOf = async (out: string) =>
  JSON.parse(await readFile(path.join(out, `${s.id}.manifest.json`), 'utf8')) as Manifest;

const digests = (m: Manifest) =>
  new Map(m.deliverables.flatMap((d) => d.files).map((f) => [f.path, f.digest]));

beforeAll(async () => {
  root = await tempDir('exitkit-jobs-');
  s = await makeScenario({ dir: path.join(root, 'scene'), extraExports: SOURCES });
});

describe('bundle --jobs', () => {
  it('--jobs 3 writes the same bag as --jobs 1: every digest exact, every volume under the size and as listed', async () => {
    const one = path.join(root, 'one');
    const three = path.join(root, 'three');
    const a = await bundle(one, '--jobs', '1');
    expect(a.code, a.stderr).toBe(0);
    const b = await bundle(three, '--jobs', '3');
    expect(b.code, b.stderr).toBe(0);
    const [m1, m3] = [await manifestOf(one), await manifestOf(three)];
    expect(digests(m3)).toEqual(digests(m1));
    for (const [name, bytes] of Object.entries(SOURCES)) {
      const file = m3.deliverables.flatMap((d) => d.files).find((f) => f.path.endsWith(path.basename(name)));
      expect(file?.digest, name).toBe(createHash('sha512').update(bytes).digest('hex'));
    }
    const v1 = (m1.archive as { volumes: ManifestVolume[] }).volumes;
    const v3 = (m3.archive as { volumes: ManifestVolume[] }).volumes;
    expect(v3.length).toBe(v1.length);
    expect(v3.length).toBeGreaterThanOrEqual(6);
    for (const v of v3) {
      const bytes = await readFile(path.join(three, v.file));
      expect(bytes.byteLength).toBe(v.size);
      expect(bytes.byteLength).toBeLessThan(MiB);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(v.digest);
    }
    // Only the bundle is left: no temporary folder of volumes.
    expect((await readdir(three)).filter((n) => n.startsWith('.'))).toEqual([]);

    const v = await exitkit([
      'verify',
      path.join(three, `${s.id}.manifest.json`),
      '--signer',
      s.keys.outgoing.pub,
      '--decryption-key',
      s.keys.incoming.sec,
      '--jobs',
      '1',
      '--json',
    ]);
    expect(v.code, v.stderr).toBe(0);
    expect((JSON.parse(v.stdout) as { integrity: boolean }).integrity).toBe(true);

    // GnuPG and GNU tar restore it, and every digest checks.
    const home = gpgHome();
    expect(gpg(home, ['--import', s.keys.incoming.sec]).status).toBe(0);
    const into = path.join(root, 'restored');
    await mkdir(into);
    const script = `for v in "$OUT"/${s.id}.vol-*.tar.pgp; do gpg --homedir "$GNUPGHOME" --batch -d "$v" || exit 9; done | tar -x -C "$INTO"`;
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', script], {
      env: { ...process.env, OUT: three, INTO: into, GNUPGHOME: home },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const bag = path.join(into, s.id);
    for (const list of ['manifest-sha512.txt', 'tagmanifest-sha512.txt']) {
      const c = spawnSync('sha512sum', ['-c', '--quiet', list], { cwd: bag, encoding: 'utf8' });
      expect(c.status, c.stdout + c.stderr).toBe(0);
    }
  });

  it.each(['0', 'x', '-2', '1.5'])(
    'refuses --jobs %s (exit 2, with a hint), writing nothing',
    async (jobs) => {
      const out = path.join(root, `bad-${jobs}`);
      const r = await bundle(out, `--jobs=${jobs}`);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error: --jobs ${jobs} is not a whole number of at least 1`);
      expect(r.stderr).toMatch(/hint: .*--jobs 4/);
      expect(await stat(out).catch(() => null)).toBeNull();
    },
  );
});
