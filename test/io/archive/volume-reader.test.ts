/**
 * Volumes decrypted side by side (src/io/archive/volume-reader.ts), from the TypeScript sources:
 * the same decryption as the workers', in this thread. The plaintext must come out in order and
 * be what GnuPG decrypts; a fault must come when the reader reaches it, never earlier, named by
 * its volume; closing the reader mid-way must stop every volume under way. The built CLI's
 * workers are tested end to end in test/commands/volumes.test.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cp, open, readFile, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPrivateKeyFile, type PrivateKey } from '../../../src/io/openpgp/keys.js';
import { readerFault } from '../../../src/io/openpgp/seipd.js';
import { VolumeFault, VolumeReader } from '../../../src/io/archive/volume-reader.js';
import { english } from '../../../src/core/i18n/terminal/index.js';
import { TextError } from '../../../src/core/errors.js';
import { ReaderError } from '../../../src/io/openpgp/seipd-reader.js';
import { exitkit, tempDir } from '../../helpers/cli.js';
import { gpg, gpgHome } from '../../helpers/gpg.js';
import { bundleArgs, makeScenario, type Scenario } from '../../helpers/scenario.js';

let s: Scenario;
let key: PrivateKey;
let files: string[];
/** What GnuPG decrypts from each volume. */
let plain: Buffer[];

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  s = await makeScenario({
    dir: path.join(await tempDir('exitkit-volume-reader-'), 's'),
    // Volumes larger than the window a volume may fill ahead of its turn (4 MiB): those started
    // ahead wait for room, and closing the reader must stop them there.
    extraExports: { 'exports/backups/fs01-2026-12-02.vbk': randomBytes(20 * 1024 * 1024 + 4321) },
  });
  const r = await exitkit([...bundleArgs(s, s.out), '--volume-size', '6M']);
  expect(r.code, r.stderr).toBe(0);
  files = (await readdir(s.out))
    .filter((f) => /\.vol-\d{3}\.tar\.pgp$/.test(f))
    .sort()
    .map((f) => path.join(s.out, f));
  expect(files.length).toBeGreaterThanOrEqual(4);
  key = await readPrivateKeyFile(s.keys.incoming.sec);
  const home = gpgHome();
  expect(gpg(home, ['--import', s.keys.incoming.sec]).status).toBe(0);
  plain = files.map((f) => {
    const d = gpg(home, ['--decrypt', f]);
    expect(d.status, d.stderr).toBe(0);
    return d.stdout;
  });
});

/** The volume files this process holds open (Linux: /proc/self/fd). */
async function openVolumes(): Promise<string[]> {
  const fds = await readdir('/proc/self/fd');
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return targets.filter((t) => files.includes(t));
}

/** Everything the reader hands out, and how it ended. */
async function readAll(reader: VolumeReader): Promise<{ bytes: Buffer; fault?: unknown }> {
  const pieces: Uint8Array[] = [];
  try {
    for await (const p of reader.plain()) pieces.push(p.slice());
    return { bytes: Buffer.concat(pieces) };
  } catch (fault) {
    return { bytes: Buffer.concat(pieces), fault };
  } finally {
    await reader.close();
  }
}

const open_ = (list: string[], jobs: number) =>
  VolumeReader.open({ files: list, key, maxKeyPackets: 2, jobs });

describe('VolumeReader', () => {
  it.each([1, 3])(
    'hands out every volume’s plaintext in order, as GnuPG decrypts them, and measures each (jobs %i)',
    async (jobs) => {
      const reader = await open_(files, jobs);
      const { bytes, fault } = await readAll(reader);
      expect(fault).toBeUndefined();
      expect(sha256(bytes)).toBe(sha256(Buffer.concat(plain)));
      const onDisk = await Promise.all(files.map((f) => readFile(f)));
      expect(reader.read).toEqual(onDisk.map((b) => ({ size: b.byteLength, sha256: sha256(b) })));
    },
  );

  it('a volume altered mid-way: the volumes before it come out whole, then its fault, named by its index', async () => {
    const dir = path.join(path.dirname(s.out), 'altered');
    await cp(s.out, dir, { recursive: true });
    const altered = files.map((f) => path.join(dir, path.basename(f)));
    const f = await open(altered[1]!, 'r+');
    await f.write(Buffer.from([0x5a]), 0, 1, 3_000_000);
    await f.close();
    const reader = await open_(altered, 3);
    const { bytes, fault } = await readAll(reader);
    expect(fault).toBeInstanceOf(VolumeFault);
    expect((fault as VolumeFault).index).toBe(1);
    // The modification detection code at the volume's end is what catches it.
    const cause = (fault as VolumeFault).fault;
    expect(cause).toBeInstanceOf(ReaderError);
    const said = readerFault((cause as ReaderError).fault);
    expect(said).toBeInstanceOf(TextError);
    expect(english(said.text)).toBe('the modification detection code does not match');
    expect(bytes.subarray(0, plain[0]!.byteLength).equals(plain[0]!)).toBe(true);
    // Only the first volume was read to its end intact.
    expect(reader.read.length).toBe(1);
  });

  it('closing it mid-way stops every volume under way: no volume file is left open', async () => {
    const reader = await open_(files, 3);
    const pieces = reader.plain();
    expect((await pieces.next()).done).toBe(false);
    // Three volumes under way, each with its file open.
    expect((await openVolumes()).length).toBeGreaterThan(0);
    await pieces.return(undefined);
    await reader.close();
    for (let i = 0; i < 50 && (await openVolumes()).length > 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await openVolumes()).toEqual([]);
  });
});
