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
  static override description =
    "After the data was returned, the outgoing provider signs <id>.deletion.json and its armored detached signature .asc (GnuPG verifies it): the attestation that it destroyed its copies of the client's data (GDPR Art. 28(3)(g), nLPD, DORA Art. 30). It states the scope (--system and --dataset; the data sets default to every deliverable of the plan, and a deliverable id names that deliverable), the method (--method), the day the deletion was completed (--date, default today; never before the delivery, never in the future), what is kept and on which legal basis (--retained with its --basis, in pairs), and the delivery it follows: the file name and SHA-256 of the latest manifest (--manifest, else the latest <id>.manifest.json in --out, else beside the plan), which must be signed by the plan's outgoing key. --signing-key must be the outgoing provider's key of the plan. `exitkit verify --attestation`, `checklist --attestation` and `compensation --attestation` check it (the deletion_attested release condition). Exits 0 when the attestation was written; 1 when there is no delivery yet (nothing was returned, so the answer to \"can the deletion be attested?\" is no, as bundle answers for a plan that is not ready) or the manifest is not signed by the outgoing key; 2 when it could not attest: a file given that cannot be read, the wrong key or passphrase, a date or a pair of flags that do not hold.";
  static override examples = [
    '<%= config.bin %> attest deletion exit-plan.yaml --out handover/ --signing-key keys/infogest.sec.asc --method "NIST SP 800-88 purge" --system "FS01 backup repository" --retained "invoices" --basis "kept ten years, CO art. 958f"',
    '<%= config.bin %> attest deletion exit-plan.yaml --manifest handover/acme-exit-2026.manifest.json --signing-key keys/infogest.sec.asc --method crypto-erase --date 2027-01-15 --dataset fs01-backup --dataset m365-admin',
  ];
  static override args = {
    plan: Args.string({ description: 'the exit plan (YAML)', required: true }),
  };
  static override flags = {
    'signing-key': Flags.string({
      description:
        "the outgoing provider's armored private key, the one the plan names under parties.outgoing",
      helpValue: 'KEY',
      required: true,
    }),
    'passphrase-file': passphraseFileFlag,
    method: Flags.string({
      description:
        'how the data was destroyed, e.g. "NIST SP 800-88 purge", "crypto-erase", "physical destruction"',
      helpValue: 'TEXT',
      required: true,
    }),
    date: Flags.string({
      description: 'the day the deletion was completed (default: today, UTC)',
      helpValue: 'YYYY-MM-DD',
    }),
    system: Flags.string({
      description: 'a system the data was deleted from (repeatable), e.g. "FS01 backup repository"',
      helpValue: 'TEXT',
      multiple: true,
    }),
    dataset: Flags.string({
      description:
        'a data set deleted (repeatable): a deliverable id of the plan, or words (default: every deliverable)',
      helpValue: 'TEXT',
      multiple: true,
    }),
    retained: Flags.string({
      description: 'data kept despite the deletion (repeatable, each with its --basis), e.g. "invoices"',
      helpValue: 'TEXT',
      multiple: true,
    }),
    basis: Flags.string({
      description:
        'the legal basis for the --retained at the same place, e.g. "kept ten years, CO art. 958f"',
      helpValue: 'TEXT',
      multiple: true,
    }),
    manifest: Flags.string({
      description:
        'the manifest of the delivery it follows (default: the latest <id>.manifest.json in --out, else beside the plan)',
      helpValue: 'FILE',
    }),
    out: Flags.string({
      description:
        "folder for <id>.deletion.json, where the delivery is looked for too (default: the manifest's folder)",
      helpValue: 'DIR',
    }),
    force: Flags.boolean({ description: 'replace an existing attestation' }),
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
