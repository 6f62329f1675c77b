import { en } from '../core/i18n/terminal/en.js';
import { Args } from '@oclif/core';
import { computeCompensation, type CompensationResult } from '../core/compensation.js';
import { BaseCommand } from '../lib/base-command.js';
import { documentFlags, emitDocument } from '../lib/document-flags.js';
import { readDocumentInputs } from '../io/documents.js';

export type CompensationCommandResult = CompensationResult & { written?: string };

export default class Compensation extends BaseCommand {
  static override summary = en.help.summary.compensation;
  static override description =
    'Fee lines (fixed amounts, or quantity × unit price), penalties with their cause (which deliverable, missing or how many days late) and the cap, the subtotal (fees minus capped penalties, never below zero), VAT on it to the cent half up, the total rounded half up to the plan\'s step (CHF: 0.05), and the final payment: releasable only when --verification (what `exitkit verify --json` wrote) found the handover complete and intact, else what holds it back. Lateness is counted from the manifest\'s creation date; without a manifest, from --date (default today), and the summary says so. Amounts are exact decimals, written as strings in --json ("21924.50"). Exits 0 when the final payment is releasable, 1 when it is not, 2 for bad input.';
  static override examples = [
    '<%= config.bin %> compensation exit-plan.yaml --manifest out/acme-exit-2026.manifest.json --verification verification.json',
    '<%= config.bin %> compensation exit-plan.yaml --verification verification.json --out compensation.html',
    '<%= config.bin %> compensation exit-plan.yaml --date 2026-12-20 --json',
  ];
  static override args = { plan: Args.string({ description: 'the exit plan (YAML)', required: true }) };
  static override flags = documentFlags;

  async run(): Promise<CompensationCommandResult> {
    const { args, flags } = await this.parse(Compensation);
    const inputs = await readDocumentInputs(args.plan, flags);
    const result = computeCompensation({
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
