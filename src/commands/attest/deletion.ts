import { en } from '../../core/i18n/terminal/en.js';
import { Args, Flags } from '@oclif/core';
import type { DeletionAttestation } from '../../core/attestation.js';
import { BaseCommand } from '../../lib/base-command.js';
import { passphraseFileFlag, passphraseSource } from '../../lib/flags.js';
import { attestDeletion } from '../../io/attestation.js';

export interface AttestDeletionResult {
  attestation: DeletionAttestation;
  files: { json: string; signature: string };
}

export default class AttestDeletion extends BaseCommand {
  static override summary = en.help.summary['attest:deletion'];
  static override description = en.help.description['attest:deletion'];
  static override examples = [
    {
      description: en.help.examples.attestDeletion.outDir,
      command:
        '<%= config.bin %> attest deletion exit-plan.yaml --out handover/ --signing-key keys/infogest.sec.asc --method "NIST SP 800-88 purge" --system "FS01 backup repository" --retained "invoices" --basis "kept ten years, CO art. 958f"',
    },
    {
      description: en.help.examples.attestDeletion.manifest,
      command:
        '<%= config.bin %> attest deletion exit-plan.yaml --manifest handover/acme-exit-2026.manifest.json --signing-key keys/infogest.sec.asc --method crypto-erase --date 2027-01-15 --dataset fs01-backup --dataset m365-admin',
    },
  ];
  static override args = {
    plan: Args.string({ description: en.help.args.plan, required: true }),
  };
  static override flags = {
    'signing-key': Flags.string({
      description: en.help.flags.attest.signingKey,
      helpValue: en.help.placeholders.key,
      required: true,
    }),
    'passphrase-file': passphraseFileFlag,
    method: Flags.string({
      description: en.help.flags.attest.method,
      helpValue: en.help.placeholders.text,
      required: true,
    }),
    date: Flags.string({ description: en.help.flags.attest.date, helpValue: en.help.placeholders.date }),
    system: Flags.string({
      description: en.help.flags.attest.system,
      helpValue: en.help.placeholders.text,
      multiple: true,
    }),
    dataset: Flags.string({
      description: en.help.flags.attest.dataset,
      helpValue: en.help.placeholders.text,
      multiple: true,
    }),
    retained: Flags.string({
      description: en.help.flags.attest.retained,
      helpValue: en.help.placeholders.text,
      multiple: true,
    }),
    basis: Flags.string({
      description: en.help.flags.attest.basis,
      helpValue: en.help.placeholders.text,
      multiple: true,
    }),
    manifest: Flags.string({
      description: en.help.flags.attest.manifest,
      helpValue: en.help.placeholders.file,
    }),
    out: Flags.string({ description: en.help.flags.attest.out, helpValue: en.help.placeholders.dir }),
    force: Flags.boolean({ description: en.help.flags.attest.force }),
  };

  async run(): Promise<AttestDeletionResult> {
    const { args, flags } = await this.parse(AttestDeletion);
    const { attestation: a, files } = await attestDeletion({
      plan: args.plan,
      signingKey: flags['signing-key'],
      passphrase: passphraseSource(flags, this.m),
      manifest: flags.manifest,
      out: flags.out,
      force: flags.force,
      systems: flags.system ?? [],
      datasets: flags.dataset ?? [],
      method: flags.method,
      date: flags.date,
      retained: flags.retained ?? [],
      basis: flags.basis ?? [],
      version: this.config.version,
    });
    const { m } = this;
    this.log(m.attest.attestation(files.json));
    this.log(m.attest.signature(files.signature));
    this.log(m.attest.deleted(a.date, a.method, a.scope.datasets.length, a.scope.systems.length));
    this.log(m.attest.retained(a.retained.map((r) => `${r.data} (${r.basis})`)));
    this.log(m.attest.follows(a.manifest.file, a.manifest.sha256));
    this.log(m.attest.signedBy(a.signer.name, a.signer.fingerprint));
    this.answer(true);
    return { attestation: a, files };
  }
}
