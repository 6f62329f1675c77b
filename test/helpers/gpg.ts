import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const GPG = '/usr/bin/gpg';

const homes: string[] = [];
// After the test file: stop each home's agent (gpg starts one per home) and remove the home.
afterAll(() => {
  for (const home of homes.splice(0)) {
    spawnSync('gpgconf', ['--homedir', home, '--kill', 'all']);
    rmSync(home, { recursive: true, force: true });
  }
});

/** A throwaway GnuPG home: the real other side, never the user's keyring. */
export function gpgHome(): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'exitkit-gnupg-'));
  homes.push(home);
  return home;
}

export interface GpgResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

export function gpg(home: string, args: string[], input?: string | Buffer): GpgResult {
  const r = spawnSync(GPG, ['--homedir', home, '--batch', '--yes', '--pinentry-mode', 'loopback', ...args], {
    input,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/**
 * Makes a key with GnuPG (rsa3072/rsa4096 or ed25519 + cv25519) and exports it armored.
 * Returns the fingerprint and both armored exports.
 */
export function gpgMakeKey(
  home: string,
  opts: { name: string; email: string; algo: 'rsa3072' | 'rsa4096' | 'ed25519'; passphrase?: string },
): { fingerprint: string; publicKey: string; secretKey: string } {
  const uid = `${opts.name} <${opts.email}>`;
  const pass = opts.passphrase ?? '';
  const made = gpg(home, [
    '--passphrase',
    pass,
    '--quick-generate-key',
    uid,
    opts.algo,
    opts.algo === 'ed25519' ? 'sign' : 'sign,encr',
    'never',
  ]);
  if (made.status !== 0) throw new Error(`gpg key generation failed: ${made.stderr}`);
  const list = gpg(home, ['--with-colons', '--list-secret-keys', opts.email]).stdout.toString('utf8');
  const fingerprint = /^fpr:+([0-9A-F]+):/m.exec(list)?.[1];
  if (!fingerprint) throw new Error(`no fingerprint for ${uid}`);
  if (opts.algo === 'ed25519') {
    const sub = gpg(home, ['--passphrase', pass, '--quick-add-key', fingerprint, 'cv25519', 'encr', 'never']);
    if (sub.status !== 0) throw new Error(`gpg subkey failed: ${sub.stderr}`);
  }
  const publicKey = gpg(home, ['--armor', '--export', fingerprint]).stdout.toString('utf8');
  const secretKey = gpg(home, [
    '--passphrase',
    pass,
    '--armor',
    '--export-secret-keys',
    fingerprint,
  ]).stdout.toString('utf8');
  return { fingerprint, publicKey, secretKey };
}
