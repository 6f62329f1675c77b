/**
 * `exitkit bundle`, the outgoing provider's act, as one straight line: load the plan, check the
 * keys against its pins, collect the payload (refusing an incomplete plan), write the encrypted
 * bag, sign its manifest, and commit: the archive, the manifest and its signature are written
 * beside their final paths and renamed together at the end (src/io/staged.ts).
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { payloadPath } from '../core/bag.js';
import {
  bagInfo,
  buildManifest,
  completeness,
  isBundled,
  manifestJson,
  manifestText,
  type Recipient,
} from '../core/build-manifest.js';
import { ExitkitError, systemErrorText } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { say, type Messages, type Text } from '../core/i18n/terminal/index.js';
import type { DigestAlgorithm, Manifest } from '../core/manifest.js';
import type { Deliverable } from '../core/plan.js';
import type { Pins } from '../core/trust.js';
import { writeEncryptedBag, type PayloadEntry, type WrittenBag } from './archive/bag-writer.js';
import { fingerprintOf, type PassphraseSource, type PrivateKey, type PublicKey } from './openpgp/keys.js';
import { signDetached } from './openpgp/signatures.js';
import { loadPlan, type LoadedPlan } from './plan/plan-file.js';
import { resolveSources } from './plan/sources.js';
import { Progress } from './progress.js';
import { shown } from './shown.js';
import { staged } from './staged.js';
import { outgoingSigningKey, planPins, recipientsOf } from './trust.js';

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
  archive: string;
  manifest: string;
  signature: string;
}

export async function makeBundle(o: BundleOptions): Promise<BundleOutcome> {
  const started = Date.now();
  const loaded = await loadPlan(o.plan);
  // Keys first: a wrong key is "could not" before any file is read.
  const signingKey = await outgoingSigningKey(loaded, o.signingKey, o.passphrase);
  const signer = fingerprintOf(signingKey);
  const { keys, recipients } = await recipientsOf(loaded, o.recipients);
  const pins = await planPins(loaded);
  const payload = await collectPayload(loaded, o);
  const out = await prepareOutput(loaded.plan.id, o.out, o.force);
  const context: ManifestContext = {
    loaded,
    algorithm: o.algorithm,
    created: new Date(),
    version: o.version,
    signer,
    recipients,
    pins,
  };
  const manifest = await staged(
    { temps: Object.values(out.temp), createdDir: out.createdDir },
    async (commit) => {
      const bag = await writeBag(context, payload, keys, out.temp.archive, o.progress ? o.m : undefined);
      const manifest = sealedManifest(context, bag, path.basename(out.final.archive));
      await writeSignedManifest(manifest, signingKey, out.temp);
      // The three renames are one step: interrupted between two of them, none stays.
      await commit(
        (['archive', 'manifest', 'signature'] as const).map((k) => ({ from: out.temp[k], to: out.final[k] })),
      );
      return manifest;
    },
  ).catch((e: unknown) => {
    throw inWords(e, out.dir);
  });
  return { manifest, signer, recipients, files: out.final, seconds: (Date.now() - started) / 1000 };
}

/** What goes in: the files of ready and delivered deliverables, each problem named. */
interface Payload {
  entries: PayloadEntry[];
  byDeliverable: Map<string, PayloadEntry[]>;
}

async function collectPayload(
  loaded: LoadedPlan,
  o: Pick<BundleOptions, 'allowIncomplete' | 'note'>,
): Promise<Payload> {
  const { plan } = loaded;
  const entries: PayloadEntry[] = [];
  const byDeliverable = new Map<string, PayloadEntry[]>();
  const problems: Text[] = [];
  const seen = new Map<string, string>();
  for (const d of plan.deliverables.filter(isBundled)) {
    const files = await deliverableFiles(loaded, d, problems);
    for (const e of files) {
      const other = seen.get(e.bagPath);
      if (other) {
        const [one, bagPath] = [e.shown, e.bagPath];
        problems.push((m) => m.bundle.sameName(one, other, bagPath));
        continue;
      }
      seen.set(e.bagPath, e.shown);
    }
    byDeliverable.set(d.id, files);
    entries.push(...files);
  }
  if (problems.length)
    throw new ExitkitError(
      (m) =>
        m.bundle.sourceProblems(
          path.basename(loaded.file),
          problems.map((p) => say(m, p)),
        ),
      { hints: [(m) => m.bundle.sourceProblemsHint] },
    );

  const state = completeness(plan, new Set(byDeliverable.keys()));
  if (!state.complete && !o.allowIncomplete)
    throw new ExitkitError((m) => m.bundle.incomplete(state.missing), {
      exit: ExitCode.No,
      hints: [(m) => m.bundle.incompleteHint, (m) => m.bundle.allowIncompleteHint],
    });
  const pending = plan.deliverables.filter((d) => d.status === 'pending').map((d) => d.id);
  if (pending.length) o.note((m) => m.bundle.pendingLeftOut(pending.join(', ')));
  return { entries, byDeliverable };
}

/** A bundled deliverable's files as bag entries; its problems are added to `problems`. */
async function deliverableFiles(
  loaded: LoadedPlan,
  d: Deliverable,
  problems: Text[],
): Promise<PayloadEntry[]> {
  const { files, problems: found } = await resolveSources(loaded.dir, d, {
    allowExternal: loaded.plan.allow_external_sources,
  });
  for (const p of found) problems.push((m) => `${d.id}: ${say(m, p.message)}`);
  if (found.length === 0 && files.length === 0)
    problems.push((m) => m.bundle.noFile(d.id, m.status[d.status], d.sources));
  return files.map((f) => ({
    abs: f.abs,
    bagPath: payloadPath(d.category, d.id, f.rel),
    size: f.size,
    mtimeMs: f.mtimeMs,
    shown: shown(f.abs),
  }));
}

/** Where the bundle goes: DIR (made when absent), the final names, and the temporary ones beside them. */
async function prepareOutput(
  id: string,
  outArg: string,
  force: boolean,
): Promise<{ dir: string; createdDir: string | undefined; final: BundleFiles; temp: BundleFiles }> {
  const dir = path.resolve(outArg);
  const createdDir = (await ensureDir(dir)) ? dir : undefined;
  const final = {
    archive: path.join(dir, `${id}.tar.pgp`),
    manifest: path.join(dir, `${id}.manifest.json`),
    signature: path.join(dir, `${id}.manifest.json.asc`),
  };
  if (!force) {
    for (const f of Object.values(final))
      if (await stat(f).catch(() => null))
        throw new ExitkitError((m) => m.bundle.exists(shown(f)), {
          code: 'output_exists',
          hints: [(m) => m.bundle.existsHint],
        });
  }
  const stamp = `.exitkit-${process.pid}.tmp`;
  const temp = {
    archive: path.join(dir, `.${id}.tar.pgp${stamp}`),
    manifest: path.join(dir, `.${id}.manifest.json${stamp}`),
    signature: path.join(dir, `.${id}.manifest.json.asc${stamp}`),
  };
  return { dir, createdDir, final, temp };
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
}

type MeasuredFiles = Map<string, Manifest['deliverables'][number]['files']>;

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
      tagFiles: (files) => {
        const byPath = new Map(files.map((f) => [f.path, f]));
        measured = new Map(
          [...payload.byDeliverable].map(([id, entries]) => [id, entries.map((e) => byPath.get(e.bagPath)!)]),
        );
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
): Manifest {
  return {
    ...manifestOf(c, bag.measured, bag.written.tagFiles),
    archive: {
      file: archiveName,
      size: bag.written.archive.size,
      algorithm: 'sha256',
      digest: bag.written.archive.sha256,
    },
  };
}

async function writeSignedManifest(manifest: Manifest, key: PrivateKey, temp: BundleFiles): Promise<void> {
  const bytes = Buffer.from(manifestJson(manifest), 'utf8');
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
