/**
 * A manifest file as received: its bytes (size-capped), the signature over them against the
 * pinned signer, and only then its strict parse (SECURITY.md, "Hostile archives"). Shared by
 * verify, extract, acknowledge, the documents and the chain of deliveries (src/io/chain.ts).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { ExitkitError, TextError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { parseStrictJson } from '../core/strict-json.js';
import type { Manifest } from '../core/manifest.js';
import { say, type Messages, type Text } from '../core/i18n/terminal/index.js';
import { manifestShapeProblem } from '../core/verdict.js';
import type { Key } from './openpgp/keys.js';
import { verifyDetached } from './openpgp/signatures.js';
/**
 * A manifest larger than this is not a manifest (it is read whole: it is metadata). bundle
 * refuses to write one (src/io/bundle.ts): what it writes, verify reads.
 */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** A manifest whose signature is not valid is parsed (to name what it claims) only up to this size. */
const MAX_UNSIGNED_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_SIGNATURE_BYTES = 1024 * 1024;

export interface ReadManifest {
  file: string;
  bytes: Buffer;
  sha256: string;
  manifest: Manifest;
}

/** Reads and parses a manifest; anything that makes it unreadable is exit 2. */
export async function readManifestFile(file: string): Promise<ReadManifest> {
  return parseManifestBytes(file, await readManifestBytes(file));
}

/** The manifest's bytes, size-capped: nothing is parsed before its signature is checked. */
export async function readManifestBytes(file: string): Promise<Buffer> {
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile())
    throw new ExitkitError((w) => w.verify.noManifest(file), {
      code: 'file_access',
      hints: [(w) => w.verify.noManifestHint],
    });
  if (info.size > MAX_MANIFEST_BYTES)
    throw new ExitkitError((w) => w.verify.manifestTooLarge(file, info.size));
  return readFile(file);
}

/** Parses a manifest strictly (bounded nesting, no repeated key), then checks its shape. */
export function parseManifestBytes(file: string, bytes: Buffer): ReadManifest {
  let raw: unknown;
  try {
    raw = parseStrictJson(bytes.toString('utf8'));
  } catch (e) {
    const problem: Text = e instanceof TextError ? e.text : e instanceof Error ? e.message : String(e);
    throw new ExitkitError(
      e instanceof SyntaxError
        ? (w) => w.verify.notJson(file)
        : (w) => w.shape.notManifest(file, say(w, problem)),
      {
        hints: [(w) => w.verify.giveManifestHint],
      },
    );
  }
  const problem = manifestShapeProblem(raw);
  if (problem)
    throw new ExitkitError((w) => w.verify.unreadableManifest(file, say(w, problem)), {
      hints: [(w) => w.verify.giveManifestHint],
    });
  return { file, bytes, sha256: sha256(bytes), manifest: raw as Manifest };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a small armored signature file, exit 2 when absent. */
export async function readSignatureFile(file: string, what: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile())
    throw new ExitkitError((w) => w.verify.noSignature(what, file), {
      code: 'file_access',
      hints: [(w) => w.verify.noSignatureHint(what)],
    });
  if (info.size > MAX_SIGNATURE_BYTES) throw new ExitkitError((w) => w.verify.signatureTooLarge(file));
  return readFile(file, 'utf8');
}

/**
 * What a manifest whose signature is not valid may still cost: `report` parses it (strictly, up
 * to 4 MiB) to name what it claims, as verify does; `refuse` never parses it (acknowledge).
 */
export type UnsignedManifest = 'report' | 'refuse';

export interface SignedManifest {
  read: ReadManifest;
  signature: { valid: boolean; fingerprint: string | null; reason?: Text };
}

/**
 * The one order in which a manifest is read (SECURITY.md, "Hostile archives"): its bytes, size-
 * capped (readManifestBytes), then the signature over those bytes against the pinned `signer`,
 * then, only then, the strict parse. A manifest the signer did not sign is refused unread (exit 1)
 * when `unsigned` is `refuse` or when it is larger than what `report` reads.
 */
export async function readSignedManifest(
  file: string,
  bytes: Buffer,
  signer: Key,
  unsigned: UnsignedManifest = 'report',
): Promise<SignedManifest> {
  const armored = await readSignatureFile(`${file}.asc`, 'manifest');
  const check = await verifyDetached(bytes, armored, [signer]);
  const signature = {
    valid: check.valid,
    fingerprint: check.fingerprint,
    ...(check.reason ? { reason: check.reason } : {}),
  };
  if (!check.valid && (unsigned === 'refuse' || bytes.byteLength > MAX_UNSIGNED_MANIFEST_BYTES))
    throw unsignedManifest(file, check.reason, unsigned === 'refuse' ? undefined : bytes.byteLength);
  return { read: parseManifestBytes(file, bytes), signature };
}

/**
 * The refusal of a manifest the pinned signer did not sign (exit 1: the answer is no): with its
 * size when verify would have read a smaller one, without when acknowledge reads none.
 */
export function unsignedManifest(file: string, reason: Text | undefined, size?: number): ExitkitError {
  const why = (w: Messages) => (reason === undefined ? w.trust.signatureNotValid : say(w, reason));
  return new ExitkitError(
    (w) =>
      size === undefined
        ? w.trust.unsignedNotAcknowledged(file, why(w))
        : w.trust.unsignedNotRead(file, why(w), size),
    { exit: ExitCode.No, code: 'input_invalid', hints: [(w) => w.trust.askSignedManifestHint] },
  );
}
