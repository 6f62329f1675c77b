import { en } from '../core/i18n/terminal/en.js';
import { Args, Flags } from '@oclif/core';
import type { DigestAlgorithm, Manifest } from '../core/manifest.js';
import { makeBundle } from '../io/bundle.js';
import { shown } from '../io/shown.js';
import { formatBytes } from '../core/bytes.js';
import { BaseCommand } from '../lib/base-command.js';
import { passphraseFileFlag, passphraseSource, recipientFlag } from '../lib/flags.js';

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
  static override summary = en.help.summary.bundle;
  static override description = `Writes into --out DIR: <id>.tar.pgp, one OpenPGP message (binary, SEIPD v1, uncompressed, which GnuPG 2.2 decrypts) holding a tar of one BagIt bag (RFC 8493), encrypted to the client and incoming provider keys of the plan and to every --recipient; <id>.manifest.json, the exit manifest, readable without a key; and <id>.manifest.json.asc, its armored detached signature by --signing-key, which must be the outgoing provider's key of the plan.

What goes in the payload: the files of every deliverable whose status is ready or delivered, under data/<category>/<deliverable-id>/. A pending deliverable stays out even when its files are all there (the status is the outgoing provider's word that this is the version to hand over: mark it ready with \`exitkit walk\`), and a waived one stays out by agreement. What walk refuses, bundle refuses: a deliverable whose \`exitkit walk\` findings include an error (a stale backup, a clear-text credential export, a missing or empty sole file) is not ready whatever its status says; bundle names it and exits 1, or with --allow-incomplete leaves it out and lists it as missing. The manifest records every deliverable's findings and each file's modification time. While a required deliverable is neither ready, delivered nor waived, the bundle is refused (exit 1, naming it) unless --allow-incomplete, which records complete: false and the missing ids in the manifest.

Each source file is read once, hashed (SHA-512 by default, --algorithm sha256) as it streams into the archive; a file that changes or vanishes meanwhile, a symbolic link or a special file is an error naming it. Everything is written beside the final paths and renamed at the end: after an error, Ctrl-C or SIGTERM nothing is left in DIR. Exits 0 when a complete bundle was written, 1 when the plan is incomplete (refused, or written anyway with --allow-incomplete), 2 when it could not be made.`;
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
    const algorithm = flags.algorithm as DigestAlgorithm;
    const { manifest, signer, recipients, files, seconds } = await makeBundle({
      plan: args.plan,
      out: flags.out,
      signingKey: flags['signing-key'],
      passphrase: passphraseSource(flags, this.m),
      recipients: flags.recipient ?? [],
      allowIncomplete: flags['allow-incomplete'],
      algorithm,
      force: flags.force,
      version: this.config.version,
      progress: this.showsProgress(),
      m: this.m,
      note: (text) => this.note(text),
    });
    const archive = manifest.archive!;
    const { m } = this;
    this.log(
      m.bundle.done({
        id: manifest.plan.id,
        files: m.fileCount.payloadAndTags(manifest.payload.files, manifest.tagFiles.length),
        bytes: formatBytes(manifest.payload.bytes, m),
        archive: shown(files.archive),
        size: formatBytes(archive.size, m),
        missing: manifest.complete ? undefined : manifest.missing,
        recipients: recipients.map((r) => r.fingerprint),
        signer,
        seconds,
      }),
    );
    this.answer(manifest.complete);
    return {
      id: manifest.plan.id,
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
      archive: { file: files.archive, size: archive.size, sha256: archive.digest },
      manifest: files.manifest,
      signature: files.signature,
      seconds,
    };
  }
}
