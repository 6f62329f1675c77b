/**
 * The writer of a bundle: one BagIt bag (RFC 8493) as a tar stream, encrypted as it is made into
 * the one message shape exitkit writes and `verify` accepts (docs/FORMAT.md, "The OpenPGP
 * message"): public-key encrypted session keys, one SEIPD v1 packet with AES, one literal packet,
 * the MDC. `sealed-writer.ts` frames it; this module refuses recipients who would need another.
 */
import { ExitkitError } from '../../core/errors.js';
import { startSession } from '../openpgp/seipd.js';
import type { WriteBagOptions, WrittenBag } from './payload.js';
import { writeSealedBag } from './sealed-writer.js';

export type { PayloadEntry, TagFile, WriteBagOptions, WrittenBag } from './payload.js';

/**
 * Writes the encrypted bag; throws an ExitkitError naming the file for a source that changed.
 * Recipients whose keys all ask for AEAD (SEIPD v2, RFC 9580 keys) are refused before a byte is
 * written: GnuPG 2.2 cannot read such a message, and `verify` accepts only what bundle writes.
 */
export async function writeEncryptedBag(opts: WriteBagOptions): Promise<WrittenBag> {
  const first = await startSession(opts.recipients);
  if (!first)
    throw new ExitkitError((m) => m.sealing.seipdV2, {
      code: 'key_invalid',
      hints: [(m) => m.sealing.seipdV2Hint],
    });
  // Every volume its own message: a new session key, to the same recipients.
  return writeSealedBag(opts, first, async () => (await startSession(opts.recipients))!);
}
