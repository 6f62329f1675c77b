/**
 * The known-good bundle of test/fixtures/known-good/ (made once by scripts/make-known-good.js,
 * with throwaway keys): today's code must still verify and extract it, and GnuPG must still verify
 * its signature and decrypt it into a bag that tar unpacks. A change of the bundle format, on the
 * writing or the reading side, fails here.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitkit, ROOT, tempDir } from '../helpers/cli.js';
import { gpg, gpgHome } from '../helpers/gpg.js';
import { schemaErrors } from '../helpers/schemas.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'known-good');
const MANIFEST = path.join(DIR, 'out', 'known-good.manifest.json');
const ARCHIVE = path.join(DIR, 'out', 'known-good.tar.pgp');
const key = (name: string): string => path.join(DIR, 'keys', `throwaway-${name}.asc`);

/** Source file (relative to the fixture) → where the bag holds it. */
const PAYLOAD: Record<string, string> = {
  'exports/docs/procédure de reprise.md': 'data/documentation/runbook/procédure de reprise.md',
  'exports/configs/fw01.cfg': 'data/configurations/firewall-config/fw01.cfg',
  'exports/inventory/inventory.csv': 'data/inventory/inventory/inventory.csv',
};

interface FixtureManifest {
  created: string;
  signer: { fingerprint: string };
  algorithm: string;
  archive: { file: string; size: number; digest: string };
  deliverables: Array<{ id: string; files: Array<{ path: string; size: number; digest: string }> }>;
}

const readManifest = async (): Promise<FixtureManifest> =>
  JSON.parse(await readFile(MANIFEST, 'utf8')) as FixtureManifest;

/** The payload unpacked from a bag folder is byte for byte the fixture's sources. */
async function expectPayload(bag: string): Promise<void> {
  for (const [source, bagPath] of Object.entries(PAYLOAD))
    expect(
      (await readFile(path.join(bag, bagPath))).equals(await readFile(path.join(DIR, source))),
      bagPath,
    ).toBe(true);
}

describe('the known-good bundle (test/fixtures/known-good)', () => {
  it('is intact: the archive is the one the manifest signs, and the manifest fits its schema', async () => {
    const m = await readManifest();
    const bytes = await readFile(ARCHIVE);
    expect(bytes.length).toBe(m.archive.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(m.archive.digest);
    expect(schemaErrors('manifest', m)).toEqual([]);
    const digests = m.deliverables.flatMap((d) => d.files.map((f) => f.path)).sort();
    expect(digests).toEqual(Object.values(PAYLOAD).sort());
  });

  it("today's verify --decryption-key says yes: signature, archive, every file, the MDC", async () => {
    const r = await exitkit([
      'verify',
      MANIFEST,
      '--plan',
      path.join(DIR, 'plan.yaml'),
      '--decryption-key',
      key('novait.sec'),
      '--json',
    ]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const v = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(v).toMatchObject({
      ok: true,
      signature: { valid: true, fingerprint: (await readManifest()).signer.fingerprint },
      archive: { ok: true },
      complete: true,
      decrypted: true,
      integrity: true,
      files: { altered: [], missing: [], extra: [], unsafe: [], truncated: [] },
    });
    expect(schemaErrors('verify-output', v)).toEqual([]);
  });

  it("today's extract writes the bag, byte for byte the sources", async () => {
    const to = await tempDir('exitkit-known-good-');
    const r = await exitkit([
      'extract',
      MANIFEST,
      '--signer',
      key('infogest.pub'),
      '--decryption-key',
      key('acme.sec'),
      '--to',
      to,
    ]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    await expectPayload(path.join(to, 'known-good'));
  });

  it('GnuPG verifies the signature, lists the packets bundle writes, and decrypts to a bag tar unpacks', async () => {
    const home = gpgHome();
    expect(gpg(home, ['--import', key('infogest.pub'), key('acme.sec')]).status).toBe(0);
    const sig = gpg(home, ['--status-fd', '2', '--verify', `${MANIFEST}.asc`, MANIFEST]);
    expect(sig.status, sig.stderr).toBe(0);
    expect(sig.stderr).toMatch(new RegExp(`VALIDSIG ${(await readManifest()).signer.fingerprint}`));

    // The shape: two key packets (tag 1), one SEIPD v1 packet with an MDC (tag 18), one binary
    // literal data packet (tag 11) without a file name.
    const packets = gpg(home, ['--list-packets', ARCHIVE]).stdout.toString('utf8');
    expect(packets.match(/^# off=\d+ ctb=\w+ tag=(\d+)/gm)?.map((l) => /tag=(\d+)/.exec(l)![1])).toEqual([
      '1',
      '1',
      '18',
      '11',
    ]);
    expect(packets).toMatch(/mdc_method: 2/);
    expect(packets).toMatch(/mode b .*name=""/);

    const plain = gpg(home, ['--decrypt', ARCHIVE]);
    expect(plain.status, plain.stderr).toBe(0);
    const to = await tempDir('exitkit-known-good-gpg-');
    const untar = spawnSync('tar', ['-x', '-C', to], { input: plain.stdout });
    expect(untar.status, untar.stderr.toString()).toBe(0);
    const bag = path.join(to, 'known-good');
    expect(await readFile(path.join(bag, 'bagit.txt'), 'utf8')).toBe(
      'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    );
    expect(await readFile(path.join(bag, 'bag-info.txt'), 'utf8')).toMatch(/^Payload-Oxum: 207\.3$/m);
    await expectPayload(bag);
  });
});
