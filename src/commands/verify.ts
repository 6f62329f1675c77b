import { en } from '../core/i18n/terminal/en.js';
import { Args, Flags } from '@oclif/core';
import type { Verification } from '../core/manifest.js';
import { describeVerification } from '../core/verdict.js';
import { BaseCommand } from '../lib/base-command.js';
import { decryptionKeyFlag, passphraseFileFlag, passphraseSource } from '../lib/flags.js';
import { checkReceipt, type ReceiptCheck } from '../io/receipts.js';
import { runVerification } from '../io/verify.js';

export type VerifyResult = Verification & { receipt?: ReceiptCheck };

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
        '<%= config.bin %> verify acme-exit-2026.manifest.json --plan exit-plan.yaml --receipt acme-exit-2026.receipt.json',
    },
  ];
  static override args = {
    manifest: Args.string({ description: en.help.args.manifest, required: true }),
  };
  static override flags = {
    ...pinFlags,
    'decryption-key': decryptionKeyFlag,
    'passphrase-file': passphraseFileFlag,
    receipt: Flags.string({
      description: en.help.flags.verify.receipt,
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
      m: this.m,
    });
    const v: VerifyResult = outcome.verification;
    let receiptLines: string[] | undefined;
    if (flags.receipt) {
      const r = await checkReceipt({
        file: flags.receipt,
        manifestSha256: v.manifest.sha256,
        manifest: outcome.manifest,
        ...(outcome.plan ? { plan: outcome.plan } : {}),
      });
      v.receipt = r;
      receiptLines = r.lines;
      if (!r.valid) {
        // The receipt's own words are English for now (src/io/receipts.ts), in the JSON and here.
        for (const said of [v, outcome.said]) {
          said.faults.push(...r.faults.map((f) => `receipt: ${f}`));
          said.ok = false;
        }
      }
    }
    for (const line of describeVerification(
      outcome.said,
      outcome.manifest,
      {
        planGiven: outcome.plan !== undefined,
        ...(receiptLines ? { receipt: receiptLines } : {}),
      },
      this.m,
    ))
      this.log(line);
    this.answer(v.ok);
    return v;
  }
}
