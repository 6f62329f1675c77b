import { en } from '../core/i18n/terminal/en.js';
import { Args, Flags } from '@oclif/core';
import { computeCompensation, type CompensationResult } from '../core/compensation.js';
import { BaseCommand } from '../lib/base-command.js';
import { documentFlags, emitDocument } from '../lib/document-flags.js';
import { readDocumentInputs, readReleaseEvidence } from '../io/documents.js';

export type CompensationCommandResult = CompensationResult & { written?: string };

export default class Compensation extends BaseCommand {
  static override summary = en.help.summary.compensation;
  static override description =
    "The fees are the price of the reversibility services (fixed amounts, or quantity × unit price): VAT applies to them, to the cent half up. Penalties name their cause (which deliverable, missing or how many days late) and the cap; only deliverables the outgoing provider owes cost it penalties, and a missing one never costs less than it would delivered late on the statement's date. By default (penalties.treatment: indemnity) penalties are outside the scope of VAT and set off against the amount due after VAT; with service_credit they lower the taxable base before VAT. The amount due is rounded half up to the plan's step (CHF: 0.05). The final payment is the part of it held back: releasable only when every condition of the plan's final_payment.release_when holds (default: a verification that decrypted and re-hashed every file, a complete handover, no open reserve), each listed met or not with its evidence from --verification, --receipt and --attestation. A verification without a key never counts as a decrypting one; the incoming provider's signed receipt of one does. Lateness is counted per deliverable to its delivery date (the manifest's creation date); without a manifest, to --date (default today). Amounts are exact decimals, written as strings in --json (\"21924.50\"). Exits 0 when the final payment is releasable, 1 when it is not, 2 for bad input.";
  static override examples = [
    '<%= config.bin %> compensation exit-plan.yaml --manifest out/acme-exit-2026.manifest.json --verification verification.json',
    '<%= config.bin %> compensation exit-plan.yaml --manifest out/acme-exit-2026.manifest.json --verification verification.json --receipt out/acme-exit-2026.receipt.client.json --out compensation.html',
    '<%= config.bin %> compensation exit-plan.yaml --date 2026-12-20 --json',
  ];
  static override args = { plan: Args.string({ description: 'the exit plan (YAML)', required: true }) };
  static override flags = {
    ...documentFlags,
    receipt: Flags.string({
      description:
        "a signed receipt (<id>.receipt.client.json or .incoming.json, from `exitkit acknowledge`), checked against the plan's client and incoming keys and the --manifest; repeatable, one a party",
      helpValue: 'FILE',
      multiple: true,
    }),
  };

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
      language: inputs.language,
    });
    const written = await emitDocument(this, 'compensation', result, inputs, flags, result.currency);
    this.answer(result.finalPayment.releasable);
    return { ...result, ...(written ? { written } : {}) };
  }
}
