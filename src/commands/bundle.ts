import { en } from '../core/i18n/terminal/en.js';
import { Args, Flags } from '@oclif/core';
import { archiveDigest, volumesOf, type DigestAlgorithm, type Manifest } from '../core/manifest.js';
import { ExitkitError } from '../core/errors.js';
import { makeBundle } from '../io/bundle.js';
import { shown } from '../io/shown.js';
import { formatBytes, MIN_VOLUME_SIZE, parseSize } from '../core/bytes.js';
import { BaseCommand } from '../lib/base-command.js';
import { jobsFlag, jobsOf, passphraseFileFlag, passphraseSource, recipientFlag } from '../lib/flags.js';

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
  /** With volumes: `file` is the first one, `sha256` absent, and each volume in `volumes`. */
  archive: {
    file: string;
    size: number;
    sha256?: string;
    volumes?: Array<{ file: string; size: number; sha256: string }>;
  };
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
    {
      description: en.help.examples.bundle.volumes,
      command:
        '<%= config.bin %> bundle exit-plan.yaml --out /media/usb/ --signing-key keys/infogest.sec.asc --volume-size 4G',
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
    'volume-size': Flags.string({
      description: en.help.flags.bundle.volumeSize,
      helpValue: en.help.placeholders.size,
    }),
    jobs: jobsFlag,
  };

  async run(): Promise<BundleResult> {
    const { args, flags } = await this.parse(Bundle);
    const algorithm = flags.algorithm as DigestAlgorithm;
    const volumeSize = flags['volume-size'] === undefined ? undefined : volumeSizeOf(flags['volume-size']);
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
      volumeSize,
      jobs: jobsOf(flags.jobs),
      m: this.m,
      note: (text) => this.note(text),
    });
    const archive = manifest.archive!;
    const volumes = volumesOf(archive)?.map((v, i) => ({
      file: files.volumes![i]!,
      size: v.size,
      sha256: v.digest,
    }));
    const { m } = this;
    this.log(
      m.bundle.done({
        id: manifest.plan.id,
        files: m.fileCount.payloadAndTags(manifest.payload.files, manifest.tagFiles.length),
        bytes: formatBytes(manifest.payload.bytes, m),
        archive: volumes
          ? m.volumes.several(volumes.length, shown(volumes[0]!.file), shown(volumes.at(-1)!.file))
          : shown(files.archive),
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
      archive: {
        file: files.archive,
        size: archive.size,
        ...(volumes ? { volumes } : { sha256: archiveDigest(archive) }),
      },
      manifest: files.manifest,
      signature: files.signature,
      seconds,
    };
  }
}

/** `--volume-size`: a size of at least 1 MiB, else exit 2 with the forms it takes. */
function volumeSizeOf(given: string): number {
  const size = parseSize(given);
  if (size === null || size < MIN_VOLUME_SIZE)
    throw new ExitkitError((m) => m.volumes.badSize(given), {
      code: 'usage',
      hints: [(m) => m.volumes.badSizeHint],
    });
  return size;
}
