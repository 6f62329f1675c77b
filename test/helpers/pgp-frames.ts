/**
 * Re-framing of an encrypted archive for hostile tests: the key packets and the encrypted packet
 * (SEIPD) cut apart, then put back in other partial body parts, or with other key packets, all
 * without any key (an attacker in the middle can do all of it).
 */
import * as openpgp from 'openpgp';
import { readKeyFile } from '../../src/io/openpgp/keys.js';
import { lengthHeader, packetHeader, readNewLength } from '../../src/io/openpgp/packet-lengths.js';

const PKESK = 1;
const SEIPD = 18;

export interface Split {
  /** Each public-key encrypted session key packet, whole (header and body). */
  keyPackets: Buffer[];
  /** The encrypted packet's body (version byte, ciphertext), its partial parts joined. */
  body: Buffer;
  /** Where the body's first byte is in the file (it is in the first part). */
  bodyAt: number;
}

export function splitMessage(cipher: Buffer): Split {
  const keyPackets: Buffer[] = [];
  let at = 0;
  for (;;) {
    const h = packetHeader(cipher, at);
    if (!h) throw new Error('no packet');
    if (h.tag === PKESK) {
      keyPackets.push(cipher.subarray(at, h.body + h.length!));
      at = h.body + h.length!;
      continue;
    }
    if (h.tag !== SEIPD || h.length === null) throw new Error(`unexpected packet ${h.tag}`);
    const parts: Buffer[] = [];
    let l = { body: h.body, length: h.length, partial: h.partial };
    for (;;) {
      parts.push(cipher.subarray(l.body, l.body + l.length));
      if (!l.partial) break;
      l = readNewLength(cipher, l.body + l.length)!;
    }
    return { keyPackets, body: Buffer.concat(parts), bodyAt: h.body };
  }
}

/** The body in partial parts of 2^firstBits then 2^restBits bytes, the rest with a definite length. */
export function frameSeipd(body: Buffer, firstBits: number, restBits: number): Buffer {
  const out: Buffer[] = [Buffer.of(0xc0 | SEIPD)];
  let at = 0;
  let bits = firstBits;
  while (body.length - at > 1 << bits) {
    out.push(Buffer.of(0xe0 | bits), body.subarray(at, at + (1 << bits)));
    at += 1 << bits;
    bits = restBits;
  }
  out.push(Buffer.from(lengthHeader(body.length - at)), body.subarray(at));
  return Buffer.concat(out);
}

/** The message again, with these key packets and the body re-framed. */
export function reframe(s: Split, keyPackets: Buffer[], firstBits: number, restBits: number): Buffer {
  return Buffer.concat([...keyPackets, frameSeipd(s.body, firstBits, restBits)]);
}

/** A key packet made a "wildcard" one (key ID zero: every recipient must try it, RFC 4880 §5.1). */
export function wildcard(keyPacket: Buffer): Buffer {
  const copy = Buffer.from(keyPacket);
  const h = packetHeader(copy, 0)!;
  copy.fill(0, h.body + 1, h.body + 9);
  return copy;
}

/**
 * A real OpenPGP message of 8 MiB of zeros, zlib-compressed, encrypted to `recipients` (public key
 * files): well under 1 MiB, the shape of a decompression bomb, and not the shape bundle writes.
 */
export async function compressedMessage(recipients: string[]): Promise<Buffer> {
  const keys = await Promise.all(recipients.map((f) => readKeyFile(f)));
  const message = (await openpgp.encrypt({
    message: await openpgp.createMessage({ binary: new Uint8Array(8 << 20) }),
    encryptionKeys: keys,
    format: 'binary',
    config: { preferredCompressionAlgorithm: openpgp.enums.compression.zlib, aeadProtect: false },
  })) as Uint8Array;
  return Buffer.from(message);
}
