/**
 * The receiving side's checks, used by `verify` and `extract` (and `acknowledge`): read the
 * manifest, check its signature against the PINNED signer, check the archive's size and digest,
 * decrypt and read every entry when a key is given, and hand everything to the pure verdict.
 * `extract` writes into a private temporary folder beside the destination and moves the bag into
 * view only when the verdict is OK (SECURITY.md, "Streaming, and when plaintext is released").
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ExitkitError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { parseStrictJson } from '../core/strict-json.js';
import type { Manifest, Verification } from '../core/manifest.js';
import { CATALOGS, say, type Messages, type Text } from '../core/i18n/terminal/index.js';
import {
  allFiles,
  judge,
  manifestShapeProblem,
  type ArchiveObservation,
  type VerdictInput,
} from '../core/verdict.js';
import { nameFlavour, unlistedTagManifest } from '../core/bag-names.js';
import { extractionError, hashFile, readArchive } from './archive/bag-reader.js';
import { NOT_OURS, NotExitkitArchive } from './openpgp/seipd.js';
import { fingerprintOf, readPrivateKeyFile, type PassphraseSource, type PrivateKey } from './openpgp/keys.js';
import { verifyDetached } from './openpgp/signatures.js';
import { loadPlan, type LoadedPlan } from './plan/plan-file.js';
import { privateTemp, removeStaleTemps, staged } from './staged.js';
import { Progress } from './progress.js';
import { pinnedSigner } from './trust.js';

/** A manifest larger than this is not a manifest (it is read whole: it is metadata). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** A manifest whose signature is not valid is parsed (to name what it claims) only up to this size. */
const MAX_UNSIGNED_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_SIGNATURE_BYTES = 1024 * 1024;

export interface VerifyRequest {
  manifest: string;
  archive?: string;
  plan?: string;
  signer?: string;
  decryptionKey?: string;
  passphrase?: PassphraseSource;
  /** extract: the destination folder. */
  extractTo?: string;
  /** The words of the verdict for the terminal (`said`; English when absent); `verification` is always English. */
  m?: Messages;
  /** Progress of the decryption on stderr, in the words of `m` (src/io/progress.ts, showsProgress). */
  progress?: boolean;
}

export interface VerifyOutcome {
  /** The verdict as `--json` gives it: its words in English. */
  verification: Verification;
  /** The same verdict in the terminal's words. */
  said: Verification;
  manifest: Manifest;
  plan?: LoadedPlan;
  /** extract: where the bag now is, when the verdict was OK. */
  extracted?: string;
  /** extract: temporary folders left beside DIR by an extract that was killed, now removed. */
  removedStale?: string[];
}

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
async function readManifestBytes(file: string): Promise<Buffer> {
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
function parseManifestBytes(file: string, bytes: Buffer): ReadManifest {
  let raw: unknown;
  try {
    raw = parseStrictJson(bytes.toString('utf8'));
  } catch (e) {
    throw new ExitkitError(
      e instanceof SyntaxError
        ? (w) => w.verify.notJson(file)
        : `${file} is not an exit manifest: ${notJson(e)}`,
      {
        hints: [(w) => w.verify.giveManifestHint],
      },
    );
  }
  const problem = manifestShapeProblem(raw);
  if (problem)
    throw new ExitkitError((w) => w.verify.unreadableManifest(file, problem), {
      hints: [(w) => w.verify.giveManifestHint],
    });
  return { file, bytes, sha256: sha256(bytes), manifest: raw as Manifest };
}

function notJson(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return e instanceof SyntaxError ? 'it is not JSON' : m;
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

/** The plan a manifest was made from: the plan `file` (as given), refused when it is another exit's. */
export async function loadPlanOf(file: string, m: Manifest): Promise<LoadedPlan> {
  return planOf(file, await loadPlan(file), m);
}

function planOf(file: string, plan: LoadedPlan, m: Manifest): LoadedPlan {
  if (plan.plan.id !== m.plan.id)
    throw new ExitkitError((w) => w.verify.otherPlan(file, plan.plan.id, m.plan.id), {
      hints: [(w) => w.verify.otherPlanHint],
    });
  return plan;
}

function archivePath(req: VerifyRequest, m: Manifest): string {
  if (req.archive) return req.archive;
  const name = m.archive!.file;
  if (name !== path.basename(name) || name === '.' || name === '..')
    throw new ExitkitError((w) => w.verify.badArchiveName(name), {
      hints: [(w) => w.verify.giveArchiveHint],
    });
  return path.join(path.dirname(req.manifest), name);
}

/** Node's names for the digest algorithms a bag may use (RFC 8493 §2.4). */
function algorithmsFor(m: Manifest): string[] {
  const algs = new Set<string>([m.algorithm]);
  for (const f of m.tagFiles) {
    const alg = /^(?:tag)?manifest-([a-z0-9]+)\.txt$/.exec(f.path)?.[1];
    if (alg && ['md5', 'sha1', 'sha256', 'sha512'].includes(alg)) algs.add(alg);
  }
  return [...algs];
}

export async function runVerification(req: VerifyRequest): Promise<VerifyOutcome> {
  // A size cap, then the signature over the bytes, then the parse (SECURITY.md, "Hostile archives").
  const bytes = await readManifestBytes(req.manifest);
  const loaded = req.plan ? await loadPlan(req.plan) : undefined;
  const signer = await pinnedSigner({ plan: loaded, planArg: req.plan, signer: req.signer });
  const armored = await readSignatureFile(`${req.manifest}.asc`, 'manifest');
  const check = await verifyDetached(bytes, armored, [signer]);
  const signature = {
    valid: check.valid,
    fingerprint: check.fingerprint,
    ...(check.reason ? { reason: check.reason } : {}),
  };
  if (!check.valid && bytes.byteLength > MAX_UNSIGNED_MANIFEST_BYTES)
    throw new ExitkitError(
      `the manifest ${req.manifest} is not signed by the pinned signer (${check.reason ?? 'the signature is not valid'}), and at ${bytes.byteLength} bytes it is not read further`,
      {
        exit: ExitCode.No,
        code: 'input_invalid',
        hints: ['ask the outgoing provider for the manifest and signature it made'],
      },
    );
  const read = parseManifestBytes(req.manifest, bytes);
  const m = read.manifest;
  const plan = loaded && req.plan ? planOf(req.plan, loaded, m) : undefined;

  const archive = archivePath(req, m);
  const info = await stat(archive).catch(() => null);
  if (!info || !info.isFile())
    throw new ExitkitError((w) => w.verify.noArchive(archive), {
      code: 'file_access',
      hints: [(w) => w.verify.noArchiveHint],
    });

  const key = req.decryptionKey
    ? await readPrivateKeyFile(req.decryptionKey, req.passphrase ?? {})
    : undefined;
  // Not a byte is decrypted of an archive the signed manifest does not vouch for (its size).
  const vouched = signature.valid && info.size === m.archive!.size;
  const progress = new Progress(
    info.size,
    req.progress && key && vouched ? req.m : undefined,
    req.extractTo ? 'extract' : 'verify',
  );
  const decrypt = (writeTo?: string, dest?: string) =>
    vouched || !key
      ? observeArchive(key, archive, m, writeTo, dest, progress)
      : notDecrypted(
          archive,
          signature.valid
            ? 'its size is not the signed size'
            : 'the manifest is not signed by the pinned signer',
        );
  const judged = (observed: Observed) => {
    const input: VerdictInput = {
      manifestFile: req.manifest,
      manifestSha256: read.sha256,
      manifest: m,
      signature,
      archive: { file: archive, ...observed.cipher },
      ...(plan && req.plan ? { plan: plan.plan, planFile: req.plan } : {}),
      ...(observed.decrypted ? { decrypted: observed.decrypted } : {}),
      now: new Date(),
    };
    // The same pure verdict twice: in English for the JSON, in the terminal's words for a person.
    const verification = judge(input, CATALOGS.en);
    return {
      verification,
      said: req.m ? judge(input, req.m) : verification,
      manifest: m,
      ...(plan ? { plan } : {}),
    };
  };
  if (!key || !req.extractTo) return judged(await decrypt());

  // extract: into a private temporary folder beside DIR, moved into view only when the verdict is OK.
  const dest = path.resolve(req.extractTo);
  const { temp, stale } = await prepareDestination(dest, m.plan.id);
  return staged({ temps: [temp], removeOnExit: true }, async (commit): Promise<VerifyOutcome> => {
    const outcome = { ...judged(await decrypt(temp, dest)), removedStale: stale };
    if (!outcome.verification.ok) return outcome;
    const extracted = path.join(dest, m.plan.id);
    try {
      await mkdir(dest, { recursive: true });
      await commit([{ from: path.join(temp, m.plan.id), to: extracted }]);
    } catch (e) {
      throw extractionError(e, dest);
    }
    return { ...outcome, extracted };
  });
}

interface Observed {
  cipher: { size: number; digest: string };
  decrypted?: ArchiveObservation;
}

/**
 * The archive as observed: its size and digest and, with a key, every entry decrypted and
 * hashed (written into `writeTo` for extract).
 */
async function observeArchive(
  key: PrivateKey | undefined,
  archive: string,
  m: Manifest,
  writeTo?: string,
  dest?: string,
  progress?: Progress,
): Promise<Observed> {
  if (!key) return { cipher: await hashFile(archive) };
  try {
    const r = await readArchive({
      archive,
      key,
      bagId: m.plan.id,
      algorithms: algorithmsFor(m),
      expected: new Map(allFiles(m).map((f) => [f.path, f.size])),
      archiveSize: m.archive!.size,
      maxKeyPackets: m.recipients.length,
      tagManifest: unlistedTagManifest(m),
      ...(writeTo ? { writeTo } : {}),
      flavour: nameFlavour(process.platform),
      ...(progress ? { onProgress: (n: number) => progress.update(n) } : {}),
    }).finally(() => progress?.done());
    return { cipher: r.cipher ?? (await hashFile(archive)), decrypted: r };
  } catch (e) {
    if (e instanceof NotExitkitArchive)
      return { cipher: await hashFile(archive), decrypted: refused(`${NOT_OURS}: ${e.message}`) };
    if (!(e instanceof ExitkitError)) throw dest ? extractionError(e, dest) : e;
    // Decryption could not start. If the archive is the one signed, the key is wrong (2);
    // if not, the archive was damaged, and that is a fault (1).
    const cipher = await hashFile(archive);
    if (cipher.size === m.archive!.size && cipher.digest === m.archive!.digest.toLowerCase()) {
      const fingerprint = fingerprintOf(key);
      const why: Text = /not encrypted to it/.test(e.message)
        ? (w) => w.verify.notEncryptedTo(fingerprint)
        : e.text;
      throw new ExitkitError((w) => w.verify.cannotDecrypt(archive, say(w, why)), {
        code: e.code ?? 'key_wrong',
        hints: e.hintTexts,
      });
    }
    return {
      cipher,
      decrypted: refused((w) => w.verify.decryptFailedAtStart),
    };
  }
}

/** An archive left undecrypted: the signed manifest does not vouch for it. */
async function notDecrypted(archive: string, why: string): Promise<Observed> {
  return { cipher: await hashFile(archive), decrypted: refused(`not decrypted: ${why}`) };
}

function refused(why: Text): ArchiveObservation {
  return { entries: [], texts: {}, integrity: false, decryptError: why };
}

/**
 * Checks the destination and makes the private temporary folder beside it (same file system, so
 * the final move is a rename; mkdtemp makes it with mode 0700).
 */
async function prepareDestination(dest: string, id: string): Promise<{ temp: string; stale: string[] }> {
  const parent = path.dirname(dest);
  const p = await stat(parent).catch(() => null);
  if (!p || !p.isDirectory())
    throw new ExitkitError((w) => w.verify.noParent(dest, parent), {
      code: 'file_access',
      hints: [(w) => w.verify.noParentHint],
    });
  const d = await stat(dest).catch(() => null);
  if (d && !d.isDirectory())
    throw new ExitkitError((w) => w.verify.destIsFile(dest), { hints: [(w) => w.verify.destIsFileHint] });
  if (await stat(path.join(dest, id)).catch(() => null))
    throw new ExitkitError((w) => w.verify.destExists(path.join(dest, id)), {
      code: 'output_exists',
      hints: [(w) => w.verify.destExistsHint],
    });
  const prefix = `.${path.basename(dest)}.exitkit-`;
  try {
    const stale = await removeStaleTemps(parent, prefix);
    return { temp: await privateTemp(parent, prefix), stale };
  } catch (e) {
    throw extractionError(e, dest);
  }
}
