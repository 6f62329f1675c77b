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
  static override description =
    "The client or the incoming provider signs <id>.receipt.json (and its armored detached signature .asc), which binds the manifest's SHA-256, the archive's digest, the verification verdict with its missing deliverables, the signer's role in the plan and the date. The verdict comes from --verification (what `verify --json` wrote) or, with --plan, from a verification run now (signature, archive digest, completeness). GnuPG verifies the signature; `exitkit verify --receipt` checks the whole receipt.";
  static override examples = [
    '<%= config.bin %> verify acme-exit-2026.manifest.json --plan exit-plan.yaml --json > verification.json\n<%= config.bin %> acknowledge acme-exit-2026.manifest.json --signing-key keys/acme.sec.asc --verification verification.json --plan exit-plan.yaml',
    '<%= config.bin %> acknowledge acme-exit-2026.manifest.json --signing-key keys/novait.sec.asc --plan exit-plan.yaml --out receipts',
  ];
  static override args = {
    manifest: Args.string({ description: 'the exit manifest (<id>.manifest.json)', required: true }),
  };
  static override flags = {
    'signing-key': { ...signingKeyFlag, required: true },
    'passphrase-file': passphraseFileFlag,
    verification: Flags.string({
      description:
        'the verification to acknowledge: the JSON that `exitkit verify --json` wrote for this manifest',
      helpValue: 'FILE',
    }),
    plan: Flags.string({
      description:
        "the exit plan: gives the signer's role, and runs a verification when --verification is not given",
      helpValue: 'PLAN',
    }),
    out: Flags.string({
      description: 'folder for the receipt (default: beside the manifest)',
      helpValue: 'DIR',
    }),
    force: Flags.boolean({ description: 'replace an existing receipt' }),
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
    this.answer(true);
    return { receipt, files };
  }
}
