import { en } from '../core/i18n/terminal/en.js';
import path from 'node:path';
import { Args } from '@oclif/core';
import { buildChecklist, type Checklist as ChecklistModel } from '../core/checklist.js';
import { BaseCommand } from '../lib/base-command.js';
import { documentFlags, emitDocument } from '../lib/document-flags.js';
import { checklistFacts, readAttestation, readDocumentInputs } from '../io/documents.js';

export type ChecklistResult = ChecklistModel & { written?: string };

export default class Checklist extends BaseCommand {
  static override summary = en.help.summary.checklist;
  static override description =
    "One section a family, one row a deliverable: owner, due date, status, files (count and size; digests with --manifest), the verification result with --verification, waivers, the outgoing provider's deletion attestation with --attestation (scope, method, date, what is retained and why, signer; checked against the plan's outgoing key and the --manifest), late and missing flags; the inventory summarised from its CSV; the open actions every handover needs (rotate handed-over secrets, revoke the outgoing provider's access, move registrar, DNS and licence portals, confirm the restore test) with who does them; a glossary; sign-off blocks for the client, the outgoing and the incoming provider. Credentials are listed by name and file name only. Without --manifest, files are those found from the plan's sources. Exits 0 when the handover is complete per the inputs (every required deliverable handed over, intact when verified, or waived; and with --verification, a verification that holds), 1 when it is not, 2 when it could not write the checklist.";
  static override examples = [
    '<%= config.bin %> checklist exit-plan.yaml',
    '<%= config.bin %> checklist exit-plan.yaml --manifest out/acme-exit-2026.manifest.json --verification verification.json --out checklist.html',
    '<%= config.bin %> checklist exit-plan.yaml --lang en --format md --out checklist.md',
    '<%= config.bin %> checklist exit-plan.yaml --template our-layout.html.hbs --out checklist.html',
    '<%= config.bin %> checklist exit-plan.yaml --manifest out/acme-exit-2026.manifest.json --attestation out/acme-exit-2026.deletion.json --out checklist.md',
  ];
  static override args = { plan: Args.string({ description: 'the exit plan (YAML)', required: true }) };
  static override flags = documentFlags;

  async run(): Promise<ChecklistResult> {
    const { args, flags } = await this.parse(Checklist);
    const inputs = await readDocumentInputs(args.plan, flags);
    const { loaded } = inputs;
    const plan = loaded.plan;
    const { diskFiles, diskProblems, inventory } = await checklistFacts(inputs);
    const attestation = await readAttestation(inputs, flags.attestation);

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
      planSha256: loaded.sha256,
      diskFiles,
      diskProblems,
      inventory,
      date: inputs.date,
      language: inputs.language,
    });
    const written = await emitDocument(this, 'checklist', model, inputs, flags, plan.compensation?.currency);
    this.answer(model.complete);
    return { ...model, ...(written ? { written } : {}) };
  }
}
