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
  /** 1 for the first delivery; a later one names the previous manifest (docs/FORMAT.md, "Deliveries"). */
  delivery: { number: number; previous: { file: string; sha256: string } | null };
  archive: { file: string; size: number; sha256: string };
  manifest: string;
  signature: string;
  seconds: number;
}

export default class Bundle extends BaseCommand {
  static override summary = en.help.summary.bundle;
  static override description = en.help.description.bundle;
  static override examples = [
    {
      description: en.help.examples.bundle.signed,
      command: '<%= config.bin %> bundle exit-plan.yaml --out handover/ --signing-key keys/infogest.sec.asc',
    },
    {
      description: en.help.examples.bundle.recipient,
      command:
        '<%= config.bin %> bundle exit-plan.yaml --out handover/ --signing-key keys/infogest.sec.asc --passphrase-file ~/.exitkit-pass --recipient keys/auditor.pub.asc',
    },
    {
      description: en.help.examples.bundle.incomplete,
      command:
        '<%= config.bin %> bundle exit-plan.yaml --out handover/ --signing-key keys/infogest.sec.asc --allow-incomplete --json',
    },
  ];
  static override args = {
    plan: Args.string({ description: en.help.args.plan, required: true }),
  };
  static override flags = {
    out: Flags.string({
      description: en.help.flags.bundle.out,
      required: true,
      helpValue: en.help.placeholders.dir,
    }),
    'signing-key': Flags.string({
      description: en.help.flags.bundle.signingKey,
      helpValue: en.help.placeholders.key,
      required: true,
    }),
    'passphrase-file': passphraseFileFlag,
    recipient: recipientFlag,
    'allow-incomplete': Flags.boolean({
      description: en.help.flags.bundle.allowIncomplete,
    }),
    algorithm: Flags.string({
      description: en.help.flags.bundle.algorithm,
      options: ['sha512', 'sha256'],
      default: 'sha512',
    }),
    force: Flags.boolean({ description: en.help.flags.bundle.force }),
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
      delivery: { number: manifest.delivery?.number ?? 1, previous: manifest.delivery?.previous ?? null },
      archive: { file: files.archive, size: archive.size, sha256: archive.digest },
      manifest: files.manifest,
      signature: files.signature,
      seconds,
    };
  }
}
