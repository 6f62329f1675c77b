import { en } from '../core/i18n/terminal/en.js';
import { Args, Flags } from '@oclif/core';
import type { Verification } from '../core/manifest.js';
import { describeVerification } from '../core/verdict.js';
import { BaseCommand } from '../lib/base-command.js';
import { decryptionKeyFlag, jobsFlag, jobsOf, passphraseFileFlag, passphraseSource } from '../lib/flags.js';
import { runVerification } from '../io/verify.js';
import { pinFlags } from './verify.js';

/** `extracted`: the first delivery's bag; `bags`: every delivery's, oldest first (docs/FORMAT.md). */
export type ExtractResult = Verification & { extracted: string | null; bags: string[] };

export default class Extract extends BaseCommand {
  static override summary = en.help.summary.extract;
  static override description = en.help.description.extract;
  static override examples = [
    {
      description: en.help.examples.extract.plan,
      command:
        '<%= config.bin %> extract acme-exit-2026.manifest.json --to handover --decryption-key keys/novait.sec.asc --plan exit-plan.yaml',
    },
    {
      description: en.help.examples.extract.signer,
      command:
        '<%= config.bin %> extract acme-exit-2026.manifest.json --to handover --decryption-key keys/novait.sec.asc --signer keys/infogest.pub.asc --passphrase-file pass.txt',
    },
  ];
  static override args = {
    manifest: Args.string({ description: en.help.args.manifest, required: true }),
  };
  static override flags = {
    ...pinFlags,
    to: Flags.string({
      description: en.help.flags.extract.to,
      helpValue: en.help.placeholders.dir,
      required: true,
    }),
    'decryption-key': { ...decryptionKeyFlag, required: true },
    'passphrase-file': passphraseFileFlag,
    jobs: jobsFlag,
  };

  async run(): Promise<ExtractResult> {
    const { args, flags } = await this.parse(Extract);
    if (process.stderr.isTTY) this.note((m) => m.verify.checkingBeforeRelease);
    const outcome = await runVerification({
      manifest: args.manifest,
      ...(flags.archive ? { archive: flags.archive } : {}),
      ...(flags.plan ? { plan: flags.plan } : {}),
      ...(flags.signer ? { signer: flags.signer } : {}),
      decryptionKey: flags['decryption-key'],
      passphrase: passphraseSource(flags, this.m),
      extractTo: flags.to,
      jobs: jobsOf(flags.jobs),
      m: this.m,
      progress: this.showsProgress(),
    });
    const v = outcome.verification;
    for (const stale of outcome.removedStale ?? []) this.note((w) => w.verify.removedStale(stale));
    for (const line of describeVerification(
      outcome.said,
      outcome.manifest,
      { planGiven: outcome.plan !== undefined },
      this.m,
    ))
      this.log(line);
    const bags = outcome.bags ?? [];
    if (bags.length) for (const bag of bags) this.log(this.m.verify.extracted(bag));
    else this.log(this.m.verify.notExtracted(flags.to));
    this.answer(v.ok && outcome.extracted !== undefined);
    return { ...v, extracted: outcome.extracted ?? null, bags };
  }
}
