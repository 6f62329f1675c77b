/**
 * The symmetric layer that bundle writes and verify reads itself (SEIPD v1: AES-CFB with a zero
 * IV, the random prefix, the MDC; RFC 4880 §5.13, §5.14), checked against two other
 * implementations: OpenSSL's CFB, and openpgp and GnuPG on whole messages, in both directions.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/core/manifest.js';
import { CfbDecipher } from '../../../src/io/openpgp/seipd.js';
import { readPrivateKeyFile } from '../../../src/io/openpgp/keys.js';
import { signDetached } from '../../../src/io/openpgp/signatures.js';
import { exitkit, tempDir } from '../../helpers/cli.js';
import { gpg, gpgHome } from '../../helpers/gpg.js';
import { makeScenario, type Scenario } from '../../helpers/scenario.js';

describe('CfbDecipher', () => {
  // Small cuts, and cuts past the 64 KiB the reader feeds (the decipher's room grows).
  it.each([
    { plainMax: 2000, cutMax: 97, runs: 200 },
    { plainMax: 300_000, cutMax: 150_000, runs: 20 },
  ])(
    'decrypts exactly as OpenSSL does, however the ciphertext is cut (whole blocks, then the rest at the end): $plainMax bytes, cuts up to $cutMax',
    ({ plainMax, cutMax, runs }) => {
      fc.assert(
        fc.property(
          fc.uint8Array({ minLength: 0, maxLength: plainMax }),
          fc.array(fc.integer({ min: 1, max: cutMax }), { minLength: 1, maxLength: 40 }),
          (plain, cuts) => {
            const key = randomBytes(32);
            const iv = Buffer.alloc(16);
            const c = createCipheriv('aes-256-cfb', key, iv);
            const cipher = Buffer.concat([c.update(plain), c.final()]);
            const d = new CfbDecipher('aes-256-ecb', key);
            const parts: Uint8Array[] = [];
            let at = 0;
            for (let i = 0; at < cipher.byteLength; i++) {
              const n = cuts[i % cuts.length]!;
              parts.push(d.update(cipher.subarray(at, at + n)));
              at += n;
            }
            parts.push(d.final());
            const ours = Buffer.concat(parts);
            const openssl = createDecipheriv('aes-256-cfb', key, iv);
            expect(ours.equals(Buffer.concat([openssl.update(cipher), openssl.final()]))).toBe(true);
          },
        ),
        { numRuns: runs },
      );
    },
  );
});

describe('whole messages, against openpgp and GnuPG', () => {
  let s: Scenario;
  let gpgPlain: Buffer;
  let home: string;
  const archive = () => path.join(s.out, `${s.id}.tar.pgp`);
  const manifestFile = () => path.join(s.out, `${s.id}.manifest.json`);

  beforeAll(async () => {
    s = await makeScenario({
      dir: path.join(await tempDir(), 's'),
      // Past the 1 MiB batches: several partial-length parts, and a part cut in the middle.
      extraExports: { 'exports/backups/fs01-2026-12-02.vbk': randomBytes(3 * 1024 * 1024 + 12345) },
    });
    const r = await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec]);
    expect(r.code, r.stderr).toBe(0);
    home = gpgHome();
    expect(gpg(home, ['--import', s.keys.incoming.sec]).status).toBe(0);
    expect(gpg(home, ['--import', s.keys.client.pub]).status).toBe(0);
    const d = gpg(home, ['--decrypt', archive()]);
    expect(d.status, d.stderr).toBe(0);
    gpgPlain = d.stdout;
  });

  it('openpgp decrypts what bundle wrote to the same bytes as GnuPG, integrity checked', async () => {
    const key = await readPrivateKeyFile(s.keys.client.sec);
    const message = await openpgp.readMessage({ binaryMessage: await readFile(archive()) });
    const { data } = await openpgp.decrypt({ message, decryptionKeys: key, format: 'binary' });
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(sha(data as Uint8Array)).toBe(sha(gpgPlain));
    expect(gpgPlain.subarray(0, 100).toString('utf8').replace(/\0+$/, '')).toBe(`${s.id}/bagit.txt`);
  });

  it('verify reads an archive that GnuPG encrypted (its own framing), and catches one flipped byte in it', async () => {
    // The same tar, encrypted by GnuPG to the same recipients, under a manifest re-signed by the
    // outgoing key for that archive: what a provider using gpg by hand could hand over.
    const tarFile = path.join(s.dir, 'bag.tar');
    await writeFile(tarFile, gpgPlain);
    const byGpg = path.join(s.out, 'by-gpg.tar.pgp');
    const e = gpg(home, [
      '--trust-model',
      'always',
      '--compress-algo',
      'none',
      '--recipient',
      s.keys.incoming.fingerprint,
      '--recipient',
      s.keys.client.fingerprint,
      '--output',
      byGpg,
      '--encrypt',
      tarFile,
    ]);
    expect(e.status, e.stderr).toBe(0);
    const resign = async (file: string) => {
      const bytes = await readFile(file);
      const m = JSON.parse(await readFile(manifestFile(), 'utf8')) as Manifest;
      m.archive = {
        file: path.basename(file),
        size: bytes.byteLength,
        algorithm: 'sha256',
        digest: createHash('sha256').update(bytes).digest('hex'),
      };
      const json = Buffer.from(`${JSON.stringify(m, null, 2)}\n`);
      const out = path.join(s.out, `${path.basename(file)}.manifest.json`);
      await writeFile(out, json);
      await writeFile(`${out}.asc`, await signDetached(json, await readPrivateKeyFile(s.keys.outgoing.sec)));
      return out;
    };
    const verify = (m: string) =>
      exitkit(['verify', m, '--plan', s.plan, '--decryption-key', s.keys.incoming.sec, '--json']);

    const ok = await verify(await resign(byGpg));
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const v = JSON.parse(ok.stdout) as { ok: boolean; integrity: boolean; files: { checked: number } };
    expect(v.ok).toBe(true);
    expect(v.files.checked).toBeGreaterThan(5);

    // One bit flipped in the middle of GnuPG's ciphertext, the manifest re-signed for it: only the
    // integrity check and the digests can tell.
    const bytes = await readFile(byGpg);
    bytes[Math.floor(bytes.byteLength / 2)]! ^= 0x10;
    const flipped = path.join(s.out, 'flipped.tar.pgp');
    await writeFile(flipped, bytes);
    const bad = await verify(await resign(flipped));
    expect(bad.code, bad.stdout + bad.stderr).toBe(1);
    expect((JSON.parse(bad.stdout) as { ok: boolean }).ok).toBe(false);
  });
});
