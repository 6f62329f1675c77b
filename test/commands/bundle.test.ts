import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/core/manifest.js';
import { validateBag } from '../helpers/bagit.js';
import { BIN, exitkit, tempDir } from '../helpers/cli.js';
import { gpg, gpgHome, gpgMakeKey } from '../helpers/gpg.js';
import { DEFAULT_DELIVERABLES, makeScenario, type Scenario } from '../helpers/scenario.js';

const LONG = `${'procedure-de-restauration-'.repeat(5)}fin.md`; // 134 bytes
const ODD: Record<string, string> = {
  'exports/docs/re\u0301sume\u0301 de l\u2019e\u0301quipe.md': 'accents, NFD on disk\n',
  'exports/docs/with space/and 100% done.txt': 'space and percent\n',
  [`exports/docs/${LONG}`]: 'a name longer than 100 bytes\n',
  'exports/docs/empty.txt': '',
};

async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** Decrypts with a recipient's private key in a fresh GnuPG home, unpacks with GNU tar, returns the bag folder. */
function gpgDecryptAndUntar(archive: string, secretKeyFile: string, into: string, id: string): string {
  const home = gpgHome();
  const imp = gpg(home, ['--import', secretKeyFile]);
  if (imp.status !== 0) throw new Error(imp.stderr);
  const dec = gpg(home, ['--decrypt', '--output', path.join(into, 'bag.tar'), archive]);
  if (dec.status !== 0) throw new Error(`gpg --decrypt failed: ${dec.stderr}`);
  const t = spawnSync('tar', ['-xf', 'bag.tar'], { cwd: into, encoding: 'utf8' });
  if (t.status !== 0) throw new Error(`tar failed: ${t.stderr}`);
  return path.join(into, id);
}

function gpgVerify(pubKeyFile: string, sig: string, file: string): { status: number | null; stderr: string } {
  const home = gpgHome();
  gpg(home, ['--import', pubKeyFile]);
  return gpg(home, ['--verify', sig, file]);
}

describe('exitkit bundle, with keys made by exitkit', () => {
  let s: Scenario;
  let newlineName: string | undefined;
  let run: Awaited<ReturnType<typeof exitkit>>;
  let manifest: Manifest;

  beforeAll(async () => {
    s = await makeScenario({
      dir: await tempDir(),
      extraExports: ODD,
      deliverables: [
        ...DEFAULT_DELIVERABLES,
        {
          id: 'draft-diagrams',
          category: 'documentation',
          title: 'Network diagrams (not finished)',
          sources: ['exports/docs/runbook.md'],
          status: 'pending',
          required: false,
        },
      ],
    });
    const nl = 'exports/docs/line\nbreak.txt';
    if (
      await writeFile(path.join(s.dir, nl), 'newline in the name\n').then(
        () => true,
        () => false,
      )
    )
      newlineName = nl;
    run = await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec, '--json']);
    if (run.code === 0)
      manifest = JSON.parse(await readFile(path.join(s.out, `${s.id}.manifest.json`), 'utf8'));
  });

  it('writes exactly the archive, the manifest and its signature, and a JSON summary', async () => {
    expect(run.stderr).not.toMatch(/^error:/m);
    expect(run.code).toBe(0);
    expect((await readdir(s.out)).sort()).toEqual([
      `${s.id}.manifest.json`,
      `${s.id}.manifest.json.asc`,
      `${s.id}.tar.pgp`,
    ]);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ id: s.id, complete: true, missing: [], algorithm: 'sha512' });
  });

  it('fills the manifest: signer, recipients, totals, completeness, and the archive digest', async () => {
    expect(manifest.signer.fingerprint).toBe(s.keys.outgoing.fingerprint);
    expect(manifest.recipients.map((r) => [r.role, r.fingerprint])).toEqual([
      ['client', s.keys.client.fingerprint],
      ['incoming', s.keys.incoming.fingerprint],
    ]);
    expect(manifest.parties.outgoing.fingerprint).toBe(s.keys.outgoing.fingerprint);
    expect(manifest.complete).toBe(true);
    expect(manifest.algorithm).toBe('sha512');
    const archive = path.join(s.out, `${s.id}.tar.pgp`);
    expect(manifest.archive).toEqual({
      file: `${s.id}.tar.pgp`,
      size: (await readFile(archive)).byteLength,
      algorithm: 'sha256',
      digest: await sha256(archive),
    });
    expect(manifest.plan.sha256).toBe(await sha256(s.plan));
    const byId = new Map(manifest.deliverables.map((d) => [d.id, d]));
    expect(byId.get('cad-licences')).toMatchObject({ status: 'waived', delivered: false, files: [] });
    // A pending deliverable stays out of the payload even though its file is there.
    expect(byId.get('draft-diagrams')).toMatchObject({ status: 'pending', delivered: false, files: [] });
    expect(manifest.tagFiles.map((t) => t.path)).toEqual([
      'bagit.txt',
      'bag-info.txt',
      'manifest-sha512.txt',
      'exit-plan.yaml',
      'exit-manifest.json',
    ]);
  });

  it('signs the manifest so that gpg --verify accepts it', () => {
    const v = gpgVerify(
      s.keys.outgoing.pub,
      path.join(s.out, `${s.id}.manifest.json.asc`),
      path.join(s.out, `${s.id}.manifest.json`),
    );
    expect(v.stderr).toContain('Good signature');
    expect(v.status).toBe(0);
  });

  it('encrypts so that gpg decrypts with either recipient, GNU tar unpacks, and the bag is valid', async () => {
    const archive = path.join(s.out, `${s.id}.tar.pgp`);
    for (const who of ['client', 'incoming'] as const) {
      const into = path.join(s.dir, `unpacked-${who}`);
      await mkdir(into);
      const bag = gpgDecryptAndUntar(archive, s.keys[who].sec, into, s.id);
      const report = await validateBag(bag);
      expect(report.errors).toEqual([]);
      expect(report.algorithms).toEqual(['sha512']);
      expect(report.bagInfo.get('External-Identifier')).toEqual([s.id]);
      expect(report.bagInfo.get('Source-Organization')).toEqual(['InfoGest Sàrl']);
      expect(report.bagInfo.get('Payload-Oxum')).toEqual([manifest.payload.oxum]);
      // Every file of the manifest is in the bag with that digest; the in-bag copy has no archive.
      const inner = JSON.parse(await readFile(path.join(bag, 'exit-manifest.json'), 'utf8')) as Manifest;
      expect(inner.archive).toBeUndefined();
      expect(inner.deliverables).toEqual(manifest.deliverables);
      const tagDigest = createHash('sha512')
        .update(await readFile(path.join(bag, 'exit-manifest.json')))
        .digest('hex');
      expect(manifest.tagFiles.find((t) => t.path === 'exit-manifest.json')?.digest).toBe(tagDigest);
      expect(await readFile(path.join(bag, 'exit-plan.yaml'), 'utf8')).toBe(await readFile(s.plan, 'utf8'));
    }
  });

  it('keeps odd names (NFC), empty files and long names intact', async () => {
    const bag = path.join(s.dir, 'unpacked-client', s.id);
    const paths = manifest.deliverables.flatMap((d) => d.files.map((f) => f.path));
    const wanted = { ...ODD, ...(newlineName ? { [newlineName]: 'newline in the name\n' } : {}) };
    for (const [rel, content] of Object.entries(wanted)) {
      const base = rel.replace(/^exports\/docs\//, '').normalize('NFC');
      const inBag = paths.find((p) => p.endsWith(`/${base}`));
      expect(inBag, `${JSON.stringify(base)} in the manifest`).toBeDefined();
      expect(inBag).toBe(inBag!.normalize('NFC'));
      expect(await readFile(path.join(bag, inBag!), 'utf8')).toBe(content);
    }
  });
});

describe('exitkit bundle, with keys made by GnuPG', () => {
  it('takes RSA 3072/4096 and ed25519+cv25519 keys, a passphrase file, and --algorithm sha256; gpg decrypts and verifies', async () => {
    const dir = await tempDir();
    const home = gpgHome();
    const client = gpgMakeKey(home, { name: 'ACME SA', email: 'it@acme.example', algo: 'rsa3072' });
    const outgoing = gpgMakeKey(home, {
      name: 'InfoGest',
      email: 'ops@infogest.example',
      algo: 'ed25519',
      passphrase: 'correct horse',
    });
    const incoming = gpgMakeKey(home, { name: 'NovaIT', email: 'handover@novait.example', algo: 'rsa4096' });
    const s = await makeScenario({
      dir,
      keys: {
        client: { publicKey: client.publicKey, secretKey: client.secretKey, fingerprint: client.fingerprint },
        outgoing: {
          publicKey: outgoing.publicKey,
          secretKey: outgoing.secretKey,
          fingerprint: outgoing.fingerprint,
        },
        incoming: {
          publicKey: incoming.publicKey,
          secretKey: incoming.secretKey,
          fingerprint: incoming.fingerprint,
        },
      },
    });
    const pass = path.join(dir, 'pass.txt');
    await writeFile(pass, 'correct horse\n');
    const r = await exitkit([
      'bundle',
      s.plan,
      '--out',
      s.out,
      '--signing-key',
      s.keys.outgoing.sec,
      '--passphrase-file',
      pass,
      '--algorithm',
      'sha256',
      // GnuPG's cv25519 subkey as a recipient too (the outgoing provider keeps a copy).
      '--recipient',
      s.keys.outgoing.pub,
      '--json',
    ]);
    expect(r.stderr).not.toMatch(/^error:/m);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { signer: string; recipients: Array<{ fingerprint: string }> };
    expect(summary.signer).toBe(outgoing.fingerprint);
    expect(summary.recipients.map((x) => x.fingerprint)).toEqual([
      client.fingerprint,
      incoming.fingerprint,
      outgoing.fingerprint,
    ]);
    const archive = path.join(s.out, `${s.id}.tar.pgp`);
    // The recipients' keys live in the GnuPG home that made them.
    const packets = gpg(home, ['--list-packets', archive]).stdout.toString('utf8');
    expect(packets).toMatch(/encrypted data packet:[\s\S]*mdc_method: 2/);
    expect(packets).not.toMatch(/compressed packet|aead/i);
    const into = path.join(dir, 'x');
    await mkdir(into);
    const out = gpg(home, ['--decrypt', '--output', path.join(into, 'bag.tar'), archive]);
    expect(out.status, out.stderr).toBe(0);
    expect(spawnSync('tar', ['-xf', 'bag.tar'], { cwd: into }).status).toBe(0);
    const report = await validateBag(path.join(into, s.id));
    expect(report.errors).toEqual([]);
    expect(report.algorithms).toEqual(['sha256']);
    const v = gpg(home, [
      '--verify',
      path.join(s.out, `${s.id}.manifest.json.asc`),
      path.join(s.out, `${s.id}.manifest.json`),
    ]);
    expect(v.status, v.stderr).toBe(0);
  });
});

describe('exitkit bundle refuses, leaving nothing in DIR', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await makeScenario({ dir: await tempDir(), passphrase: 'sesame' });
  });
  const bundle = (out: string, ...more: string[]) =>
    exitkit(['bundle', s.plan, '--out', out, '--signing-key', s.keys.outgoing.sec, ...more], {
      env: { EXITKIT_PASSPHRASE: 'sesame' },
    });

  it('a wrong passphrase: exit 2, never echoed', async () => {
    const out = path.join(s.dir, 'wrong-pass');
    const r = await exitkit(['bundle', s.plan, '--out', out, '--signing-key', s.keys.outgoing.sec], {
      env: { EXITKIT_PASSPHRASE: 'open-barley-42' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wrong passphrase');
    expect(r.stderr + r.stdout).not.toContain('open-barley-42');
    expect(await readdir(s.dir)).not.toContain('wrong-pass');
  });

  it('a protected key and no passphrase source, no terminal: exit 2 with a hint', async () => {
    const r = await exitkit([
      'bundle',
      s.plan,
      '--out',
      path.join(s.dir, 'np'),
      '--signing-key',
      s.keys.outgoing.sec,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/hint: .*--passphrase-file/);
  });

  it('a signing key that is not the outgoing key of the plan: exit 2', async () => {
    const r = await exitkit(
      ['bundle', s.plan, '--out', path.join(s.dir, 'x'), '--signing-key', s.keys.client.sec],
      {
        env: { EXITKIT_PASSPHRASE: 'sesame' },
      },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not the outgoing provider's key of the plan");
  });

  it('a recipient key without an encryption subkey: exit 2, named', async () => {
    const home = gpgHome();
    const signOnly = gpg(home, [
      '--passphrase',
      '',
      '--quick-generate-key',
      'Sign Only <so@example.org>',
      'ed25519',
      'sign',
      'never',
    ]);
    expect(signOnly.status).toBe(0);
    const pub = path.join(s.dir, 'sign-only.pub.asc');
    await writeFile(pub, gpg(home, ['--armor', '--export', 'so@example.org']).stdout);
    const out = path.join(s.dir, 'so');
    await mkdir(out);
    const r = await bundle(out, '--recipient', pub);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sign-only.pub.asc');
    expect(r.stderr).toContain('cannot encrypt');
    expect(await readdir(out)).toEqual([]);
  });

  it('recipients whose keys all ask for SEIPD v2 (RFC 9580 keys): exit 2 before a byte is written', async () => {
    const v6 = await openpgp.generateKey({
      type: 'curve25519',
      format: 'armored',
      config: { v6Keys: true, aeadProtect: true },
      userIDs: [{ name: 'Modern', email: 'modern@example.org' }],
    });
    const m = await makeScenario({ dir: await tempDir() });
    // The client's and the incoming provider's published keys are both RFC 9580 (v6) keys.
    for (const role of ['client', 'incoming'] as const) await writeFile(m.keys[role].pub, v6.publicKey);
    const r = await exitkit(['bundle', m.plan, '--out', m.out, '--signing-key', m.keys.outgoing.sec]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SEIPD v2');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(m.out).catch(() => [])).toEqual([]);
  });

  it('an expired or a revoked recipient key: exit 2, saying which and why', async () => {
    const common = {
      type: 'ecc' as const,
      curve: 'curve25519Legacy' as const,
      format: 'armored' as const,
      config: { v6Keys: false, aeadProtect: false },
    };
    const expired = await openpgp.generateKey({
      ...common,
      userIDs: [{ name: 'Old', email: 'old@example.org' }],
      date: new Date(Date.now() - 3 * 86400_000),
      keyExpirationTime: 86400,
    });
    const live = await openpgp.generateKey({
      ...common,
      userIDs: [{ name: 'Gone', email: 'gone@example.org' }],
    });
    const revoked = await openpgp.revokeKey({
      key: await openpgp.readPrivateKey({ armoredKey: live.privateKey }),
      format: 'armored',
    });
    for (const [name, armored, why] of [
      ['expired.pub.asc', expired.publicKey, 'it has expired'],
      ['revoked.pub.asc', revoked.publicKey, 'it is revoked'],
    ] as const) {
      const file = path.join(s.dir, name);
      await writeFile(file, armored);
      const out = path.join(s.dir, `out-${name}`);
      const r = await bundle(out, '--recipient', file);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`the recipient key ${file}`);
      expect(r.stderr).toContain(why);
      expect(await readdir(s.dir)).not.toContain(`out-${name}`);
    }
  });

  it("an expired signing key, even the plan's own outgoing key: exit 2", async () => {
    const old = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      format: 'armored',
      config: { v6Keys: false, aeadProtect: false },
      userIDs: [{ name: 'InfoGest', email: 'ops@infogest.example' }],
      date: new Date(Date.now() - 3 * 86400_000),
      keyExpirationTime: 86400,
    });
    const fingerprint = (await openpgp.readKey({ armoredKey: old.publicKey })).getFingerprint().toUpperCase();
    const e = await makeScenario({
      dir: await tempDir(),
      keys: { outgoing: { publicKey: old.publicKey, secretKey: old.privateKey, fingerprint } },
    });
    const r = await exitkit(['bundle', e.plan, '--out', e.out, '--signing-key', e.keys.outgoing.sec]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot sign: it has expired');
    expect(await readdir(e.out)).toEqual([]);
  });

  it('an incomplete plan: exit 1 naming the missing ids; --allow-incomplete writes complete: false', async () => {
    const dir = await tempDir();
    const inc = await makeScenario({
      dir,
      deliverables: DEFAULT_DELIVERABLES.map((d) =>
        d.id === 'fs01-backup' || d.id === 'inventory' ? { ...d, status: 'pending' as const } : d,
      ),
    });
    const refused = await exitkit([
      'bundle',
      inc.plan,
      '--out',
      inc.out,
      '--signing-key',
      inc.keys.outgoing.sec,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('fs01-backup, inventory');
    expect(await readdir(inc.out)).toEqual([]);

    const allowed = await exitkit([
      'bundle',
      inc.plan,
      '--out',
      inc.out,
      '--signing-key',
      inc.keys.outgoing.sec,
      '--allow-incomplete',
      '--json',
    ]);
    expect(allowed.code).toBe(1);
    expect(JSON.parse(allowed.stdout)).toMatchObject({
      complete: false,
      missing: ['fs01-backup', 'inventory'],
    });
    const m = JSON.parse(await readFile(path.join(inc.out, `${inc.id}.manifest.json`), 'utf8')) as Manifest;
    expect(m).toMatchObject({ complete: false, missing: ['fs01-backup', 'inventory'] });
  });

  it('a ready deliverable whose sources name no file: not ready, as walk says (exit 1), named', async () => {
    const dir = await tempDir();
    const e = await makeScenario({
      dir,
      deliverables: DEFAULT_DELIVERABLES.map((d) =>
        d.id === 'fs01-backup' ? { ...d, sources: ['exports/backups/fs02-*.vbk'] } : d,
      ),
    });
    const r = await exitkit(['bundle', e.plan, '--out', e.out, '--signing-key', e.keys.outgoing.sec]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fs01-backup');
    expect(r.stderr).toContain('fs02-*.vbk');
    expect(await readdir(e.out)).toEqual([]);
  });

  it('a symbolic link among the sources: exit 2, named', async () => {
    const dir = await tempDir();
    const sl = await makeScenario({ dir });
    await symlink(path.join(dir, 'exports/docs/runbook.md'), path.join(dir, 'exports/docs/link.md'));
    const r = await exitkit(['bundle', sl.plan, '--out', sl.out, '--signing-key', sl.keys.outgoing.sec]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('link.md');
    expect(await readdir(sl.out)).toEqual([]);
  });
});

describe('an interrupted bundle leaves nothing in DIR', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await makeScenario({ dir: await tempDir() });
    // 200 MB of random bytes: long enough to be interrupted mid-way.
    const big = path.join(s.dir, 'exports/backups/fs01-2026-12-02.vbk');
    const out = createWriteStream(big);
    for (let i = 0; i < 50; i++)
      if (!out.write(randomBytes(4 * 1024 * 1024))) await new Promise((r) => out.once('drain', r));
    await new Promise((r) => out.end(r));
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal}`, async () => {
      const out = path.join(s.dir, `out-${signal}`);
      await mkdir(out);
      const child = spawn(
        process.execPath,
        [BIN, 'bundle', s.plan, '--out', out, '--signing-key', s.keys.outgoing.sec],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
      // Wait until the archive is being written, then interrupt.
      for (let i = 0; i < 600; i++) {
        if ((await readdir(out)).length > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(await readdir(out)).not.toEqual([]);
      child.kill(signal);
      const code = await exited;
      expect(code).toBe(2);
      expect(stderr).toContain(`interrupted by ${signal}`);
      expect(await readdir(out)).toEqual([]);
    });
  }
});
