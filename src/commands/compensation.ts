import { en } from '../core/i18n/terminal/en.js';
import { Args } from '@oclif/core';
import { computeCompensation, type CompensationResult } from '../core/compensation.js';
import { BaseCommand } from '../lib/base-command.js';
import { documentFlags, emitDocument } from '../lib/document-flags.js';
import { readDocumentInputs, readReleaseEvidence } from '../io/documents.js';

export type CompensationCommandResult = CompensationResult & { written?: string };

export default class Compensation extends BaseCommand {
  static override summary = en.help.summary.compensation;
  static override description = en.help.description.compensation;
  static override examples = [
    {
      description: en.help.examples.compensation.verified,
      command:
        '<%= config.bin %> compensation exit-plan.yaml --manifest out/acme-exit-2026.manifest.json --verification verification.json',
    },
    {
      description: en.help.examples.compensation.receipt,
      command:
        '<%= config.bin %> compensation exit-plan.yaml --manifest out/acme-exit-2026.manifest.json --verification verification.json --receipt out/acme-exit-2026.receipt.client.json --out compensation.html',
    },
    {
      description: en.help.examples.compensation.beforeHandover,
      command: '<%= config.bin %> compensation exit-plan.yaml --date 2026-12-20 --json',
    },
  ];
  static override args = { plan: Args.string({ description: en.help.args.plan, required: true }) };
  static override flags = documentFlags;

  async run(): Promise<CompensationCommandResult> {
    const { args, flags } = await this.parse(Compensation);
    const inputs = await readDocumentInputs(args.plan, flags);
    const evidence = await readReleaseEvidence(inputs, flags);
    const result = computeCompensation({
      ...evidence,
      plan: inputs.loaded.plan,
      ...(inputs.manifest ? { manifest: inputs.manifest.manifest } : {}),
      ...(inputs.verification ? { verification: inputs.verification } : {}),
      date: inputs.date,
      ...(inputs.deliveredOn ? { deliveredOn: inputs.deliveredOn } : {}),
      language: inputs.language,
    });
    const written = await emitDocument(this, 'compensation', result, inputs, flags, result.currency);
    this.answer(result.finalPayment.releasable);
    return { ...result, ...(written ? { written } : {}) };
  }
}
