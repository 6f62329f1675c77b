/**
 * The one module that owns every openpgp call (STYLE.md, "Streams and crypto").
 * Keys are armored files, exactly what `gpg --export --armor` / `--export-secret-keys --armor`
 * write. Messages are binary and use SEIPD v1 with no compression, which GnuPG 2.2 reads.
 */
import { createCipheriv, createHash, randomBytes, timingSafeEqual, type Cipher } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import * as openpgp from 'openpgp';
import { ExitkitError } from '../core/errors.js';
import { drainToFile, type Sunk } from './archive-sink.js';

export type Key = openpgp.Key;
export type PrivateKey = openpgp.PrivateKey;
export type PublicKey = openpgp.PublicKey;

/** A key file larger than this is not a key. */
const MAX_KEY_BYTES = 1024 * 1024;

/** Settings shared by every call: GnuPG 2.2 compatibility first. */
export const PGP_CONFIG: Partial<openpgp.Config> = {
  preferredCompressionAlgorithm: openpgp.enums.compression.uncompressed,
  aeadProtect: false,
  v6Keys: false,
};

/**
 * Key methods (getEncryptionKey, getSigningKey...) take a whole Config, not a partial one: a
 * partial one lacks rejectCurves, minRSABits... and makes every key look unusable.
 */
const KEY_CONFIG: openpgp.Config = { ...openpgp.config, ...PGP_CONFIG };

export function fingerprintOf(key: Key): string {
  return key.getFingerprint().toUpperCase();
}

async function readArmored(file: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile())
      throw new ExitkitError(`${file} is not a file`, { hints: ['give an armored OpenPGP key file'] });
    size = info.size;
  } catch (e) {
    if (e instanceof ExitkitError) throw e;
    throw new ExitkitError(`cannot read the key file ${file}: no such file`, {
      hints: ['check the path; `exitkit keys generate` makes a key pair, `gpg --export --armor` exports one'],
    });
  }
  if (size > MAX_KEY_BYTES) throw new ExitkitError(`${file} is too large to be a key file (${size} bytes)`);
  return readFile(file, 'utf8');
}

/** Reads an armored public or private key (a private key file also serves where a public one is asked). */
export async function readKeyFile(file: string): Promise<Key> {
  const armored = await readArmored(file);
  try {
    return await openpgp.readKey({ armoredKey: armored });
  } catch {
    throw new ExitkitError(`${file} is not an armored OpenPGP key`, {
      hints: ['export it with `gpg --export --armor FINGERPRINT > FILE`'],
    });
  }
}

/** Where a passphrase may come from: never a flag value (SPEC.md, "Keys"). */
export interface PassphraseSource {
  /** --passphrase-file */
  file?: string;
  /** Asks on the terminal with hidden input; absent when there is no terminal. */
  prompt?: (question: string) => Promise<string>;
}

/** Where the passphrase came from, for the hint after a wrong one. */
type PassphraseOrigin = 'file' | 'environment' | 'prompt';

async function passphraseFor(
  key: PrivateKey,
  file: string,
  source: PassphraseSource,
): Promise<{ passphrase: string; origin: PassphraseOrigin }> {
  const found = await passphraseText(key, file, source);
  const origin: PassphraseOrigin = source.file
    ? 'file'
    : process.env.EXITKIT_PASSPHRASE !== undefined
      ? 'environment'
      : 'prompt';
  return { passphrase: found, origin };
}

/** A passphrase file holds the passphrase on its first line (as gpg --passphrase-file reads it). */
export async function readPassphraseFile(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).split(/\r?\n/)[0] ?? '';
  } catch {
    throw new ExitkitError(`cannot read the passphrase file ${file}`, {
      hints: ['check the path given to --passphrase-file'],
    });
  }
}

async function passphraseText(key: PrivateKey, file: string, source: PassphraseSource): Promise<string> {
  if (source.file) return readPassphraseFile(source.file);
  const env = process.env.EXITKIT_PASSPHRASE;
  if (env !== undefined) return env;
  if (source.prompt) return source.prompt(`Passphrase for ${file} (${fingerprintOf(key)}): `);
  throw new ExitkitError(`the key ${file} is protected by a passphrase, and none was given`, {
    hints: [
      'give it with --passphrase-file FILE or the EXITKIT_PASSPHRASE environment variable, or run on a terminal to be asked',
    ],
  });
}

/** Reads an armored private key and unlocks it. A wrong passphrase is exit 2, never echoed. */
export async function readPrivateKeyFile(file: string, source: PassphraseSource = {}): Promise<PrivateKey> {
  const armored = await readArmored(file);
  let key: PrivateKey;
  try {
    key = await openpgp.readPrivateKey({ armoredKey: armored });
  } catch {
    const isPublic = /BEGIN PGP PUBLIC KEY BLOCK/.test(armored);
    throw new ExitkitError(
      isPublic
        ? `${file} is a public key; this needs the private key`
        : `${file} is not an armored OpenPGP private key`,
      { hints: ['export it with `gpg --export-secret-keys --armor FINGERPRINT > FILE`'] },
    );
  }
  if (key.isDecrypted()) return key;
  const { passphrase, origin } = await passphraseFor(key, file, source);
  try {
    return await openpgp.decryptKey({ privateKey: key, passphrase });
  } catch {
    const where = {
      file: `the passphrase file ${source.file ?? ''} (its first line is the passphrase)`,
      environment: 'EXITKIT_PASSPHRASE',
      prompt: 'the passphrase you typed',
    }[origin];
    throw new ExitkitError(`wrong passphrase for the key ${file} (${fingerprintOf(key)})`, {
      hints: [`check ${where}, and that this is the right key`],
    });
  }
}

/** Refuses a key that cannot encrypt now (expired, revoked, no encryption subkey), naming it. */
export async function assertCanEncrypt(key: Key, name: string): Promise<void> {
  try {
    await key.getEncryptionKey(undefined, new Date(), undefined, KEY_CONFIG);
  } catch (e) {
    throw new ExitkitError(
      `the recipient key ${name} (${fingerprintOf(key)}) cannot encrypt: ${keyProblem(e)}`,
      {
        hints: ['use a valid key with an encryption subkey; `exitkit keys show KEY` tells what it can do'],
      },
    );
  }
}

/** Refuses a key that cannot sign now (expired, revoked, no signing capability), naming it. */
export async function assertCanSign(key: Key, name: string): Promise<void> {
  try {
    await key.getSigningKey(undefined, new Date(), undefined, KEY_CONFIG);
  } catch (e) {
    throw new ExitkitError(`the key ${name} (${fingerprintOf(key)}) cannot sign: ${keyProblem(e)}`, {
      hints: ['use a valid key with signing capability; `exitkit keys show KEY` tells what it can do'],
    });
  }
}

function keyProblem(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/expired/i.test(m)) return 'it has expired';
  if (/revoked/i.test(m)) return 'it is revoked';
  return 'it has no usable key for that';
}

/** Whether the key can encrypt / sign now (for `keys show`). */
export async function capabilities(key: Key): Promise<{ encrypt: boolean; sign: boolean }> {
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

/** An armored detached signature of small bytes (a manifest, a receipt). */
export async function signDetached(data: Uint8Array, signingKey: PrivateKey): Promise<string> {
  const message = await openpgp.createMessage({ binary: data });
  return (await openpgp.sign({
    message,
    signingKeys: signingKey,
    detached: true,
    format: 'armored',
    config: PGP_CONFIG,
  })) as string;
}

export interface SignatureCheck {
  valid: boolean;
  /** Fingerprint of the key that made the signature, when it is one of the given keys. */
  fingerprint: string | null;
  /** The signature's issuer key id (hex), whoever made it. */
  keyId: string | null;
  reason?: string;
}

/** Verifies an armored detached signature of small bytes against the pinned keys only. */
export async function verifyDetached(
  data: Uint8Array,
  armoredSignature: string,
  keys: Key[],
): Promise<SignatureCheck> {
  let signature: openpgp.Signature;
  try {
    signature = await openpgp.readSignature({ armoredSignature });
  } catch {
    return {
      valid: false,
      fingerprint: null,
      keyId: null,
      reason: 'the signature file is not an OpenPGP signature',
    };
  }
  const message = await openpgp.createMessage({ binary: data });
  const result = await openpgp.verify({
    message,
    signature,
    verificationKeys: keys,
    expectSigned: false,
    config: PGP_CONFIG,
  });
  const first = result.signatures[0];
  if (!first)
    return { valid: false, fingerprint: null, keyId: null, reason: 'the signature file holds no signature' };
  const keyId = first.keyID.toHex().toUpperCase();
  const signer = keys.find((k) => k.getKeys(first.keyID).length > 0);
  try {
    await first.verified;
    return { valid: true, fingerprint: signer ? fingerprintOf(signer) : null, keyId };
  } catch (e) {
    const reason = !signer
      ? `signed by key ${keyId}, which is not the pinned signer`
      : `the signature does not match the file (${e instanceof Error ? e.message : String(e)})`;
    return { valid: false, fingerprint: signer ? fingerprintOf(signer) : null, keyId, reason };
  }
}

/**
 * Encrypts a stream of bytes to every recipient as one binary OpenPGP message (SEIPD v1,
 * uncompressed), returning the encrypted stream. Back-pressure is kept: nothing is buffered whole.
 */
export async function encryptStream(
  plaintext: ReadableStream<Uint8Array>,
  recipients: PublicKey[],
): Promise<ReadableStream<Uint8Array>> {
  const message = await openpgp.createMessage({ binary: plaintext, format: 'binary' });
  return (await openpgp.encrypt({
    message,
    encryptionKeys: recipients,
    format: 'binary',
    config: PGP_CONFIG,
  })) as unknown as ReadableStream<Uint8Array>;
}

/**
 * Decrypts a binary OpenPGP message as a stream. The plaintext comes out before the integrity
 * check at the end (allowUnauthenticatedStream): callers must only hash and discard, or write
 * out of view, and trust nothing until the stream has ended without error.
 */
export async function decryptStream(
  ciphertext: ReadableStream<Uint8Array>,
  key: PrivateKey,
): Promise<ReadableStream<Uint8Array>> {
  let message: openpgp.Message<ReadableStream<Uint8Array>>;
  try {
    message = await openpgp.readMessage({ binaryMessage: ciphertext });
  } catch (e) {
    throw new ExitkitError(
      `the archive is not an OpenPGP message (${e instanceof Error ? e.message : String(e)})`,
      {
        hints: ['check that you gave the .tar.pgp file that the manifest names'],
      },
    );
  }
  try {
    const { data } = await openpgp.decrypt({
      message,
      decryptionKeys: key,
      format: 'binary',
      config: { ...PGP_CONFIG, allowUnauthenticatedStream: true },
    });
    return data as unknown as ReadableStream<Uint8Array>;
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    if (/decryption key|session key|no.*key packet|Error decrypting message/i.test(m)) {
      throw new ExitkitError(
        `the key ${fingerprintOf(key)} cannot decrypt this archive: it was not encrypted to it`,
        {
          hints: [
            'use the private key of a recipient (the client or the incoming provider); the manifest lists the recipients',
          ],
        },
      );
    }
    throw new ExitkitError(`cannot decrypt the archive: ${m}`);
  }
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

function usageOf(flags: Uint8Array | null | undefined): string[] {
  const f = flags?.[0] ?? 0;
  const k = openpgp.enums.keyFlags;
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
      usage: usageOf(binding?.keyFlags),
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
    usage: usageOf(primaryUser?.selfCertification.keyFlags),
    secret,
    protected: secret && !(key as PrivateKey).isDecrypted(),
    revoked,
    expired: expires !== null && new Date(expires) <= now,
    canSign: can.sign,
    canEncrypt: can.encrypt,
    subkeys,
  };
}

/**
 * Encrypts a stream to every recipient (as encryptStream) straight into an open file, returning
 * the size and SHA-256 of what was written.
 *
 * Measured on 2 cores (1 GB, 2026-11): running this in a worker thread shortened the critical
 * path on paper, but cost 25 % more CPU and 50 MB more memory, and was not faster on a busy
 * machine; it runs on this thread.
 */
export async function encryptToFile(
  plaintext: ReadableStream<Uint8Array>,
  recipients: PublicKey[],
  fd: number,
): Promise<Sunk> {
  return drainToFile(await encryptStream(plaintext, recipients), fd);
}

/** Node's names of the CFB ciphers a SEIPD v1 message may use here (RFC 4880 §9.2). */
const CFB: Record<string, { name: string; keyBytes: number }> = {
  aes128: { name: 'aes-128-cfb', keyBytes: 16 },
  aes192: { name: 'aes-192-cfb', keyBytes: 24 },
  aes256: { name: 'aes-256-cfb', keyBytes: 32 },
};

/** The start of a SEIPD v1 message whose body the caller streams itself. */
export interface SeipdV1 {
  /** The public-key encrypted session key packets, then the tag of the encrypted data packet. */
  head: Uint8Array;
  /** AES in CFB mode with the session key and a zero IV (RFC 4880 §5.13), fed in order. */
  cipher: Cipher;
  /** The random prefix: a block of random bytes, its last two repeated (RFC 4880 §5.13). */
  prefix: Uint8Array;
}

/**
 * Starts an encrypted message to every recipient exactly as `encryptStream` would (openpgp picks
 * the session key's algorithm from the recipients' preferences and makes the key packets), for
 * a caller that frames and encrypts the body itself: the literal data packet, the modification
 * detection code and the partial lengths, in large chunks, without Web streams. Null when the
 * recipients' preferences lead elsewhere than SEIPD v1 with AES (then use `encryptStream`).
 */
export async function startSeipdV1(recipients: PublicKey[]): Promise<SeipdV1 | null> {
  const session = await openpgp.generateSessionKey({ encryptionKeys: recipients, config: PGP_CONFIG });
  const suite = CFB[session.algorithm];
  if (session.aeadAlgorithm || !suite || session.data.byteLength !== suite.keyBytes) return null;
  const keyPackets = (await openpgp.encryptSessionKey({
    data: session.data,
    algorithm: session.algorithm,
    encryptionKeys: recipients,
    format: 'binary',
    config: PGP_CONFIG,
  })) as Uint8Array;
  const head = new Uint8Array(keyPackets.byteLength + 1);
  head.set(keyPackets);
  head[keyPackets.byteLength] = 0xc0 | openpgp.enums.packet.symEncryptedIntegrityProtectedData;
  const prefix = new Uint8Array(18);
  prefix.set(randomBytes(16));
  prefix[16] = prefix[14]!;
  prefix[17] = prefix[15]!;
  const cipher = createCipheriv(suite.name, session.data, Buffer.alloc(16));
  session.data.fill(0);
  return { head, cipher, prefix };
}

function concat(a: Uint8Array | null, b: Uint8Array): Uint8Array {
  if (!a || a.byteLength === 0) return b;
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}

/**
 * CFB decryption (RFC 4880 §13.9 for SEIPD: a zero IV, no resynchronisation) as AES-ECB over the
 * ciphertext shifted by one block, then XOR: P[i] = E(C[i-1]) ^ C[i]. Unlike CFB encryption, the
 * blocks are independent, and OpenSSL's ECB runs them in parallel (AES-NI); its CFB decryption
 * goes block by block.
 */
export class CfbDecipher {
  private readonly ecb: Cipher;
  /** The previous ciphertext block, the keystream of the current one, and how far into it. */
  private prev = new Uint8Array(16);
  private ks = new Uint8Array(16);
  private used = 16;
  private readonly partial = new Uint8Array(16);
  private scratch = new Uint8Array(0);

  constructor(ecbName: string, key: Uint8Array) {
    this.ecb = createCipheriv(ecbName, key, null);
    this.ecb.setAutoPadding(false);
  }

  update(c: Uint8Array): Uint8Array {
    const out = new Uint8Array(c.byteLength);
    let i = 0;
    // The rest of a block begun in the previous call.
    while (this.used < 16 && i < c.byteLength) {
      out[i] = c[i]! ^ this.ks[this.used]!;
      this.partial[this.used] = c[i]!;
      this.used++;
      i++;
      if (this.used === 16) this.prev = this.partial.slice();
    }
    const blocks = Math.floor((c.byteLength - i) / 16);
    if (blocks > 0) {
      // A scratch buffer, reused: the previous block then these blocks (less garbage, flat memory).
      if (this.scratch.byteLength < 16 + blocks * 16) this.scratch = new Uint8Array(16 + blocks * 16);
      const input = this.scratch;
      input.set(this.prev);
      input.set(c.subarray(i, i + blocks * 16), 16);
      const ks = this.ecb.update(input.subarray(0, blocks * 16));
      const words = blocks * 4;
      if (ks.byteOffset % 4 === 0 && ks.byteLength === blocks * 16) {
        const a = new Int32Array(ks.buffer, ks.byteOffset, words);
        const b = new Int32Array(input.buffer, 16, words);
        for (let w = 0; w < words; w++) a[w] = a[w]! ^ b[w]!;
        out.set(ks, i);
      } else {
        for (let k = 0; k < blocks * 16; k++) out[i + k] = ks[k]! ^ input[16 + k]!;
      }
      this.prev = input.slice(blocks * 16, blocks * 16 + 16);
      i += blocks * 16;
    }
    if (i < c.byteLength) {
      this.ks = new Uint8Array(this.ecb.update(this.prev));
      this.used = 0;
      while (i < c.byteLength) {
        out[i] = c[i]! ^ this.ks[this.used]!;
        this.partial[this.used] = c[i]!;
        this.used++;
        i++;
      }
    }
    return out;
  }
}

/** Thrown when an archive is not the plain shape `SeipdV1Reader` reads: the caller uses openpgp. */
export class NotSeipdV1 extends Error {}

/** Reads a packet header (RFC 4880 §4.2) at `at`: tag, where the body starts, its length (null: partial or unknown). */
function packetHeader(
  b: Uint8Array,
  at: number,
): { tag: number; body: number; length: number | null; partial: boolean } | null {
  const ctb = b[at];
  if (ctb === undefined || !(ctb & 0x80)) return null;
  if (ctb & 0x40) {
    const l = readNewLength(b, at + 1);
    return l && { tag: ctb & 0x3f, ...l };
  }
  const tag = (ctb >> 2) & 0x0f;
  const lt = ctb & 3;
  if (lt === 3) return { tag, body: at + 1, length: null, partial: false };
  const n = [1, 2, 4][lt]!;
  if (at + 1 + n > b.byteLength) return null;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + b[at + 1 + i]!;
  return { tag, body: at + 1 + n, length, partial: false };
}

/** A new-format length at `at`: { body, length, partial } (length of the first part when partial). */
function readNewLength(b: Uint8Array, at: number): { body: number; length: number; partial: boolean } | null {
  const o = b[at];
  if (o === undefined) return null;
  if (o < 192) return { body: at + 1, length: o, partial: false };
  if (o < 224) {
    if (at + 2 > b.byteLength) return null;
    return { body: at + 2, length: ((o - 192) << 8) + b[at + 1]! + 192, partial: false };
  }
  if (o < 255) return { body: at + 1, length: 1 << (o & 0x1f), partial: true };
  if (at + 5 > b.byteLength) return null;
  return {
    body: at + 5,
    length: new DataView(b.buffer, b.byteOffset + at + 1, 4).getUint32(0),
    partial: false,
  };
}

/**
 * Opens a message that is exactly what `bundle` writes and GnuPG reads: public-key encrypted
 * session keys, then one SEIPD v1 packet (AES). `head` is the start of the file. Returns a reader
 * for the rest, or throws NotSeipdV1 (the caller then lets openpgp read the message), or an
 * ExitkitError when the key is not a recipient.
 */
export async function openSeipdV1(head: Uint8Array, key: PrivateKey): Promise<SeipdV1Reader> {
  let at = 0;
  for (;;) {
    const h = packetHeader(head, at);
    if (!h) throw new NotSeipdV1('no packet header');
    if (h.tag === openpgp.enums.packet.publicKeyEncryptedSessionKey && h.length !== null && !h.partial) {
      at = h.body + h.length;
      continue;
    }
    if (h.tag !== openpgp.enums.packet.symEncryptedIntegrityProtectedData || at === 0)
      throw new NotSeipdV1('not key packets then an integrity-protected packet');
    if (h.length === null || head[h.body] !== 1) throw new NotSeipdV1('not SEIPD v1');
    break;
  }
  const keyPackets = head.slice(0, at);
  let sessions: Array<{ data: Uint8Array; algorithm: string | null }>;
  try {
    const message = await openpgp.readMessage({ binaryMessage: keyPackets });
    sessions = (await openpgp.decryptSessionKeys({
      message,
      decryptionKeys: key,
      config: PGP_CONFIG,
    })) as Array<{ data: Uint8Array; algorithm: string | null }>;
  } catch {
    throw new ExitkitError(
      `the key ${fingerprintOf(key)} cannot decrypt this archive: it was not encrypted to it`,
      {
        hints: [
          'use the private key of a recipient (the client or the incoming provider); the manifest lists the recipients',
        ],
      },
    );
  }
  const session = sessions[0];
  const suite = session?.algorithm ? CFB[session.algorithm] : undefined;
  if (!session || !suite || session.data.byteLength !== suite.keyBytes || sessions.length !== 1)
    throw new NotSeipdV1('not AES');
  const decipher = new CfbDecipher(suite.name.replace('-cfb', '-ecb'), session.data);
  session.data.fill(0);
  // The reader starts at the encrypted packet's first length header, just after its tag.
  return new SeipdV1Reader(at + 1, decipher);
}

/**
 * Reads the SEIPD v1 packet that starts at `start` of the file as its bytes come (in order, from
 * the file's first byte): decrypts, checks the modification detection code at the end (RFC 4880
 * §5.13, §5.14) and hands out the literal data packet's content (§5.9). Nothing it hands out may
 * be trusted before `end()` has returned without throwing.
 */
export class SeipdV1Reader {
  /** Position in the file of the next byte given to `feed`. */
  private pos = 0;
  /** Outer packet: bytes left in the current part, and whether more parts follow. */
  private left = 0;
  private more = true;
  private outerDone = false;
  /** Bytes of a length header cut between two feeds. */
  private carry: Uint8Array | null = null;
  private versionSeen = false;
  private readonly mdc = createHash('sha1');
  /** The last 22 bytes of plaintext so far: they may be the MDC packet. */
  private tail = new Uint8Array(0);
  private prefixLeft = 18;
  /** Inner literal packet: header bytes gathered, bytes left in the current part, more parts. */
  private inner: Uint8Array | null = new Uint8Array(0);
  private litLeft = 0;
  private litMore = true;
  private litDone = false;
  private extra = false;

  constructor(
    private readonly start: number,
    private readonly decipher: CfbDecipher,
  ) {}

  /** Takes the next bytes of the file; returns the literal content they complete. */
  feed(raw: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    const begin = this.pos;
    this.pos += raw.byteLength;
    if (this.pos <= this.start) return out;
    let i = begin < this.start ? this.start - begin : 0;
    while (i < raw.byteLength) {
      if (this.outerDone) throw new Error('unexpected data after the encrypted packet');
      if (this.left === 0) {
        const l = this.lengthAt(raw, i, this.carry);
        if (!l) {
          // A copy: the caller hands `raw` over once this returns.
          this.carry = concat(this.carry, raw.subarray(i)).slice();
          break;
        }
        i += l.consumed;
        this.carry = null;
        this.left = l.length;
        this.more = l.partial;
        if (this.left === 0 && !this.more) this.outerDone = true;
        continue;
      }
      const take = Math.min(this.left, raw.byteLength - i);
      let body = raw.subarray(i, i + take);
      i += take;
      this.left -= take;
      if (!this.versionSeen) {
        if (body[0] !== 1) throw new Error('the encrypted packet is not version 1');
        this.versionSeen = true;
        body = body.subarray(1);
      }
      if (body.byteLength > 0) this.plain(this.decipher.update(body), out);
      if (this.left === 0 && !this.more) this.outerDone = true;
    }
    return out;
  }

  /** A new-format length at b[i], after `carry` (its first bytes, cut off in the previous feed). */
  private lengthAt(
    b: Uint8Array,
    i: number,
    carry: Uint8Array | null,
  ): { consumed: number; length: number; partial: boolean } | null {
    const c = carry ?? new Uint8Array(0);
    const probe = concat(c, b.subarray(i, i + 5));
    const l = readNewLength(probe, 0);
    return l && { consumed: l.body - c.byteLength, length: l.length, partial: l.partial };
  }

  /** Plaintext in order: all but the last 22 bytes are hashed and parsed now. */
  private plain(p: Uint8Array, out: Uint8Array[]): void {
    if (p.byteLength < 22) {
      const all = concat(this.tail, p);
      this.tail = all.slice(Math.max(0, all.byteLength - 22));
      this.parse(all.subarray(0, all.byteLength - this.tail.byteLength), out);
      return;
    }
    this.parse(this.tail, out);
    this.tail = p.slice(p.byteLength - 22);
    this.parse(p.subarray(0, p.byteLength - 22), out);
  }

  private parse(b: Uint8Array, out: Uint8Array[]): void {
    if (b.byteLength === 0) return;
    this.mdc.update(b);
    this.literal(b, out);
  }

  private literal(b: Uint8Array, out: Uint8Array[]): void {
    let i = 0;
    if (this.prefixLeft > 0) {
      const skip = Math.min(this.prefixLeft, b.byteLength);
      this.prefixLeft -= skip;
      i = skip;
    }
    while (i < b.byteLength) {
      if (this.litDone) {
        this.extra = true;
        return;
      }
      if (this.inner !== null) {
        // The literal packet's header and its own (format, name, date): gathered whole first.
        const had = this.inner.byteLength;
        const add = b.subarray(i, i + Math.min(b.byteLength - i, 300 - had));
        const acc = concat(this.inner, add);
        const h = packetHeader(acc, 0);
        if (h && (h.tag !== openpgp.enums.packet.literalData || h.length === null))
          throw new NotSeipdV1('not a literal data packet of known length');
        const headerEnd = h && acc.byteLength >= h.body + 2 ? h.body + 2 + acc[h.body + 1]! + 4 : Infinity;
        if (!h || acc.byteLength < headerEnd) {
          if (acc.byteLength >= 300) throw new NotSeipdV1('a literal data packet with an odd header');
          this.inner = acc.slice();
          i += add.byteLength;
          continue;
        }
        if (h.length! < headerEnd - h.body) throw new NotSeipdV1('a literal data packet with an odd header');
        i += headerEnd - had;
        this.inner = null;
        this.litLeft = h.length! - (headerEnd - h.body);
        this.litMore = h.partial;
        if (this.litLeft === 0 && !this.litMore) this.litDone = true;
        continue;
      }
      if (this.litLeft === 0) {
        const l = this.lengthAt(b, i, this.pendingLength);
        if (!l) {
          this.pendingLength = concat(this.pendingLength, b.subarray(i)).slice();
          return;
        }
        i += l.consumed;
        this.pendingLength = null;
        this.litLeft = l.length;
        this.litMore = l.partial;
        if (this.litLeft === 0 && !this.litMore) this.litDone = true;
        continue;
      }
      const take = Math.min(this.litLeft, b.byteLength - i);
      out.push(b.subarray(i, i + take));
      i += take;
      this.litLeft -= take;
      if (this.litLeft === 0 && !this.litMore) this.litDone = true;
    }
  }

  private pendingLength: Uint8Array | null = null;

  /** Checks the end: the whole packet read, then the MDC packet (RFC 4880 §5.14). */
  end(): void {
    if (!this.outerDone) throw new Error('the encrypted packet is cut short');
    const t = this.tail;
    if (t.byteLength !== 22 || t[0] !== 0xd3 || t[1] !== 0x14)
      throw new Error('Modification detected (no modification detection code).');
    this.mdc.update(t.subarray(0, 2));
    if (!timingSafeEqual(this.mdc.digest(), t.subarray(2))) throw new Error('Modification detected.');
    if (!this.litDone || this.extra || this.inner !== null)
      throw new Error('the literal data packet is cut short or followed by other data');
  }
}
