import { en } from '../core/i18n/terminal/en.js';
import { Args, Flags } from '@oclif/core';
import { describeRehearsal, type RehearsalReport } from '../core/rehearsal.js';
import { LANGUAGES, type Language } from '../core/plan.js';
import { BaseCommand } from '../lib/base-command.js';
import { passphraseFileFlag, passphraseSource } from '../lib/flags.js';
import { rehearse } from '../io/rehearse.js';
import { shown } from '../io/shown.js';

export type RehearseResult = RehearsalReport & {
  files: { md: string; html: string; json: string; signature?: string };
};

export default class Rehearse extends BaseCommand {
  static override summary = en.help.summary.rehearse;
  static override description = en.help.description.rehearse;
  static override examples = [
    {
      description: en.help.examples.rehearse.sample,
      command: '<%= config.bin %> rehearse exit-plan.yaml --out handover-test/ --sample 2',
    },
    {
      description: en.help.examples.rehearse.signed,
      command:
        '<%= config.bin %> rehearse exit-plan.yaml --out handover-test/ --signing-key keys/acme.sec.asc --lang fr',
    },
  ];
  static override args = {
    plan: Args.string({ description: en.help.args.plan, required: true }),
  };
  static override flags = {
    out: Flags.string({
      description: en.help.flags.rehearse.out,
      helpValue: en.help.placeholders.dir,
      required: true,
    }),
    sample: Flags.integer({
      description: en.help.flags.rehearse.sample,
      helpValue: en.help.placeholders.n,
      min: 1,
    }),
    'signing-key': Flags.string({
      description: en.help.flags.rehearse.signingKey,
      helpValue: en.help.placeholders.key,
    }),
    'passphrase-file': passphraseFileFlag,
    lang: Flags.string({ description: en.help.flags.rehearse.lang, options: [...LANGUAGES] }),
  };

  async run(): Promise<RehearseResult> {
    const { args, flags } = await this.parse(Rehearse);
    const { report, findings, files, removedStale } = await rehearse({
      plan: args.plan,
      out: flags.out,
      sample: flags.sample ?? null,
      signingKey: flags['signing-key'],
      passphrase: passphraseSource(flags, this.m),
      language: flags.lang as Language | undefined,
      version: this.config.version,
    });
    for (const stale of removedStale) this.note((m) => m.rehearse.removedStale(shown(stale)));
    for (const line of describeRehearsal(report, findings, this.m)) this.log(line);
    for (const file of Object.values(files)) this.log(this.m.files.wrote(shown(file)));
    this.answer(report.ok);
    return { ...report, files };
  }
}
