import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import { gpgHome, gpgMakeKey } from '../helpers/gpg.js';
import { makeBundle, testKeys, writePlan, type Bundle, type TestKeys } from '../helpers/hostile.js';
import { schemaErrors } from '../helpers/schemas.js';

let dir: string;
let keys: TestKeys;
let good: Bundle;
let plan: string;

beforeAll(async () => {
  dir = await tempDir();
  keys = await testKeys(dir);
  good = await makeBundle({ out: path.join(dir, 'good'), keys });
  plan = await writePlan(dir, good.id, keys);
});

/** A copy of the good bundle in its own folder, to damage. */
async function copyOfGood(name: string): Promise<Bundle> {
  const out = path.join(dir, name);
  await cp(path.join(dir, 'good'), out, { recursive: true });
  return {
    ...good,
    manifest: path.join(out, path.basename(good.manifest)),
    signature: path.join(out, path.basename(good.signature)),
    archive: path.join(out, path.basename(good.archive)),
  };
}

const full = (b: Bundle, ...more: string[]) => [
  'verify',
  b.manifest,
  '--signer',
  keys.outgoing.pub,
  '--decryption-key',
  keys.incoming.sec,
  ...more,
];

describe('exitkit verify', () => {
  it('says OK with exit 0 for an intact bundle, and writes the SPEC fields under --json', async () => {
    const r = await exitkit([...full(good), '--json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(v).toMatchObject({
      ok: true,
      signature: { valid: true, fingerprint: keys.outgoing.fingerprint },
      archive: {
        ok: true,
        size: good.manifestObject.archive!.size,
        digest: good.manifestObject.archive!.digest,
      },
      complete: true,
      missing: [],
      files: { altered: [], missing: [], extra: [], unsafe: [] },
      integrity: true,
    });
    expect((v.files as { checked: number }).checked).toBe(9);
  });

  it('checks signature, archive and completeness against the plan without a decryption key', async () => {
    const r = await exitkit(['verify', good.manifest, '--plan', plan]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('fs01-backup (backups): 1 file listed (not decrypted)');
    expect(r.stdout).toContain('cad-licences (other): waived: Licences end with the contract');
    expect(r.stdout).toMatch(/verdict: OK/);
  });

  it('says so when completeness comes from the manifest itself (no plan)', async () => {
    const r = await exitkit(['verify', good.manifest, '--signer', keys.outgoing.pub]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('completeness: as the manifest itself declares it');
  });

  it('refuses to vouch without a pinned signer (exit 2, with a hint)', async () => {
    const r = await exitkit(['verify', good.manifest]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a manifest cannot pin its own signer');
    expect(r.stderr).toMatch(/hint: give --plan PLAN .* or --signer KEY/);
  });

  it('finds a required deliverable missing against the plan (exit 1, named)', async () => {
    const b = await makeBundle({
      out: path.join(dir, 'incomplete'),
      keys,
      editManifest: (m) => {
        m.deliverables = m.deliverables.filter((d) => d.id !== 'm365-admin');
      },
    });
    const r = await exitkit(['verify', b.manifest, '--plan', plan, '--json']);
    expect(r.code).toBe(1);
    const v = JSON.parse(r.stdout) as { ok: boolean; complete: boolean; missing: string[]; faults: string[] };
    expect(v).toMatchObject({ ok: false, complete: false, missing: ['m365-admin'] });
    expect(v.faults.join('\n')).toContain(
      'required deliverable m365-admin is neither delivered intact nor waived',
    );
  });

  describe('tamper matrix', () => {
    const flip = async (name: string, where: (size: number) => number) => {
      const b = await copyOfGood(name);
      const bytes = await readFile(b.archive);
      const at = where(bytes.length);
      bytes[at] = bytes[at]! ^ 0x01;
      await writeFile(b.archive, bytes);
      return b;
    };

    it('one byte flipped at the start of the archive: exit 1, archive named', async () => {
      const b = await flip('flip-start', () => 3);
      const r = await exitkit(full(b));
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/archive .*: its sha256 is [0-9a-f]{64}; the manifest signed/);
      expect(r.stdout).toMatch(/verdict: NOT OK/);
    });

    it('one byte flipped in the middle: exit 1, the altered file or tar and the integrity check named', async () => {
      const b = await flip('flip-middle', (n) => Math.floor(n / 2));
      const r = await exitkit(full(b, '--json'));
      expect(r.code).toBe(1);
      const v = JSON.parse(r.stdout) as { archive: { ok: boolean }; integrity: boolean; faults: string[] };
      expect(v.archive.ok).toBe(false);
      expect(v.integrity).toBe(false);
      // The flipped byte may fall in a file or in tar padding: either way the integrity check names
      // it, and no intact file is reported missing (the parser reads what was decrypted to its end).
      expect(v.faults.join('\n')).toContain('integrity: the OpenPGP integrity check failed');
      expect(v.faults.join('\n')).not.toMatch(/missing: /);
    });

    it('one byte flipped at the end (the integrity code): exit 1, integrity named', async () => {
      const b = await flip('flip-end', (n) => n - 1);
      const r = await exitkit(full(b));
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('integrity: the OpenPGP integrity check failed');
      expect(r.stdout).toMatch(/archive .*: its sha256 is/);
    });

    it('a truncated archive: exit 1, size named, not a byte decrypted', async () => {
      const b = await copyOfGood('truncated');
      const bytes = await readFile(b.archive);
      await writeFile(b.archive, bytes.subarray(0, bytes.length - 700));
      const r = await exitkit(full(b));
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/its size is \d+ bytes; the manifest signed \d+/);
      expect(r.stdout).toMatch(
        /^ {2}- archive \S+\.tar\.pgp: not decrypted: its size is not the signed size$/m,
      );
    });

    it('a manifest edited after signing: exit 1, signature named', async () => {
      const b = await copyOfGood('edited');
      const text = await readFile(b.manifest, 'utf8');
      await writeFile(b.manifest, text.replace('"complete": true', '"complete": false'));
      const r = await exitkit(['verify', b.manifest, '--plan', plan]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('signature: NOT VALID');
      expect(r.stdout).toMatch(/- signature: the signature does not match the file/);
    });

    it('a manifest re-signed by a key that is not the pinned one: exit 1, named', async () => {
      const b = await makeBundle({ out: path.join(dir, 'resigned'), keys, signWith: keys.stranger.sec });
      const r = await exitkit(['verify', b.manifest, '--plan', plan, '--json']);
      expect(r.code).toBe(1);
      const v = JSON.parse(r.stdout) as { signature: { valid: boolean; reason: string } };
      expect(v.signature.valid).toBe(false);
      expect(v.signature.reason).toMatch(/signed by key [0-9A-F]{16}, which is not the pinned signer/);
    });

    it('a wrong decryption key: exit 2, "this key cannot decrypt the archive"', async () => {
      const r = await exitkit([
        'verify',
        good.manifest,
        '--plan',
        plan,
        '--decryption-key',
        keys.stranger.sec,
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error: this key cannot decrypt the archive');
      expect(r.stderr).toMatch(/hint: /);
    });

    it('a missing archive or an unreadable manifest: exit 2, named', async () => {
      const b = await copyOfGood('no-archive');
      await writeFile(b.manifest, '{ not json');
      const r1 = await exitkit(['verify', b.manifest, '--plan', plan]);
      expect(r1.code).toBe(2);
      expect(r1.stderr).toContain('is not an exit manifest: it is not JSON');
      const r2 = await exitkit([
        'verify',
        good.manifest,
        '--plan',
        plan,
        '--archive',
        path.join(dir, 'nope.tar.pgp'),
      ]);
      expect(r2.code).toBe(2);
      expect(r2.stderr).toContain('cannot read the archive');
    });
  });

  it('accepts keys made by GnuPG (RSA and Curve25519) as decryption keys', async () => {
    const home = gpgHome();
    const rsa = gpgMakeKey(home, { name: 'Nova RSA', email: 'rsa@novait.example', algo: 'rsa3072' });
    const cv = gpgMakeKey(home, { name: 'Nova CV', email: 'cv@novait.example', algo: 'ed25519' });
    const files: string[] = [];
    for (const [name, k] of [
      ['rsa', rsa],
      ['cv', cv],
    ] as const) {
      await writeFile(path.join(dir, `${name}.pub.asc`), k.publicKey);
      await writeFile(path.join(dir, `${name}.sec.asc`), k.secretKey);
      files.push(path.join(dir, `${name}.pub.asc`));
    }
    const b = await makeBundle({ out: path.join(dir, 'gpg'), keys, recipients: files });
    const [r1, r2] = await Promise.all(
      ['rsa', 'cv'].map((name) =>
        exitkit([
          'verify',
          b.manifest,
          '--signer',
          keys.outgoing.pub,
          '--decryption-key',
          path.join(dir, `${name}.sec.asc`),
        ]),
      ),
    );
    expect(r1!.stdout).toMatch(/verdict: OK: every file is exactly/);
    expect(r1!.code).toBe(0);
    expect(r2!.stdout).toMatch(/verdict: OK: every file is exactly/);
    expect(r2!.code).toBe(0);
  });
});

describe('the manifest first (by e-mail, before the disk): the archive has not arrived', () => {
  /** The good bundle without its archive. */
  async function manifestOnly(name: string): Promise<Bundle> {
    const b = await copyOfGood(name);
    await rm(b.archive);
    return b;
  }

  it('verify checks the signature and completeness, says the archive has not arrived, exit 1', async () => {
    const b = await manifestOnly('manifest-first');
    const r = await exitkit(['verify', b.manifest, '--plan', plan, '--json']);
    expect(r.code).toBe(1);
    const v = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(v).toMatchObject({
      ok: false,
      signature: { valid: true, fingerprint: keys.outgoing.fingerprint },
      archive: { ok: false, present: false, size: null, digest: null },
      complete: true,
      missing: [],
      decrypted: false,
    });
    expect(v.faults).toEqual([expect.stringMatching(/has not arrived/)]);
    expect(schemaErrors('verify-output', v)).toEqual([]);

    const human = await exitkit(['verify', b.manifest, '--plan', plan, '--lang', 'fr']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('n’est PAS encore arrivée');
    expect(human.stdout).toContain('signature : valable');
  });

  it('a bad signature is still named first when the archive has not arrived', async () => {
    const b = await manifestOnly('manifest-first-resigned');
    const m = await readFile(b.manifest, 'utf8');
    await writeFile(b.manifest, m.replace('"complete": true', '"complete": false'));
    const r = await exitkit(['verify', b.manifest, '--plan', plan, '--json']);
    expect(r.code).toBe(1);
    const v = JSON.parse(r.stdout) as { signature: { valid: boolean }; archive: { present: boolean } };
    expect(v.signature.valid).toBe(false);
    expect(v.archive.present).toBe(false);
  });

  it('with a decryption key, and for extract: exit 1, nothing decrypted, nothing written', async () => {
    const b = await manifestOnly('manifest-first-key');
    const r = await exitkit([...full(b), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, decrypted: false, archive: { present: false } });
    const to = path.join(dir, 'manifest-first-dest');
    const x = await exitkit([
      'extract',
      b.manifest,
      '--signer',
      keys.outgoing.pub,
      '--decryption-key',
      keys.incoming.sec,
      '--to',
      to,
    ]);
    expect(x.code).toBe(1);
    expect(x.stdout).toMatch(/has NOT arrived/);
    expect(existsSync(to)).toBe(false);
    expect((await readdir(dir)).filter((n) => n.startsWith('.manifest-first-dest'))).toEqual([]);
  });

  it('an archive named with --archive that does not exist is a mistyped path: exit 2', async () => {
    const r = await exitkit([...full(good), '--archive', path.join(dir, 'nowhere.tar.pgp'), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'file_access' } });
  });
});
