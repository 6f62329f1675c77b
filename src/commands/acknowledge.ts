import { en } from '../core/i18n/terminal/en.js';
import { Args, Flags } from '@oclif/core';
import type { Receipt } from '../core/receipt.js';
import { BaseCommand } from '../lib/base-command.js';
import { passphraseFileFlag, passphraseSource, signingKeyFlag } from '../lib/flags.js';
import { acknowledge } from '../io/receipts.js';

export interface AcknowledgeResult {
  receipt: Receipt;
  files: { json: string; signature: string };
}

export default class Acknowledge extends BaseCommand {
  static override summary = en.help.summary.acknowledge;
  static override description = en.help.description.acknowledge;
  static override examples = [
    `${en.help.examples.acknowledge.fromVerification}\n<%= config.bin %> verify acme-exit-2026.manifest.json --plan exit-plan.yaml --json > verification.json\n<%= config.bin %> acknowledge acme-exit-2026.manifest.json --signing-key keys/acme.sec.asc --verification verification.json --plan exit-plan.yaml`,
    {
      description: en.help.examples.acknowledge.withPlan,
      command:
        '<%= config.bin %> acknowledge acme-exit-2026.manifest.json --signing-key keys/novait.sec.asc --plan exit-plan.yaml --out receipts',
    },
  ];
  static override args = {
    manifest: Args.string({ description: en.help.args.manifest, required: true }),
  };
  static override flags = {
    'signing-key': { ...signingKeyFlag, required: true },
    'passphrase-file': passphraseFileFlag,
    verification: Flags.string({
      description: en.help.flags.acknowledge.verification,
      helpValue: en.help.placeholders.file,
    }),
    plan: Flags.string({
      description: en.help.flags.acknowledge.plan,
      helpValue: en.help.placeholders.plan,
    }),
    out: Flags.string({
      description: en.help.flags.acknowledge.out,
      helpValue: en.help.placeholders.dir,
    }),
    force: Flags.boolean({ description: en.help.flags.acknowledge.force }),
  };

  async run(): Promise<AcknowledgeResult> {
    const { args, flags } = await this.parse(Acknowledge);
    const { receipt, files } = await acknowledge({
      manifest: args.manifest,
      signingKey: flags['signing-key'] as string,
      passphrase: passphraseSource(flags, this.m),
      verification: flags.verification,
      plan: flags.plan,
      out: flags.out,
      force: flags.force,
      version: this.config.version,
    });
    const { signer, verification: v } = receipt;
    const { m } = this;
    this.log(m.acknowledge.receipt(files.json), m.acknowledge.signature(files.signature));
    this.log(
      m.acknowledge.signedBy(
        signer.fingerprint,
        signer.role ? `${m.role[signer.role]}: ${signer.name ?? ''}` : undefined,
        v.ok,
        v.missing,
      ),
    );
    this.answer(true);
    return { receipt, files };
  }
}
