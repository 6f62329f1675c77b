import { en } from '../core/i18n/terminal/en.js';
import path from 'node:path';
import { Args } from '@oclif/core';
import { buildChecklist, type Checklist as ChecklistModel } from '../core/checklist.js';
import { BaseCommand } from '../lib/base-command.js';
import { documentFlags, emitDocument } from '../lib/document-flags.js';
import { checklistFacts, readDocumentInputs, readReleaseEvidence } from '../io/documents.js';

export type ChecklistResult = ChecklistModel & { written?: string };

export default class Checklist extends BaseCommand {
  static override summary = en.help.summary.checklist;
  static override description = en.help.description.checklist;
  static override examples = [
    {
      description: en.help.examples.checklist.markdown,
      command: '<%= config.bin %> checklist exit-plan.yaml',
    },
    {
      description: en.help.examples.checklist.verified,
      command:
        '<%= config.bin %> checklist exit-plan.yaml --manifest out/acme-exit-2026.manifest.json --verification verification.json --out checklist.html',
    },
    {
      description: en.help.examples.checklist.receipts,
      command:
        '<%= config.bin %> checklist exit-plan.yaml --manifest out/acme-exit-2026.manifest.json --verification verification.json --receipt out/acme-exit-2026.receipt.client.json --receipt out/acme-exit-2026.receipt.incoming.json --out record.html',
    },
    {
      description: en.help.examples.checklist.english,
      command: '<%= config.bin %> checklist exit-plan.yaml --lang en --format md --out checklist.md',
    },
    {
      description: en.help.examples.checklist.template,
      command:
        '<%= config.bin %> checklist exit-plan.yaml --template our-layout.html.hbs --out checklist.html',
    },
  ];
  static override args = { plan: Args.string({ description: en.help.args.plan, required: true }) };
  static override flags = documentFlags;

  async run(): Promise<ChecklistResult> {
    const { args, flags } = await this.parse(Checklist);
    const inputs = await readDocumentInputs(args.plan, flags);
    const { loaded } = inputs;
    const plan = loaded.plan;
    const { diskFiles, diskProblems, inventory } = await checklistFacts(inputs);
    const { receipts, attestation } = await readReleaseEvidence(inputs, flags);

    const model = buildChecklist({
      plan,
      ...(inputs.manifest
        ? {
            manifest: inputs.manifest.manifest,
            manifestSha256: inputs.manifest.sha256,
            manifestFile: path.basename(inputs.manifest.file),
          }
        : {}),
      ...(inputs.verification ? { verification: inputs.verification } : {}),
      ...(attestation ? { attestation } : {}),
      receipts,
      planSha256: loaded.sha256,
      diskFiles,
      diskProblems,
      inventory,
      date: inputs.date,
      ...(inputs.deliveredOn ? { deliveredOn: inputs.deliveredOn } : {}),
      ...(inputs.deliveredIn ? { deliveredIn: inputs.deliveredIn } : {}),
      language: inputs.language,
    });
    const written = await emitDocument(this, 'checklist', model, inputs, flags, plan.compensation?.currency);
    // A receipt that does not hold is named (in the record, and here) and answers no.
    const invalid = receipts.filter((r) => !r.valid);
    for (const r of invalid) this.note((m) => m.record.receiptNotValid(r.file, m.clauses(r.faults)));
    this.answer(model.complete && invalid.length === 0);
    return { ...model, ...(written ? { written } : {}) };
  }
}
