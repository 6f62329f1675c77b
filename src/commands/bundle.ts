import { Args, Flags } from '@oclif/core';
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
import type { DigestAlgorithm, Manifest } from '../core/manifest.js';
import type { Deliverable, Role } from '../core/plan.js';
import { writeEncryptedBag, type PayloadEntry } from '../io/bundle.js';
import { removeOnInterrupt } from '../io/cleanup.js';
import {
  assertCanEncrypt,
  assertCanSign,
  fingerprintOf,
  readKeyFile,
  readPrivateKeyFile,
  signDetached,
  type PublicKey,
} from '../io/pgp.js';
import { loadPlan, type LoadedPlan } from '../io/plan-file.js';
import { resolveSources } from '../io/sources.js';
import { BaseCommand } from '../lib/base-command.js';
import { passphraseFileFlag, passphraseSource, recipientFlag } from '../lib/flags.js';
import { Progress, formatBytes } from '../io/progress.js';

export interface BundleResult {
  id: string;
  complete: boolean;
  missing: string[];
  algorithm: DigestAlgorithm;
  payload: Manifest['payload'];
  deliverables: Array<{ id: string; status: string; delivered: boolean; files: number; bytes: number }>;
  signer: string;
  recipients: Manifest['recipients'];
  created: string;
  archive: { file: string; size: number; sha256: string };
  manifest: string;
  signature: string;
  seconds: number;
}

export default class Bundle extends BaseCommand {
  static override summary = 'Build the encrypted handover archive, its manifest and signature.';
  static override description = `Writes into --out DIR: <id>.tar.pgp, one OpenPGP message (binary, SEIPD v1, uncompressed, which GnuPG 2.2 decrypts) holding a tar of one BagIt bag (RFC 8493), encrypted to the client and incoming provider keys of the plan and to every --recipient; <id>.manifest.json, the exit manifest, readable without a key; and <id>.manifest.json.asc, its armored detached signature by --signing-key, which must be the outgoing provider's key of the plan.

What goes in the payload: the files of every deliverable whose status is ready or delivered, under data/<category>/<deliverable-id>/. A pending deliverable stays out even when its files are all there (the status is the outgoing provider's word that this is the version to hand over: mark it ready with \`exitkit walk\`), and a waived one stays out by agreement. While a required deliverable is neither ready, delivered nor waived, the bundle is refused (exit 1, naming it) unless --allow-incomplete, which records complete: false and the missing ids in the manifest.

Each source file is read once, hashed (SHA-512 by default, --algorithm sha256) as it streams into the archive; a file that changes or vanishes meanwhile, a symbolic link or a special file is an error naming it. Everything is written beside the final paths and renamed at the end: after an error, Ctrl-C or SIGTERM nothing is left in DIR. A ready or delivered deliverable whose sources name no file is an error too: the plan and the disk disagree. Exits 0 when a complete bundle was written, 1 when the plan is incomplete (refused, or written anyway with --allow-incomplete), 2 when it could not be made.`;
  static override examples = [
    '<%= config.bin %> bundle exit-plan.yaml --out handover/ --signing-key keys/infogest.sec.asc',
    '<%= config.bin %> bundle exit-plan.yaml --out handover/ --signing-key keys/infogest.sec.asc --passphrase-file ~/.exitkit-pass --recipient keys/auditor.pub.asc',
    '<%= config.bin %> bundle exit-plan.yaml --out handover/ --signing-key keys/infogest.sec.asc --allow-incomplete --json',
  ];
  static override args = {
    plan: Args.string({ description: 'the exit plan (YAML)', required: true }),
  };
  static override flags = {
    out: Flags.string({
      description: 'folder to write the three files into',
      required: true,
      helpValue: 'DIR',
    }),
    'signing-key': Flags.string({
      description: "the outgoing provider's armored private key, which signs the manifest",
      helpValue: 'KEY',
      required: true,
    }),
    'passphrase-file': passphraseFileFlag,
    recipient: recipientFlag,
    'allow-incomplete': Flags.boolean({
      description:
        'bundle even while a required deliverable is not ready (the manifest says complete: false)',
    }),
    algorithm: Flags.string({
      description: 'digest of the BagIt manifests and the exit manifest',
      options: ['sha512', 'sha256'],
      default: 'sha512',
    }),
    force: Flags.boolean({ description: 'replace a bundle of the same plan id already in DIR' }),
  };

  async run(): Promise<BundleResult> {
    const { args, flags } = await this.parse(Bundle);
    const started = Date.now();
    const algorithm = flags.algorithm as DigestAlgorithm;
    const loaded = await loadPlan(args.plan);
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
    const signingFile = flags['signing-key'];
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
    const signingKey = await readPrivateKeyFile(signingFile, passphraseSource(flags));
    const signer = fingerprintOf(signingKey);
    const { keys: recipientKeys, recipients } = await this.recipients(loaded, flags.recipient ?? []);

    // What goes in: the files of ready and delivered deliverables, every problem named.
    const payload: PayloadEntry[] = [];
    const byDeliverable = new Map<string, PayloadEntry[]>();
    const problems: string[] = [];
    const seen = new Map<string, string>();
    for (const d of plan.deliverables.filter(isBundled)) {
      const entries = await this.deliverableFiles(loaded, d, problems);
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
    if (!state.complete && !flags['allow-incomplete'])
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
    if (pending.length)
      this.note(`note: pending deliverables left out of the payload: ${pending.join(', ')}`);

    // Written beside the final paths, renamed at the end (SPEC.md, "Nothing half-written").
    const outDir = path.resolve(flags.out);
    const createdDir = await ensureDir(outDir);
    const final = {
      archive: path.join(outDir, `${plan.id}.tar.pgp`),
      manifest: path.join(outDir, `${plan.id}.manifest.json`),
      signature: path.join(outDir, `${plan.id}.manifest.json.asc`),
    };
    if (!flags.force) {
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
    const version = this.config.version;
    const partyFingerprints: Partial<Record<Role, string>> = {};
    for (const role of ['client', 'outgoing', 'incoming'] as const) {
      const f = await partyFingerprint(loaded, role);
      if (f) partyFingerprints[role] = f;
    }
    const totalBytes = payload.reduce((n, e) => n + e.size, 0);
    const progress = new Progress(totalBytes, !this.jsonEnabled() && Boolean(process.stderr.isTTY));
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

    const seconds = (Date.now() - started) / 1000;
    this.log(
      `${plan.id}: ${manifest.payload.files} files, ${formatBytes(manifest.payload.bytes)} in ${shown(final.archive)} (${formatBytes(manifest.archive!.size)}), ` +
        `${manifest.complete ? 'complete' : `INCOMPLETE (missing: ${manifest.missing.join(', ')})`}; ` +
        `encrypted to ${recipients.map((r) => r.fingerprint).join(', ')}; signed by ${signer}; ${seconds.toFixed(1)} s`,
    );
    this.answer(manifest.complete);
    return {
      id: plan.id,
      complete: manifest.complete,
      missing: manifest.missing,
      algorithm,
      payload: manifest.payload,
      deliverables: manifest.deliverables.map((d) => ({
        id: d.id,
        status: d.status,
        delivered: d.delivered,
        files: d.files.length,
        bytes: d.bytes,
      })),
      signer,
      recipients,
      created: manifest.created,
      archive: { file: final.archive, size: manifest.archive!.size, sha256: manifest.archive!.digest },
      manifest: final.manifest,
      signature: final.signature,
      seconds,
    };
  }

  /** The plan's client and incoming keys, then every --recipient, each able to encrypt now. */
  private async recipients(
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
  private async deliverableFiles(
    loaded: LoadedPlan,
    d: Deliverable,
    problems: string[],
  ): Promise<PayloadEntry[]> {
    const { files, problems: found } = await resolveSources(loaded.dir, d, {
      allowExternal: loaded.plan.allow_external_sources,
    });
    for (const p of found) problems.push(`${d.id}: ${describeProblem(p)}`);
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
}

function describeProblem(p: unknown): string {
  if (typeof p === 'string') return p;
  if (p && typeof p === 'object' && 'message' in p) return String((p as { message: unknown }).message);
  return String(p);
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

function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
