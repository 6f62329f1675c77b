/**
 * Keys: reading armored key files (what `gpg --export --armor` / `--export-secret-keys --armor`
 * write), unlocking private keys, what a key can do, and making key pairs GnuPG 2.2 imports.
 * With signatures.ts and seipd.ts beside it, this folder owns every openpgp call.
 */
import { readFile, stat } from 'node:fs/promises';
import type * as openpgp from 'openpgp';
import { ExitkitError } from '../../core/errors.js';
import type { Messages } from '../../core/i18n/terminal/index.js';
import { normalizeFingerprint } from '../../core/trust.js';
import { loadOpenpgp } from './library.js';
import { passphraseFor, type PassphraseSource } from './passphrase.js';

export type { PassphraseSource };

export type Key = openpgp.Key;
export type PrivateKey = openpgp.PrivateKey;
export type PublicKey = openpgp.PublicKey;

/** A key file larger than this is not a key. */
const MAX_KEY_BYTES = 1024 * 1024;

export function fingerprintOf(key: Key): string {
  return normalizeFingerprint(key.getFingerprint());
}

async function readArmored(file: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile())
      throw new ExitkitError((m) => m.keys.notAFile(file), { hints: [(m) => m.keys.notAFileHint] });
    size = info.size;
  } catch (e) {
    if (e instanceof ExitkitError) throw e;
    throw new ExitkitError((m) => m.keys.noSuchFile(file), {
      code: 'file_access',
      hints: [(m) => m.keys.noSuchFileHint],
    });
  }
  if (size > MAX_KEY_BYTES) throw new ExitkitError((m) => m.keys.tooLarge(file, size));
  return readFile(file, 'utf8');
}

/** Reads an armored public or private key (a private key file also serves where a public one is asked). */
export async function readKeyFile(file: string): Promise<Key> {
  const armored = await readArmored(file);
  const { openpgp } = await loadOpenpgp();
  try {
    return await openpgp.readKey({ armoredKey: armored });
  } catch {
    throw new ExitkitError((m) => m.keys.notAKey(file), {
      code: 'key_invalid',
      hints: [(m) => m.keys.exportPublicHint],
    });
  }
}

/** Reads an armored private key and unlocks it. A wrong passphrase is exit 2, never echoed. */
export async function readPrivateKeyFile(file: string, source: PassphraseSource = {}): Promise<PrivateKey> {
  const armored = await readArmored(file);
  const { openpgp } = await loadOpenpgp();
  let key: PrivateKey;
  try {
    key = await openpgp.readPrivateKey({ armoredKey: armored });
  } catch {
    const isPublic = /BEGIN PGP PUBLIC KEY BLOCK/.test(armored);
    throw new ExitkitError((m) => (isPublic ? m.keys.publicNotPrivate(file) : m.keys.notAPrivateKey(file)), {
      code: 'key_invalid',
      hints: [(m) => m.keys.exportPrivateHint],
    });
  }
  if (key.isDecrypted()) return key;
  const { passphrase, origin } = await passphraseFor(file, fingerprintOf(key), source);
  try {
    return await openpgp.decryptKey({ privateKey: key, passphrase });
  } catch {
    const fingerprint = fingerprintOf(key);
    const passphraseFile = source.file ?? '';
    throw new ExitkitError((m) => m.keys.wrongPassphrase(file, fingerprint), {
      code: 'passphrase_wrong',
      hints: [(m) => m.keys.wrongPassphraseHint(origin, passphraseFile)],
    });
  }
}

/** Refuses a key that cannot encrypt now (expired, revoked, no encryption subkey), naming it. */
export async function assertCanEncrypt(key: Key, name: string): Promise<void> {
  const { KEY_CONFIG } = await loadOpenpgp();
  try {
    await key.getEncryptionKey(undefined, new Date(), undefined, KEY_CONFIG);
  } catch (e) {
    const why = keyProblem(e);
    throw new ExitkitError((m) => m.keyUse.cannotEncrypt(name, fingerprintOf(key), why(m)), {
      code: 'key_invalid',
      hints: [(m) => m.keyUse.cannotEncryptHint],
    });
  }
}

/** Refuses a key that cannot sign now (expired, revoked, no signing capability), naming it. */
export async function assertCanSign(key: Key, name: string): Promise<void> {
  const { KEY_CONFIG } = await loadOpenpgp();
  try {
    await key.getSigningKey(undefined, new Date(), undefined, KEY_CONFIG);
  } catch (e) {
    const why = keyProblem(e);
    throw new ExitkitError((m) => m.keyUse.cannotSign(name, fingerprintOf(key), why(m)), {
      code: 'key_invalid',
      hints: [(m) => m.keyUse.cannotSignHint],
    });
  }
}

function keyProblem(e: unknown): (m: Messages) => string {
  const message = e instanceof Error ? e.message : String(e);
  if (/expired/i.test(message)) return (m) => m.keyUse.expired;
  if (/revoked/i.test(message)) return (m) => m.keyUse.revoked;
  return (m) => m.keyUse.unusable;
}

/** Whether the key can encrypt / sign now (for `keys show`). */
export async function capabilities(key: Key): Promise<{ encrypt: boolean; sign: boolean }> {
  const { KEY_CONFIG } = await loadOpenpgp();
  const ok = async (f: () => Promise<unknown>) =>
    f().then(
      () => true,
      () => false,
    );
  return {
    encrypt: await ok(() => key.getEncryptionKey(undefined, new Date(), undefined, KEY_CONFIG)),
    sign: await ok(() => key.getSigningKey(undefined, new Date(), undefined, KEY_CONFIG)),
  };
}

export interface GeneratedKeys {
  publicKey: string;
  privateKey: string;
  fingerprint: string;
}

/**
 * Makes a v4 key pair that GnuPG 2.2 imports and whose recipients get SEIPD v1 messages:
 * ed25519 + cv25519 (curve25519Legacy), or RSA 4096.
 */
export async function generateKeyPair(opts: {
  name: string;
  email: string;
  type: 'curve25519' | 'rsa4096';
  passphrase?: string;
}): Promise<GeneratedKeys> {
  const { openpgp, PGP_CONFIG } = await loadOpenpgp();
  const common = {
    userIDs: [{ name: opts.name, email: opts.email }],
    format: 'armored' as const,
    config: PGP_CONFIG,
    ...(opts.passphrase ? { passphrase: opts.passphrase } : {}),
  };
  const made =
    opts.type === 'rsa4096'
      ? await openpgp.generateKey({ ...common, type: 'rsa', rsaBits: 4096 })
      : await openpgp.generateKey({ ...common, type: 'ecc', curve: 'curve25519Legacy' });
  const key = await openpgp.readKey({ armoredKey: made.publicKey });
  return { publicKey: made.publicKey, privateKey: made.privateKey, fingerprint: fingerprintOf(key) };
}

export interface KeyPartInfo {
  keyId: string;
  /** GnuPG's names where they exist: ed25519, cv25519, rsa4096, nistp256... */
  algorithm: string;
  created: string;
  /** ISO date-time, or null when it never expires. */
  expires: string | null;
  /** What its self-signature allows: sign, encrypt, certify, authenticate. */
  usage: string[];
}

export interface KeyInfo extends KeyPartInfo {
  fingerprint: string;
  userIds: string[];
  /** Whether the file holds the private key, and whether that is protected by a passphrase. */
  secret: boolean;
  protected: boolean;
  revoked: boolean;
  expired: boolean;
  canSign: boolean;
  canEncrypt: boolean;
  subkeys: KeyPartInfo[];
}

function algorithmName(info: openpgp.AlgorithmInfo): string {
  const { algorithm, bits, curve } = info as { algorithm: string; bits?: number; curve?: string };
  if (algorithm.startsWith('rsa')) return `rsa${bits ?? ''}`;
  if (algorithm === 'eddsaLegacy' || algorithm === 'ed25519') return 'ed25519';
  if (algorithm === 'ed448') return 'ed448';
  if (algorithm === 'x25519' || (algorithm === 'ecdh' && curve === 'curve25519Legacy')) return 'cv25519';
  if (algorithm === 'x448') return 'cv448';
  const c = curve ? curve.replace(/^nistP/, 'nistp').replace(/^brainpoolP(\d+)r1$/, 'brainpoolP$1r1') : '';
  return c ? `${c} (${algorithm})` : algorithm;
}

function usageOf(flags: Uint8Array | null | undefined, k: typeof openpgp.enums.keyFlags): string[] {
  const f = flags?.[0] ?? 0;
  const out: string[] = [];
  if (f & k.certifyKeys) out.push('certify');
  if (f & k.signData) out.push('sign');
  if (f & (k.encryptCommunication | k.encryptStorage)) out.push('encrypt');
  if (f & k.authentication) out.push('authenticate');
  return out;
}

function isoOrNull(t: Date | number | null): string | null {
  return t instanceof Date ? t.toISOString() : null;
}

/** What `keys show` prints: identity, algorithms, dates and what the key can do now. */
export async function describeKey(key: Key): Promise<KeyInfo> {
  const { openpgp, KEY_CONFIG } = await loadOpenpgp();
  const now = new Date();
  const primaryUser = await key.getPrimaryUser(undefined, undefined, KEY_CONFIG).catch(() => undefined);
  const expires = isoOrNull(await key.getExpirationTime(undefined, KEY_CONFIG));
  const revoked = await key.isRevoked(undefined, undefined, now, KEY_CONFIG);
  const can = await capabilities(key);
  const subkeys: KeyPartInfo[] = [];
  for (const sub of key.getSubkeys()) {
    const binding = sub.bindingSignatures[sub.bindingSignatures.length - 1];
    subkeys.push({
      keyId: sub.getKeyID().toHex().toUpperCase(),
      algorithm: algorithmName(sub.getAlgorithmInfo()),
      created: sub.getCreationTime().toISOString(),
      expires: isoOrNull(await sub.getExpirationTime(now, KEY_CONFIG).catch(() => null)),
      usage: usageOf(binding?.keyFlags, openpgp.enums.keyFlags),
    });
  }
  const secret = key.isPrivate();
  return {
    fingerprint: fingerprintOf(key),
    keyId: key.getKeyID().toHex().toUpperCase(),
    userIds: key.getUserIDs(),
    algorithm: algorithmName(key.getAlgorithmInfo()),
    created: key.getCreationTime().toISOString(),
    expires,
    usage: usageOf(primaryUser?.selfCertification.keyFlags, openpgp.enums.keyFlags),
    secret,
    protected: secret && !(key as PrivateKey).isDecrypted(),
    revoked,
    expired: expires !== null && new Date(expires) <= now,
    canSign: can.sign,
    canEncrypt: can.encrypt,
    subkeys,
  };
}
