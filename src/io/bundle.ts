/**
 * `exitkit bundle`, the outgoing provider's act, as one straight line: load the plan, check the
 * keys against its pins, collect the payload (refusing an incomplete plan), write the encrypted
 * bag, sign its manifest, and commit: the archive, the manifest and its signature are written
 * beside their final paths and renamed together at the end (src/io/staged.ts).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashFile } from './archive/hash-file.js';
import { payloadPath } from '../core/bag.js';
import {
  bagInfo,
  buildManifest,
  completeness,
  handoverSelection,
  isBundled,
  manifestFinding,
  manifestJson,
  manifestText,
  type Recipient,
  type RefusedDeliverable,
} from '../core/build-manifest.js';
import {
  deliveredBefore,
  deliveredFiles,
  deliveryFiles,
  deliveryNumber,
  deliveryOfName,
  isNewFile,
} from '../core/chain.js';
import { ExitkitError, systemErrorText } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { say, type Messages, type Text } from '../core/i18n/terminal/index.js';
import type { DigestAlgorithm, Manifest, ManifestFile, ManifestFinding } from '../core/manifest.js';
import { INPUT_FAULTS } from '../core/walk.js';
import type { Pins } from '../core/trust.js';
import {
  writeEncryptedBag,
  type PayloadEntry,
  type WriteBagOptions,
  type WrittenBag,
} from './archive/bag-writer.js';
import { fingerprintOf, type PassphraseSource, type PrivateKey, type PublicKey } from './openpgp/keys.js';
import { signDetached, verifyDetached } from './openpgp/signatures.js';
import { followChain, latestDeliveryIn, manifestsOf, type ChainLink } from './chain.js';
import { MAX_MANIFEST_BYTES, parseManifestBytes, readManifestBytes } from './manifest-file.js';
import { loadPlan, type LoadedPlan } from './plan/plan-file.js';
import { Progress } from './progress.js';
import { shown } from './shown.js';
import { staged } from './staged.js';
import { outgoingSigningKey, planPins, recipientsOf } from './trust.js';
import { walkPlan } from './walk.js';
import { append } from '../core/arrays.js';
import { volumeFiles, volumeName } from './archive/volumes.js';

export interface BundleOptions {
  plan: string;
  out: string;
  signingKey: string;
  passphrase: PassphraseSource;
  /** More recipients' public key files, beside the plan's client and incoming keys. */
  recipients: string[];
  allowIncomplete: boolean;
  algorithm: DigestAlgorithm;
  force: boolean;
  /** exitkit's version, recorded in the manifest. */
  version: string;
  /** Progress on stderr (a terminal, not --json), in the words of `m`. */
  progress: boolean;
  /** Cut the archive into volumes, each file under this many bytes (docs/FORMAT.md, "Volumes"). */
  volumeSize?: number | undefined;
  /** Volumes sealed side by side at most (default: 1). */
  jobs?: number | undefined;
  m: Messages;
  note: (message: Text) => void;
}

export interface BundleOutcome {
  manifest: Manifest;
  signer: string;
  recipients: Recipient[];
  files: BundleFiles;
  seconds: number;
}

interface BundleFiles {
  /** The archive; with volumes, the folder they are written into (temporary) or the first one (final). */
  archive: string;
  manifest: string;
  signature: string;
  /** With volumes: each volume's file, in order (once written). */
  volumes?: string[];
}

export async function makeBundle(o: BundleOptions): Promise<BundleOutcome> {
  const started = Date.now();
  const loaded = await loadPlan(o.plan);
  // Keys first: a wrong key is "could not" before any file is read.
  const signingKey = await outgoingSigningKey(loaded, o.signingKey, o.passphrase);
  const signer = fingerprintOf(signingKey);
  const { keys, recipients } = await recipientsOf(loaded, o.recipients);
  const pins = await planPins(loaded);
  // A folder that holds a signed delivery of this plan gets the next one (src/io/chain.ts).
  const previous = await previousDeliveries(loaded.plan.id, o.out, signingKey);
  const before = deliveredBefore(manifestsOf(previous));
  const collected = await collectPayload(loaded, o, started, before);
  const payload = previous.length ? await whatIsNew(collected, previous, loaded.plan.id, o.note) : collected;
  const latest = previous[previous.length - 1];
  const number = latest ? latest.number + 1 : 1;
  const context: ManifestContext = {
    loaded,
    algorithm: o.algorithm,
    created: new Date(),
    version: o.version,
    signer,
    recipients,
    pins,
    findings: payload.findings,
    ...(latest
      ? {
          delivery: {
            number,
            previous: { file: path.basename(latest.read.file), sha256: latest.read.sha256 },
          },
          deliveredBefore: before,
        }
      : {}),
  };
  // What bundle writes, verify reads: a manifest over verify's limit is refused before a byte.
  refuseLargeManifest(manifestSizeBefore(context, payload, o.volumeSize), payload.entries.length);
  const out = await prepareOutput(loaded.plan.id, o.out, o.force, number, o.volumeSize !== undefined);
  const manifest = await staged(
    { temps: Object.values(out.temp), createdDir: out.createdDir },
    async (commit) => {
      const volumes =
        o.volumeSize === undefined ? undefined : await volumesIn(out.temp.archive, o.volumeSize, o.jobs);
      const bag = await writeBag(
        context,
        payload,
        keys,
        out.temp.archive,
        o.progress ? o.m : undefined,
        volumes,
      );
      const written = bag.written.volumes?.map((v, i, all) => ({
        ...v,
        final: path.join(out.dir, volumeName(out.stem, i + 1, all.length)),
      }));
      const manifest = sealedManifest(context, bag, path.basename(out.final.archive), written);
      await writeSignedManifest(manifest, signingKey, out.temp);
      // The renames are one step: interrupted between two of them, none stays.
      await commit([
        ...(written
          ? written.map((v) => ({ from: v.file, to: v.final }))
          : [{ from: out.temp.archive, to: out.final.archive }]),
        ...(['manifest', 'signature'] as const).map((k) => ({ from: out.temp[k], to: out.final[k] })),
      ]);
      if (written) {
        out.final.volumes = written.map((v) => v.final);
        out.final.archive = out.final.volumes[0]!;
        // Replaced (--force): volumes of the previous bundle beyond the new ones would be named as extra.
        for (const stale of await volumeFiles(out.dir, out.stem))
          if (!out.final.volumes.includes(stale)) await rm(stale, { force: true });
      }
      return manifest;
    },
  ).catch((e: unknown) => {
    throw inWords(e, out.dir);
  });
  return { manifest, signer, recipients, files: out.final, seconds: (Date.now() - started) / 1000 };
}

/**
 * The deliveries already in DIR, oldest first, when the latest is signed by this signing key and
 * its chain holds; none when DIR holds no delivery of the plan (or, with --force, a first one
 * that is not signed by this key: it is replaced as before). A delivery is never replaced.
 */
async function previousDeliveries(id: string, outArg: string, key: PrivateKey): Promise<ChainLink[]> {
  const dir = path.resolve(outArg);
  if (!(await stat(dir).catch(() => null))?.isDirectory()) return [];
  const file = await latestDeliveryIn(dir, id);
  if (!file) return [];
  const bytes = await readManifestBytes(file);
  const armored = await readFile(`${file}.asc`, 'utf8').catch(() => null);
  const check = armored === null ? null : await verifyDetached(bytes, armored, [key.toPublic()]);
  const number = deliveryOfName(path.basename(file), id);
  if (!check?.valid) {
    // Not a delivery signed by this key: a first-delivery name is what --force replaces.
    if (number === 1) return [];
    throw new ExitkitError((m) => m.deliveries.notOurs(shown(file)), {
      hints: [(m) => m.deliveries.notOursHint],
    });
  }
  const latest: ChainLink = {
    number,
    read: parseManifestBytes(file, bytes),
    signature: { valid: true, fingerprint: check.fingerprint },
  };
  const { links, faults } = await followChain(latest, key.toPublic());
  if (faults.length || deliveryNumber(latest.read.manifest) !== number)
    throw new ExitkitError(
      (m) =>
        m.deliveries.chainBroken(shown(dir), faults.length ? faults.map((f) => say(m, f)) : [shown(file)]),
      { hints: [(m) => m.deliveries.chainBrokenHint] },
    );
  return links;
}

/**
 * What a next delivery carries: each file whose bag path the chain never delivered, or delivered
 * with another size or digest (the digest computed only when path and size match); a deliverable
 * with nothing new stays out of the payload. Nothing new at all is the answer no (exit 1).
 */
async function whatIsNew(
  payload: Payload,
  previous: ChainLink[],
  id: string,
  note: BundleOptions['note'],
): Promise<Payload> {
  const known = deliveredFiles(manifestsOf(previous));
  const byDeliverable = new Map<string, PayloadEntry[]>();
  const unchanged: string[] = [];
  for (const [deliverable, entries] of payload.byDeliverable) {
    const fresh: PayloadEntry[] = [];
    for (const e of entries) {
      const was = known.get(e.bagPath);
      const digest = was && was.size === e.size ? (await hashFile(e.abs, was.algorithm)).digest : '';
      if (isNewFile(known, e, () => digest)) fresh.push(e);
    }
    if (fresh.length) byDeliverable.set(deliverable, fresh);
    else unchanged.push(deliverable);
  }
  const last = previous[previous.length - 1]!.number;
  if (!byDeliverable.size)
    throw new ExitkitError((m) => m.deliveries.nothingNew(id, last), {
      exit: ExitCode.No,
      code: 'not_ready',
      hints: [(m) => m.deliveries.nothingNewHint],
    });
  note((m) => m.deliveries.next(last + 1, last));
  if (unchanged.length) note((m) => m.deliveries.unchanged(unchanged.join(', ')));
  return { ...payload, byDeliverable, entries: [...byDeliverable.values()].flat() };
}

/** What goes in: the files of ready and delivered deliverables whose checks pass, each problem named. */
interface Payload {
  entries: PayloadEntry[];
  byDeliverable: Map<string, PayloadEntry[]>;
  /** The walk's findings by deliverable id, recorded in the manifest. */
  findings: Map<string, ManifestFinding[]>;
}

async function collectPayload(
  loaded: LoadedPlan,
  o: Pick<BundleOptions, 'allowIncomplete' | 'note'>,
  now: number,
  /** What earlier deliveries carried: it counts towards completeness. */
  before: ReadonlySet<string>,
): Promise<Payload> {
  const { plan } = loaded;
  // The same facts and findings `exitkit walk` shows: one decision (README.md, "What walk refuses,
  // bundle refuses").
  const walked = new Map((await walkPlan(loaded, now)).map((w) => [w.deliverable.id, w]));
  const problems: Text[] = [];
  for (const d of plan.deliverables.filter(isBundled))
    for (const p of walked.get(d.id)!.facts.problems)
      if (INPUT_FAULTS.has(p.kind)) problems.push((m) => m.about(d.id, say(m, p.message)));
  if (problems.length)
    throw new ExitkitError(
      (m) =>
        m.bundle.sourceProblems(
          path.basename(loaded.file),
          problems.map((p) => say(m, p)),
        ),
      { hints: [(m) => m.bundle.sourceProblemsHint] },
    );

  const assessments = plan.deliverables.map((d) => walked.get(d.id)!.assessment);
  const { bundled, refused } = handoverSelection(assessments);
  const state = completeness(plan, new Set([...bundled, ...before]));
  if ((refused.length > 0 || !state.complete) && !o.allowIncomplete) {
    const others = state.missing.filter((id) => !refused.some((r) => r.id === id));
    throw new ExitkitError(
      (m) =>
        [
          ...(refused.length ? [m.walkRefuses.refused(refused.map((r) => refusedLine(r, m)))] : []),
          ...(others.length ? [m.bundle.incomplete(others)] : []),
        ].join('\n'),
      {
        exit: ExitCode.No,
        code: 'not_ready',
        hints: [
          refused.length ? (m) => m.walkRefuses.refusedHint : (m) => m.bundle.incompleteHint,
          (m) => m.bundle.allowIncompleteHint,
        ],
      },
    );
  }
  for (const r of refused) o.note((m) => m.walkRefuses.leftOut(refusedLine(r, m)));
  const pending = plan.deliverables.filter((d) => d.status === 'pending').map((d) => d.id);
  if (pending.length) o.note((m) => m.bundle.pendingLeftOut(pending.join(', ')));

  const entries: PayloadEntry[] = [];
  const byDeliverable = new Map<string, PayloadEntry[]>();
  const seen = new Map<string, string>();
  for (const d of plan.deliverables.filter((x) => bundled.has(x.id))) {
    const files = walked.get(d.id)!.files.map((f) => ({
      abs: f.abs,
      bagPath: payloadPath(d.category, d.id, f.rel),
      size: f.size,
      mtimeMs: f.mtimeMs,
      shown: shown(f.abs),
    }));
    for (const e of files) {
      const other = seen.get(e.bagPath);
      if (other) {
        const [one, bagPath] = [e.shown, e.bagPath];
        throw new ExitkitError((m) => m.bundle.sameName(one, other, bagPath), {
          hints: [(m) => m.bundle.sourceProblemsHint],
        });
      }
      seen.set(e.bagPath, e.shown);
    }
    byDeliverable.set(d.id, files);
    append(entries, files);
  }
  const findings = new Map(assessments.map((a) => [a.id, a.findings.map(manifestFinding)]));
  return { entries, byDeliverable, findings };
}

/** A refused deliverable in one line: its id and the walk's errors. */
function refusedLine(r: RefusedDeliverable, m: Messages): string {
  return m.walkRefuses.line(
    r.id,
    r.errors.map((e) => say(m, e)),
  );
}

/** Where the bundle goes: DIR (made when absent), the final names, and the temporary ones beside them. */
async function prepareOutput(
  id: string,
  outArg: string,
  force: boolean,
  number: number,
  volumes: boolean,
): Promise<{
  dir: string;
  stem: string;
  createdDir: string | undefined;
  final: BundleFiles;
  temp: BundleFiles;
}> {
  const dir = path.resolve(outArg);
  const createdDir = (await ensureDir(dir)) ? dir : undefined;
  const names = deliveryFiles(id, number);
  const final = {
    archive: path.join(dir, names.archive),
    manifest: path.join(dir, names.manifest),
    signature: path.join(dir, names.signature),
  };
  // A later delivery never replaces a file, --force or not.
  if (!force || number > 1) {
    const previous = volumes ? await volumeFiles(dir, names.stem) : [];
    for (const f of [...Object.values(final), ...previous])
      if (await stat(f).catch(() => null))
        throw new ExitkitError((m) => m.bundle.exists(shown(f)), {
          code: 'output_exists',
          hints: [(m) => m.bundle.existsHint],
        });
  }
  const stamp = `.exitkit-${process.pid}.tmp`;
  const temp = {
    // With volumes, a folder that holds them until they are renamed into DIR.
    archive: path.join(dir, volumes ? `.${names.stem}.volumes${stamp}` : `.${names.archive}${stamp}`),
    manifest: path.join(dir, `.${names.manifest}${stamp}`),
    signature: path.join(dir, `.${names.signature}${stamp}`),
  };
  return { dir, stem: names.stem, createdDir, final, temp };
}

/** Where the volumes are written before they are renamed: a private folder (removed whatever happens). */
async function volumesIn(
  folder: string,
  size: number,
  jobs = 1,
): Promise<{ volumes: NonNullable<WriteBagOptions['volumes']>; jobs: number }> {
  await mkdir(folder, { mode: 0o700 });
  return { volumes: { size, file: (n) => path.join(folder, `vol-${n}`) }, jobs };
}

async function ensureDir(dir: string): Promise<boolean> {
  const info = await stat(dir).catch(() => null);
  if (info) {
    if (!info.isDirectory())
      throw new ExitkitError((m) => m.bundle.notAFolder(shown(dir)), {
        hints: [(m) => m.bundle.notAFolderHint],
      });
    return false;
  }
  await mkdir(dir, { recursive: true });
  return true;
}

/** What every manifest of this bundle shares (the one inside the bag, and the signed one). */
interface ManifestContext {
  loaded: LoadedPlan;
  algorithm: DigestAlgorithm;
  created: Date;
  version: string;
  signer: string;
  recipients: Recipient[];
  pins: Pins;
  findings: ReadonlyMap<string, ManifestFinding[]>;
  delivery?: Manifest['delivery'];
  deliveredBefore?: ReadonlySet<string>;
}

type MeasuredFiles = Map<string, Manifest['deliverables'][number]['files']>;

/**
 * Each deliverable's files as the manifest lists them: as `listed` measured them, each with its
 * modification time (a backup's age stays visible, and extract restores it).
 */
function measuredFiles(payload: Payload, listed: (e: PayloadEntry) => ManifestFile): MeasuredFiles {
  return new Map(
    [...payload.byDeliverable].map(([id, entries]) => [
      id,
      entries.map((e) => ({ ...listed(e), mtime: new Date(e.mtimeMs).toISOString() })),
    ]),
  );
}

function manifestOf(c: ManifestContext, measured: MeasuredFiles, tagFiles: Manifest['tagFiles']): Manifest {
  return buildManifest({
    plan: c.loaded.plan,
    planFile: path.basename(c.loaded.file),
    planSha256: c.loaded.sha256,
    algorithm: c.algorithm,
    payload: measured,
    tagFiles,
    created: c.created,
    version: c.version,
    signer: c.signer,
    recipients: c.recipients,
    partyFingerprints: c.pins,
    findings: c.findings,
    ...(c.delivery ? { delivery: c.delivery } : {}),
    ...(c.deliveredBefore ? { deliveredBefore: c.deliveredBefore } : {}),
  });
}

/** Writes the encrypted bag: the payload, then the tag files, the manifest copy inside last. */
async function writeBag(
  c: ManifestContext,
  payload: Payload,
  recipients: PublicKey[],
  file: string,
  /** The words of the progress line, when there is one. */
  progressIn: Messages | undefined,
  volumes: { volumes: NonNullable<WriteBagOptions['volumes']>; jobs: number } | undefined,
): Promise<{ measured: MeasuredFiles; written: WrittenBag }> {
  const { plan } = c.loaded;
  const progress = new Progress(
    payload.entries.reduce((n, e) => n + e.size, 0),
    progressIn,
  );
  let measured: MeasuredFiles = new Map();
  try {
    const written = await writeEncryptedBag({
      file,
      bagId: plan.id,
      payload: payload.entries,
      algorithm: c.algorithm,
      recipients,
      onProgress: (n) => progress.update(n),
      ...volumes,
      tagFiles: (files) => {
        const byPath = new Map(files.map((f) => [f.path, f]));
        measured = measuredFiles(payload, (e) => byPath.get(e.bagPath)!);
        const bytes = files.reduce((n, f) => n + f.size, 0);
        const text = (s: string) => Buffer.from(s, 'utf8');
        const first = [
          {
            path: 'bag-info.txt',
            content: text(
              bagInfo({ plan, bytes, files: files.length, created: c.created, version: c.version }),
            ),
          },
          { path: `manifest-${c.algorithm}.txt`, content: text(manifestText(files)) },
          { path: 'exit-plan.yaml', content: text(c.loaded.text) },
        ];
        // The copy inside the bag lists the tag files before it: it cannot hold its own digest,
        // nor the archive's.
        const inner = (written: Manifest['tagFiles']) => ({
          path: 'exit-manifest.json',
          content: text(manifestJson(manifestOf(c, measured, written))),
        });
        return [...first, inner];
      },
    });
    return { measured, written };
  } finally {
    progress.done();
  }
}

/** The manifest that is signed: the one inside the bag, with the archive's size and digest. */
function sealedManifest(
  c: ManifestContext,
  bag: { measured: MeasuredFiles; written: WrittenBag },
  archiveName: string,
  volumes: Array<{ final: string; size: number; sha256: string }> | undefined,
): Manifest {
  const { size, sha256 } = bag.written.archive;
  return {
    ...manifestOf(c, bag.measured, bag.written.tagFiles),
    archive: volumes
      ? {
          size,
          algorithm: 'sha256',
          volumes: volumes.map((v) => ({ file: path.basename(v.final), size: v.size, digest: v.sha256 })),
        }
      : { file: archiveName, size, algorithm: 'sha256', digest: sha256! },
  };
}

/**
 * The signed manifest's size, known before a byte is sealed: the manifest as it will be, with a
 * digest of the right length for each file and the largest sizes for what is measured later (the
 * tag files, the archive or each volume). Only numbers' digits and the dates can differ.
 */
function manifestSizeBefore(c: ManifestContext, payload: Payload, volumeSize: number | undefined): number {
  const digest = createHash(c.algorithm).digest('hex');
  const sha256 = createHash('sha256').digest('hex');
  const measured = measuredFiles(payload, (e) => ({ path: e.bagPath, size: e.size, digest }));
  const tagFiles = [
    'bagit.txt',
    'bag-info.txt',
    `manifest-${c.algorithm}.txt`,
    'exit-plan.yaml',
    'exit-manifest.json',
  ].map((path) => ({ path, size: Number.MAX_SAFE_INTEGER, digest }));
  // The tar: a header (two with a long name) and whole blocks a file, the tag files, the key packets.
  const tar = payload.entries.reduce((n, e) => n + 1536 + Math.ceil(e.size / 512) * 512, 2 ** 20);
  const count = volumeSize === undefined ? 0 : Math.ceil((tar * 1.01) / volumeSize) + 1;
  const stem = c.delivery ? `${c.loaded.plan.id}.delivery-${c.delivery.number}` : c.loaded.plan.id;
  const manifest: Manifest = {
    ...manifestOf(c, measured, tagFiles),
    archive: volumeSize
      ? {
          size: Number.MAX_SAFE_INTEGER,
          algorithm: 'sha256',
          volumes: Array.from({ length: count }, (_, i) => ({
            file: volumeName(stem, i + 1, count),
            size: Number.MAX_SAFE_INTEGER,
            digest: sha256,
          })),
        }
      : { file: `${stem}.tar.pgp`, size: Number.MAX_SAFE_INTEGER, algorithm: 'sha256', digest: sha256 },
  };
  return Buffer.byteLength(manifestJson(manifest), 'utf8');
}

/** A manifest over verify's limit: exit 2, before anything is written (or with nothing left). */
function refuseLargeManifest(size: number, files: number): void {
  if (size <= MAX_MANIFEST_BYTES) return;
  throw new ExitkitError((m) => m.bundle.manifestTooLarge(files, size, MAX_MANIFEST_BYTES), {
    hints: [(m) => m.bundle.manifestTooLargeHint],
  });
}

async function writeSignedManifest(manifest: Manifest, key: PrivateKey, temp: BundleFiles): Promise<void> {
  const bytes = Buffer.from(manifestJson(manifest), 'utf8');
  refuseLargeManifest(bytes.byteLength, manifest.payload.files);
  await writeFile(temp.manifest, bytes, { flag: 'wx', mode: 0o644 });
  await writeFile(temp.signature, await signDetached(bytes, key), { flag: 'wx', mode: 0o644 });
}

/**
 * A system error while the bundle was made, said in words: a source that cannot be read is named
 * as the source; anything else (a full disk, a folder removed or not writable) names DIR. Either
 * way the temporary files are gone already, so the message says that nothing was left.
 */
function inWords(e: unknown, outDir: string): unknown {
  const err = e as NodeJS.ErrnoException;
  if (e instanceof ExitkitError || !(e instanceof Error) || typeof err.code !== 'string') return e;
  // Said without the path Node puts in the message: the path that matters is named once, here.
  const reason = systemErrorText(Object.assign(new Error(err.message), { code: err.code }));
  if (err.path && path.relative(outDir, err.path).startsWith('..')) {
    const source = shown(err.path);
    return new ExitkitError((m) => m.bundle.cannotReadSource(source, say(m, reason)), {
      hints: [(m) => m.bundle.cannotReadSourceHint],
      cause: e,
    });
  }
  const full = err.code === 'ENOSPC' || err.code === 'EDQUOT';
  return new ExitkitError((m) => m.bundle.cannotWrite(shown(outDir), say(m, reason)), {
    hints: [full ? (m) => m.bundle.diskFullHint : (m) => m.bundle.cannotWriteHint],
    cause: e,
  });
}
