/**
 * The receiving side's checks, used by `verify` and `extract` (and `acknowledge`): read the
 * manifest, check its signature against the PINNED signer, check the archive's size and digest,
 * decrypt and read every entry when a key is given, and hand everything to the pure verdict.
 * `extract` writes into a private temporary folder beside the destination and moves the bag into
 * view only when the verdict is OK (SECURITY.md, "Streaming, and when plaintext is released").
 */
import { mkdir, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import {
  chainVerdict,
  deliveryFiles,
  deliveryNumber,
  firstDeliveries,
  mergedManifest,
  type LinkVerdict,
} from '../core/chain.js';
import { ExitkitError } from '../core/errors.js';
import { volumesOf, type Manifest, type ManifestVolume, type Verification } from '../core/manifest.js';
import { CATALOGS, say, type Messages, type Text } from '../core/i18n/terminal/index.js';
import {
  allFiles,
  judge,
  type ArchiveObservation,
  type ObservedVolume,
  type VerdictInput,
} from '../core/verdict.js';
import { nameFlavour, unlistedTagManifest } from '../core/bag-names.js';
import { extractionError, readArchive, type ArchiveRead } from './archive/bag-reader.js';
import { hashFile } from './archive/hash-file.js';
import { hashFiles } from './archive/hash-files.js';
import { volumeFiles } from './archive/volumes.js';
import { followChain, type ChainLink } from './chain.js';
import { readManifestBytes, readSignedManifest, type UnsignedManifest } from './manifest-file.js';
import { NotExitkitArchive } from './openpgp/seipd.js';
import { fingerprintOf, readPrivateKeyFile, type PassphraseSource, type PrivateKey } from './openpgp/keys.js';
import { loadPlan, type LoadedPlan } from './plan/plan-file.js';
import { privateTemp, removeStaleTemps, staged } from './staged.js';
import { Progress } from './progress.js';
import { pinnedSigner } from './trust.js';

export {
  parseManifestBytes,
  readManifestBytes,
  readManifestFile,
  readSignatureFile,
  readSignedManifest,
  sha256,
  unsignedManifest,
  type ReadManifest,
  type SignedManifest,
  type UnsignedManifest,
} from './manifest-file.js';

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
  /** Volumes read side by side at most (default: 1). */
  jobs?: number;
}

export interface VerifyOutcome {
  /** The verdict as `--json` gives it: its words in English. */
  verification: Verification;
  /** The same verdict in the terminal's words. */
  said: Verification;
  manifest: Manifest;
  plan?: LoadedPlan;
  /** extract: where the bag now is, when the verdict was OK (the first delivery's, for a chain). */
  extracted?: string;
  /** extract: every delivery's bag, oldest first (one for a single delivery). */
  bags?: string[];
  /** extract: temporary folders left beside DIR by an extract that was killed, now removed. */
  removedStale?: string[];
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
async function locateArchive(given: string | undefined, dir: string, m: Manifest): Promise<Target> {
  const file = given ?? path.join(dir, plainName((m.archive as { file: string }).file));
  const info = await stat(file).catch((e: { code?: string }) => (e.code === 'ENOENT' ? 'absent' : null));
  const arrived = !(info === 'absent' && given === undefined);
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
async function locateVolumes(
  given: string | undefined,
  beside: string,
  stem: string,
  signed: ManifestVolume[],
): Promise<Target> {
  const dir = given ?? beside;
  if (given !== undefined && !(await stat(dir).catch(() => null))?.isDirectory())
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
  for (const file of await volumeFiles(dir, stem))
    if (!listed.has(file))
      volumes.push({ name: path.basename(file), file, listed: false, size: await sizeOf(file) });
  const present = volumes.filter((v) => v.listed && v.size !== null);
  return {
    file: path.join(dir, `${stem}.vol-*.tar.pgp`),
    size: present.length ? present.reduce((n, v) => n + v.size!, 0) : null,
    vouched: () => volumes.every((v, i) => !v.listed || v.size === signed[i]!.size),
    volumes,
  };
}

/**
 * Every volume there measured (size and SHA-256): what the decrypting reader measured of those it
 * read whole (the same bytes, read once), the others hashed up to `jobs` side by side.
 */
async function measureVolumes(
  volumes: LocatedVolume[],
  jobs: number,
  known: Array<{ size: number; digest: string }> = [],
): Promise<ObservedVolume[]> {
  const read = (v: LocatedVolume, i: number) => (v.listed ? known[i] : undefined);
  const rest = volumes.filter((v, i) => v.size !== null && !read(v, i));
  const hashed = await hashFiles(
    rest.map((v) => v.file),
    jobs,
  );
  const measured = new Map(rest.map((v, i) => [v, hashed[i]!]));
  return volumes.map((v, i) => ({
    name: v.name,
    file: v.file,
    listed: v.listed,
    measured: read(v, i) ?? measured.get(v) ?? null,
  }));
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
  const { read, signature } = await readSignedManifest(req.manifest, bytes, signer, req.unsigned);
  const m = read.manifest;
  const plan = loaded && req.plan ? planOf(req.plan, loaded, m) : undefined;

  // A later delivery: the chain is followed back, every link checked (src/io/chain.ts); the
  // manifest the pinned key did not sign is not followed (its verdict is no already).
  const latest: ChainLink = { number: deliveryNumber(m), read, signature };
  const chain =
    latest.number > 1 && signature.valid
      ? await followChain(latest, signer)
      : { links: [latest], faults: [] };
  const links: LinkArchive[] = [];
  for (const link of chain.links)
    links.push(await archiveOf(link, link === latest ? req.archive : undefined, path.dirname(req.manifest)));

  const key = req.decryptionKey
    ? await readPrivateKeyFile(req.decryptionKey, req.passphrase ?? {})
    : undefined;
  const judged = (observed: Observed[]) => {
    const verdicts = (w: Messages) => verdictOf(links, observed, chain.faults, plan, req, w);
    // The same pure verdict twice: in English for the JSON, in the terminal's words for a person.
    const verification = verdicts(CATALOGS.en);
    return {
      verification,
      said: req.m ? verdicts(req.m) : verification,
      manifest: links.length > 1 ? mergedManifest(links.map((l) => l.link.read.manifest)) : m,
      ...(plan ? { plan } : {}),
    };
  };
  const observeAll = async (writeTo?: string, dest?: string) => {
    const observed: Observed[] = [];
    for (const l of links)
      observed.push(await observeLink(l, key, req, writeTo && linkTemp(writeTo, l.link.number), dest));
    return observed;
  };
  if (!key || !req.extractTo) return judged(await observeAll());

  // extract: into a private temporary folder beside DIR, moved into view only when the verdict is
  // OK: every delivery's bag, or none.
  const dest = path.resolve(req.extractTo);
  const bags = links.map((l) => ({ link: l, name: bagFolder(m.plan.id, l.link.number) }));
  const { temp, stale } = await prepareDestination(
    dest,
    bags.map((b) => b.name),
  );
  return staged({ temps: [temp], removeOnExit: true }, async (commit): Promise<VerifyOutcome> => {
    const outcome = { ...judged(await observeAll(temp, dest)), removedStale: stale };
    if (!outcome.verification.ok) return outcome;
    const moves = bags.map((b) => ({
      from: path.join(linkTemp(temp, b.link.link.number), m.plan.id),
      to: path.join(dest, b.name),
    }));
    try {
      for (const [i, b] of bags.entries()) await restoreTimes(moves[i]!.from, b.link.link.read.manifest);
      await mkdir(dest, { recursive: true });
      await commit(moves);
    } catch (e) {
      throw extractionError(e, dest);
    }
    return { ...outcome, extracted: moves[0]!.to, bags: moves.map((x) => x.to) };
  });
}

/**
 * Where `extract` puts delivery `n`'s bag in DIR: the first as `<id>/` (as a single bundle
 * always was), each later one beside it as `<id>.delivery-N/`. One bag a delivery, not a merged
 * tree: each stays exactly the bag that was signed, and validates with any BagIt tool.
 */
function bagFolder(id: string, n: number): string {
  return n === 1 ? id : `${id}.delivery-${n}`;
}

/** Where delivery `n` is decrypted inside extract's temporary folder (a plan id never starts with '.'). */
function linkTemp(temp: string, n: number): string {
  return n === 1 ? temp : path.join(temp, `.delivery-${n}`);
}

/** A link of the chain and where its archive is (absent: the manifest came first). */
interface LinkArchive {
  link: ChainLink;
  target: Target;
}

/** Where a link's archive is: one file or its volumes, beside its manifest (or `given`, the latest's --archive). */
async function archiveOf(link: ChainLink, given: string | undefined, dir: string): Promise<LinkArchive> {
  const m = link.read.manifest;
  const signed = volumesOf(m.archive!);
  const target = signed
    ? await locateVolumes(given, dir, deliveryFiles(m.plan.id, link.number).stem, signed)
    : await locateArchive(given, dir, m);
  return { link, target };
}

/** One link's archive observed: hashed, and with a key decrypted (only when the signed manifest vouches for it). */
async function observeLink(
  l: LinkArchive,
  key: PrivateKey | undefined,
  req: VerifyRequest,
  writeTo?: string,
  dest?: string,
): Promise<Observed> {
  if (l.target.size === null) return {};
  const m = l.link.read.manifest;
  const jobs = req.jobs ?? 1;
  // Not a byte is decrypted of an archive the signed manifest does not vouch for (its sizes).
  const vouched = l.link.signature.valid && l.target.vouched(m);
  if (key && !vouched)
    return notDecrypted(
      l.target,
      jobs,
      !l.link.signature.valid
        ? (w) => w.archive.notSignedByPinned
        : l.target.volumes
          ? (w) => w.archive.volumesNotSigned
          : (w) => w.archive.notSignedSize,
    );
  const progress = new Progress(
    l.target.size,
    req.progress && key ? req.m : undefined,
    req.extractTo ? 'extract' : 'verify',
  );
  return observeArchive(key, l.target, m, jobs, writeTo, dest, progress);
}

/**
 * The verdict in the words of `w`: one manifest's, or a chain's (each earlier link on its
 * signature, archive and files; the latest also on completeness, over the chain).
 */
function verdictOf(
  links: readonly LinkArchive[],
  observed: readonly Observed[],
  chainFaults: readonly Text[],
  plan: LoadedPlan | undefined,
  req: VerifyRequest,
  w: Messages,
): Verification {
  const input = (l: LinkArchive, o: Observed, earlier?: VerdictInput['earlier']): VerdictInput => ({
    manifestFile: l.link.read.file,
    manifestSha256: l.link.read.sha256,
    manifest: l.link.read.manifest,
    signature: l.link.signature,
    archive: o.cipher
      ? { file: l.target.file, present: true, ...o.cipher }
      : { file: l.target.file, present: false },
    ...(o.volumes ? { volumes: o.volumes } : {}),
    ...(plan && req.plan ? { plan: plan.plan, planFile: req.plan } : {}),
    ...(o.decrypted ? { decrypted: o.decrypted } : {}),
    now: new Date(),
    ...(earlier !== undefined ? { earlier } : {}),
  });
  const last = links.length - 1;
  if (last === 0 && !chainFaults.length) return judge(input(links[0]!, observed[0]!), w);
  const each: LinkVerdict[] = links.map((l, i) => ({
    number: l.link.number,
    manifest: l.link.read.manifest,
    verification: judge(input(l, observed[i]!, false), w),
  }));
  const before = new Set(firstDeliveries(each.slice(0, -1)).keys());
  const whole = judge(input(links[last]!, observed[last]!, before), w);
  return chainVerdict(
    each,
    whole,
    chainFaults.map((f) => say(w, f)),
    (l, fault) => w.deliveries.linkFault(l.number, path.basename(l.verification.manifest.file), fault),
  );
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
async function measure(
  target: Target,
  jobs: number,
  read?: ArchiveRead,
): Promise<Pick<Observed, 'cipher' | 'volumes'>> {
  if (!target.volumes) return { cipher: read?.cipher ?? (await hashFile(target.file)) };
  const volumes = await measureVolumes(target.volumes, jobs, read?.volumeCiphers);
  const size = volumes.reduce((n, v) => n + (v.listed ? (v.measured?.size ?? 0) : 0), 0);
  return { cipher: { size, digest: '' }, volumes };
}

/**
 * The archive as observed: its size and digest (or its volumes') and, with a key, every entry
 * decrypted and hashed (written into `writeTo` for extract). Without a key, volumes are measured
 * side by side, up to `jobs` at once; with one, the decryption pass measures those it reads (one
 * read of each: on 2 cores a second read beside it was measured slower).
 */
async function observeArchive(
  key: PrivateKey | undefined,
  target: Target,
  m: Manifest,
  jobs: number,
  writeTo?: string,
  dest?: string,
  progress?: Progress,
): Promise<Observed> {
  if (!key) return measure(target, jobs);
  const volumes = target.volumes?.filter((v) => v.listed);
  const measured = (r?: ArchiveRead) => measure(target, jobs, r);
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
    return { ...(await measured(r)), decrypted: r };
  } catch (e) {
    if (e instanceof NotExitkitArchive) return { ...(await measured()), decrypted: refused(e.notOurs) };
    if (!(e instanceof ExitkitError)) throw dest ? extractionError(e, dest) : e;
    // Decryption could not start. If the (first) message is the one signed, the key is wrong (2);
    // if not, the archive was damaged, and that is a fault (1).
    const measures = await measured();
    const signed = volumesOf(m.archive!)?.[0] ?? (m.archive as { size: number; digest: string });
    const first = measures.volumes?.[0]?.measured ?? measures.cipher!;
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
    return { ...measures, decrypted: refused((w) => w.verify.decryptFailedAtStart) };
  }
}

/** An archive left undecrypted: the signed manifest does not vouch for it. */
async function notDecrypted(target: Target, jobs: number, why: Text): Promise<Observed> {
  return { ...(await measure(target, jobs)), decrypted: refused(why) };
}

function refused(why: Text): ArchiveObservation {
  return { entries: [], texts: {}, integrity: false, decryptError: why };
}

/**
 * Checks the destination and makes the private temporary folder beside it (same file system, so
 * the final move is a rename; mkdtemp makes it with mode 0700).
 */
async function prepareDestination(
  dest: string,
  names: readonly string[],
): Promise<{ temp: string; stale: string[] }> {
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
  for (const name of names)
    if (await stat(path.join(dest, name)).catch(() => null))
      throw new ExitkitError((w) => w.verify.destExists(path.join(dest, name)), {
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
