/**
 * `exitkit bundle`, the outgoing provider's act, as one call: check the keys against the plan,
 * resolve what goes in, refuse an incomplete plan, write the encrypted bag, the manifest and its
 * signature beside their final paths, and rename the three together at the end.
 */
import { mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
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
import { ExitkitError, describeSystemError } from '../core/errors.js';
import { english } from '../core/i18n/terminal/index.js';
import type { DigestAlgorithm, Manifest } from '../core/manifest.js';
import type { Deliverable, Role } from '../core/plan.js';
import { writeEncryptedBag, type PayloadEntry } from './archive/bag-writer.js';
import { removeOnInterrupt } from './cleanup.js';
import {
  assertCanEncrypt,
  assertCanSign,
  fingerprintOf,
  readKeyFile,
  readPrivateKeyFile,
  type PassphraseSource,
  type PublicKey,
} from './openpgp/keys.js';
import { signDetached } from './openpgp/signatures.js';
import { loadPlan, type LoadedPlan } from './plan/plan-file.js';
import { resolveSources } from './plan/sources.js';
import { Progress } from './progress.js';

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
  /** Progress on stderr (a terminal, not --json). */
  progress: boolean;
  note: (message: string) => void;
}

export interface BundleOutcome {
  manifest: Manifest;
  signer: string;
  recipients: Recipient[];
  files: { archive: string; manifest: string; signature: string };
  seconds: number;
}

export async function makeBundle(o: BundleOptions): Promise<BundleOutcome> {
  const started = Date.now();
  const algorithm = o.algorithm;
  const loaded = await loadPlan(o.plan);
  const { plan } = loaded;

  // Keys first: a wrong key is "could not" before any file is read.
  const outgoingPin = await partyFingerprint(loaded, 'outgoing');
  if (!outgoingPin)
    throw new ExitkitError(
      'the plan pins no key for the outgoing provider, so the signer cannot be checked',
      {
        location: loaded.locate(['parties', 'outgoing']),
        hints: ['add parties.outgoing.key: keys/<outgoing>.pub.asc (or its fingerprint) to the plan'],
      },
    );
  const signingFile = o.signingKey;
  const signingPublic = await readKeyFile(signingFile);
  if (fingerprintOf(signingPublic) !== outgoingPin)
    throw new ExitkitError(
      `the signing key ${signingFile} (${fingerprintOf(signingPublic)}) is not the outgoing provider's key of the plan (${outgoingPin})`,
      {
        hints: [
          "sign with the outgoing provider's private key, the one whose public key the plan names under parties.outgoing",
        ],
      },
    );
  await assertCanSign(signingPublic, signingFile);
  const signingKey = await readPrivateKeyFile(signingFile, o.passphrase);
  const signer = fingerprintOf(signingKey);
  const { keys: recipientKeys, recipients } = await recipientsOf(loaded, o.recipients);

  // What goes in: the files of ready and delivered deliverables, every problem named.
  const payload: PayloadEntry[] = [];
  const byDeliverable = new Map<string, PayloadEntry[]>();
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const d of plan.deliverables.filter(isBundled)) {
    const entries = await deliverableFiles(loaded, d, problems);
    for (const e of entries) {
      const other = seen.get(e.bagPath);
      if (other) {
        problems.push(
          `${e.shown} and ${other} would both be ${e.bagPath} in the bag (names equal once in NFC)`,
        );
        continue;
      }
      seen.set(e.bagPath, e.shown);
    }
    byDeliverable.set(d.id, entries);
    payload.push(...entries);
  }
  if (problems.length)
    throw new ExitkitError(
      `cannot bundle ${path.basename(loaded.file)}: ${problems.length} problem${problems.length > 1 ? 's' : ''} with the sources\n  ${problems.join('\n  ')}`,
      {
        hints: ['fix them, or set the deliverable back to pending; `exitkit walk` shows each deliverable'],
      },
    );

  const state = completeness(plan, new Set(byDeliverable.keys()));
  const pending = plan.deliverables.filter((d) => d.status === 'pending').map((d) => d.id);
  if (!state.complete && !o.allowIncomplete)
    throw new ExitkitError(
      `the plan is incomplete: required deliverable${state.missing.length > 1 ? 's' : ''} not ready: ${state.missing.join(', ')}`,
      {
        exit: 1,
        hints: [
          'finish them and mark them ready with `exitkit walk`, or waive them with a reason',
          'or add --allow-incomplete to hand over what there is (the manifest then says complete: false)',
        ],
      },
    );
  if (pending.length) o.note(`note: pending deliverables left out of the payload: ${pending.join(', ')}`);

  // Written beside the final paths, renamed at the end (SPEC.md, "Nothing half-written").
  const outDir = path.resolve(o.out);
  const createdDir = await ensureDir(outDir);
  const final = {
    archive: path.join(outDir, `${plan.id}.tar.pgp`),
    manifest: path.join(outDir, `${plan.id}.manifest.json`),
    signature: path.join(outDir, `${plan.id}.manifest.json.asc`),
  };
  if (!o.force) {
    for (const f of Object.values(final))
      if (await exists(f))
        throw new ExitkitError(`${shown(f)} exists already`, {
          hints: ['choose another --out DIR, or add --force to replace the previous bundle'],
        });
  }
  const stamp = `.exitkit-${process.pid}.tmp`;
  const tmp = {
    archive: path.join(outDir, `.${plan.id}.tar.pgp${stamp}`),
    manifest: path.join(outDir, `.${plan.id}.manifest.json${stamp}`),
    signature: path.join(outDir, `.${plan.id}.manifest.json.asc${stamp}`),
  };
  let renaming = false;
  let forgetFinal = () => {};
  const undo = async () => {
    for (const f of Object.values(tmp)) await rm(f, { force: true });
    if (renaming) for (const f of Object.values(final)) await rm(f, { force: true });
    if (createdDir) await rmdir(outDir).catch(() => undefined);
  };
  const forget = removeOnInterrupt(...Object.values(tmp), ...(createdDir ? [outDir] : []));

  const created = new Date();
  const version = o.version;
  const partyFingerprints: Partial<Record<Role, string>> = {};
  for (const role of ['client', 'outgoing', 'incoming'] as const) {
    const f = await partyFingerprint(loaded, role);
    if (f) partyFingerprints[role] = f;
  }
  const totalBytes = payload.reduce((n, e) => n + e.size, 0);
  const progress = new Progress(totalBytes, o.progress);
  const manifestFor = (
    measured: Map<string, Manifest['deliverables'][number]['files']>,
    tagFiles: Manifest['tagFiles'],
  ) =>
    buildManifest({
      plan,
      planFile: path.basename(loaded.file),
      planSha256: loaded.sha256,
      algorithm,
      payload: measured,
      tagFiles,
      created,
      version,
      signer,
      recipients,
      partyFingerprints,
    });

  let manifest: Manifest;
  try {
    let measured = new Map<string, Manifest['deliverables'][number]['files']>();
    const written = await writeEncryptedBag({
      file: tmp.archive,
      bagId: plan.id,
      payload,
      algorithm,
      recipients: recipientKeys,
      onProgress: (n) => progress.update(n),
      tagFiles: (files) => {
        const byPath = new Map(files.map((f) => [f.path, f]));
        measured = new Map(
          [...byDeliverable].map(([id, entries]) => [id, entries.map((e) => byPath.get(e.bagPath)!)]),
        );
        const bytes = files.reduce((n, f) => n + f.size, 0);
        const text = (s: string) => Buffer.from(s, 'utf8');
        const first = [
          {
            path: 'bag-info.txt',
            content: text(bagInfo({ plan, bytes, files: files.length, created, version })),
          },
          { path: `manifest-${algorithm}.txt`, content: text(manifestText(files)) },
          { path: 'exit-plan.yaml', content: text(loaded.text) },
        ];
        // The copy inside the bag lists the tag files before it: it cannot hold its own digest,
        // nor the archive's.
        const inner = (written: Manifest['tagFiles']) => ({
          path: 'exit-manifest.json',
          content: text(manifestJson(manifestFor(measured, written))),
        });
        return [...first, inner];
      },
    });
    progress.done();
    manifest = {
      ...manifestFor(measured, written.tagFiles),
      archive: {
        file: path.basename(final.archive),
        size: written.archive.size,
        algorithm: 'sha256',
        digest: written.archive.sha256,
      },
    };
    const manifestBytes = Buffer.from(manifestJson(manifest), 'utf8');
    await writeFile(tmp.manifest, manifestBytes, { flag: 'wx', mode: 0o644 });
    await writeFile(tmp.signature, await signDetached(manifestBytes, signingKey), {
      flag: 'wx',
      mode: 0o644,
    });
    // The three renames are one step: interrupted between two of them, none stays.
    forgetFinal = removeOnInterrupt(...Object.values(final));
    renaming = true;
    await rename(tmp.archive, final.archive);
    await rename(tmp.manifest, final.manifest);
    await rename(tmp.signature, final.signature);
    renaming = false;
  } catch (e) {
    progress.done();
    await undo();
    throw inWords(e, outDir);
  } finally {
    forgetFinal();
    forget();
  }

  return { manifest, signer, recipients, files: final, seconds: (Date.now() - started) / 1000 };
}

/** The plan's client and incoming keys, then every --recipient, each able to encrypt now. */
async function recipientsOf(
  loaded: LoadedPlan,
  extra: string[],
): Promise<{ keys: PublicKey[]; recipients: Recipient[] }> {
  const keys: PublicKey[] = [];
  const recipients: Recipient[] = [];
  const add = async (file: string, shownAs: string, role?: Role, name?: string) => {
    const key = await readKeyFile(file);
    await assertCanEncrypt(key, shownAs);
    const fingerprint = fingerprintOf(key);
    if (recipients.some((r) => r.fingerprint === fingerprint)) return;
    keys.push(key.toPublic());
    recipients.push({ fingerprint, ...(role ? { role } : {}), ...(name ? { name } : {}) });
  };
  for (const role of ['client', 'incoming'] as const) {
    const party = loaded.plan.parties[role];
    if (!party) continue;
    if (!party.key)
      throw new ExitkitError(
        `the plan names no key file for the ${role} (${party.name}): nothing to encrypt to`,
        {
          location: loaded.locate(['parties', role]),
          hints: [`add parties.${role}.key: keys/<${role}>.pub.asc, the armored public key it gave you`],
        },
      );
    await add(path.resolve(loaded.dir, party.key), party.key, role, party.name);
  }
  for (const file of extra) await add(file, file);
  return { keys, recipients };
}

/** A bundled deliverable's files as bag entries; its problems are added to `problems`. */
async function deliverableFiles(
  loaded: LoadedPlan,
  d: Deliverable,
  problems: string[],
): Promise<PayloadEntry[]> {
  const { files, problems: found } = await resolveSources(loaded.dir, d, {
    allowExternal: loaded.plan.allow_external_sources,
  });
  for (const p of found) problems.push(`${d.id}: ${english(p.message)}`);
  if (found.length === 0 && files.length === 0)
    problems.push(
      `${d.id} is ${d.status} but its sources name no file${d.sources.length ? ` (${d.sources.join(', ')})` : ''}`,
    );
  return files.map((f) => ({
    abs: f.abs,
    bagPath: payloadPath(d.category, d.id, f.rel),
    size: f.size,
    mtimeMs: f.mtimeMs,
    shown: path.relative(process.cwd(), f.abs) || f.abs,
  }));
}

/** The fingerprint the plan pins for a party: its key file's, else its `fingerprint` field. */
async function partyFingerprint(loaded: LoadedPlan, role: Role): Promise<string | undefined> {
  const party = loaded.plan.parties[role];
  if (!party) return undefined;
  if (party.key) return fingerprintOf(await readKeyFile(path.resolve(loaded.dir, party.key)));
  return party.fingerprint?.replaceAll(' ', '').toUpperCase();
}

async function ensureDir(dir: string): Promise<boolean> {
  const info = await stat(dir).catch(() => null);
  if (info) {
    if (!info.isDirectory())
      throw new ExitkitError(`${shown(dir)} is not a folder`, { hints: ['give --out a folder'] });
    return false;
  }
  await mkdir(dir, { recursive: true });
  return true;
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
  const reason = describeSystemError(Object.assign(new Error(err.message), { code: err.code }));
  if (err.path && path.relative(outDir, err.path).startsWith('..'))
    return new ExitkitError(`cannot read the source ${shown(err.path)}: ${reason}: nothing was written`, {
      hints: ['check that the user running exitkit can read it (ls -l), then bundle again'],
      cause: e,
    });
  const full = err.code === 'ENOSPC' || err.code === 'EDQUOT';
  return new ExitkitError(
    `cannot write the bundle into ${shown(outDir)}: ${reason}: nothing was left there`,
    {
      hints: [
        full
          ? 'free some space on that disk (the archive is about as large as the payload), or choose another --out DIR'
          : 'check that the folder exists and can be written, or choose another --out DIR',
      ],
      cause: e,
    },
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
