/**
 * Keys that cannot do what they are given for, made by GnuPG (the real other side): expired,
 * revoked, certify-only (no signing capability), and keys that are not the plan's. bundle and
 * acknowledge refuse each with exit 2 and a message naming the key and the reason, and write
 * nothing. (Recipients made with openpgp.js, and a sign-only recipient: test/commands/bundle.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitkit } from '../helpers/cli.js';
import { gpgBadKey, type ArmoredPair, type BadKeyKind, scratchDir } from '../helpers/faults.js';
import { gpgHome } from '../helpers/gpg.js';
import { makeBundle, testKeys, writePlan } from '../helpers/hostile.js';
import { makeScenario } from '../helpers/scenario.js';

const WHY: Record<BadKeyKind, string> = {
  expired: 'it has expired',
  revoked: 'it is revoked',
  'cert-only': 'it has no usable key for that',
};
const KINDS = Object.keys(WHY) as BadKeyKind[];
const a = (kind: string) => (kind === 'expired' ? `an ${kind}` : `a ${kind}`);

let dir: string;
let home: string;
const bad = {} as Record<BadKeyKind, ArmoredPair>;

// GnuPG starts an agent for the home: stop it and remove the home after the file.
afterAll(async () => {
  spawnSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent']);
  await rm(home, { recursive: true, force: true });
});

beforeAll(async () => {
  dir = await scratchDir('exitkit-faults-keys-');
  home = gpgHome();
  for (const kind of KINDS) bad[kind] = gpgBadKey(home, kind, `${kind}@infogest.example`);
});

describe.concurrent('bundle refuses a key that cannot do its part (exit 2, named, nothing written)', () => {
  for (const kind of KINDS) {
    it(`${a(kind)} signing key, even though it is the plan's outgoing key`, async () => {
      const s = await makeScenario({ dir: path.join(dir, `sign-${kind}`), keys: { outgoing: bad[kind] } });
      const r = await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec]);
      expect(r.stderr).toContain(
        `error: the key ${s.keys.outgoing.sec} (${bad[kind].fingerprint}) cannot sign: ${WHY[kind]}`,
      );
      expect(r.stderr).toMatch(/^hint: use a valid key with signing capability/m);
      expect(r.code).toBe(2);
      expect(await readdir(s.out)).toEqual([]);
    });
  }

  for (const kind of ['expired', 'revoked'] as const) {
    it(`${a(kind)} key pinned in the plan for the client (a recipient by default)`, async () => {
      const s = await makeScenario({ dir: path.join(dir, `recipient-${kind}`), keys: { client: bad[kind] } });
      const r = await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec]);
      expect(r.stderr).toContain(
        `error: the recipient key keys/acme.pub.asc (${bad[kind].fingerprint}) cannot encrypt: ${WHY[kind]}`,
      );
      expect(r.code).toBe(2);
      expect(await readdir(s.out)).toEqual([]);
    });
  }

  it('a certify-only key is still a valid recipient (it has an encryption subkey): no false refusal', async () => {
    const s = await makeScenario({ dir: path.join(dir, 'recipient-cert-only') });
    const pub = path.join(s.dir, 'cert-only.pub.asc');
    await writeFile(pub, bad['cert-only'].publicKey);
    const r = await exitkit([
      'bundle',
      s.plan,
      '--out',
      s.out,
      '--signing-key',
      s.keys.outgoing.sec,
      '--recipient',
      pub,
      '--json',
    ]);
    expect(r.stderr).not.toMatch(/^error:/m);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { recipients: Array<{ fingerprint: string }> };
    expect(out.recipients.map((x) => x.fingerprint)).toContain(bad['cert-only'].fingerprint);
  });

  it("the outgoing provider's public key given as the signing key: exit 2, says a private key is needed", async () => {
    const s = await makeScenario({ dir: path.join(dir, 'sign-public') });
    const r = await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.pub]);
    expect(r.stderr).toContain(`error: ${s.keys.outgoing.pub} is a public key; this needs the private key`);
    expect(r.code).toBe(2);
    expect(await readdir(s.out)).toEqual([]);
  });
});

describe.concurrent('acknowledge refuses a key that cannot sign (exit 2, named, no receipt)', () => {
  for (const kind of KINDS) {
    it(`${a(kind)} key, even though it is the plan's client key`, async () => {
      const here = path.join(dir, `ack-${kind}`);
      const keys = await testKeys(here);
      await writeFile(keys.client.pub, bad[kind].publicKey);
      await writeFile(keys.client.sec, bad[kind].secretKey);
      const b = await makeBundle({ out: path.join(here, 'bundle'), keys, recipients: [keys.incoming.pub] });
      const plan = await writePlan(here, b.id, keys);
      const out = path.join(here, 'receipts');
      await mkdir(out);
      const r = await exitkit([
        'acknowledge',
        b.manifest,
        '--signing-key',
        keys.client.sec,
        '--plan',
        plan,
        '--out',
        out,
      ]);
      expect(r.stderr).toContain(
        `error: the key ${keys.client.sec} (${bad[kind].fingerprint}) cannot sign: ${WHY[kind]}`,
      );
      expect(r.code).toBe(2);
      expect(await readdir(out)).toEqual([]);
    });
  }
});
