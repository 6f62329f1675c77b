/**
 * Volumes end to end, through the built CLI (docs/FORMAT.md, "Volumes"): `bundle --volume-size`
 * cuts the tar into volumes, each its own OpenPGP message under the size; GnuPG and GNU tar
 * restore the bag from them; verify and extract read across them, and name a damaged, cut,
 * missing, extra or reordered volume while the others are reported intact. One bundle of a few
 * MiB (a file crossing every volume boundary) is made once and copied for each fault.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, open, readFile, readdir, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest, ManifestVolume } from '../../src/core/manifest.js';
import { readPrivateKeyFile } from '../../src/io/openpgp/keys.js';
import { signDetached } from '../../src/io/openpgp/signatures.js';
import { exitkit, tempDir, tree } from '../helpers/cli.js';
import { hasScript, onTerminal } from '../helpers/faults.js';
import { gpg, gpgHome } from '../helpers/gpg.js';
import { schemaErrors } from '../helpers/schemas.js';
import { bundleArgs, makeScenario, type Scenario } from '../helpers/scenario.js';

const BIG = 'exports/backups/fs01-2026-12-02.vbk';
const BIG_BYTES = randomBytes(3 * 1024 * 1024 + 777);

let s: Scenario;
let manifestFile: string;
let manifest: Manifest;
let volumes: ManifestVolume[];
let root: string;

interface VolumeRow {
  file: string;
  ok: boolean;
  size: number | null;
  digest: string | null;
  reason?: string;
}
interface VerifyJson {
  ok: boolean;
  archive: { ok: boolean; present: boolean; volumes?: VolumeRow[]; reason?: string };
  faults: string[];
  files?: { checked: number; altered: string[] };
  integrity?: boolean;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** `exitkit extract` of `manifestPath` into `to`, the signer pinned, with the incoming key. */
const extract = (manifestPath: string, to: string, ...more: string[]) =>
  exitkit([
    'extract',
    manifestPath,
    '--signer',
    s.keys.outgoing.pub,
    '--decryption-key',
    s.keys.incoming.sec,
    '--to',
    to,
    ...more,
  ]);

/** `exitkit bundle` of the scene into `out`, in volumes of `size`. */
const bundle = (out: string, size: string, ...more: string[]) =>
  exitkit([...bundleArgs(s, out), '--volume-size', size, ...more]);

beforeAll(async () => {
  root = await tempDir('exitkit-volumes-');
  s = await makeScenario({ dir: path.join(root, 'scene'), extraExports: { [BIG]: BIG_BYTES } });
  const r = await bundle(s.out, '1M', '--json');
  expect(r.code, r.stderr).toBe(0);
  manifestFile = path.join(s.out, `${s.id}.manifest.json`);
  manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
  volumes = (manifest.archive as { volumes: ManifestVolume[] }).volumes;
});

/** A copy of the bundle folder, changed by `harm`; returns the copied manifest. */
async function damaged(name: string, harm: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(root, name);
  await cp(s.out, dir, { recursive: true });
  await harm(dir);
  return path.join(dir, path.basename(manifestFile));
}

async function verify(
  manifestPath: string,
  key: boolean,
  exit: number,
  ...more: string[]
): Promise<VerifyJson> {
  const r = await exitkit([
    'verify',
    manifestPath,
    '--signer',
    s.keys.outgoing.pub,
    ...(key ? ['--decryption-key', s.keys.incoming.sec] : []),
    '--json',
    ...more,
  ]);
  expect(r.code, r.stderr + r.stdout).toBe(exit);
  const v = JSON.parse(r.stdout) as VerifyJson;
  expect(schemaErrors('verify-output', v)).toEqual([]);
  return v;
}

const vol = (n: number) => `${s.id}.vol-${String(n).padStart(3, '0')}.tar.pgp`;

describe('bundle --volume-size', () => {
  it('writes volumes under the size, in order, listed with size and SHA-256 in the signed manifest', async () => {
    expect(volumes.map((v) => v.file)).toEqual([1, 2, 3, 4].map(vol));
    expect(schemaErrors('manifest', manifest)).toEqual([]);
    const names = (await readdir(s.out)).sort();
    expect(names).toEqual([
      `${s.id}.manifest.json`,
      `${s.id}.manifest.json.asc`,
      ...volumes.map((v) => v.file),
    ]);
    for (const v of volumes) {
      const bytes = await readFile(path.join(s.out, v.file));
      expect(bytes.byteLength).toBe(v.size);
      expect(bytes.byteLength).toBeLessThan(1024 * 1024);
      expect(sha256(bytes)).toBe(v.digest);
    }
    expect(manifest.archive!.size).toBe(volumes.reduce((n, v) => n + v.size, 0));
    // The file that crosses every boundary keeps its exact digest.
    const big = manifest.deliverables
      .flatMap((d) => d.files)
      .find((f) => f.path.endsWith('fs01-2026-12-02.vbk'));
    expect(big?.digest).toBe(createHash('sha512').update(BIG_BYTES).digest('hex'));
  });

  it.each(['512K', 'abc', '0', '1.5X'])(
    'refuses --volume-size %s (exit 2, with a hint), writing nothing',
    async (size) => {
      const out = path.join(root, `bad-${size}`);
      const r = await bundle(out, size);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error: --volume-size ${size} is not a size of at least 1 MiB`);
      expect(r.stderr).toMatch(/hint: .*512M, 4G/);
      expect(await stat(out).catch(() => null)).toBeNull();
    },
  );

  it('with --force, replaces a bundle of more volumes that is not a signed delivery: no volume of it is left beside', async () => {
    const out = path.join(root, 'forced');
    await cp(s.out, out, { recursive: true });
    // Its signature gone, the bundle there is not a delivery: --force may replace it.
    await rm(path.join(out, `${path.basename(manifestFile)}.asc`));
    const refused = await bundle(out, '2M');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('exists already');
    const r = await bundle(out, '2M', '--force');
    expect(r.code, r.stderr).toBe(0);
    expect((await readdir(out)).filter((n) => n.includes('.vol-')).sort()).toEqual([vol(1), vol(2)]);
    // Now a signed delivery: bundling again would make the next one, and there is nothing new.
    const again = await bundle(out, '2M', '--force');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('nothing new to deliver');
    const v = await verify(path.join(out, path.basename(manifestFile)), false, 0);
    expect(v.archive.volumes?.map((x) => x.ok)).toEqual([true, true]);
  });
});

describe('standard tools restore the bag from the volumes', () => {
  it('for v in <id>.vol-*.tar.pgp; do gpg -d "$v"; done | tar x, then sha512sum -c', async () => {
    const home = gpgHome();
    expect(gpg(home, ['--import', s.keys.incoming.sec]).status).toBe(0);
    const into = path.join(root, 'gnupg-restore');
    await mkdir(into);
    const script = `for v in "$OUT"/${s.id}.vol-*.tar.pgp; do gpg --homedir "$GNUPGHOME" --batch -d "$v" || exit 9; done | tar -x -C "$INTO"`;
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', script], {
      env: { ...process.env, OUT: s.out, INTO: into, GNUPGHOME: home },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const bag = path.join(into, s.id);
    expect(sha256(await readFile(path.join(bag, 'data/backups/fs01-backup/fs01-2026-12-02.vbk')))).toBe(
      sha256(BIG_BYTES),
    );
    for (const list of ['manifest-sha512.txt', 'tagmanifest-sha512.txt']) {
      const c = spawnSync('sha512sum', ['-c', '--quiet', list], { cwd: bag, encoding: 'utf8' });
      expect(c.status, c.stdout + c.stderr).toBe(0);
    }
  });
});

describe('verify and extract across volumes', () => {
  it('verify without a key checks each volume, with a key every file across them', async () => {
    const plain = await verify(manifestFile, false, 0);
    expect(plain.archive.volumes?.map((v) => [v.file, v.ok, v.size])).toEqual(
      volumes.map((v) => [v.file, true, v.size]),
    );
    const full = await verify(manifestFile, true, 0);
    expect(full.integrity).toBe(true);
    expect(full.files?.checked).toBe(manifest.payload.files + manifest.tagFiles.length);
  });

  it.skipIf(!hasScript)(
    'on a terminal, the progress runs across the volumes to 100 % of their total',
    async () => {
      const v = await onTerminal(
        ['verify', manifestFile, '--signer', s.keys.outgoing.pub, '--decryption-key', s.keys.incoming.sec],
        [],
      );
      expect(v.code).toBe(0);
      // 3.0 MiB done of 3.0 MiB: the bytes of every volume, not of the last one.
      expect(v.screen).toMatch(/decrypting and checking 3\.0 MiB of 3\.0 MiB \(100 %\)/);
    },
  );

  it('extract writes the bag, the file across the boundaries byte for byte', async () => {
    const to = path.join(root, 'extract-ok');
    const r = await extract(manifestFile, to);
    expect(r.code, r.stderr).toBe(0);
    // By digest: toEqual on MiB of bytes takes tens of seconds.
    expect(sha256(await readFile(path.join(to, s.id, 'data/backups/fs01-backup/fs01-2026-12-02.vbk')))).toBe(
      sha256(BIG_BYTES),
    );
  });

  const FAULTS: Array<[string, (dir: string) => Promise<void>, number[], RegExp]> = [
    [
      'a damaged volume (one byte flipped)',
      async (dir) => {
        const f = await open(path.join(dir, vol(2)), 'r+');
        const b = Buffer.alloc(1);
        await f.read(b, 0, 1, 500_000);
        b[0] = b[0]! ^ 0xff;
        await f.write(b, 0, 1, 500_000);
        await f.close();
      },
      [2],
      /its sha256 is [0-9a-f]{64}; the manifest signed/,
    ],
    ['a truncated volume', (dir) => truncate(path.join(dir, vol(3)), 1000), [3], /its size is 1000 bytes/],
    ['a missing volume', (dir) => rm(path.join(dir, vol(2))), [2], /it is missing: send it again/],
    [
      'two volumes swapped',
      async (dir) => {
        await rename(path.join(dir, vol(1)), path.join(dir, 'x'));
        await rename(path.join(dir, vol(2)), path.join(dir, vol(1)));
        await rename(path.join(dir, 'x'), path.join(dir, vol(2)));
      },
      [1, 2],
      /its sha256 is/,
    ],
  ];

  it.each(FAULTS)('%s is named, the others reported intact (exit 1)', async (name, harm, bad, reason) => {
    const m = await damaged(name.replace(/\W+/g, '-'), harm);
    for (const key of [false, true]) {
      const v = await verify(m, key, 1);
      expect(v.ok).toBe(false);
      expect(v.archive.ok).toBe(false);
      const rows = v.archive.volumes!;
      expect(rows.map((r) => r.file)).toEqual(volumes.map((x) => x.file));
      expect(rows.filter((r) => !r.ok).map((r) => r.file)).toEqual(bad.map(vol));
      for (const n of bad) expect(rows[n - 1]!.reason).toMatch(reason);
      for (const r of rows.filter((x) => x.ok))
        expect(r.digest).toBe(volumes.find((x) => x.file === r.file)!.digest);
      for (const n of bad) expect(v.faults.join('\n')).toContain(vol(n));
    }
  });

  it('with a key, volumes not all there at their signed sizes are not decrypted, and the fault says why', async () => {
    const m = await damaged('missing-key', (dir) => rm(path.join(dir, vol(2))));
    const v = await verify(m, true, 1);
    expect(v.decrypted).toBe(false);
    expect(v.faults.join('\n')).toMatch(
      /^archive \S+\.vol-\*\.tar\.pgp: not decrypted: a volume is missing or not of its signed size$/m,
    );
  });

  it('a volume beside the others that the manifest does not list is named as extra', async () => {
    const m = await damaged('extra', (dir) => cp(path.join(dir, vol(4)), path.join(dir, vol(5))));
    const v = await verify(m, true, 1);
    expect(v.archive.volumes!.map((r) => [r.file, r.ok])).toEqual([
      ...volumes.map((x) => [x.file, true]),
      [vol(5), false],
    ]);
    expect(v.archive.volumes![4]!.reason).toMatch(/the signed manifest does not list it/);
    // Every file was still read and found intact: only the extra volume is a fault.
    expect(v.integrity).toBe(true);
    expect(v.faults).toHaveLength(1);
  });

  it('no volume there yet (the manifest came first): archive {ok: false, present: false}, exit 1', async () => {
    const m = await damaged('absent', async (dir) => {
      for (const x of volumes) await rm(path.join(dir, x.file));
    });
    const v = await verify(m, false, 1);
    expect(v.archive).toMatchObject({ ok: false, present: false });
  });

  it('extract with a damaged volume writes nothing into DIR', async () => {
    const m = await damaged('extract-damaged', async (dir) => {
      const f = await open(path.join(dir, vol(3)), 'r+');
      await f.write(Buffer.from([0x55]), 0, 1, 300_000);
      await f.close();
    });
    const to = path.join(root, 'extract-damaged-dest');
    await mkdir(to);
    const r = await extract(m, to);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(vol(3));
    expect(await tree(to)).toEqual([]);
  });

  it('a signed manifest that lists a volume twice is named (exit 2)', async () => {
    const m = await damaged('twice', async (dir) => {
      const twice = structuredClone(manifest);
      const a = twice.archive as { size: number; volumes: ManifestVolume[] };
      a.volumes.push({ ...a.volumes[0]! });
      a.size += a.volumes[0]!.size;
      const bytes = Buffer.from(`${JSON.stringify(twice, null, 2)}\n`);
      const file = path.join(dir, path.basename(manifestFile));
      await writeFile(file, bytes);
      await writeFile(
        `${file}.asc`,
        await signDetached(bytes, await readPrivateKeyFile(s.keys.outgoing.sec)),
      );
    });
    const r = await exitkit(['verify', m, '--signer', s.keys.outgoing.pub]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`archive.volumes lists ${vol(1)} twice`);
  });
});

describe('verify --jobs: volumes side by side', () => {
  const flip = async (dir: string) => {
    const f = await open(path.join(dir, vol(2)), 'r+');
    await f.write(Buffer.from([0xa5]), 0, 1, 400_000);
    await f.close();
  };
  const CASES: Array<[string, (dir: string) => Promise<void>, number, Array<string | boolean>]> = [
    ['an intact bundle', async () => undefined, 0, [1, 2, 3, 4].map(() => true)],
    ['a damaged volume', flip, 1, [true, false, true, true]],
    ['a missing volume', (dir) => rm(path.join(dir, vol(2))), 1, [true, false, true, true]],
    [
      'an extra volume',
      (dir) => cp(path.join(dir, vol(1)), path.join(dir, vol(5))),
      1,
      [true, true, true, true, false],
    ],
  ];

  it.each(CASES)(
    '%s: --jobs 1 and --jobs 3 give the same verdict and archive.volumes[], with and without a key',
    async (name, harm, exit, oks) => {
      const m = await damaged(`jobs-${name.replace(/\W+/g, '-')}`, harm);
      for (const key of [false, true]) {
        const one = await verify(m, key, exit, '--jobs', '1');
        const three = await verify(m, key, exit, '--jobs', '3');
        // The whole verdict alike, but for when it was made.
        expect({ ...three, verifiedAt: null }).toEqual({ ...one, verifiedAt: null });
        expect(one.archive.volumes!.map((r) => r.ok)).toEqual(oks);
        // Each volume there measured: its size and SHA-256 as on disk, whatever the number of jobs.
        for (const r of one.archive.volumes!) {
          const bytes = await readFile(path.join(path.dirname(m), r.file)).catch(() => null);
          expect([r.size, r.digest]).toEqual(bytes ? [bytes.byteLength, sha256(bytes)] : [null, null]);
        }
      }
    },
  );

  it('extract --jobs 3 writes the same bag', async () => {
    const to = path.join(root, 'extract-jobs');
    const r = await extract(manifestFile, to, '--jobs', '3');
    expect(r.code, r.stderr).toBe(0);
    // By digest: toEqual on MiB of bytes takes tens of seconds.
    expect(sha256(await readFile(path.join(to, s.id, 'data/backups/fs01-backup/fs01-2026-12-02.vbk')))).toBe(
      sha256(BIG_BYTES),
    );
  });

  it.each(['0', 'x', '1.5'])('refuses --jobs %s (exit 2, with a hint)', async (jobs) => {
    const to = path.join(root, `jobs-${jobs}`);
    for (const r of [
      await exitkit(['verify', manifestFile, '--signer', s.keys.outgoing.pub, '--jobs', jobs]),
      await extract(manifestFile, to, '--jobs', jobs),
    ]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error: --jobs ${jobs} is not a whole number of at least 1`);
      expect(r.stderr).toMatch(/hint: .*--jobs 4/);
    }
    expect(await stat(to).catch(() => null)).toBeNull();
  });
});

describe('a later delivery in volumes', () => {
  it('is named <id>.delivery-2.vol-NNN, never taken for the first delivery’s, and verified and extracted with the chain', async () => {
    // A copy of the scene, its first delivery in volumes; then a new backup, bundled again.
    const scene = path.join(root, 'scene-wave');
    await cp(s.dir, scene, { recursive: true });
    const plan = path.join(scene, path.relative(s.dir, s.plan));
    const out = path.join(scene, path.relative(s.dir, s.out));
    await writeFile(path.join(scene, 'exports/backups/fs01-2026-12-03.vbk'), randomBytes(1536 * 1024));
    const r = await exitkit([
      'bundle',
      plan,
      '--out',
      out,
      '--signing-key',
      s.keys.outgoing.sec,
      '--volume-size',
      '1M',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const names = await readdir(out);
    const second = names.filter((n) => n.startsWith(`${s.id}.delivery-2.vol-`)).sort();
    expect(second.length).toBe(2);
    // The first delivery's volumes are still exactly the ones its manifest lists.
    expect(names.filter((n) => n.startsWith(`${s.id}.vol-`)).sort()).toEqual(volumes.map((v) => v.file));
    const latest = path.join(out, `${s.id}.delivery-2.manifest.json`);
    const v = await verify(latest, true, 0);
    expect(v.ok).toBe(true);
    expect(v.archive.volumes?.map((x) => x.file)).toEqual(second);

    const to = path.join(root, 'wave-out');
    const x = await extract(latest, to);
    expect(x.code, x.stderr).toBe(0);
    expect((await readdir(to)).sort()).toEqual([s.id, `${s.id}.delivery-2`]);
    const fresh = await readdir(path.join(to, `${s.id}.delivery-2`, 'data', 'backups', 'fs01-backup'));
    expect(fresh).toEqual(['fs01-2026-12-03.vbk']);
  });
});
