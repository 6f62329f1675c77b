import { en } from '../core/i18n/terminal/en.js';
import { english, say } from '../core/i18n/terminal/index.js';
import { Args, Flags } from '@oclif/core';
import type { Verification } from '../core/manifest.js';
import { describeVerification } from '../core/verdict.js';
import { BaseCommand } from '../lib/base-command.js';
import { decryptionKeyFlag, jobsFlag, jobsOf, passphraseFileFlag, passphraseSource } from '../lib/flags.js';
import type { ReceiptCheck } from '../io/receipts.js';
import type { AttestationJson } from '../core/attestation.js';
import { runVerification } from '../io/verify.js';

export type VerifyResult = Verification & { receipt?: ReceiptCheck; attestation?: AttestationJson };

export const pinFlags = {
  plan: Flags.string({
    description: en.help.flags.verify.plan,
    helpValue: en.help.placeholders.plan,
  }),
  signer: Flags.string({
    description: en.help.flags.verify.signer,
    helpValue: en.help.placeholders.key,
  }),
  archive: Flags.string({
    description: en.help.flags.verify.archive,
    helpValue: en.help.placeholders.file,
  }),
};

export default class Verify extends BaseCommand {
  static override summary = en.help.summary.verify;
  static override description = en.help.description.verify;
  static override examples = [
    {
      description: en.help.examples.verify.plan,
      command: '<%= config.bin %> verify out/acme-exit-2026.manifest.json --plan exit-plan.yaml',
    },
    {
      description: en.help.examples.verify.decrypt,
      command:
        '<%= config.bin %> verify acme-exit-2026.manifest.json --signer keys/infogest.pub.asc --decryption-key keys/novait.sec.asc',
    },
    {
      description: en.help.examples.verify.json,
      command:
        '<%= config.bin %> verify acme-exit-2026.manifest.json --plan exit-plan.yaml --json > verification.json',
    },
    {
      description: en.help.examples.verify.receipt,
      command:
        '<%= config.bin %> verify acme-exit-2026.manifest.json --plan exit-plan.yaml --receipt acme-exit-2026.receipt.client.json',
    },
    {
      description: en.help.examples.verify.attestation,
      command:
        '<%= config.bin %> verify acme-exit-2026.manifest.json --plan exit-plan.yaml --attestation acme-exit-2026.deletion.json',
    },
  ];
  static override args = {
    manifest: Args.string({ description: en.help.args.manifest, required: true }),
  };
  static override flags = {
    ...pinFlags,
    'decryption-key': decryptionKeyFlag,
    'passphrase-file': passphraseFileFlag,
    jobs: jobsFlag,
    receipt: Flags.string({
      description: en.help.flags.verify.receipt,
      helpValue: en.help.placeholders.file,
    }),
    attestation: Flags.string({
      description: en.help.flags.verify.attestation,
      helpValue: en.help.placeholders.file,
    }),
  };

  async run(): Promise<VerifyResult> {
    const { args, flags } = await this.parse(Verify);
    if (flags['decryption-key'] && process.stderr.isTTY) this.note((m) => m.verify.decrypting);
    const outcome = await runVerification({
      manifest: args.manifest,
      ...(flags.archive ? { archive: flags.archive } : {}),
      ...(flags.plan ? { plan: flags.plan } : {}),
      ...(flags.signer ? { signer: flags.signer } : {}),
      ...(flags['decryption-key'] ? { decryptionKey: flags['decryption-key'] } : {}),
      passphrase: passphraseSource(flags, this.m),
      jobs: jobsOf(flags.jobs),
      m: this.m,
      progress: this.showsProgress(),
    });
    const v: VerifyResult = outcome.verification;
    const { m } = this;
    let receiptLines: string[] | undefined;
    // The receipt's and the attestation's checks are loaded only when asked for.
    if (flags.receipt) {
      const { checkReceipt } = await import('../io/receipts.js');
      const { said, ...r } = await checkReceipt({
        file: flags.receipt,
        manifestSha256: v.manifest.sha256,
        manifest: outcome.manifest,
        ...(outcome.plan ? { plan: outcome.plan } : {}),
      });
      // The JSON in English, the terminal in its language.
      v.receipt = r;
      receiptLines = said.lines.map((line) => say(m, line));
      if (!r.valid) {
        v.faults.push(...said.faults.map((f) => english((w) => w.receipt.fault(say(w, f)))));
        outcome.said.faults.push(...said.faults.map((f) => m.receipt.fault(say(m, f))));
        v.ok = false;
        outcome.said.ok = false;
      }
    }
    if (flags.attestation) {
      const { checkAttestation } = await import('../io/attestation.js');
      const { attestationJson, describeAttestation } = await import('../core/attestation.js');
      const a = await checkAttestation({
        file: flags.attestation,
        plan: outcome.plan,
        manifest: { sha256: v.manifest.sha256, manifest: outcome.manifest },
      });
      v.attestation = attestationJson(a);
      const said = describeAttestation(a, this.m);
      receiptLines = [...(receiptLines ?? []), said.line];
      v.faults.push(...describeAttestation(a, en).faults);
      outcome.said.faults.push(...said.faults);
      if (!a.valid) v.ok = outcome.said.ok = false;
    }
    for (const line of describeVerification(
      outcome.said,
      outcome.manifest,
      {
        planGiven: outcome.plan !== undefined,
        ...(receiptLines ? { receipt: receiptLines } : {}),
      },
      m,
    ))
      this.log(line);
    this.answer(v.ok);
    return v;
  }
}
