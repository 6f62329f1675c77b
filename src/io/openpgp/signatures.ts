/** Detached signatures of small files (a manifest, a receipt): made, and checked against pinned keys only. */
import type { Text } from '../../core/i18n/terminal/index.js';
import type * as openpgp from 'openpgp';
import type { OutputFile } from '../atomic.js';
import { fingerprintOf, type Key, type PrivateKey } from './keys.js';
import { loadOpenpgp } from './library.js';

/**
 * An armored detached signature of bytes (a manifest, a receipt). The bytes go through as a stream
 * of views, hashed as they pass, as `verifyDetached` reads them: a manifest of 100 000 files is
 * 31 MB, which openpgp would otherwise copy whole several times.
 */
export async function signDetached(data: Uint8Array, signingKey: PrivateKey): Promise<string> {
  const { openpgp, PGP_CONFIG } = await loadOpenpgp();
  const message = await openpgp.createMessage({ binary: chunked(data) });
  const armored = (await openpgp.sign({
    message,
    signingKeys: signingKey,
    detached: true,
    format: 'armored',
    config: PGP_CONFIG,
  })) as unknown as ReadableStream<string>;
  let text = '';
  for await (const part of armored as unknown as AsyncIterable<string>) text += part;
  return text;
}

export interface SignatureCheck {
  valid: boolean;
  /** Fingerprint of the key that made the signature, when it is one of the given keys. */
  fingerprint: string | null;
  /** The signature's issuer key id (hex), whoever made it. */
  keyId: string | null;
  reason?: Text;
}

/** Verifies an armored detached signature of small bytes against the pinned keys only. */
export async function verifyDetached(
  data: Uint8Array,
  armoredSignature: string,
  keys: Key[],
): Promise<SignatureCheck> {
  const { openpgp, PGP_CONFIG } = await loadOpenpgp();
  let signature: openpgp.Signature;
  try {
    signature = await openpgp.readSignature({ armoredSignature });
  } catch {
    return {
      valid: false,
      fingerprint: null,
      keyId: null,
      reason: (m) => m.signature.notASignature,
    };
  }
  // The data goes through as a stream of views, hashed as it passes: memory stays flat whatever
  // its size (openpgp copies a whole binary message several times), and before it is trusted.
  const message = await openpgp.createMessage({ binary: chunked(data) });
  const result = await openpgp.verify({
    message,
    signature,
    verificationKeys: keys,
    expectSigned: false,
    format: 'binary',
    config: PGP_CONFIG,
  });
  const reader = (result.data as unknown as ReadableStream<Uint8Array>).getReader();
  while (!(await reader.read()).done);
  const first = result.signatures[0];
  if (!first) return { valid: false, fingerprint: null, keyId: null, reason: (m) => m.signature.empty };
  const keyId = first.keyID.toHex().toUpperCase();
  const signer = keys.find((k) => k.getKeys(first.keyID).length > 0);
  try {
    await first.verified;
    return { valid: true, fingerprint: signer ? fingerprintOf(signer) : null, keyId };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const reason: Text = !signer ? (m) => m.signature.notPinned(keyId) : (m) => m.signature.mismatch(detail);
    return { valid: false, fingerprint: signer ? fingerprintOf(signer) : null, keyId, reason };
  }
}

/** A byte array as a stream of 1 MiB views (no copy). */
function chunked(data: Uint8Array): ReadableStream<Uint8Array> {
  const CHUNK = 1 << 20;
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= data.byteLength) return c.close();
      c.enqueue(data.subarray(at, Math.min(at + CHUNK, data.byteLength)));
      at += CHUNK;
    },
  });
}

/**
 * A JSON document as exitkit writes it (two-space indent, a final newline) and, given a key, its
 * armored detached signature beside it (`<file>.asc`): the files a receipt, a deletion attestation
 * or a rehearsal report hand to writeFilesAtomically.
 */
export async function signedJson(file: string, value: unknown, key?: PrivateKey): Promise<OutputFile[]> {
  const data = Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  return [
    { path: file, data },
    ...(key ? [{ path: `${file}.asc`, data: await signDetached(data, key) }] : []),
  ];
}
