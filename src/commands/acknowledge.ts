import { en } from '../core/i18n/terminal/en.js';
import { Args, Flags } from '@oclif/core';
import type { Receipt } from '../core/receipt.js';
import { BaseCommand } from '../lib/base-command.js';
import { passphraseFileFlag, passphraseSource, signingKeyFlag } from '../lib/flags.js';
import { acknowledge, type ReceiptFiles } from '../io/receipts.js';

export interface AcknowledgeResult {
  receipt: Receipt;
  files: ReceiptFiles;
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
    {
      description: en.help.examples.acknowledge.reserve,
      command:
        '<%= config.bin %> acknowledge acme-exit-2026.manifest.json --signing-key keys/novait.sec.asc --plan exit-plan.yaml --reserve "fs01 restore test failed" --deliverable fs01-backup --due 2027-01-15',
    },
    {
      description: en.help.examples.acknowledge.lift,
      command:
        '<%= config.bin %> acknowledge acme-exit-2026.manifest.json --signing-key keys/novait.sec.asc --plan exit-plan.yaml --lift I1',
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
    reserve: Flags.string({
      description: en.help.flags.acknowledge.reserve,
      helpValue: en.help.placeholders.text,
      multiple: true,
    }),
    due: Flags.string({
      description: en.help.flags.acknowledge.due,
      helpValue: en.help.placeholders.date,
      multiple: true,
    }),
    deliverable: Flags.string({
      description: en.help.flags.acknowledge.deliverable,
      helpValue: en.help.placeholders.id,
      multiple: true,
    }),
    lift: Flags.string({
      description: en.help.flags.acknowledge.lift,
      helpValue: en.help.placeholders.id,
      multiple: true,
    }),
    force: Flags.boolean({
      hidden: true,
      deprecated: { message: en.help.flags.acknowledge.forceDeprecated },
    }),
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
      reserve: {
        texts: flags.reserve ?? [],
        due: flags.due ?? [],
        deliverable: flags.deliverable ?? [],
        lift: flags.lift ?? [],
      },
      version: this.config.version,
    });
    const { signer, verification: v } = receipt;
    const { m } = this;
    this.log(m.acknowledge.receipt(files.json));
    this.log(m.acknowledge.signature(files.signature));
    this.log(
      m.acknowledge.signedBy(
        signer.fingerprint,
        signer.role ? m.acknowledge.party(m.role[signer.role], signer.name ?? '') : undefined,
        v.ok,
        v.missing,
      ),
    );
    if (files.previous) this.log(m.acknowledge.supersedes(files.previous));
    for (const r of receipt.reserves) this.log(m.receipt.reserveOpen(r.id, r.text, r.deliverable, r.due));
    if (!receipt.reserves.length) this.log(m.acknowledge.noReserve);
    this.answer(true);
    return { receipt, files };
  }
}
