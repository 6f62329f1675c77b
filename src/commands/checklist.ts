import { en } from '../core/i18n/terminal/en.js';
import path from 'node:path';
import { english } from '../core/i18n/terminal/index.js';
import { Args } from '@oclif/core';
import {
  buildChecklist,
  type Checklist as ChecklistModel,
  type FoundFile,
  type InventoryCounts,
} from '../core/checklist.js';
import type { Deliverable } from '../core/plan.js';
import { BaseCommand } from '../lib/base-command.js';
import { documentFlags, emitDocument } from '../lib/document-flags.js';
import { readDocumentInputs } from '../io/documents.js';
import { summarizeInventory } from '../io/plan/inventory.js';
import { resolveSources } from '../io/plan/sources.js';

export type ChecklistResult = ChecklistModel & { written?: string };

export default class Checklist extends BaseCommand {
  static override summary = en.help.summary.checklist;
  static override description =
    "One section a family, one row a deliverable: owner, due date, status, files (count and size; digests with --manifest), the verification result with --verification, waivers, late and missing flags; the inventory summarised from its CSV; the open actions every handover needs (rotate handed-over secrets, revoke the outgoing provider's access, move registrar, DNS and licence portals, confirm the restore test) with who does them; a glossary; sign-off blocks for the client, the outgoing and the incoming provider. Credentials are listed by name and file name only. Without --manifest, files are those found from the plan's sources. Exits 0 when the handover is complete per the inputs (every required deliverable handed over, intact when verified, or waived; and with --verification, a verification that holds), 1 when it is not, 2 when it could not write the checklist.";
  static override examples = [
    '<%= config.bin %> checklist exit-plan.yaml',
    '<%= config.bin %> checklist exit-plan.yaml --manifest out/acme-exit-2026.manifest.json --verification verification.json --out checklist.html',
    '<%= config.bin %> checklist exit-plan.yaml --lang en --format md --out checklist.md',
    '<%= config.bin %> checklist exit-plan.yaml --template our-layout.html.hbs --out checklist.html',
  ];
  static override args = { plan: Args.string({ description: 'the exit plan (YAML)', required: true }) };
  static override flags = documentFlags;

  async run(): Promise<ChecklistResult> {
    const { args, flags } = await this.parse(Checklist);
    const inputs = await readDocumentInputs(args.plan, flags);
    const { loaded } = inputs;
    const plan = loaded.plan;
    const allowExternal = plan.allow_external_sources;

    const diskFiles = new Map<string, FoundFile[]>();
    const diskProblems = new Map<string, string[]>();
    const inventory: InventoryCounts[] = [];
    for (const d of plan.deliverables) {
      const needFiles = !inputs.manifest && d.status !== 'waived';
      if (!needFiles && d.category !== 'inventory') continue;
      if (d.sources.length === 0) continue;
      const { files, problems } = await resolveSources(loaded.dir, d, { allowExternal });
      if (needFiles) {
        diskFiles.set(
          d.id,
          files.map((f) => ({ name: f.rel, size: f.size })),
        );
        if (problems.length)
          diskProblems.set(
            d.id,
            problems.map((p) => english(p.message)),
          );
      }
      if (d.category === 'inventory') inventory.push(...(await inventoryOf(d, files)));
    }

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

/** Each CSV among an inventory deliverable's files, summarised (counts by type and by location). */
async function inventoryOf(
  d: Deliverable,
  files: Array<{ abs: string; rel: string }>,
): Promise<InventoryCounts[]> {
  const out: InventoryCounts[] = [];
  for (const f of files) {
    if (!/\.csv$/i.test(f.rel)) continue;
    const s = await summarizeInventory(f.abs, d.checks.columns);
    out.push({
      deliverable: d.id,
      file: f.rel,
      rows: s.rows,
      columns: s.columns,
      byType: counts(s.byType),
      byLocation: counts(s.byLocation),
      missingColumns: s.missingColumns,
    });
  }
  return out;
}

/** Counts as a list, most first, then by name. */
function counts(by: Record<string, number>): Array<{ name: string; count: number }> {
  return Object.entries(by)
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
