/**
 * OpenPGP.js's own encryption of a whole message (SEIPD v1, uncompressed). exitkit's writer frames
 * its messages itself (seipd.ts, sealed-writer.ts); this is kept as the independent reference the
 * tests build archives with, so that the reader is checked against another implementation's framing.
 * There is no decryption here: the one reader is seipd.ts, which reads only the shape bundle writes.
 */
import * as openpgp from 'openpgp';
import { PGP_CONFIG, type PublicKey } from './keys.js';

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
