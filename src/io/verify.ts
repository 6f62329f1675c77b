/**
 * The receiving side's checks, used by `verify` and `extract` (and `acknowledge`): read the
 * manifest, check its signature against the PINNED signer, check the archive's size and digest,
 * decrypt and read every entry when a key is given, and hand everything to the pure verdict.
 * `extract` writes into a private temporary folder beside the destination and moves the bag into
 * view only when the verdict is OK (SECURITY.md, "Streaming, and when plaintext is released").
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { ExitkitError, TextError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { parseStrictJson } from '../core/strict-json.js';
import { volumesOf, type Manifest, type ManifestVolume, type Verification } from '../core/manifest.js';
import { CATALOGS, say, type Messages, type Text } from '../core/i18n/terminal/index.js';
import {
  allFiles,
  judge,
  manifestShapeProblem,
  type ArchiveObservation,
  type ObservedVolume,
  type VerdictInput,
} from '../core/verdict.js';
import { nameFlavour, unlistedTagManifest } from '../core/bag-names.js';
import { extractionError, hashFile, readArchive, type ArchiveRead } from './archive/bag-reader.js';
import { volumeFiles } from './archive/volumes.js';
import { NotExitkitArchive } from './openpgp/seipd.js';
import {
  fingerprintOf,
  readPrivateKeyFile,
  type Key,
  type PassphraseSource,
  type PrivateKey,
} from './openpgp/keys.js';
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
  /** What a manifest the pinned signer did not sign may still cost (default: `report`). */
  unsigned?: UnsignedManifest;
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

/** The plan `file` (as given) once loaded, refused when it is another exit's than the manifest's. */
export function planOf(file: string, plan: LoadedPlan, m: Manifest): LoadedPlan {
  if (plan.plan.id !== m.plan.id)
    throw new ExitkitError((w) => w.verify.otherPlan(file, plan.plan.id, m.plan.id), {
      hints: [(w) => w.verify.otherPlanHint],
    });
  return plan;
}

/**
 * The one archive file. The manifest may come first (by e-mail, before the disk): an archive not
 * yet where the manifest names it is a "no" (exit 1) once the signature and completeness are
 * checked. An archive named with --archive that is not there is a mistyped path (exit 2).
 */
async function locateArchive(req: VerifyRequest, m: Manifest): Promise<Target> {
  const file =
    req.archive ?? path.join(path.dirname(req.manifest), plainName((m.archive as { file: string }).file));
  const info = await stat(file).catch((e: { code?: string }) => (e.code === 'ENOENT' ? 'absent' : null));
  const arrived = !(info === 'absent' && !req.archive);
  if (arrived && (!info || info === 'absent' || !info.isFile()))
    throw new ExitkitError((w) => w.verify.noArchive(file), {
      code: 'file_access',
      hints: [(w) => w.verify.noArchiveHint],
    });
  const size = info === 'absent' || !info ? null : info.size;
  return { file, size, vouched: (signed) => size === signed.archive!.size };
}

/** A file name the manifest gives (the archive's, a volume's): a name, never a path. */
function plainName(name: string): string {
  if (name !== path.basename(name) || name === '.' || name === '..')
    throw new ExitkitError((w) => w.verify.badArchiveName(name), {
      hints: [(w) => w.verify.giveArchiveHint],
    });
  return name;
}

/** What is read: one archive file, or volumes (docs/FORMAT.md, "Volumes"). */
interface Target {
  /** The archive as said to the user (with volumes, their folder and pattern). */
  file: string;
  /** Its size on disk; null when it has not arrived (no listed volume there). */
  size: number | null;
  /** Whether the signed manifest vouches for what is there (sizes: no byte decrypted otherwise). */
  vouched: (m: Manifest) => boolean;
  volumes?: LocatedVolume[];
}

interface LocatedVolume {
  name: string;
  file: string;
  listed: boolean;
  size: number | null;
}

/**
 * The volumes the signed manifest lists, looked for in the folder of the manifest (or --archive),
 * and any other volume of that plan found there (named as extra, never read).
 */
async function locateVolumes(req: VerifyRequest, m: Manifest, signed: ManifestVolume[]): Promise<Target> {
  const dir = req.archive ?? path.dirname(req.manifest);
  if (req.archive && !(await stat(dir).catch(() => null))?.isDirectory())
    throw new ExitkitError((w) => w.verify.noArchive(dir), {
      code: 'file_access',
      hints: [(w) => w.verify.noArchiveHint],
    });
  const sizeOf = async (file: string) => {
    const info = await stat(file).catch(() => null);
    return info?.isFile() ? info.size : null;
  };
  const volumes: LocatedVolume[] = [];
  for (const v of signed) {
    const file = path.join(dir, plainName(v.file));
    volumes.push({ name: v.file, file, listed: true, size: await sizeOf(file) });
  }
  const listed = new Set(volumes.map((v) => v.file));
  for (const file of await volumeFiles(dir, m.plan.id))
    if (!listed.has(file))
      volumes.push({ name: path.basename(file), file, listed: false, size: await sizeOf(file) });
  const present = volumes.filter((v) => v.listed && v.size !== null);
  return {
    file: path.join(dir, `${m.plan.id}.vol-*.tar.pgp`),
    size: present.length ? present.reduce((n, v) => n + v.size!, 0) : null,
    vouched: () => volumes.every((v, i) => !v.listed || v.size === signed[i]!.size),
    volumes,
  };
}

/** Every volume measured (size and SHA-256), reusing what the reader measured of the first ones. */
async function measureVolumes(
  volumes: LocatedVolume[],
  known: Array<{ size: number; digest: string }> = [],
): Promise<ObservedVolume[]> {
  const out: ObservedVolume[] = [];
  for (const [i, v] of volumes.entries())
    out.push({
      name: v.name,
      file: v.file,
      listed: v.listed,
      measured: (v.listed ? known[i] : undefined) ?? (v.size === null ? null : await hashFile(v.file)),
    });
  return out;
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

export async function runVerification(req: VerifyRequest): Promise<VerifyOutcome> {
  // A size cap, then the signature over the bytes, then the parse (SECURITY.md, "Hostile archives").
  const bytes = await readManifestBytes(req.manifest);
  const loaded = req.plan ? await loadPlan(req.plan) : undefined;
  const signer = await pinnedSigner({ plan: loaded, planArg: req.plan, signer: req.signer });
  const { read, signature } = await readSignedManifest(req.manifest, bytes, signer, req.unsigned);
  const m = read.manifest;
  const plan = loaded && req.plan ? planOf(req.plan, loaded, m) : undefined;

  const signedVolumes = volumesOf(m.archive!);
  const target = signedVolumes ? await locateVolumes(req, m, signedVolumes) : await locateArchive(req, m);
  const archive = target.file;

  const judged = (observed: Observed) => {
    const input: VerdictInput = {
      manifestFile: req.manifest,
      manifestSha256: read.sha256,
      manifest: m,
      signature,
      archive: observed.cipher
        ? { file: archive, present: true, ...observed.cipher }
        : { file: archive, present: false },
      ...(observed.volumes ? { volumes: observed.volumes } : {}),
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
  if (target.size === null) return judged({});

  const key = req.decryptionKey
    ? await readPrivateKeyFile(req.decryptionKey, req.passphrase ?? {})
    : undefined;
  // Not a byte is decrypted of an archive the signed manifest does not vouch for (its size).
  const vouched = signature.valid && target.vouched(m);
  const progress = new Progress(
    target.size,
    req.progress && key && vouched ? req.m : undefined,
    req.extractTo ? 'extract' : 'verify',
  );
  const decrypt = (writeTo?: string, dest?: string) =>
    vouched || !key
      ? observeArchive(key, target, m, writeTo, dest, progress)
      : notDecrypted(
          target,
          signature.valid ? (w) => w.archive.notSignedSize : (w) => w.archive.notSignedByPinned,
        );
  if (!key || !req.extractTo) return judged(await decrypt());

  // extract: into a private temporary folder beside DIR, moved into view only when the verdict is OK.
  const dest = path.resolve(req.extractTo);
  const { temp, stale } = await prepareDestination(dest, m.plan.id);
  return staged({ temps: [temp], removeOnExit: true }, async (commit): Promise<VerifyOutcome> => {
    const outcome = { ...judged(await decrypt(temp, dest)), removedStale: stale };
    if (!outcome.verification.ok) return outcome;
    const extracted = path.join(dest, m.plan.id);
    try {
      await restoreTimes(path.join(temp, m.plan.id), m);
      await mkdir(dest, { recursive: true });
      await commit([{ from: path.join(temp, m.plan.id), to: extracted }]);
    } catch (e) {
      throw extractionError(e, dest);
    }
    return { ...outcome, extracted };
  });
}

/**
 * Gives each extracted payload file the modification time the signed manifest records (a backup's
 * age stays visible after the handover, docs/FORMAT.md): after the verdict, before the bag is
 * moved into view. A manifest without times (older versions) leaves the time of extraction.
 */
async function restoreTimes(bag: string, m: Manifest): Promise<void> {
  for (const d of m.deliverables)
    for (const f of d.files) {
      if (f.mtime === undefined) continue;
      const t = new Date(f.mtime);
      await utimes(path.join(bag, ...f.path.split('/')), t, t);
    }
}

interface Observed {
  /** The archive's size and digest; absent when it has not arrived (with volumes, their total size). */
  cipher?: { size: number; digest: string };
  /** With volumes: each one measured. */
  volumes?: ObservedVolume[];
  decrypted?: ArchiveObservation;
}

/** The archive measured (size and SHA-256), or every volume, reusing what the reader measured. */
async function measure(target: Target, read?: ArchiveRead): Promise<Pick<Observed, 'cipher' | 'volumes'>> {
  if (!target.volumes) return { cipher: read?.cipher ?? (await hashFile(target.file)) };
  const volumes = await measureVolumes(target.volumes, read?.volumeCiphers);
  const size = volumes.reduce((n, v) => n + (v.listed ? (v.measured?.size ?? 0) : 0), 0);
  return { cipher: { size, digest: '' }, volumes };
}

/**
 * The archive as observed: its size and digest (or its volumes') and, with a key, every entry
 * decrypted and hashed (written into `writeTo` for extract).
 */
async function observeArchive(
  key: PrivateKey | undefined,
  target: Target,
  m: Manifest,
  writeTo?: string,
  dest?: string,
  progress?: Progress,
): Promise<Observed> {
  if (!key) return measure(target);
  const volumes = target.volumes?.filter((v) => v.listed);
  try {
    const r = await readArchive({
      archive: volumes ? volumes[0]!.file : target.file,
      ...(volumes ? { volumes: volumes.map((v) => ({ file: v.file, name: v.name })) } : {}),
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
    return { ...(await measure(target, r)), decrypted: r };
  } catch (e) {
    if (e instanceof NotExitkitArchive) return { ...(await measure(target)), decrypted: refused(e.notOurs) };
    if (!(e instanceof ExitkitError)) throw dest ? extractionError(e, dest) : e;
    // Decryption could not start. If the (first) message is the one signed, the key is wrong (2);
    // if not, the archive was damaged, and that is a fault (1).
    const measured = await measure(target);
    const signed = volumesOf(m.archive!)?.[0] ?? (m.archive as { size: number; digest: string });
    const first = measured.volumes?.[0]?.measured ?? measured.cipher!;
    if (first.size === signed.size && first.digest === signed.digest.toLowerCase()) {
      const fingerprint = fingerprintOf(key);
      const why: Text = /not encrypted to it/.test(e.message)
        ? (w) => w.verify.notEncryptedTo(fingerprint)
        : e.text;
      const file = volumes?.[0]?.file ?? target.file;
      throw new ExitkitError((w) => w.verify.cannotDecrypt(file, say(w, why)), {
        code: e.code ?? 'key_wrong',
        hints: e.hintTexts,
      });
    }
    return { ...measured, decrypted: refused((w) => w.verify.decryptFailedAtStart) };
  }
}

/** An archive left undecrypted: the signed manifest does not vouch for it. */
async function notDecrypted(target: Target, why: Text): Promise<Observed> {
  return { ...(await measure(target)), decrypted: refused((w) => w.archive.notDecrypted(say(w, why))) };
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
