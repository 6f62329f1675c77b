/**
 * The SEIPD v1 message exitkit frames itself (RFC 4880 §5.13): openpgp makes the session key and
 * the key packets; the encrypted packet, the literal data packet and the modification detection
 * code are framed and checked here, with OpenSSL's AES. SECURITY.md says why and how it is tested.
 */
import { ExitkitError, TextError } from '../../core/errors.js';
import { say, type Text } from '../../core/i18n/terminal/index.js';
import { fingerprintOf, type PrivateKey, type PublicKey } from './keys.js';
import { loadOpenpgp } from './library.js';
import { packetHeader } from './packet-lengths.js';
import { CfbDecipher, checkPart, ReaderError, SeipdV1Reader, type ReaderFault } from './seipd-reader.js';

/** Node's names of the CFB ciphers a SEIPD v1 message may use here (RFC 4880 §9.2). */
const CFB: Record<string, { name: string; keyBytes: number }> = {
  aes128: { name: 'aes-128-cfb', keyBytes: 16 },
  aes192: { name: 'aes-192-cfb', keyBytes: 24 },
  aes256: { name: 'aes-256-cfb', keyBytes: 32 },
};

/**
 * A SEIPD v1 message to the recipients, before its body: the key packets and the session key the
 * body is encrypted with (src/io/archive/sealed-stream.ts `messageStart`; the key is zeroed there).
 */
export interface Session {
  /** The public-key encrypted session key packets, then the tag of the encrypted data packet. */
  head: Uint8Array;
  /** Node's name of the CFB cipher (aes-256-cfb, …) and the session key. */
  cipherName: string;
  key: Uint8Array;
}

/**
 * Starts an encrypted message to every recipient exactly as `encryptStream` would (openpgp picks
 * the session key's algorithm from the recipients' preferences and makes the key packets), for
 * a caller that frames and encrypts the body itself: the literal data packet, the modification
 * detection code and the partial lengths, in large chunks, without Web streams. Null when the
 * recipients' preferences lead elsewhere than SEIPD v1 with AES (then use `encryptStream`).
 */
export async function startSession(recipients: PublicKey[]): Promise<Session | null> {
  const { openpgp, PGP_CONFIG } = await loadOpenpgp();
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
  return { head, cipherName: suite.name, key: session.data };
}

/**
 * Thrown when a message is not exactly the shape `bundle` writes: there is no other reader (no
 * decompression, no other packet), so this is the answer (a fault: exit 1). Its text says why;
 * `notOurs` names it as a whole.
 */
export class NotExitkitArchive extends TextError {
  /** The whole fault: "not an archive exitkit signs: <why>". */
  get notOurs(): Text {
    const why = this.text;
    return (m) => m.archive.notOurs(say(m, why));
  }
}

/** Thrown while the message is read when it is cut, altered or followed by other data. */
export class DamagedMessage extends TextError {}

/** A reader's fault (src/io/openpgp/seipd-reader.ts), said: the message damaged, or not ours. */
export function readerFault(f: ReaderFault): DamagedMessage | NotExitkitArchive {
  if (f.why === 'cutInParts') {
    const { literal, length, min } = f;
    return new NotExitkitArchive((m) => m.archive.cutInParts(literal, length, min));
  }
  const why = f.why;
  return f.damaged ? new DamagedMessage((m) => m.archive[why]) : new NotExitkitArchive((m) => m.archive[why]);
}

/** Any error of reading a message, with a reader's fault said (the others as they are). */
export function said(e: unknown): unknown {
  return e instanceof ReaderError ? readerFault(e.fault) : e;
}

/**
 * Where a message's encrypted packet starts, and its session key (AES in CFB mode): what a
 * SeipdV1Reader needs, here or in a worker. The caller zeroes the key once it is used.
 */
export interface SeipdSession {
  /** The encrypted packet's first length header, just after its tag. */
  start: number;
  /** Node's name of the ECB cipher the CFB decryption runs on (aes-256-ecb, …). */
  ecbName: string;
  key: Uint8Array;
  /** The literal data packet's tag. */
  literalTag: number;
}

/**
 * Opens a message that is exactly what `bundle` writes and GnuPG reads: public-key encrypted
 * session keys (at most `maxKeyPackets`, the recipients the signed manifest lists), then one
 * SEIPD v1 packet (AES). `head` is the start of the file. Returns its session, or throws
 * NotExitkitArchive, or an ExitkitError when the key is not a recipient.
 */
export async function openSession(
  head: Uint8Array,
  key: PrivateKey,
  maxKeyPackets: number,
): Promise<SeipdSession> {
  const { openpgp, PGP_CONFIG } = await loadOpenpgp();
  let at = 0;
  let keyPacketCount = 0;
  for (;;) {
    const h = packetHeader(head, at);
    if (!h) throw new NotExitkitArchive((m) => m.archive.noPacket);
    if (h.tag === openpgp.enums.packet.publicKeyEncryptedSessionKey && h.length !== null && !h.partial) {
      if (++keyPacketCount > maxKeyPackets)
        throw new NotExitkitArchive((m) => m.archive.tooManyKeyPackets(maxKeyPackets));
      at = h.body + h.length;
      continue;
    }
    if (h.tag !== openpgp.enums.packet.symEncryptedIntegrityProtectedData || at === 0)
      throw new NotExitkitArchive((m) => m.archive.notKeyPacketsThenOne);
    if (h.length === null || head[h.body] !== 1) throw new NotExitkitArchive((m) => m.archive.notSeipdV1);
    try {
      checkPart(h.length, h.partial, false);
    } catch (e) {
      throw said(e);
    }
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
    const fingerprint = fingerprintOf(key);
    throw new ExitkitError((m) => m.archive.notARecipient(fingerprint), {
      code: 'key_wrong',
      hints: [(m) => m.archive.notARecipientHint],
    });
  }
  const session = sessions[0];
  const suite = session?.algorithm ? CFB[session.algorithm] : undefined;
  if (!session || !suite || session.data.byteLength !== suite.keyBytes || sessions.length !== 1)
    throw new NotExitkitArchive((m) => m.archive.notAes);
  return {
    start: at + 1,
    ecbName: suite.name.replace('-cfb', '-ecb'),
    key: session.data,
    literalTag: openpgp.enums.packet.literalData,
  };
}

/** A reader for a session (its key zeroed once the decipher holds it). */
export function sessionReader(session: SeipdSession): SeipdV1Reader {
  const decipher = new CfbDecipher(session.ecbName, session.key);
  session.key.fill(0);
  return new SeipdV1Reader(session.start, decipher, session.literalTag);
}

/** Opens a message (`openSession`) and returns the reader for the rest of it. */
export async function openSeipdV1(
  head: Uint8Array,
  key: PrivateKey,
  maxKeyPackets: number,
): Promise<SeipdV1Reader> {
  return sessionReader(await openSession(head, key, maxKeyPackets));
}
