import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import { gpg, gpgHome, gpgMakeKey } from '../helpers/gpg.js';

describe('exitkit keys generate', () => {
  it('makes a Curve25519 pair that GnuPG imports, with no AEAD feature (so messages to it are SEIPD v1)', async () => {
    const dir = await tempDir();
    const r = await exitkit([
      'keys',
      'generate',
      '--name',
      'InfoGest Sàrl',
      '--email',
      'ops@infogest.example',
      '--out',
      path.join(dir, 'infogest'),
      '--no-passphrase',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const made = JSON.parse(r.stdout) as { fingerprint: string; protected: boolean };
    expect(made.protected).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(['infogest.pub.asc', 'infogest.sec.asc']);

    const home = gpgHome();
    expect(gpg(home, ['--import', path.join(dir, 'infogest.pub.asc')]).status).toBe(0);
    expect(gpg(home, ['--import', path.join(dir, 'infogest.sec.asc')]).status).toBe(0);
    const list = gpg(home, ['--with-colons', '--list-secret-keys']).stdout.toString('utf8');
    expect(list).toContain(`fpr:::::::::${made.fingerprint}:`);
    expect(list).toMatch(/^sec:[^:]*:255:22:/m); // ed25519 (EdDSA)
    expect(list).toMatch(/^ssb:[^:]*:255:18:/m); // cv25519 (ECDH)
    const packets = gpg(home, ['--list-packets', path.join(dir, 'infogest.pub.asc')]).stdout.toString('utf8');
    expect(packets).toMatch(/features: 01\b/);
  });

  it('protects the private key with EXITKIT_PASSPHRASE, which GnuPG then needs', async () => {
    const dir = await tempDir();
    const r = await exitkit(
      [
        'keys',
        'generate',
        '--name',
        'NovaIT SA',
        '--email',
        'handover@novait.example',
        '--out',
        path.join(dir, 'k'),
      ],
      { env: { EXITKIT_PASSPHRASE: 'rubber-duck-7' } },
    );
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('rubber-duck-7');
    expect(await readFile(path.join(dir, 'k.sec.asc'), 'utf8')).not.toContain('rubber-duck-7');
    const home = gpgHome();
    expect(gpg(home, ['--passphrase', 'rubber-duck-7', '--import', path.join(dir, 'k.sec.asc')]).status).toBe(
      0,
    );
    await writeFile(path.join(dir, 'msg.txt'), 'hello');
    expect(
      gpg(home, [
        '--passphrase',
        'wrong',
        '--detach-sign',
        '-o',
        path.join(dir, 'bad.sig'),
        path.join(dir, 'msg.txt'),
      ]).status,
    ).not.toBe(0);
    expect(
      gpg(home, [
        '--passphrase',
        'rubber-duck-7',
        '--detach-sign',
        '-o',
        path.join(dir, 'ok.sig'),
        path.join(dir, 'msg.txt'),
      ]).status,
    ).toBe(0);
  });

  it('makes an RSA 4096 pair with --type rsa4096', async () => {
    const dir = await tempDir();
    const r = await exitkit([
      'keys',
      'generate',
      '--name',
      'ACME SA',
      '--email',
      'it@acme.example',
      '--out',
      path.join(dir, 'acme'),
      '--type',
      'rsa4096',
      '--no-passphrase',
    ]);
    expect(r.code).toBe(0);
    const show = await exitkit(['keys', 'show', path.join(dir, 'acme.pub.asc'), '--json']);
    expect(JSON.parse(show.stdout)).toMatchObject({ algorithm: 'rsa4096', canSign: true, canEncrypt: true });
  });

  it('refuses without a passphrase source and no terminal, and never overwrites without --force', async () => {
    const dir = await tempDir();
    const prefix = path.join(dir, 'k');
    const none = await exitkit([
      'keys',
      'generate',
      '--name',
      'N',
      '--email',
      'n@example.org',
      '--out',
      prefix,
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('hint: ');
    expect(none.stderr).toContain('--no-passphrase');
    expect(await readdir(dir)).toEqual([]);

    const args = [
      'keys',
      'generate',
      '--name',
      'N',
      '--email',
      'n@example.org',
      '--out',
      prefix,
      '--no-passphrase',
    ];
    expect((await exitkit(args)).code).toBe(0);
    const first = await readFile(`${prefix}.sec.asc`, 'utf8');
    const again = await exitkit(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already');
    expect(await readFile(`${prefix}.sec.asc`, 'utf8')).toBe(first);
    expect((await exitkit([...args, '--force'])).code).toBe(0);
    expect(await readFile(`${prefix}.sec.asc`, 'utf8')).not.toBe(first);
    expect((await readdir(dir)).sort()).toEqual(['k.pub.asc', 'k.sec.asc']);
  });
});

describe('exitkit keys generate --out in a folder', () => {
  it('creates the missing folder of the prefix, as bundle creates --out, relative to where it runs', async () => {
    const dir = await tempDir();
    const args = ['keys', 'generate', '--name', 'NovaIT SA', '--email', 'handover@novait.example'];
    const r = await exitkit([...args, '--out', 'keys/novait', '--no-passphrase'], { cwd: dir });
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect((await readdir(path.join(dir, 'keys'))).sort()).toEqual(['novait.pub.asc', 'novait.sec.asc']);
    // Deeper too, and a refused passphrase leaves no empty folder behind.
    const refused = await exitkit([...args, '--out', 'exit/keys/novait'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(await readdir(dir)).toEqual(['keys']);
    const deep = await exitkit([...args, '--out', 'exit/keys/novait', '--no-passphrase'], { cwd: dir });
    expect(deep.code).toBe(0);
    expect((await readdir(path.join(dir, 'exit/keys'))).sort()).toEqual(['novait.pub.asc', 'novait.sec.asc']);
  });

  it('refuses a prefix whose folder is a file (exit 2), in the terminal language', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'keys'), 'not a folder\n');
    const who = { name: 'Nexa Services SAS', email: 'transition@nexa.example' };
    const args = [
      'keys',
      'generate',
      `--name=${who.name}`,
      `--email=${who.email}`,
      '--out=keys/n',
      '--no-passphrase',
    ];
    const en = await exitkit(args, { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('error: keys is not a folder');
    const fr = await exitkit([...args, '--lang', 'fr'], { cwd: dir });
    expect(fr.code).toBe(2);
    expect(fr.stderr).toContain('erreur : keys n’est pas un dossier');
    expect(await readdir(dir)).toEqual(['keys']);
  });
});

describe('exitkit keys show', () => {
  it('shows fingerprint, user id, algorithms and capabilities of keys made by GnuPG', async () => {
    const dir = await tempDir();
    const home = gpgHome();
    const rsa = gpgMakeKey(home, { name: 'ACME SA', email: 'it@acme.example', algo: 'rsa3072' });
    const ed = gpgMakeKey(home, {
      name: 'NovaIT',
      email: 'n@novait.example',
      algo: 'ed25519',
      passphrase: 'x',
    });
    await writeFile(path.join(dir, 'rsa.pub.asc'), rsa.publicKey);
    await writeFile(path.join(dir, 'ed.sec.asc'), ed.secretKey);

    const r = await exitkit(['keys', 'show', path.join(dir, 'rsa.pub.asc')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(rsa.fingerprint.replace(/(.{4})(?!$)/g, '$1 '));
    expect(r.stdout).toContain('ACME SA <it@acme.example>');
    expect(r.stdout).toMatch(/key +rsa3072/);
    expect(r.stdout).toMatch(/can sign +yes/);
    expect(r.stdout).toMatch(/can encrypt +yes/);
    expect(r.stdout).toContain('no (public key)');

    const j = await exitkit(['keys', 'show', path.join(dir, 'ed.sec.asc'), '--json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout)).toMatchObject({
      fingerprint: ed.fingerprint,
      algorithm: 'ed25519',
      secret: true,
      protected: true,
      expires: null,
      canSign: true,
      canEncrypt: true,
      subkeys: [{ algorithm: 'cv25519', usage: ['encrypt'] }],
    });
  });

  it('says exit 2 for a file that is not a key', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'x.asc'), 'not a key');
    const r = await exitkit(['keys', 'show', path.join(dir, 'x.asc')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not an armored OpenPGP key');
  });
});
